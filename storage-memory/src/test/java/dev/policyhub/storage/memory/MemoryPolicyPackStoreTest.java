package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.store.PolicyPackStoreKit;

import java.util.Map;

/** {@link MemoryStorage} against the {@code PolicyPackStore} contract. */
class MemoryPolicyPackStoreTest extends PolicyPackStoreKit {

    @Override
    protected Storage newStorage() {
        return new MemoryStorageProvider().open(Map.of());
    }
}
