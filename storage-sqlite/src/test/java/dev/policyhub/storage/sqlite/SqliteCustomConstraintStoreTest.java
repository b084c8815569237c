package dev.policyhub.storage.sqlite;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.store.CustomConstraintStoreKit;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** {@link SqliteStorage} against the {@code CustomConstraintStore} contract. */
class SqliteCustomConstraintStoreTest extends CustomConstraintStoreKit {
    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return Databases.fresh(dir);
    }
}
