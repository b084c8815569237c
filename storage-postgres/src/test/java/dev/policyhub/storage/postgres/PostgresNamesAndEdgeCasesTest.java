package dev.policyhub.storage.postgres;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.orgpolicy.NamesAndEdgeCasesKit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The names and edge cases of the conformance kit over a PostgreSQL store. */
class PostgresNamesAndEdgeCasesTest extends NamesAndEdgeCasesKit {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Override
    protected Storage newStorage() {
        return DATABASES.emptyStore();
    }
}
