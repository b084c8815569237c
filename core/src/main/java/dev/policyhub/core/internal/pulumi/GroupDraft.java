package dev.policyhub.core.internal.pulumi;

import dev.policyhub.core.policygroups.AppliedPolicyPack;
import dev.policyhub.core.policygroups.PolicyGroup;
import dev.policyhub.core.policygroups.StackRef;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** A group being changed by one request: mutable copies of its name, members and packs. */
final class GroupDraft {
    final PolicyGroup original;
    String name;
    final Set<StackRef> stacks;
    final TreeMap<String, AppliedPolicyPack> packs = new TreeMap<>();
    final TreeSet<String> accounts;
    String agentPoolId;

    GroupDraft(PolicyGroup group) {
        this.original = group;
        this.name = group.name();
        this.stacks = new LinkedHashSet<>(group.stacks());
        group.appliedPolicyPacks().forEach(p -> packs.put(p.name(), p));
        this.accounts = new TreeSet<>(group.accounts());
        this.agentPoolId = group.agentPoolId();
    }

    PolicyGroup build() {
        return new PolicyGroup(original.org(), name, original.entityType(), original.mode(), original.isOrgDefault(),
                new ArrayList<>(stacks), new ArrayList<>(packs.values()), new ArrayList<>(accounts), agentPoolId);
    }
}
