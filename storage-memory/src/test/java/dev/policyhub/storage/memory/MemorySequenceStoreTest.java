package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.store.SequenceStoreKit;

/** {@link MemoryStorage} against the {@code SequenceStore} contract. */
class MemorySequenceStoreTest extends SequenceStoreKit {

    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
