package dev.policyhub.storage.memory;

import dev.policyhub.core.policygroups.InsightsAccount;
import dev.policyhub.core.policygroups.Mode;
import dev.policyhub.core.policygroups.PolicyGroup;
import dev.policyhub.core.policygroups.Stack;
import dev.policyhub.core.policygroups.StackRef;
import dev.policyhub.core.spi.GroupCoverage;
import dev.policyhub.core.spi.Tally;
import dev.policyhub.core.spi.Versioned;
import dev.policyhub.storage.memory.MemoryData.OrgNameKey;
import dev.policyhub.storage.memory.MemoryData.StackKey;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link GroupCoverage} computed from the tables in place: the inventories are summed while they are walked and
 * members are looked up by key, so the only collections built are the distinct members of the active groups.
 */
final class MemoryGroupCoverage {
    private static final int PAGE = 1000;
    private static final int PREVENTATIVE = 1;
    private static final int AUDIT = 2;

    private MemoryGroupCoverage() {
    }

    static GroupCoverage of(MemoryData data, String org) {
        Map<StackRef, Integer> stackModes = new HashMap<>();
        Set<String> accountMembers = new HashSet<>();
        for (Versioned<PolicyGroup> v : data.policyGroups.after(new OrgNameKey(org, null),
                key -> key.org().equals(org), Integer.MAX_VALUE)) {
            PolicyGroup g = v.value();
            if (g.isActive()) {
                int mode = g.mode() == Mode.PREVENTATIVE ? PREVENTATIVE : AUDIT;
                g.stacks().forEach(ref -> stackModes.merge(ref, mode, (a, b) -> a | b));
                accountMembers.addAll(g.accounts());
            }
        }
        long[] protectedStacks = new long[2];
        long[] preventative = new long[2];
        long[] audit = new long[2];
        stackModes.forEach((ref, modes) -> {
            Optional<Versioned<Stack>> stack = data.stacks.get(new StackKey(org, ref.routingProject(), ref.name()));
            if (stack.isPresent()) {
                long resources = stack.get().value().resourceCount();
                add(protectedStacks, resources);
                if ((modes & PREVENTATIVE) != 0) {
                    add(preventative, resources);
                }
                if ((modes & AUDIT) != 0) {
                    add(audit, resources);
                }
            }
        });
        long[] protectedAccounts = new long[2];
        for (String name : accountMembers) {
            data.accounts.get(new OrgNameKey(org, name))
                    .ifPresent(a -> add(protectedAccounts, a.value().resourceCount()));
        }
        return new GroupCoverage(allStacks(data, org), tally(protectedStacks), tally(preventative), tally(audit),
                allAccounts(data, org), tally(protectedAccounts));
    }

    private static Tally allStacks(MemoryData data, String org) {
        long[] sum = new long[2];
        StackKey after = new StackKey(org, null, null);
        while (true) {
            List<Versioned<Stack>> page = data.stacks.after(after, key -> key.org().equals(org), PAGE);
            page.forEach(v -> add(sum, v.value().resourceCount()));
            if (page.size() < PAGE) {
                return tally(sum);
            }
            Stack last = page.get(page.size() - 1).value();
            after = new StackKey(org, last.project(), last.name());
        }
    }

    private static Tally allAccounts(MemoryData data, String org) {
        long[] sum = new long[2];
        OrgNameKey after = new OrgNameKey(org, null);
        while (true) {
            List<Versioned<InsightsAccount>> page = data.accounts.after(after, key -> key.org().equals(org), PAGE);
            page.forEach(v -> add(sum, v.value().resourceCount()));
            if (page.size() < PAGE) {
                return tally(sum);
            }
            after = new OrgNameKey(org, page.get(page.size() - 1).value().name());
        }
    }

    /** Adds one member holding {@code resources} resources to a (count, resources) pair. */
    private static void add(long[] sum, long resources) {
        sum[0]++;
        sum[1] += resources;
    }

    private static Tally tally(long[] sum) {
        return new Tally(sum[0], sum[1]);
    }
}
