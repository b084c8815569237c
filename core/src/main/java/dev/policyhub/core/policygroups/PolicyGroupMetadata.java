package dev.policyhub.core.policygroups;

/**
 * Coverage of an organization: stacks and accounts, and their resources, in active groups (at least one pack) by
 * mode, and in total. Values above {@link Integer#MAX_VALUE} are clamped.
 */
public record PolicyGroupMetadata(int protectedStacks, int protectedStackResources, int preventativeStacks,
                                  int preventativeStackResources, int auditStacks, int auditStackResources,
                                  int totalStacks, int totalStackResources, int protectedAccounts,
                                  int protectedAccountResources, int totalAccounts, int totalAccountResources) {
}
