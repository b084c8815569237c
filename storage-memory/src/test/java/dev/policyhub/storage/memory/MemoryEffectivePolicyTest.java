package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.orgpolicy.EffectivePolicyKit;

/** The effective-policy suite of the conformance kit on the in-memory store. */
class MemoryEffectivePolicyTest extends EffectivePolicyKit {
    @Override
    protected Storage newStorage() {
        return new MemoryStorageProvider().open(java.util.Map.of());
    }
}
