package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.store.AccountStoreKit;

import java.util.Map;

/** {@link MemoryStorage} against the {@code AccountStore} contract. */
class MemoryAccountStoreTest extends AccountStoreKit {

    @Override
    protected Storage newStorage() {
        return new MemoryStorageProvider().open(Map.of());
    }
}
