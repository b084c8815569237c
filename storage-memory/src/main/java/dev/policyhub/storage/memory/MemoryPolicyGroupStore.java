package dev.policyhub.storage.memory;

import dev.policyhub.core.policygroups.PolicyGroup;
import dev.policyhub.core.spi.PolicyGroupStore;
import dev.policyhub.core.spi.Versioned;
import dev.policyhub.storage.memory.MemoryData.OrgNameKey;

import java.util.List;
import java.util.Optional;

/** {@link PolicyGroupStore} over a session's {@link MemoryData}; a group is keyed by (org, name). */
final class MemoryPolicyGroupStore implements PolicyGroupStore {
    private final MemorySession session;

    MemoryPolicyGroupStore(MemorySession session) {
        this.session = session;
    }

    @Override
    public Optional<Versioned<PolicyGroup>> get(String org, String name) {
        return session.data().policyGroups.get(new OrgNameKey(org, name));
    }

    @Override
    public List<Versioned<PolicyGroup>> list(String org) {
        return session.data().policyGroups.after(new OrgNameKey(org, null), key -> key.org().equals(org),
                Integer.MAX_VALUE);
    }

    @Override
    public boolean insert(PolicyGroup group) {
        return session.data().policyGroups.insert(session.journal(), key(group), group);
    }

    @Override
    public boolean replace(PolicyGroup group, long expectedVersion) {
        return session.data().policyGroups.replace(session.journal(), key(group), group, expectedVersion);
    }

    @Override
    public boolean delete(String org, String name, long expectedVersion) {
        return session.data().policyGroups.delete(session.journal(), new OrgNameKey(org, name), expectedVersion);
    }

    private static OrgNameKey key(PolicyGroup group) {
        return new OrgNameKey(group.org(), group.name());
    }
}
