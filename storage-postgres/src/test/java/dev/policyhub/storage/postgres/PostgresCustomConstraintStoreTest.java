package dev.policyhub.storage.postgres;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.store.CustomConstraintStoreKit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PostgresStorage} against the {@code CustomConstraintStore} contract. */
class PostgresCustomConstraintStoreTest extends CustomConstraintStoreKit {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Override
    protected Storage newStorage() {
        return DATABASES.emptyStore();
    }
}
