package dev.policyhub.storage.postgres;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.store.PulumiOrgStoreKit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PostgresStorage} against the {@code PulumiOrgStore} contract. */
class PostgresPulumiOrgStoreTest extends PulumiOrgStoreKit {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Override
    protected Storage newStorage() {
        return DATABASES.emptyStore();
    }
}
