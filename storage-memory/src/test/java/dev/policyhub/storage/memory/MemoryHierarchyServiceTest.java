package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.hierarchy.HierarchyServiceKit;

/** The hierarchy suite of the conformance kit over the in-memory store. */
class MemoryHierarchyServiceTest extends HierarchyServiceKit {

    @Override
    protected Storage newStorage() {
        return new MemoryStorageProvider().open(java.util.Map.of());
    }
}
