package dev.policyhub.storage.sqlite;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.policygroups.PolicyGroupErrorKit;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The Pulumi policy-group error rows of the conformance kit over a SQLite store. */
class SqlitePolicyGroupErrorTest extends PolicyGroupErrorKit {
    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return Databases.fresh(dir);
    }
}
