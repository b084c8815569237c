package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.policygroups.PolicyGroupScenarioKit;

/** The Pulumi policy-group scenarios S1–S16 of the conformance kit over the in-memory store. */
class MemoryPolicyGroupScenarioTest extends PolicyGroupScenarioKit {

    @Override
    protected Storage newStorage() {
        return new MemoryStorageProvider().open(java.util.Map.of());
    }
}
