package dev.policyhub.storage.sqlite;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.orgpolicy.NamesAndEdgeCasesKit;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The names and edge cases of the conformance kit over a SQLite store. */
class SqliteNamesAndEdgeCasesTest extends NamesAndEdgeCasesKit {
    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return Databases.fresh(dir);
    }
}
