package dev.policyhub.storage.postgres;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.store.GroupCoverageKit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PostgresStorage} against the group-coverage contract. */
class PostgresGroupCoverageTest extends GroupCoverageKit {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Override
    protected Storage newStorage() {
        return DATABASES.emptyStore();
    }
}
