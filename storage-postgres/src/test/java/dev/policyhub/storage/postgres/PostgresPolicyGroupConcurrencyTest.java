package dev.policyhub.storage.postgres;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.policygroups.PolicyGroupConcurrencyKit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The Pulumi policy-group concurrency suite of the conformance kit over a PostgreSQL store. */
class PostgresPolicyGroupConcurrencyTest extends PolicyGroupConcurrencyKit {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Override
    protected Storage newStorage() {
        return DATABASES.emptyStore();
    }
}
