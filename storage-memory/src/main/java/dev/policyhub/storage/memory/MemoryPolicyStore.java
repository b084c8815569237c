package dev.policyhub.storage.memory;

import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.spi.PolicyStore;
import dev.policyhub.core.spi.Versioned;
import dev.policyhub.storage.memory.MemoryData.PolicyKey;

import java.util.List;
import java.util.Optional;

/** {@link PolicyStore} over a session's {@link MemoryData}. */
final class MemoryPolicyStore implements PolicyStore {
    private final MemorySession session;

    MemoryPolicyStore(MemorySession session) {
        this.session = session;
    }

    @Override
    public Optional<Versioned<Policy>> get(NodeKey resource, String constraint) {
        return session.data().policies.get(new PolicyKey(resource, constraint));
    }

    @Override
    public List<Versioned<Policy>> list(NodeKey resource, String afterConstraint, int limit) {
        return session.data().policies.after(new PolicyKey(resource, afterConstraint),
                key -> key.resource().equals(resource), limit);
    }

    @Override
    public boolean insert(NodeKey resource, String constraint, Policy policy) {
        return session.data().policies.insert(session.journal(), new PolicyKey(resource, constraint), policy);
    }

    @Override
    public boolean replace(NodeKey resource, String constraint, Policy policy, long expectedVersion) {
        return session.data().policies.replace(session.journal(), new PolicyKey(resource, constraint), policy,
                expectedVersion);
    }

    @Override
    public boolean delete(NodeKey resource, String constraint, long expectedVersion) {
        return session.data().policies.delete(session.journal(), new PolicyKey(resource, constraint),
                expectedVersion);
    }
}
