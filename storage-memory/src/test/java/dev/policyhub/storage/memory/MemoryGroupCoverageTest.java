package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.store.GroupCoverageKit;

import java.util.Map;

/** {@link MemoryStorage} against the group-coverage contract. */
class MemoryGroupCoverageTest extends GroupCoverageKit {

    @Override
    protected Storage newStorage() {
        return new MemoryStorageProvider().open(Map.of());
    }
}
