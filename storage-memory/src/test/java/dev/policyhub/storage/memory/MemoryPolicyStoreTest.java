package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.store.PolicyStoreKit;

/** {@link MemoryStorage} against the {@code PolicyStore} contract. */
class MemoryPolicyStoreTest extends PolicyStoreKit {

    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
