package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.orgpolicy.NamesAndEdgeCasesKit;

import java.util.Map;

/** Runs {@link NamesAndEdgeCasesKit} over the memory store. */
class MemoryNamesAndEdgeCasesTest extends NamesAndEdgeCasesKit {
    @Override
    protected Storage newStorage() {
        return new MemoryStorageProvider().open(Map.of());
    }
}
