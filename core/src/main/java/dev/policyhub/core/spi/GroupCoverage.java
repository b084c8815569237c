package dev.policyhub.core.spi;

import java.util.Objects;

/**
 * What the policy groups of an organization cover: every stack, the stacks in at least one active group (one with a
 * pack applied), in an active preventative group, in an active audit group; every Insights account, and the accounts
 * in an active group. A member counts only if the stack or account exists, with its own resource count.
 */
public record GroupCoverage(Tally stacks, Tally protectedStacks, Tally preventativeStacks, Tally auditStacks,
                            Tally accounts, Tally protectedAccounts) {
    public GroupCoverage {
        Objects.requireNonNull(stacks, "stacks");
        Objects.requireNonNull(protectedStacks, "protectedStacks");
        Objects.requireNonNull(preventativeStacks, "preventativeStacks");
        Objects.requireNonNull(auditStacks, "auditStacks");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(protectedAccounts, "protectedAccounts");
    }
}
