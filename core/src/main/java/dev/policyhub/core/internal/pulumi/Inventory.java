package dev.policyhub.core.internal.pulumi;

import dev.policyhub.core.policygroups.InsightsAccount;
import dev.policyhub.core.policygroups.Stack;
import dev.policyhub.core.policygroups.StackRef;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.Versioned;

import java.util.ArrayList;
import java.util.List;

/** Whole-organization reads of the inventory, page by page. */
final class Inventory {
    private static final int PAGE = 1000;

    private Inventory() {
    }

    static List<Stack> allStacks(StoreSession s, String org) {
        List<Stack> all = new ArrayList<>();
        StackRef after = null;
        while (true) {
            List<Versioned<Stack>> page = s.stacks().list(org, after, PAGE);
            page.forEach(v -> all.add(v.value()));
            if (page.size() < PAGE) {
                return all;
            }
            after = page.get(page.size() - 1).value().ref();
        }
    }

    static List<InsightsAccount> allAccounts(StoreSession s, String org) {
        List<InsightsAccount> all = new ArrayList<>();
        String after = "";
        while (true) {
            List<Versioned<InsightsAccount>> page = s.accounts().list(org, after, PAGE);
            page.forEach(v -> all.add(v.value()));
            if (page.size() < PAGE) {
                return all;
            }
            after = page.get(page.size() - 1).value().name();
        }
    }
}
