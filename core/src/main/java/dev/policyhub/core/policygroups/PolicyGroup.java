package dev.policyhub.core.policygroups;

import java.util.List;
import java.util.Objects;

/**
 * A policy group of an organization: which packs apply, at which levels, to which stacks and Insights accounts.
 * Stacks are sorted by project then name, packs by name, accounts by name; {@code agentPoolId} is {@code ""} when unset.
 */
public record PolicyGroup(String org, String name, EntityType entityType, Mode mode, boolean isOrgDefault,
                          List<StackRef> stacks, List<AppliedPolicyPack> appliedPolicyPacks, List<String> accounts,
                          String agentPoolId) {
    /** The default group every new stack joins. */
    public static final String DEFAULT_STACKS_GROUP = "default-policy-group";
    /** The default group every new Insights account joins. */
    public static final String DEFAULT_ACCOUNTS_GROUP = "default-accounts-policy-group";

    public PolicyGroup {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(mode, "mode");
        stacks = stacks.stream().distinct()
                .sorted(java.util.Comparator.comparing(StackRef::routingProject).thenComparing(StackRef::name))
                .toList();
        appliedPolicyPacks = appliedPolicyPacks.stream()
                .sorted(java.util.Comparator.comparing(AppliedPolicyPack::name)).toList();
        accounts = accounts.stream().distinct().sorted().toList();
        Objects.requireNonNull(agentPoolId, "agentPoolId");
    }

    /** True when at least one pack is applied: an empty group protects nothing. */
    public boolean isActive() {
        return !appliedPolicyPacks.isEmpty();
    }

    /** The summary of this group. */
    public PolicyGroupSummary summary() {
        return new PolicyGroupSummary(name, isOrgDefault, stacks.size(), accounts.size(), entityType, mode,
                appliedPolicyPacks.size());
    }
}
