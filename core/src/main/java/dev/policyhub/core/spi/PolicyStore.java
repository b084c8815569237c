package dev.policyhub.core.spi;

import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.orgpolicy.Policy;

import java.util.List;
import java.util.Optional;

/** Persistence of organization policies, keyed by (resource, constraint id), with optimistic versions. */
public interface PolicyStore {

    /** The policy of a resource for a constraint. */
    Optional<Versioned<Policy>> get(NodeKey resource, String constraint);

    /** Policies of a resource with a constraint id greater than {@code afterConstraint}, ascending. */
    List<Versioned<Policy>> list(NodeKey resource, String afterConstraint, int limit);

    /** Stores a new policy at version 1; false if one exists for (resource, constraint). */
    boolean insert(NodeKey resource, String constraint, Policy policy);

    /** Replaces a policy; false on a version mismatch or if it is gone. */
    boolean replace(NodeKey resource, String constraint, Policy policy, long expectedVersion);

    /** Removes a policy; false on a version mismatch or if it is gone. */
    boolean delete(NodeKey resource, String constraint, long expectedVersion);
}
