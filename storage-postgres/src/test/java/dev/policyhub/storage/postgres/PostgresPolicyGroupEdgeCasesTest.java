package dev.policyhub.storage.postgres;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.policygroups.PolicyGroupEdgeCasesKit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The Pulumi policy-group edge cases of the conformance kit over a PostgreSQL store. */
class PostgresPolicyGroupEdgeCasesTest extends PolicyGroupEdgeCasesKit {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Override
    protected Storage newStorage() {
        return DATABASES.emptyStore();
    }
}
