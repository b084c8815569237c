package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.policygroups.PolicyGroupInventoryKit;

/** The Pulumi inventory and registry life cycle of the conformance kit over the in-memory store. */
class MemoryPolicyGroupInventoryTest extends PolicyGroupInventoryKit {

    @Override
    protected Storage newStorage() {
        return new MemoryStorageProvider().open(java.util.Map.of());
    }
}
