package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.store.PulumiOrgStoreKit;

import java.util.Map;

/** {@link MemoryStorage} against the {@code PulumiOrgStore} contract. */
class MemoryPulumiOrgStoreTest extends PulumiOrgStoreKit {

    @Override
    protected Storage newStorage() {
        return new MemoryStorageProvider().open(Map.of());
    }
}
