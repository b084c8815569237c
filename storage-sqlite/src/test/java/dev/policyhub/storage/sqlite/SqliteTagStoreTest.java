package dev.policyhub.storage.sqlite;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.store.TagStoreKit;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** {@link SqliteStorage} against the {@code TagStore} contract. */
class SqliteTagStoreTest extends TagStoreKit {
    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return Databases.fresh(dir);
    }
}
