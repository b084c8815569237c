package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.orgpolicy.OrgPolicyServiceKit;

/** The Org Policy service behaviour over the in-memory store. */
class MemoryOrgPolicyServiceTest extends OrgPolicyServiceKit {
    @Override
    protected Storage newStorage() {
        return new MemoryStorageProvider().open(java.util.Map.of());
    }
}
