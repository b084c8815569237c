package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.orgpolicy.PolicyValidationKit;

/** The validation rules V1–V20 over the in-memory store. */
class MemoryPolicyValidationTest extends PolicyValidationKit {
    @Override
    protected Storage newStorage() {
        return new MemoryStorageProvider().open(java.util.Map.of());
    }
}
