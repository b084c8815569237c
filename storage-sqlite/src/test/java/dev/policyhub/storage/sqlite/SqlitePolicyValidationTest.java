package dev.policyhub.storage.sqlite;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.orgpolicy.PolicyValidationKit;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The validation rules V1–V20 over a SQLite store. */
class SqlitePolicyValidationTest extends PolicyValidationKit {
    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return Databases.fresh(dir);
    }
}
