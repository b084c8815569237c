package dev.policyhub.storage.postgres;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.hierarchy.HierarchyServiceKit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The hierarchy suite of the conformance kit over a PostgreSQL store. */
class PostgresHierarchyServiceTest extends HierarchyServiceKit {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Override
    protected Storage newStorage() {
        return DATABASES.emptyStore();
    }
}
