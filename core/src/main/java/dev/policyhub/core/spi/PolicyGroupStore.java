package dev.policyhub.core.spi;

import dev.policyhub.core.policygroups.PolicyGroup;

import java.util.List;
import java.util.Optional;

/** Persistence of policy groups, keyed by (org, name), with optimistic versions. A rename is a delete plus an insert. */
public interface PolicyGroupStore {

    /** The group, if it exists. */
    Optional<Versioned<PolicyGroup>> get(String org, String name);

    /** Every group of an organization, ascending by name. */
    List<Versioned<PolicyGroup>> list(String org);

    /** Stores a new group at version 1; false if the name is taken in that organization. */
    boolean insert(PolicyGroup group);

    /** Replaces a group with the same key; false on a version mismatch or if it is gone. */
    boolean replace(PolicyGroup group, long expectedVersion);

    /** Removes a group; false on a version mismatch or if it is gone. */
    boolean delete(String org, String name, long expectedVersion);
}
