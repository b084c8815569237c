package dev.policyhub.core.spi;

import dev.policyhub.core.policygroups.Stack;
import dev.policyhub.core.policygroups.StackRef;

import java.util.List;
import java.util.Optional;

/** Persistence of stacks, keyed by (org, project, stack), with optimistic versions. */
public interface StackStore {

    /** The stack, if it exists. */
    Optional<Versioned<Stack>> get(String org, String project, String stack);

    /** Stacks of an organization ordered by (project, name), strictly after {@code after} ({@code null} = from the start). */
    List<Versioned<Stack>> list(String org, StackRef after, int limit);

    /** Stores a new stack at version 1; false if it exists. */
    boolean insert(Stack stack);

    /** Replaces a stack with the same key; false on a version mismatch or if it is gone. */
    boolean replace(Stack stack, long expectedVersion);

    /** Removes a stack; false on a version mismatch or if it is gone. */
    boolean delete(String org, String project, String stack, long expectedVersion);
}
