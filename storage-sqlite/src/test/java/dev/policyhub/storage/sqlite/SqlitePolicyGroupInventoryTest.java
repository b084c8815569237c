package dev.policyhub.storage.sqlite;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.policygroups.PolicyGroupInventoryKit;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The Pulumi inventory and registry life cycle of the conformance kit over a SQLite store. */
class SqlitePolicyGroupInventoryTest extends PolicyGroupInventoryKit {
    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return Databases.fresh(dir);
    }
}
