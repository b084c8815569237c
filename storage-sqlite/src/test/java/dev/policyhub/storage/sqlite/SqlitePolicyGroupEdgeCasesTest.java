package dev.policyhub.storage.sqlite;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.policygroups.PolicyGroupEdgeCasesKit;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The Pulumi policy-group edge cases of the conformance kit over a SQLite store. */
class SqlitePolicyGroupEdgeCasesTest extends PolicyGroupEdgeCasesKit {
    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return Databases.fresh(dir);
    }
}
