package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.store.PolicyGroupStoreKit;

import java.util.Map;

/** {@link MemoryStorage} against the {@code PolicyGroupStore} contract. */
class MemoryPolicyGroupStoreTest extends PolicyGroupStoreKit {

    @Override
    protected Storage newStorage() {
        return new MemoryStorageProvider().open(Map.of());
    }
}
