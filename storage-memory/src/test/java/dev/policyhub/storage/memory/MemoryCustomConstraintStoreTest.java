package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.store.CustomConstraintStoreKit;

/** {@link MemoryStorage} against the {@code CustomConstraintStore} contract. */
class MemoryCustomConstraintStoreTest extends CustomConstraintStoreKit {

    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
