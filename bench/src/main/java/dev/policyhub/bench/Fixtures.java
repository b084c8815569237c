package dev.policyhub.bench;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.hierarchy.Folder;
import dev.policyhub.core.hierarchy.NewFolder;
import dev.policyhub.core.hierarchy.NewProject;
import dev.policyhub.core.hierarchy.Project;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;
import dev.policyhub.core.policygroups.AppliedPolicyPack;
import dev.policyhub.core.policygroups.EntityType;
import dev.policyhub.core.policygroups.Mode;
import dev.policyhub.core.policygroups.NewPolicyGroup;
import dev.policyhub.core.policygroups.NewPolicyPack;
import dev.policyhub.core.policygroups.PackRef;
import dev.policyhub.core.policygroups.PolicyGroup;
import dev.policyhub.core.policygroups.PolicyGroupUpdate;
import dev.policyhub.core.policygroups.PublishedVersion;
import dev.policyhub.core.policygroups.Stack;
import dev.policyhub.core.policygroups.StackRef;
import dev.policyhub.core.spi.Versioned;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The data the benchmarks run on, loaded through the public services in large write units. */
final class Fixtures {
    /** The organization of every hierarchy fixture. */
    static final long ORG = 1000L;
    /** The list constraint the three-level fixture sets at every level. */
    static final String LIST_CONSTRAINT = "serviceuser.services";
    /** The Pulumi organization of the policy-group fixture. */
    static final String PULUMI_ORG = "bench-org";
    /** How many service calls share one write unit while loading. */
    private static final int CHUNK = 10_000;

    private Fixtures() {
    }

    /**
     * Organization, folder and project with a policy on {@link #LIST_CONSTRAINT} and on {@code bench.flag0} at each
     * level; returns the project's name ({@code projects/<number>}).
     */
    static String threeLevels(PolicyHub hub) {
        return hub.storage().write(s -> {
            hub.hierarchy().createOrganization(ORG, "bench.example.com", "");
            Folder folder = hub.hierarchy().createFolder(NewFolder.of("organizations/" + ORG, "bench-folder"));
            Project project = hub.hierarchy().createProject(NewProject.of("bench-target", folder.name()));
            String[] levels = {"organizations/" + ORG, folder.name(), project.name()};
            for (int i = 0; i < levels.length; i++) {
                String parent = levels[i];
                PolicyRule rule = PolicyRule.allow("svc" + i + "a.googleapis.com", "svc" + i + "b.googleapis.com");
                PolicySpec spec = i == 0 ? PolicySpec.of(rule) : PolicySpec.inheriting(rule);
                hub.orgPolicies().createPolicy(parent, Policy.of(parent + "/policies/" + LIST_CONSTRAINT, spec));
                hub.orgPolicies().createPolicy(parent, Policy.of(parent + "/policies/" + Hubs.flag(0),
                        PolicySpec.of(PolicyRule.enforce(i % 2 == 0))));
            }
            return project.name();
        });
    }

    /**
     * Adds {@code count} simple policies ({@code enforce: true} on a boolean constraint) on new projects, each under
     * one of 100 new folders of the fixture organization, {@link Hubs#FLAGS} policies per project.
     */
    static void fillPolicies(PolicyHub hub, int count) {
        List<String> folders = hub.storage().write(s -> {
            List<String> names = new ArrayList<>();
            for (int f = 0; f < 100; f++) {
                names.add(hub.hierarchy().createFolder(NewFolder.of("organizations/" + ORG, "fill-" + f)).name());
            }
            return names;
        });
        List<String> projects = createProjects(hub, folders, (count + Hubs.FLAGS - 1) / Hubs.FLAGS);
        for (int start = 0; start < count; start += CHUNK) {
            int from = start;
            int to = Math.min(count, start + CHUNK);
            hub.storage().write(s -> {
                for (int i = from; i < to; i++) {
                    String parent = projects.get(i / Hubs.FLAGS);
                    hub.orgPolicies().createPolicy(parent, Policy.of(parent + "/policies/" + Hubs.flag(i % Hubs.FLAGS),
                            PolicySpec.of(PolicyRule.enforce(true))));
                }
                return null;
            });
        }
    }

