package dev.policyhub.storage.sqlite;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.store.StorageKit;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** {@link SqliteStorage} against the storage contract. */
class SqliteStorageTest extends StorageKit {
    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return Databases.fresh(dir);
    }
}
