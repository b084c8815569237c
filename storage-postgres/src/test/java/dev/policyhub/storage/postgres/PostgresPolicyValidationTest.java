package dev.policyhub.storage.postgres;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.orgpolicy.PolicyValidationKit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The validation rules V1–V20 over a PostgreSQL store. */
class PostgresPolicyValidationTest extends PolicyValidationKit {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Override
    protected Storage newStorage() {
        return DATABASES.emptyStore();
    }
}
