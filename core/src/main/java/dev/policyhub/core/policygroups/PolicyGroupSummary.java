package dev.policyhub.core.policygroups;

import java.util.Objects;

/** A group in a listing: counts instead of members. */
public record PolicyGroupSummary(String name, boolean isOrgDefault, int numStacks, int numAccounts,
                                 EntityType entityType, Mode mode, int numEnabledPolicyPacks) {
    public PolicyGroupSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(mode, "mode");
    }
}
