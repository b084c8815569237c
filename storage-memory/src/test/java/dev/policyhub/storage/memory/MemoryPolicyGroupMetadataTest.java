package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.policygroups.PolicyGroupMetadataKit;

/** The Pulumi policy-group metadata figures of the conformance kit over the in-memory store. */
class MemoryPolicyGroupMetadataTest extends PolicyGroupMetadataKit {

    @Override
    protected Storage newStorage() {
        return new MemoryStorageProvider().open(java.util.Map.of());
    }
}
