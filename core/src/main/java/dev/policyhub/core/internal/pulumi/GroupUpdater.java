package dev.policyhub.core.internal.pulumi;

import dev.policyhub.core.policygroups.AppliedPolicyPack;
import dev.policyhub.core.policygroups.EntityType;
import dev.policyhub.core.policygroups.InsightsAccount;
import dev.policyhub.core.policygroups.Mode;
import dev.policyhub.core.policygroups.PackRef;
import dev.policyhub.core.policygroups.PolicyGroupUpdate;
import dev.policyhub.core.policygroups.PolicyPackVersion;
import dev.policyhub.core.policygroups.Stack;
import dev.policyhub.core.policygroups.StackRef;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.Versioned;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies one {@link PolicyGroupUpdate} to a {@link GroupDraft}: field checks first, then replacement lists, removals,
 * additions, the agent pool and the new name, in that order.
 */
final class GroupUpdater {
    private static final int ACCOUNT_PAGE = 500;

    private final StoreSession s;
    private final String org;
    private final long nowMicros;

    GroupUpdater(StoreSession s, String org, long nowMicros) {
        this.s = s;
        this.org = org;
        this.nowMicros = nowMicros;
    }

    void apply(GroupDraft g, PolicyGroupUpdate u) {
        check(g, u);
        u.stacks().ifPresent(list -> {
            Set<StackRef> resolved = new LinkedHashSet<>();
            list.forEach(ref -> resolved.add(resolveStack(ref)));
            g.stacks.clear();
            g.stacks.addAll(resolved);
        });
        u.policyPacks().ifPresent(list -> {
            Map<String, AppliedPolicyPack> next = new java.util.TreeMap<>();
            for (PackRef ref : list) {
                next.put(ref.name(), applied(g, ref));
            }
            g.packs.clear();
            g.packs.putAll(next);
        });
        u.insightsAccounts().ifPresent(list -> {
            Set<String> resolved = new LinkedHashSet<>();
            list.forEach(name -> resolved.addAll(accountWithChildren(name)));
            g.accounts.clear();
            g.accounts.addAll(resolved);
        });
        u.removeStack().ifPresent(ref -> removeStack(g, ref));
        u.removePolicyPack().ifPresent(ref -> {
            AppliedPolicyPack current = g.packs.get(ref.name());
            if (current != null && (ref.versionTag().isEmpty() || ref.versionTag().equals(current.versionTag()))) {
                g.packs.remove(ref.name());
            }
        });
        u.removeInsightsAccount().ifPresent(name -> g.accounts.removeIf(a -> a.equals(name)
                || a.startsWith(name + "/")));
        u.addStack().ifPresent(ref -> g.stacks.add(resolveStack(ref)));
        u.addPolicyPack().ifPresent(ref -> g.packs.put(ref.name(), applied(g, ref)));
        u.addInsightsAccount().ifPresent(name -> g.accounts.addAll(accountWithChildren(name)));
        u.agentPoolId().ifPresent(id -> g.agentPoolId = id);
        u.newName().filter(n -> !n.isEmpty()).ifPresent(n -> g.name = n);
    }

