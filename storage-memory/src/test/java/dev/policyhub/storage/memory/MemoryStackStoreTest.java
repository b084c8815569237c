package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.store.StackStoreKit;

import java.util.Map;

/** {@link MemoryStorage} against the {@code StackStore} contract. */
class MemoryStackStoreTest extends StackStoreKit {

    @Override
    protected Storage newStorage() {
        return new MemoryStorageProvider().open(Map.of());
    }
}
