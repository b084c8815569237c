package dev.policyhub.storage.postgres;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.policygroups.PolicyGroupScenarioKit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The Pulumi policy-group scenarios S1–S16 of the conformance kit over a PostgreSQL store. */
class PostgresPolicyGroupScenarioTest extends PolicyGroupScenarioKit {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Override
    protected Storage newStorage() {
        return DATABASES.emptyStore();
    }
}
