package dev.policyhub.storage.postgres;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.store.StorageKit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PostgresStorage} against the storage contract. */
class PostgresStorageTest extends StorageKit {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Override
    protected Storage newStorage() {
        return DATABASES.emptyStore();
    }
}
