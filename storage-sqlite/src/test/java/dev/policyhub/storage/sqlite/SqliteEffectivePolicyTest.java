package dev.policyhub.storage.sqlite;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.orgpolicy.EffectivePolicyKit;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The effective-policy suite of the conformance kit over a SQLite store. */
class SqliteEffectivePolicyTest extends EffectivePolicyKit {
    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return Databases.fresh(dir);
    }
}
