package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.policygroups.PolicyGroupErrorKit;

/** The Pulumi policy-group error rows of the conformance kit over the in-memory store. */
class MemoryPolicyGroupErrorTest extends PolicyGroupErrorKit {

    @Override
    protected Storage newStorage() {
        return new MemoryStorageProvider().open(java.util.Map.of());
    }
}
