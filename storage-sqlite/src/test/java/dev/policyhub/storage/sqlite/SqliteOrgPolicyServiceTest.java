package dev.policyhub.storage.sqlite;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.orgpolicy.OrgPolicyServiceKit;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The Org Policy service behaviour over a SQLite store. */
class SqliteOrgPolicyServiceTest extends OrgPolicyServiceKit {
    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return Databases.fresh(dir);
    }
}
