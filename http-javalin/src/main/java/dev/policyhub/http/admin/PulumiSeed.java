package dev.policyhub.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.policygroups.EnforcementLevel;
import dev.policyhub.core.policygroups.NewInsightsAccount;
import dev.policyhub.core.policygroups.NewPolicyGroup;
import dev.policyhub.core.policygroups.NewPolicyPack;
import dev.policyhub.core.policygroups.PackPolicy;
import dev.policyhub.core.policygroups.PackRef;
import dev.policyhub.core.policygroups.PolicyGroup;
import dev.policyhub.core.policygroups.PolicyGroupService;
import dev.policyhub.core.policygroups.PolicyGroupUpdate;
import dev.policyhub.core.policygroups.PublishedVersion;
import dev.policyhub.core.policygroups.StackRef;
import dev.policyhub.http.wire.ApiError;
import dev.policyhub.http.wire.JsonObjectReader;
import dev.policyhub.http.wire.PlainJson;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code pulumi} key of a seed file: organizations, each with its stacks, Insights accounts, policy packs
 * (published complete: created, uploaded, completed) and policy groups, applied in that order through the policy-group
 * service. A group entry named like a default group updates that group with the lists it gives.
 */
final class PulumiSeed {
    private static final String AT = "pulumi.organizations";

    /** A stack with its resource count. */
    private record StackEntry(String project, String stack, long resourceCount) {
    }

    /** An account with its resource count. */
    private record AccountEntry(NewInsightsAccount account, long resourceCount) {
    }

    /** A pack version and its archive. */
    private record PackEntry(NewPolicyPack pack, byte[] content) {
    }

    /** A group to create (unless it is a default group) and the update that gives it its lists. */
    private record GroupEntry(NewPolicyGroup group, PolicyGroupUpdate lists) {
    }

    /** One organization and what it holds. */
    private record OrganizationEntry(String name, List<StackEntry> stacks, List<AccountEntry> accounts,
                                     List<PackEntry> packs, List<GroupEntry> groups) {
    }

    private final List<OrganizationEntry> organizations;

    private PulumiSeed(List<OrganizationEntry> organizations) {
        this.organizations = List.copyOf(organizations);
    }

    /** The section as read from the seed's root object; an absent key is an empty section. */
    static PulumiSeed read(JsonObjectReader root) {
        Optional<JsonObjectReader> section = root.object("pulumi");
        if (section.isEmpty()) {
            return new PulumiSeed(List.of());
        }
        JsonObjectReader pulumi = section.get();
        List<OrganizationEntry> organizations = pulumi.list("organizations", PulumiSeed::organization);
        pulumi.finish();
        return new PulumiSeed(organizations);
    }

    /** Creates everything, inside the caller's write unit; a refused entry is named in the error. */
    SeedSummary.Pulumi apply(PolicyGroupService service) {
        int stacks = 0;
        int accounts = 0;
        int packs = 0;
        int groups = 0;
        for (int i = 0; i < organizations.size(); i++) {
            OrganizationEntry org = organizations.get(i);
            String at = AT + "[" + i + "]";
            run(at, () -> service.createOrganization(org.name()));
            for (int j = 0; j < org.stacks().size(); j++) {
                StackEntry s = org.stacks().get(j);
                run(at + ".stacks[" + j + "]", () -> service.createStack(org.name(), s.project(), s.stack(),
                        Optional.of(s.resourceCount())));
            }
            for (int j = 0; j < org.accounts().size(); j++) {
                AccountEntry a = org.accounts().get(j);
                run(at + ".accounts[" + j + "]", () -> {
                    service.createAccount(org.name(), a.account());
                    if (a.resourceCount() != 0) {
                        service.setResourceCounts(org.name(), Map.of(),
                                Map.of(a.account().name(), a.resourceCount()));
                    }
                });
            }
            for (int j = 0; j < org.packs().size(); j++) {
                PackEntry p = org.packs().get(j);
                run(at + ".policy_packs[" + j + "]", () -> {
                    PublishedVersion v = service.publishPolicyPack(org.name(), p.pack());
                    service.uploadPolicyPack(org.name(), p.pack().name(), v.version(), v.uploadToken(), p.content());
                    service.completePolicyPack(org.name(), p.pack().name(), String.valueOf(v.version()));
                });
            }
            for (int j = 0; j < org.groups().size(); j++) {
                GroupEntry g = org.groups().get(j);
                run(at + ".policy_groups[" + j + "]", () -> {
                    if (!isDefault(g.group().name())) {
                        service.createPolicyGroup(org.name(), g.group());
                    }
                    service.updatePolicyGroup(org.name(), g.group().name(), g.lists());
                });
            }
            stacks += org.stacks().size();
            accounts += org.accounts().size();
            packs += org.packs().size();
            groups += org.groups().size();
        }
        return new SeedSummary.Pulumi(organizations.size(), stacks, accounts, packs, groups);
    }

    private static void run(String entry, Runnable create) {
        try {
            create.run();
        } catch (PolicyHubException e) {
            throw SeedErrors.named(entry, e);
        }
    }

    private static boolean isDefault(String group) {
        return group.equals(PolicyGroup.DEFAULT_STACKS_GROUP) || group.equals(PolicyGroup.DEFAULT_ACCOUNTS_GROUP);
    }

