package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.store.StorageKit;

/** {@link MemoryStorage} against the storage contract. */
class MemoryStorageTest extends StorageKit {

    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
