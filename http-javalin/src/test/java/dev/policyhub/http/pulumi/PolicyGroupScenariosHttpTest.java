package dev.policyhub.http.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.http.support.RawHttp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The policy-group scenarios over HTTP, each from fixture F (and, from S4 on, with the groups S2 creates), every
 * expected answer compared whole.
 */
@DisplayName("Policy group scenarios over HTTP")
class PolicyGroupScenariosHttpTest extends PulumiServerTestBase {
    private static final String WEB_PROD = "{\"name\":\"prod\",\"routingProject\":\"web\"}";
    private static final String WEB_DEV = "{\"name\":\"dev\",\"routingProject\":\"web\"}";
    private static final String API_PROD = "{\"name\":\"prod\",\"routingProject\":\"api\"}";
    private static final String API_DEV = "{\"name\":\"dev\",\"routingProject\":\"api\"}";
    private static final String AWS_GUARD_V3 = "{\"name\":\"aws-guard\",\"displayName\":\"AWS guard\",\"version\":3,"
            + "\"versionTag\":\"2.0.0\"}";

    /** S2's three groups: acct-sec (accounts, audit), prod (stacks, preventative), odd (accounts, preventative). */
    private static void s2Groups() {
        createGroup("acct-sec", "accounts", "");
        createGroup("prod", "stacks", "");
        createGroup("odd", "accounts", "preventative");
    }

    private static String groupJson(String name, String type, String mode, String stacks, String packs,
                                    String accounts) {
        return "{\"name\":\"" + name + "\",\"isOrgDefault\":false,\"entityType\":\"" + type + "\",\"mode\":\"" + mode
                + "\",\"stacks\":[" + stacks + "],\"appliedPolicyPacks\":[" + packs + "],\"accounts\":[" + accounts
                + "]}";
    }

    private static String prodJson(String stacks, String packs) {
        return groupJson("prod", "stacks", "preventative", stacks, packs, "");
    }

    private static String required(String name, int version, String tag, String displayName, String config) {
        return "{\"name\":\"" + name + "\",\"version\":" + version + ",\"versionTag\":\"" + tag + "\",\"displayName\":\""
                + displayName + "\",\"packLocation\":\"" + server.url() + "/blobs/policypacks/acme/" + name + "/"
                + version + ".tgz\"" + (config.isEmpty() ? "" : ",\"config\":" + config) + "}";
    }

    @Test
    @DisplayName("S1: fixture F lists the two default groups by name")
    void s1DefaultGroups() {
        assertOk("{\"policyGroups\":["
                + "{\"name\":\"default-accounts-policy-group\",\"isOrgDefault\":true,\"numStacks\":0,\"numAccounts\":3,"
                + "\"entityType\":\"accounts\",\"mode\":\"audit\",\"numEnabledPolicyPacks\":0},"
                + "{\"name\":\"default-policy-group\",\"isOrgDefault\":true,\"numStacks\":4,\"numAccounts\":0,"
                + "\"entityType\":\"stacks\",\"mode\":\"preventative\",\"numEnabledPolicyPacks\":0}]}", get(PG));
    }

    @Test
    @DisplayName("S2: modes default by entity type: audit for accounts, preventative for stacks; lists are []")
    void s2DefaultedModes() {
        assertNoContent(post(PG, "{\"name\":\"acct-sec\",\"entityType\":\"accounts\"}"));
        assertNoContent(post(PG, "{\"name\":\"prod\",\"entityType\":\"stacks\"}"));
        assertNoContent(post(PG, "{\"name\":\"odd\",\"entityType\":\"accounts\",\"mode\":\"preventative\"}"));
        assertOk(groupJson("acct-sec", "accounts", "audit", "", "", ""), get(PG + "/acct-sec"));
        assertOk(groupJson("prod", "stacks", "preventative", "", "", ""), get(PG + "/prod"));
        assertOk(groupJson("odd", "accounts", "preventative", "", "", ""), get(PG + "/odd"));
    }

    @Test
    @DisplayName("S3: a taken name is 409, a missing entity type and the name 'metadata' are 400")
    void s3CreateErrors() {
        s2Groups();
        assertRefused(409, "Conflict: Policy Group 'prod' already exists",
                () -> post(PG, "{\"name\":\"prod\",\"entityType\":\"accounts\"}"));
        assertRefused(400, "Bad Request: Invalid entity type", () -> post(PG, "{\"name\":\"x\"}"));
        assertRefused(400, "Bad Request: Invalid Policy Group name",
                () -> post(PG, "{\"name\":\"metadata\",\"entityType\":\"stacks\"}"));
    }

