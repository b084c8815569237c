package dev.policyhub.storage.postgres;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.policygroups.PolicyGroupInventoryKit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The Pulumi inventory and registry life cycle of the conformance kit over a PostgreSQL store. */
class PostgresPolicyGroupInventoryTest extends PolicyGroupInventoryKit {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Override
    protected Storage newStorage() {
        return DATABASES.emptyStore();
    }
}
