package dev.policyhub.storage.sqlite;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.store.GroupCoverageKit;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** {@link SqliteStorage} against the group-coverage contract. */
class SqliteGroupCoverageTest extends GroupCoverageKit {
    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return Databases.fresh(dir);
    }
}