    @Test
    @DisplayName("S4: rename keeps members and packs; the old name is 404; taken names 409; defaults 400; same name no-op")
    void s4Rename() {
        s2Groups();
        update("prod", "{\"addStack\":" + WEB_PROD + ",\"addPolicyPack\":{\"name\":\"aws-guard\"}}");
        String before = get(PG + "/prod").text();
        assertNoContent(patch(PG + "/prod", "{\"newName\":\"production\"}"));
        assertError(404, "Not Found: Policy Group 'prod' not found", get(PG + "/prod"));
        JsonNode renamed = group("production");
        ((ObjectNode) renamed).put("name", "prod");
        assertEquals(RawHttp.json(before), renamed, "same members and pack");
        assertRefused(409, "Conflict: Policy Group 'acct-sec' already exists",
                () -> patch(PG + "/production", "{\"newName\":\"acct-sec\"}"));
        assertRefused(400, "Bad Request: Cannot rename the default Policy Group",
                () -> patch(PG + "/default-policy-group", "{\"newName\":\"x\"}"));
        String snapshot = snapshot();
        assertNoContent(patch(PG + "/production", "{\"newName\":\"production\"}"));
        assertEquals(snapshot, snapshot(), "nothing changes");
    }

    @Test
    @DisplayName("S5: a default group cannot be deleted; deleting prod leaves its stack in the default group only")
    void s5Delete() {
        s2Groups();
        update("prod", "{\"addStack\":" + WEB_PROD + "}");
        assertRefused(400, "Bad Request: Cannot delete the default Policy Group",
                () -> delete(PG + "/default-policy-group"));
        assertNoContent(delete(PG + "/prod"));
        assertOk("{\"policyGroups\":[{\"name\":\"default-policy-group\",\"isOrgDefault\":true,\"numStacks\":4,"
                + "\"numAccounts\":0,\"entityType\":\"stacks\",\"mode\":\"preventative\",\"numEnabledPolicyPacks\":0}]}",
                get("/api/stacks/acme/web/prod/policygroups"));
        assertEquals(12L, hub.policyGroups().getStack(ACME, "web", "prod").resourceCount(), "the stack still exists");
    }

    @Test
    @DisplayName("S6: a batch whose second element names an unknown stack is 404 and stacks stay [web/prod]")
    void s6AtomicBatch() {
        s2Groups();
        update("prod", "{\"addStack\":" + WEB_PROD + "}");
        assertRefused(404, "Not Found: Stack 'web/nope' not found", () -> patch(PG + "/prod/batch",
                "[{\"addStack\":" + WEB_DEV + "},{\"addStack\":{\"name\":\"nope\",\"routingProject\":\"web\"}}]"));
        assertOk(prodJson(WEB_PROD, ""), get(PG + "/prod"));
    }

    @Test
    @DisplayName("S7: [remove aws-guard, add aws-guard 2.0.0] in one batch keeps aws-guard, at version 3")
    void s7BatchOrder() {
        s2Groups();
        update("prod", "{\"addPolicyPack\":{\"name\":\"aws-guard\",\"versionTag\":\"1.0.0\"}}");
        assertNoContent(patch(PG + "/prod/batch", "[{\"removePolicyPack\":{\"name\":\"aws-guard\"}},"
                + "{\"addPolicyPack\":{\"name\":\"aws-guard\",\"versionTag\":\"2.0.0\"}}]"));
        assertOk(prodJson("", AWS_GUARD_V3), get(PG + "/prod"));
    }

    @Test
    @DisplayName("S8: absent and null leave lists alone, [] clears them, \"\" clears the agent pool, {} changes nothing")
    void s8TriState() {
        s2Groups();
        update("prod", "{\"addStack\":" + WEB_PROD + ",\"addPolicyPack\":{\"name\":\"aws-guard\"},"
                + "\"addInsightsAccount\":{\"name\":\"gcp-lab\"},\"agentPoolId\":\"p1\"}");
        update("prod", "{\"addStack\":" + WEB_DEV + "}");
        String full = "{\"name\":\"prod\",\"isOrgDefault\":false,\"entityType\":\"stacks\",\"mode\":\"preventative\","
                + "\"stacks\":[" + WEB_DEV + "," + WEB_PROD + "],\"appliedPolicyPacks\":[" + AWS_GUARD_V3 + "],"
                + "\"accounts\":[\"gcp-lab\"],\"agentPoolId\":\"p1\"}";
        assertOk(full, get(PG + "/prod"));
        String raw = get(PG + "/prod").text();
        update("prod", "{\"stacks\":null}");
        assertEquals(raw, get(PG + "/prod").text(), "null leaves the list alone");
        update("prod", "{\"insightsAccounts\":[]}");
        assertOk("{\"name\":\"prod\",\"isOrgDefault\":false,\"entityType\":\"stacks\",\"mode\":\"preventative\","
                + "\"stacks\":[" + WEB_DEV + "," + WEB_PROD + "],\"appliedPolicyPacks\":[" + AWS_GUARD_V3 + "],"
                + "\"accounts\":[],\"agentPoolId\":\"p1\"}", get(PG + "/prod"));
        update("prod", "{\"stacks\":[]}");
        assertOk("{\"name\":\"prod\",\"isOrgDefault\":false,\"entityType\":\"stacks\",\"mode\":\"preventative\","
                + "\"stacks\":[],\"appliedPolicyPacks\":[" + AWS_GUARD_V3 + "],\"accounts\":[],\"agentPoolId\":\"p1\"}",
                get(PG + "/prod"));
        update("prod", "{\"agentPoolId\":\"\"}");
        assertOk(prodJson("", AWS_GUARD_V3), get(PG + "/prod"));
        String before = snapshot();
        update("prod", "{}");
        assertEquals(before, snapshot(), "{} changes nothing");
    }

