package dev.policyhub.storage.memory;

import dev.policyhub.core.orgpolicy.CustomConstraint;
import dev.policyhub.core.spi.CustomConstraintStore;
import dev.policyhub.core.spi.Versioned;
import dev.policyhub.storage.memory.MemoryData.ConstraintKey;

import java.util.List;
import java.util.Optional;

/** {@link CustomConstraintStore} over a session's {@link MemoryData}; a constraint is keyed by its {@code id()}. */
final class MemoryCustomConstraintStore implements CustomConstraintStore {
    private final MemorySession session;

    MemoryCustomConstraintStore(MemorySession session) {
        this.session = session;
    }

    @Override
    public Optional<Versioned<CustomConstraint>> get(long organizationId, String constraintId) {
        return session.data().customConstraints.get(new ConstraintKey(organizationId, constraintId));
    }

    @Override
    public List<Versioned<CustomConstraint>> list(long organizationId, String afterId, int limit) {
        return session.data().customConstraints.after(new ConstraintKey(organizationId, afterId),
                key -> key.organizationId() == organizationId, limit);
    }

    @Override
    public boolean insert(long organizationId, CustomConstraint constraint) {
        return session.data().customConstraints.insert(session.journal(),
                new ConstraintKey(organizationId, constraint.id()), constraint);
    }

    @Override
    public boolean replace(long organizationId, CustomConstraint constraint, long expectedVersion) {
        return session.data().customConstraints.replace(session.journal(),
                new ConstraintKey(organizationId, constraint.id()), constraint, expectedVersion);
    }

    @Override
    public boolean delete(long organizationId, String constraintId, long expectedVersion) {
        return session.data().customConstraints.delete(session.journal(),
                new ConstraintKey(organizationId, constraintId), expectedVersion);
    }
}
