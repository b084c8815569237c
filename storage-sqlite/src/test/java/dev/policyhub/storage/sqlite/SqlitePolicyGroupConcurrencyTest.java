package dev.policyhub.storage.sqlite;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.policygroups.PolicyGroupConcurrencyKit;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The Pulumi policy-group concurrency suite of the conformance kit over a SQLite store. */
class SqlitePolicyGroupConcurrencyTest extends PolicyGroupConcurrencyKit {
    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return Databases.fresh(dir);
    }
}
