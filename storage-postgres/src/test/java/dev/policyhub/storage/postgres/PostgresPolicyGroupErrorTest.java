package dev.policyhub.storage.postgres;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.policygroups.PolicyGroupErrorKit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The Pulumi policy-group error rows of the conformance kit over a PostgreSQL store. */
class PostgresPolicyGroupErrorTest extends PolicyGroupErrorKit {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Override
    protected Storage newStorage() {
        return DATABASES.emptyStore();
    }
}
