package dev.policyhub.storage.sqlite;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.policygroups.PolicyGroupScenarioKit;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The Pulumi policy-group scenarios S1–S16 of the conformance kit over a SQLite store. */
class SqlitePolicyGroupScenarioTest extends PolicyGroupScenarioKit {
    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return Databases.fresh(dir);
    }
}
