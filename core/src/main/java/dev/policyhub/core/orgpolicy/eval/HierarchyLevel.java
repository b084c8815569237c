package dev.policyhub.core.orgpolicy.eval;

import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.orgpolicy.Policy;

import java.util.Objects;
import java.util.Optional;

/** One node of the evaluated chain and its policy for the constraint, if any. */
public record HierarchyLevel(NodeKey node, Optional<Policy> policy) {
    public HierarchyLevel {
        Objects.requireNonNull(node, "node");
        policy = Objects.requireNonNullElse(policy, Optional.empty());
    }
}
