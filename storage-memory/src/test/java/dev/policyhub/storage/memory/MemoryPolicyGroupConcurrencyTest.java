package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.policygroups.PolicyGroupConcurrencyKit;

/** The Pulumi policy-group concurrency suite of the conformance kit over the in-memory store. */
class MemoryPolicyGroupConcurrencyTest extends PolicyGroupConcurrencyKit {

    @Override
    protected Storage newStorage() {
        return new MemoryStorageProvider().open(java.util.Map.of());
    }
}
