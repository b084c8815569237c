package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.orgpolicy.DecisionTraceKit;

/** The decision-trace suite of the conformance kit on the in-memory store. */
class MemoryDecisionTraceTest extends DecisionTraceKit {
    @Override
    protected Storage newStorage() {
        return new MemoryStorageProvider().open(java.util.Map.of());
    }
}
