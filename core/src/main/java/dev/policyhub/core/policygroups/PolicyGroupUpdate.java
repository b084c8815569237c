package dev.policyhub.core.policygroups;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One update of a group (a PATCH body, or one element of a batch). Every field is optional: empty means absent or
 * {@code null}, i.e. unchanged; for the replacement lists {@code stacks}, {@code policyPacks} and
 * {@code insightsAccounts}, an empty list means "clear". {@code mode} and {@code entityType} are accepted only when
 * they equal the group's.
 */
public record PolicyGroupUpdate(Optional<String> newName, Optional<StackRef> addStack, Optional<StackRef> removeStack,
                                Optional<PackRef> addPolicyPack, Optional<PackRef> removePolicyPack,
                                Optional<String> addInsightsAccount, Optional<String> removeInsightsAccount,
                                Optional<List<StackRef>> stacks, Optional<List<PackRef>> policyPacks,
                                Optional<List<String>> insightsAccounts, Optional<String> agentPoolId,
                                Optional<String> mode, Optional<String> entityType) {
    public PolicyGroupUpdate {
        Objects.requireNonNull(newName, "newName");
        Objects.requireNonNull(addStack, "addStack");
        Objects.requireNonNull(removeStack, "removeStack");
        Objects.requireNonNull(addPolicyPack, "addPolicyPack");
        Objects.requireNonNull(removePolicyPack, "removePolicyPack");
        Objects.requireNonNull(addInsightsAccount, "addInsightsAccount");
        Objects.requireNonNull(removeInsightsAccount, "removeInsightsAccount");
        stacks = stacks.map(List::copyOf);
        policyPacks = policyPacks.map(List::copyOf);
        insightsAccounts = insightsAccounts.map(List::copyOf);
        Objects.requireNonNull(agentPoolId, "agentPoolId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(entityType, "entityType");
    }

    /** An update that changes nothing ({@code {}}). */
    public static PolicyGroupUpdate none() {
        return new PolicyGroupUpdate(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** {@code {"newName": name}}. */
    public PolicyGroupUpdate withNewName(String name) {
        return new PolicyGroupUpdate(Optional.of(name), addStack, removeStack, addPolicyPack, removePolicyPack,
                addInsightsAccount, removeInsightsAccount, stacks, policyPacks, insightsAccounts, agentPoolId, mode,
                entityType);
    }

    /** {@code {"addStack": stack}}. */
    public PolicyGroupUpdate withAddStack(StackRef stack) {
        return new PolicyGroupUpdate(newName, Optional.of(stack), removeStack, addPolicyPack, removePolicyPack,
                addInsightsAccount, removeInsightsAccount, stacks, policyPacks, insightsAccounts, agentPoolId, mode,
                entityType);
    }

    /** {@code {"removeStack": stack}}. */
    public PolicyGroupUpdate withRemoveStack(StackRef stack) {
        return new PolicyGroupUpdate(newName, addStack, Optional.of(stack), addPolicyPack, removePolicyPack,
                addInsightsAccount, removeInsightsAccount, stacks, policyPacks, insightsAccounts, agentPoolId, mode,
                entityType);
    }

    /** {@code {"addPolicyPack": pack}}. */
    public PolicyGroupUpdate withAddPolicyPack(PackRef pack) {
        return new PolicyGroupUpdate(newName, addStack, removeStack, Optional.of(pack), removePolicyPack,
                addInsightsAccount, removeInsightsAccount, stacks, policyPacks, insightsAccounts, agentPoolId, mode,
                entityType);
    }

    /** {@code {"removePolicyPack": pack}}. */
    public PolicyGroupUpdate withRemovePolicyPack(PackRef pack) {
        return new PolicyGroupUpdate(newName, addStack, removeStack, addPolicyPack, Optional.of(pack),
                addInsightsAccount, removeInsightsAccount, stacks, policyPacks, insightsAccounts, agentPoolId, mode,
                entityType);
    }

    /** {@code {"addInsightsAccount": {"name": account}}}. */
    public PolicyGroupUpdate withAddInsightsAccount(String account) {
        return new PolicyGroupUpdate(newName, addStack, removeStack, addPolicyPack, removePolicyPack,
                Optional.of(account), removeInsightsAccount, stacks, policyPacks, insightsAccounts, agentPoolId, mode,
                entityType);
    }

    /** {@code {"removeInsightsAccount": {"name": account}}}. */
    public PolicyGroupUpdate withRemoveInsightsAccount(String account) {
        return new PolicyGroupUpdate(newName, addStack, removeStack, addPolicyPack, removePolicyPack,
                addInsightsAccount, Optional.of(account), stacks, policyPacks, insightsAccounts, agentPoolId, mode,
                entityType);
    }

    /** {@code {"stacks": list}}. */
    public PolicyGroupUpdate withStacks(List<StackRef> list) {
        return new PolicyGroupUpdate(newName, addStack, removeStack, addPolicyPack, removePolicyPack,
                addInsightsAccount, removeInsightsAccount, Optional.of(list), policyPacks, insightsAccounts,
                agentPoolId, mode, entityType);
    }

    /** {@code {"policyPacks": list}}. */
    public PolicyGroupUpdate withPolicyPacks(List<PackRef> list) {
        return new PolicyGroupUpdate(newName, addStack, removeStack, addPolicyPack, removePolicyPack,
                addInsightsAccount, removeInsightsAccount, stacks, Optional.of(list), insightsAccounts, agentPoolId,
                mode, entityType);
    }

    /** {@code {"insightsAccounts": list}}. */
    public PolicyGroupUpdate withInsightsAccounts(List<String> list) {
        return new PolicyGroupUpdate(newName, addStack, removeStack, addPolicyPack, removePolicyPack,
                addInsightsAccount, removeInsightsAccount, stacks, policyPacks, Optional.of(list), agentPoolId, mode,
                entityType);
    }

    /** {@code {"agentPoolId": id}} ({@code ""} clears). */
    public PolicyGroupUpdate withAgentPoolId(String id) {
        return new PolicyGroupUpdate(newName, addStack, removeStack, addPolicyPack, removePolicyPack,
                addInsightsAccount, removeInsightsAccount, stacks, policyPacks, insightsAccounts, Optional.of(id),
                mode, entityType);
    }

    /** {@code {"mode": mode, "entityType": type}} as spelled. */
    public PolicyGroupUpdate withModeAndEntityType(String newMode, String newEntityType) {
        return new PolicyGroupUpdate(newName, addStack, removeStack, addPolicyPack, removePolicyPack,
                addInsightsAccount, removeInsightsAccount, stacks, policyPacks, insightsAccounts, agentPoolId,
                Optional.ofNullable(newMode), Optional.ofNullable(newEntityType));
    }
}
