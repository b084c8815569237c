package dev.policyhub.storage.postgres;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.store.StackStoreKit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PostgresStorage} against the {@code StackStore} contract. */
class PostgresStackStoreTest extends StackStoreKit {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Override
    protected Storage newStorage() {
        return DATABASES.emptyStore();
    }
}