    @Test
    @DisplayName("S9: a pack without version is pinned to the newest; a tag beats a number; an unknown tag is 404")
    void s9PackResolution() {
        s2Groups();
        update("prod", "{\"addPolicyPack\":{\"name\":\"aws-guard\"}}");
        publish("aws-guard", "AWS guard", "2.1.0", "s3-no-public-read");
        assertOk(prodJson("", AWS_GUARD_V3), get(PG + "/prod"));
        update("prod", "{\"addPolicyPack\":{\"name\":\"aws-guard\",\"version\":1,\"versionTag\":\"1.1.0\"}}");
        String v2 = "{\"name\":\"aws-guard\",\"displayName\":\"AWS guard\",\"version\":2,\"versionTag\":\"1.1.0\"}";
        assertOk(prodJson("", v2), get(PG + "/prod"));
        assertRefused(404, "Not Found: Policy Pack 'aws-guard' not found", () -> patch(PG + "/prod",
                "{\"addPolicyPack\":{\"name\":\"aws-guard\",\"versionTag\":\"9.9.9\"}}"));
        assertOk(prodJson("", v2), get(PG + "/prod"));
    }

    @Test
    @DisplayName("S10: config: 'all' shorthand becomes an object, policy properties are kept; bad levels and shapes 400")
    void s10Config() {
        s2Groups();
        update("prod", "{\"addPolicyPack\":{\"name\":\"cis\",\"config\":{\"all\":\"advisory\","
                + "\"iam-mfa\":{\"enforcementLevel\":\"mandatory\",\"maxAge\":90}}}}");
        String cis = "{\"name\":\"cis\",\"displayName\":\"CIS benchmark\",\"version\":1,\"versionTag\":\"1.0.0\","
                + "\"config\":{\"all\":{\"enforcementLevel\":\"advisory\"},"
                + "\"iam-mfa\":{\"enforcementLevel\":\"mandatory\",\"maxAge\":90}}}";
        assertOk(prodJson("", cis), get(PG + "/prod"));
        assertRefused(400, "Bad Request: invalid enforcement level 'strict' for 'all'", () -> patch(PG + "/prod",
                "{\"addPolicyPack\":{\"name\":\"cis\",\"config\":{\"all\":{\"enforcementLevel\":\"strict\"}}}}"));
        assertRefused(400, "Bad Request: invalid config for 'iam-mfa'", () -> patch(PG + "/prod",
                "{\"addPolicyPack\":{\"name\":\"cis\",\"config\":{\"iam-mfa\":\"mandatory\"}}}"));
    }

    @Test
    @DisplayName("S11: removing another version, re-adding a member, removing an absent stack are no-ops; "
            + "versionTag \"\" removes the pack")
    void s11RemovalNoOps() {
        s2Groups();
        update("prod", "{\"addStack\":" + WEB_PROD + ",\"addPolicyPack\":{\"name\":\"aws-guard\",\"versionTag\":\"2.0.0\"}}");
        String before = snapshot();
        update("prod", "{\"removePolicyPack\":{\"name\":\"aws-guard\",\"versionTag\":\"1.0.0\"}}");
        assertEquals(before, snapshot(), "another version: no change");
        update("prod", "{\"addStack\":" + WEB_PROD + "}");
        assertEquals(before, snapshot(), "no duplicate");
        update("prod", "{\"removeStack\":" + API_DEV + "}");
        assertEquals(before, snapshot(), "absent member: no change");
        update("prod", "{\"removePolicyPack\":{\"name\":\"aws-guard\",\"versionTag\":\"\"}}");
        assertOk(prodJson(WEB_PROD, ""), get(PG + "/prod"));
        JsonNode summary = get(PG).json().get("policyGroups").get(4);
        assertEquals("prod", summary.get("name").textValue());
        assertEquals(0, summary.get("numEnabledPolicyPacks").intValue());
    }

