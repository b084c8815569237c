package dev.policyhub.storage.sqlite;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.orgpolicy.DecisionTraceKit;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The decision-trace suite of the conformance kit over a SQLite store. */
class SqliteDecisionTraceTest extends DecisionTraceKit {
    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return Databases.fresh(dir);
    }
}
