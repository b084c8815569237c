package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.store.NodeStoreKit;

/** {@link MemoryStorage} against the {@code NodeStore} contract. */
class MemoryNodeStoreTest extends NodeStoreKit {

    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
