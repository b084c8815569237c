package dev.policyhub.core.spi;

import dev.policyhub.core.orgpolicy.CustomConstraint;

import java.util.List;
import java.util.Optional;

/** Persistence of custom constraints, keyed by (organization id, constraint id). */
public interface CustomConstraintStore {

    /** The custom constraint of an organization. */
    Optional<Versioned<CustomConstraint>> get(long organizationId, String constraintId);

    /** Custom constraints of an organization with an id greater than {@code afterId}, ascending. */
    List<Versioned<CustomConstraint>> list(long organizationId, String afterId, int limit);

    /** Stores a new custom constraint at version 1; false if it exists. */
    boolean insert(long organizationId, CustomConstraint constraint);

    /** Replaces a custom constraint; false on a version mismatch or if it is gone. */
    boolean replace(long organizationId, CustomConstraint constraint, long expectedVersion);

    /** Removes a custom constraint; false on a version mismatch or if it is gone. */
    boolean delete(long organizationId, String constraintId, long expectedVersion);
}
