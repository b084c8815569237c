package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.store.TagStoreKit;

/** {@link MemoryStorage} against the {@code TagStore} contract. */
class MemoryTagStoreTest extends TagStoreKit {

    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
