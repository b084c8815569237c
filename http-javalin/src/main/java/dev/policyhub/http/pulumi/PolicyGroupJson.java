package dev.policyhub.http.pulumi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.policygroups.AppliedPolicyPack;
import dev.policyhub.core.policygroups.PolicyGroup;
import dev.policyhub.core.policygroups.PolicyGroupMetadata;
import dev.policyhub.core.policygroups.PolicyGroupSummary;
import dev.policyhub.core.policygroups.StackRef;
import dev.policyhub.http.wire.Json;
import dev.policyhub.http.wire.PlainJson;
import java.util.List;

/**
 * Policy groups in Pulumi's JSON: summaries, whole groups and coverage metadata, fields in the order of Pulumi's
 * document. Required lists are always printed ({@code []}, never {@code null}); optional fields are left out when
 * empty.
 */
final class PolicyGroupJson {
    private PolicyGroupJson() {
    }

    /** {@code {"policyGroups":[PolicyGroupSummary…]}}. */
    static JsonNode list(List<PolicyGroupSummary> groups) {
        ArrayNode items = Json.array();
        groups.forEach(g -> items.add(summary(g)));
        ObjectNode out = Json.object();
        out.set("policyGroups", items);
        return out;
    }

    /** A PolicyGroupSummary. */
    static ObjectNode summary(PolicyGroupSummary g) {
        return Json.object().put("name", g.name()).put("isOrgDefault", g.isOrgDefault())
                .put("numStacks", g.numStacks()).put("numAccounts", g.numAccounts())
                .put("entityType", g.entityType().wire()).put("mode", g.mode().wire())
                .put("numEnabledPolicyPacks", g.numEnabledPolicyPacks());
    }

    /** A PolicyGroup. */
    static ObjectNode group(PolicyGroup g) {
        ObjectNode out = Json.object().put("name", g.name()).put("isOrgDefault", g.isOrgDefault())
                .put("entityType", g.entityType().wire()).put("mode", g.mode().wire());
        ArrayNode stacks = out.putArray("stacks");
        for (StackRef s : g.stacks()) {
            stacks.addObject().put("name", s.name()).put("routingProject", s.routingProject());
        }
        ArrayNode packs = out.putArray("appliedPolicyPacks");
        g.appliedPolicyPacks().forEach(p -> packs.add(appliedPack(p)));
        ArrayNode accounts = out.putArray("accounts");
        g.accounts().forEach(accounts::add);
        if (!g.agentPoolId().isEmpty()) {
            out.put("agentPoolId", g.agentPoolId());
        }
        return out;
    }

    /** A PolicyPackMetadata: an applied pack, {@code config} and {@code environments} left out when empty. */
    static ObjectNode appliedPack(AppliedPolicyPack p) {
        ObjectNode out = Json.object().put("name", p.name()).put("displayName", p.displayName())
                .put("version", p.version()).put("versionTag", p.versionTag());
        if (!p.config().isEmpty()) {
            out.set("config", PlainJson.toJson(p.config()));
        }
        if (!p.environments().isEmpty()) {
            out.set("environments", PlainJson.toJson(p.environments()));
        }
        return out;
    }

    /** PolicyGroupMetadata: PascalCase keys (Pulumi's Go struct has no JSON tags), all twelve always printed. */
    static JsonNode metadata(PolicyGroupMetadata m) {
        return Json.object()
                .put("ProtectedStacks", m.protectedStacks())
                .put("ProtectedStackResources", m.protectedStackResources())
                .put("PreventativeStacks", m.preventativeStacks())
                .put("PreventativeStackResources", m.preventativeStackResources())
                .put("AuditStacks", m.auditStacks())
                .put("AuditStackResources", m.auditStackResources())
                .put("TotalStacks", m.totalStacks())
                .put("TotalStackResources", m.totalStackResources())
                .put("ProtectedAccounts", m.protectedAccounts())
                .put("ProtectedAccountResources", m.protectedAccountResources())
                .put("TotalAccounts", m.totalAccounts())
                .put("TotalAccountResources", m.totalAccountResources());
    }
}
