package dev.policyhub.core.spi;

import dev.policyhub.core.policygroups.InsightsAccount;
import dev.policyhub.core.policygroups.Mode;
import dev.policyhub.core.policygroups.PolicyGroup;
import dev.policyhub.core.policygroups.Stack;
import dev.policyhub.core.policygroups.StackRef;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link GroupCoverage} computed from the stores' lists: reads every stack, account and group of the organization. */
final class CoverageByListing {
    private static final int PAGE = 1000;

    private CoverageByListing() {
    }

    static GroupCoverage of(StoreSession s, String org) {
        Map<StackRef, Long> stacks = new HashMap<>();
        StackRef afterStack = null;
        while (true) {
            List<Versioned<Stack>> page = s.stacks().list(org, afterStack, PAGE);
            page.forEach(v -> stacks.put(v.value().ref(), v.value().resourceCount()));
            if (page.size() < PAGE) {
                break;
            }
            afterStack = page.get(page.size() - 1).value().ref();
        }
        Map<String, Long> accounts = new HashMap<>();
        String afterAccount = "";
        while (true) {
            List<Versioned<InsightsAccount>> page = s.accounts().list(org, afterAccount, PAGE);
            page.forEach(v -> accounts.put(v.value().name(), v.value().resourceCount()));
            if (page.size() < PAGE) {
                break;
            }
            afterAccount = page.get(page.size() - 1).value().name();
        }
        Set<StackRef> preventative = new HashSet<>();
        Set<StackRef> audit = new HashSet<>();
        Set<String> protectedAccounts = new HashSet<>();
        for (Versioned<PolicyGroup> v : s.policyGroups().list(org)) {
            PolicyGroup g = v.value();
            if (g.isActive()) {
                (g.mode() == Mode.PREVENTATIVE ? preventative : audit).addAll(g.stacks());
                protectedAccounts.addAll(g.accounts());
            }
        }
        Set<StackRef> protectedStacks = new HashSet<>(preventative);
        protectedStacks.addAll(audit);
        return new GroupCoverage(tally(stacks.keySet(), stacks), tally(protectedStacks, stacks),
                tally(preventative, stacks), tally(audit, stacks), tally(accounts.keySet(), accounts),
                tally(protectedAccounts, accounts));
    }

    private static <K> Tally tally(Set<K> members, Map<K, Long> inventory) {
        long count = 0;
        long resources = 0;
        for (K member : members) {
            Long r = inventory.get(member);
            if (r != null) {
                count++;
                resources += r;
            }
        }
        return new Tally(count, resources);
    }
}