    private static OrganizationEntry organization(JsonNode node, String at) {
        JsonObjectReader r = JsonObjectReader.of(node, at);
        OrganizationEntry org = new OrganizationEntry(r.string("name").orElse(""),
                r.list("stacks", PulumiSeed::stack), r.list("accounts", PulumiSeed::account),
                r.list("policyPacks", PulumiSeed::pack), r.list("policyGroups", PulumiSeed::group));
        r.finish();
        return org;
    }

    private static StackEntry stack(JsonNode node, String at) {
        JsonObjectReader r = JsonObjectReader.of(node, at);
        StackEntry stack = new StackEntry(r.string("project").orElse(""), r.string("stack").orElse(""),
                r.int64("resourceCount").orElse(0L));
        r.finish();
        return stack;
    }

    private static AccountEntry account(JsonNode node, String at) {
        JsonObjectReader r = JsonObjectReader.of(node, at);
        AccountEntry account = new AccountEntry(new NewInsightsAccount(r.string("name").orElse(""),
                r.string("provider").orElse(""), r.string("environment").orElse(""),
                r.string("scanSchedule").orElse(""), object(r, "providerConfig"), r.string("agentPoolID").orElse("")),
                r.int64("resourceCount").orElse(0L));
        r.finish();
        return account;
    }

    private static PackEntry pack(JsonNode node, String at) {
        JsonObjectReader r = JsonObjectReader.of(node, at);
        NewPolicyPack pack = new NewPolicyPack(r.string("name").orElse(""), r.string("displayName").orElse(""),
                r.string("versionTag").orElse(""), r.string("runtime").orElse(""),
                r.list("policies", PulumiSeed::policy));
        byte[] content;
        try {
            content = Base64.getDecoder().decode(r.string("contentBase64").orElse(""));
        } catch (IllegalArgumentException e) {
            String field = r.pathOf("contentBase64");
            throw ApiError.invalidField(field, field + ": not valid base64");
        }
        r.finish();
        return new PackEntry(pack, content);
    }

    private static NewPolicyPack.PolicyDraft policy(JsonNode node, String at) {
        JsonObjectReader r = JsonObjectReader.of(node, at);
        // the content's level is a placeholder: the service sets the one spelled in the draft once it is checked
        PackPolicy content = new PackPolicy(r.string("name").orElse(""), r.string("displayName").orElse(""),
                r.string("description").orElse(""), EnforcementLevel.ADVISORY, r.string("message").orElse(""),
                object(r, "configSchema"), r.string("severity").orElse(""), object(r, "framework"),
                r.strings("tags"), r.string("remediationSteps").orElse(""), r.string("url").orElse(""));
        NewPolicyPack.PolicyDraft draft = new NewPolicyPack.PolicyDraft(content,
                r.string("enforcementLevel").orElse(""));
        r.finish();
        return draft;
    }

    private static GroupEntry group(JsonNode node, String at) {
        JsonObjectReader r = JsonObjectReader.of(node, at);
        Optional<String> entityType = r.string("entityType");
        Optional<String> mode = r.string("mode");
        Optional<String> agentPoolId = r.string("agentPoolId");
        NewPolicyGroup group = new NewPolicyGroup(r.string("name").orElse(""), entityType.orElse(""),
                mode.orElse(""), agentPoolId.orElse(""));
        PolicyGroupUpdate lists = PolicyGroupUpdate.none();
        if (r.has("stacks")) {
            lists = lists.withStacks(r.list("stacks", PulumiSeed::stackRef));
        }
        if (r.has("policyPacks")) {
            lists = lists.withPolicyPacks(r.list("policyPacks", PulumiSeed::packRef));
        }
        if (r.has("insightsAccounts")) {
            lists = lists.withInsightsAccounts(r.strings("insightsAccounts"));
        }
        if (isDefault(group.name())) {
            // a default group exists already: what the entry says of it is checked and applied as an update
            if (entityType.isPresent() || mode.isPresent()) {
                lists = lists.withModeAndEntityType(mode.orElse(null), entityType.orElse(null));
            }
            if (agentPoolId.isPresent()) {
                lists = lists.withAgentPoolId(agentPoolId.get());
            }
        }
        r.finish();
        return new GroupEntry(group, lists);
    }

    private static StackRef stackRef(JsonNode node, String at) {
        JsonObjectReader r = JsonObjectReader.of(node, at);
        StackRef ref = new StackRef(r.string("routingProject").orElse(""), r.string("name").orElse(""));
        r.finish();
        return ref;
    }

    private static PackRef packRef(JsonNode node, String at) {
        JsonObjectReader r = JsonObjectReader.of(node, at);
        PackRef ref = new PackRef(r.string("name").orElse(""), r.int64("version").orElse(0L),
                r.string("versionTag").orElse(""), r.any("config").map(PlainJson::value),
                r.any("environments").map(PlainJson::value));
        r.finish();
        return ref;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(JsonObjectReader r, String field) {
        return r.any(field).map(v -> {
            if (!v.isObject()) {
                throw ApiError.invalidValue(r.pathOf(field), "TYPE_MESSAGE", v.toString());
            }
            return (Map<String, Object>) PlainJson.value(v);
        }).orElse(Map.of());
    }
}
