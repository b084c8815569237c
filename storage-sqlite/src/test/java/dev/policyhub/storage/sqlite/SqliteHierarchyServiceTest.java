package dev.policyhub.storage.sqlite;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.hierarchy.HierarchyServiceKit;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The hierarchy suite of the conformance kit over a SQLite store. */
class SqliteHierarchyServiceTest extends HierarchyServiceKit {
    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return Databases.fresh(dir);
    }
}