    /** Creates {@code count} projects spread over {@code folders}; returns their names. */
    static List<String> createProjects(PolicyHub hub, List<String> folders, int count) {
        List<String> names = new ArrayList<>();
        for (int start = 0; start < count; start += CHUNK) {
            int from = start;
            int to = Math.min(count, start + CHUNK);
            hub.storage().write(s -> {
                for (int p = from; p < to; p++) {
                    names.add(hub.hierarchy().createProject(NewProject.of(String.format("fill-%08d", p),
                            folders.get(p % folders.size()))).name());
                }
                return null;
            });
        }
        return names;
    }

    /**
     * A Pulumi organization with {@code stacks} stacks (100 per project, resource counts 1..100) and {@code groups}
     * active groups (one published pack applied, modes alternating), each holding the next {@code stacks / groups}
     * stacks. The pack and the first group go through the service; the bulk (stacks, the default group's members,
     * the other groups) through the store, in large write units, because adding stacks one by one through the
     * service rewrites the default group each time, which makes loading quadratic.
     */
    static void stacksAndGroups(PolicyHub hub, int stacks, int groups) {
        var service = hub.policyGroups();
        service.createOrganization(PULUMI_ORG);
        String pack = "bench-pack";
        PublishedVersion v = service.publishPolicyPack(PULUMI_ORG, new NewPolicyPack(pack, "Bench pack", "1.0.0",
                "nodejs", List.of(NewPolicyPack.PolicyDraft.of("no-public-buckets", "advisory"))));
        service.uploadPolicyPack(PULUMI_ORG, pack, v.version(), v.uploadToken(),
                "bench-pack.tgz".getBytes(StandardCharsets.UTF_8));
        service.completePolicyPack(PULUMI_ORG, pack, "1.0.0");
        service.createPolicyGroup(PULUMI_ORG, new NewPolicyGroup(group(0), "stacks", "preventative", ""));
        service.updatePolicyGroup(PULUMI_ORG, group(0),
                PolicyGroupUpdate.none().withAddPolicyPack(PackRef.latest(pack)));
        AppliedPolicyPack applied = service.getPolicyGroup(PULUMI_ORG, group(0)).appliedPolicyPacks().get(0);
        List<StackRef> refs = new ArrayList<>();
        for (int start = 0; start < stacks; start += CHUNK) {
            int from = start;
            int to = Math.min(stacks, start + CHUNK);
            hub.storage().write(s -> {
                for (int i = from; i < to; i++) {
                    Stack stack = new Stack(PULUMI_ORG, "proj-" + i / 100, "stack-" + i, i % 100 + 1, 0,
                            Optional.empty());
                    check(s.stacks().insert(stack));
                    refs.add(stack.ref());
                }
                return null;
            });
        }
        int perGroup = groups == 0 ? 0 : stacks / groups;
        hub.storage().write(s -> {
            Versioned<PolicyGroup> all = s.policyGroups().get(PULUMI_ORG, PolicyGroup.DEFAULT_STACKS_GROUP)
                    .orElseThrow();
            check(s.policyGroups().replace(withStacks(all.value(), refs), all.version()));
            for (int g = 0; g < groups; g++) {
                List<StackRef> members = refs.subList(g * perGroup, (g + 1) * perGroup);
                if (g == 0) {
                    Versioned<PolicyGroup> first = s.policyGroups().get(PULUMI_ORG, group(0)).orElseThrow();
                    check(s.policyGroups().replace(withStacks(first.value(), members), first.version()));
                } else {
                    check(s.policyGroups().insert(new PolicyGroup(PULUMI_ORG, group(g), EntityType.STACKS,
                            g % 2 == 0 ? Mode.PREVENTATIVE : Mode.AUDIT, false, members, List.of(applied), List.of(),
                            "")));
                }
            }
            return null;
        });
    }

    private static String group(int g) {
        return "group-" + g;
    }

    private static PolicyGroup withStacks(PolicyGroup g, List<StackRef> stacks) {
        return new PolicyGroup(g.org(), g.name(), g.entityType(), g.mode(), g.isOrgDefault(), stacks,
                g.appliedPolicyPacks(), g.accounts(), g.agentPoolId());
    }

    private static void check(boolean written) {
        if (!written) {
            throw new IllegalStateException("the store refused a fixture write");
        }
    }
}