    @Test
    @DisplayName("S12: per pack the highest version wins, then the latest write; mode filters groups; mode=all is 400")
    void s12MultiGroup() {
        s2Groups();
        createGroup("audit-all", "stacks", "audit");
        update("default-policy-group", "{\"addPolicyPack\":{\"name\":\"aws-guard\",\"versionTag\":\"1.1.0\","
                + "\"config\":{\"all\":\"advisory\"}}}");
        update("prod", "{\"addStack\":" + WEB_PROD + ",\"addPolicyPack\":{\"name\":\"aws-guard\",\"versionTag\":\"2.0.0\","
                + "\"config\":{\"all\":\"mandatory\"}}}");
        update("audit-all", "{\"addStack\":" + WEB_PROD + ",\"addPolicyPack\":{\"name\":\"aws-guard\","
                + "\"versionTag\":\"2.0.0\",\"config\":{\"s3-no-public-read\":{\"enforcementLevel\":\"disabled\"}}}}");
        update("audit-all", "{\"addPolicyPack\":{\"name\":\"cost-checks\",\"version\":1}}");
        String auditGuard = required("aws-guard", 3, "2.0.0", "AWS guard",
                "{\"s3-no-public-read\":{\"enforcementLevel\":\"disabled\"}}");
        String costChecks = required("cost-checks", 1, "0.1.0", "Cost checks", "");
        String packs = "/api/stacks/acme/web/prod/policypacks";
        assertOk("{\"requiredPolicies\":[" + auditGuard + "," + costChecks + "]}", get(packs));
        assertOk("{\"requiredPolicies\":[" + required("aws-guard", 3, "2.0.0", "AWS guard",
                "{\"all\":{\"enforcementLevel\":\"mandatory\"}}") + "]}", get(packs + "?mode=preventative"));
        assertOk("{\"requiredPolicies\":[" + auditGuard + "," + costChecks + "]}", get(packs + "?mode=audit"));
        assertError(400, "Bad Request: Invalid mode parameter value", get(packs + "?mode=all"));
    }

    @Test
    @DisplayName("S13: coverage metadata of the worked example; a pack on the default group protects every stack")
    void s13Metadata() {
        s2Groups();
        createGroup("audit-all", "stacks", "audit");
        createGroup("sandbox", "stacks", "audit");
        update("prod", "{\"stacks\":[" + WEB_PROD + "," + API_PROD + "],\"addPolicyPack\":{\"name\":\"aws-guard\"}}");
        update("audit-all", "{\"stacks\":[" + WEB_PROD + "," + WEB_DEV + "],\"addPolicyPack\":{\"name\":\"cost-checks\"}}");
        update("sandbox", "{\"addStack\":" + API_DEV + "}");
        update("acct-sec", "{\"addInsightsAccount\":{\"name\":\"aws-main\"},\"addPolicyPack\":{\"name\":\"cis\"}}");
        assertOk("{\"ProtectedStacks\":3,\"ProtectedStackResources\":47,\"PreventativeStacks\":2,"
                + "\"PreventativeStackResources\":42,\"AuditStacks\":2,\"AuditStackResources\":17,\"TotalStacks\":4,"
                + "\"TotalStackResources\":50,\"ProtectedAccounts\":2,\"ProtectedAccountResources\":140,"
                + "\"TotalAccounts\":3,\"TotalAccountResources\":147}", get(PG + "/metadata"));
        assertEquals("{\"ProtectedStacks\":3,\"ProtectedStackResources\":47,\"PreventativeStacks\":2,"
                + "\"PreventativeStackResources\":42,\"AuditStacks\":2,\"AuditStackResources\":17,\"TotalStacks\":4,"
                + "\"TotalStackResources\":50,\"ProtectedAccounts\":2,\"ProtectedAccountResources\":140,"
                + "\"TotalAccounts\":3,\"TotalAccountResources\":147}", get(PG + "/metadata").text(),
                "PascalCase keys in this order, compact");
        update("default-policy-group", "{\"addPolicyPack\":{\"name\":\"cost-checks\"}}");
        assertOk("{\"ProtectedStacks\":4,\"ProtectedStackResources\":50,\"PreventativeStacks\":4,"
                + "\"PreventativeStackResources\":50,\"AuditStacks\":2,\"AuditStackResources\":17,\"TotalStacks\":4,"
                + "\"TotalStackResources\":50,\"ProtectedAccounts\":2,\"ProtectedAccountResources\":140,"
                + "\"TotalAccounts\":3,\"TotalAccountResources\":147}", get(PG + "/metadata"));
    }
}
