package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.policygroups.PolicyGroupEdgeCasesKit;

import java.util.Map;

/** Runs {@link PolicyGroupEdgeCasesKit} over the memory store. */
class MemoryPolicyGroupEdgeCasesTest extends PolicyGroupEdgeCasesKit {
    @Override
    protected Storage newStorage() {
        return new MemoryStorageProvider().open(Map.of());
    }
}