    /** Checks that need no inventory: names present and well formed, config shapes, immutable fields. */
    private void check(GroupDraft g, PolicyGroupUpdate u) {
        u.newName().filter(n -> !n.isEmpty() && !n.equals(g.name)).ifPresent(n -> {
            if (g.original.isOrgDefault()) {
                throw PulumiErrors.precondition("Cannot rename the default Policy Group");
            }
            if (!PulumiNames.isName(n) || n.equals("metadata")) {
                throw PulumiErrors.badRequest("Invalid Policy Group name");
            }
        });
        boolean modeChanged = u.mode().filter(m -> !m.isEmpty())
                .map(m -> !Mode.parse(m).equals(Optional.of(g.original.mode()))).orElse(false);
        boolean typeChanged = u.entityType().filter(t -> !t.isEmpty())
                .map(t -> !EntityType.parse(t).equals(Optional.of(g.original.entityType()))).orElse(false);
        if (modeChanged || typeChanged) {
            throw PulumiErrors.badRequest("mode and entityType cannot be changed");
        }
        List<StackRef> stacks = new ArrayList<>(u.stacks().orElse(List.of()));
        u.addStack().ifPresent(stacks::add);
        u.removeStack().ifPresent(stacks::add);
        for (StackRef ref : stacks) {
            if (ref.name().isEmpty()) {
                throw PulumiErrors.badRequest("stack name is required");
            }
        }
        List<String> accounts = new ArrayList<>(u.insightsAccounts().orElse(List.of()));
        u.addInsightsAccount().ifPresent(accounts::add);
        u.removeInsightsAccount().ifPresent(accounts::add);
        for (String account : accounts) {
            if (account.isEmpty()) {
                throw PulumiErrors.badRequest("account name is required");
            }
        }
        List<PackRef> packs = new ArrayList<>(u.policyPacks().orElse(List.of()));
        u.addPolicyPack().ifPresent(packs::add);
        u.removePolicyPack().ifPresent(packs::add);
        for (PackRef ref : packs) {
            if (ref.name().isEmpty()) {
                throw PulumiErrors.badRequest("Policy Pack name is required");
            }
            PackConfig.config(ref.name(), ref.config());
            PackConfig.environments(ref.environments());
        }
        Set<String> seen = new HashSet<>();
        for (PackRef ref : u.policyPacks().orElse(List.of())) {
            if (!seen.add(ref.name())) {
                throw PulumiErrors.badRequest("duplicate Policy Pack '" + ref.name() + "' in policyPacks");
            }
        }
    }

    /** A stack reference resolved against the inventory; without a project the name must be unique in the org. */
    private StackRef resolveStack(StackRef ref) {
        if (!ref.routingProject().isEmpty()) {
            return s.stacks().get(org, ref.routingProject(), ref.name()).map(v -> v.value().ref())
                    .orElseThrow(() -> PulumiErrors.stackNotFound(ref.routingProject(), ref.name()));
        }
        List<StackRef> matches = new ArrayList<>();
        for (Stack stack : Inventory.allStacks(s, org)) {
            if (stack.name().equals(ref.name())) {
                matches.add(stack.ref());
            }
        }
        if (matches.isEmpty()) {
            throw PulumiErrors.notFound("Stack '" + ref.name() + "' not found");
        }
        if (matches.size() > 1) {
            throw PulumiErrors.badRequest("stack name '" + ref.name() + "' is ambiguous; routingProject is required");
        }
        return matches.get(0);
    }

    /** Removes a member; without a project it matches members by name, and must match at most one. */
    private static void removeStack(GroupDraft g, StackRef ref) {
        if (!ref.routingProject().isEmpty()) {
            g.stacks.remove(ref);
            return;
        }
        List<StackRef> matches = g.stacks.stream().filter(m -> m.name().equals(ref.name())).toList();
        if (matches.size() > 1) {
            throw PulumiErrors.badRequest("stack name '" + ref.name() + "' is ambiguous; routingProject is required");
        }
        matches.forEach(g.stacks::remove);
    }

    /** The account and its existing children; the account must exist. */
    private List<String> accountWithChildren(String name) {
        if (s.accounts().get(org, name).isEmpty()) {
            throw PulumiErrors.accountNotFound(name);
        }
        List<String> out = new ArrayList<>();
        out.add(name);
        String after = name + "/";
        while (true) {
            List<Versioned<InsightsAccount>> page = s.accounts().list(org, after, ACCOUNT_PAGE);
            for (Versioned<InsightsAccount> child : page) {
                if (!child.value().name().startsWith(name + "/")) {
                    return out;
                }
                out.add(child.value().name());
            }
            if (page.size() < ACCOUNT_PAGE) {
                return out;
            }
            after = page.get(page.size() - 1).value().name();
        }
    }

    /** The entry a reference applies: the resolved version; an unchanged entry keeps its modification stamp. */
    private AppliedPolicyPack applied(GroupDraft g, PackRef ref) {
        PolicyPackVersion version = Registry.select(s, org, ref.name(), ref.version(), ref.versionTag())
                .orElseThrow(() -> PulumiErrors.packNotFound(ref.name()));
        AppliedPolicyPack next = new AppliedPolicyPack(ref.name(), version.displayName(), version.version(),
                version.versionTag(), PackConfig.config(ref.name(), ref.config()),
                PackConfig.environments(ref.environments()), nowMicros);
        AppliedPolicyPack current = g.original.appliedPolicyPacks().stream()
                .filter(p -> p.name().equals(ref.name())).findFirst().orElse(null);
        return current != null && current.sameContent(next) ? current : next;
    }
}
