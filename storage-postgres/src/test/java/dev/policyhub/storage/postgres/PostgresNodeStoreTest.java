package dev.policyhub.storage.postgres;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.store.NodeStoreKit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PostgresStorage} against the {@code NodeStore} contract. */
class PostgresNodeStoreTest extends NodeStoreKit {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Override
    protected Storage newStorage() {
        return DATABASES.emptyStore();
    }
}
