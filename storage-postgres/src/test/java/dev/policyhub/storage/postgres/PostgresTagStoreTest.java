package dev.policyhub.storage.postgres;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.store.TagStoreKit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PostgresStorage} against the {@code TagStore} contract. */
class PostgresTagStoreTest extends TagStoreKit {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Override
    protected Storage newStorage() {
        return DATABASES.emptyStore();
    }
}
