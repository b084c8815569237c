package dev.policyhub.http.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.policygroups.NewPolicyPack;
import dev.policyhub.core.policygroups.NewPolicyPack.PolicyDraft;
import dev.policyhub.http.support.RawHttp.Reply;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every error row of the policy-group routes over HTTP: the status and the whole body, and for each refused write
 * that nothing changed (the raw text of every read is compared before and after).
 */
@DisplayName("Policy group errors over HTTP, row by row")
class PolicyGroupErrorRowsTest extends PulumiServerTestBase {
    private static final String UNAUTHORIZED = "Unauthorized: No credentials provided or are invalid.";
    private static final String INVALID_BODY = "Bad Request: invalid request body";

    /** {@code prod} (stacks, preventative) holding web/prod, api/prod and aws-guard 2.0.0. */
    private static void prodGroup() {
        createGroup("prod", "stacks", "");
        update("prod", "{\"stacks\":[" + stackRef("web", "prod") + "," + stackRef("api", "prod") + "],"
                + "\"addPolicyPack\":{\"name\":\"aws-guard\",\"versionTag\":\"2.0.0\"}}");
    }

    private static String stackRef(String project, String name) {
        return "{\"name\":\"" + name + "\",\"routingProject\":\"" + project + "\"}";
    }

    private static Supplier<Reply> patching(String group, String body) {
        return () -> patch(PG + "/" + group, body);
    }

    private static Supplier<Reply> batching(String group, String body) {
        return () -> patch(PG + "/" + group + "/batch", body);
    }

    private static Supplier<Reply> creating(String body) {
        return () -> post(PG, body);
    }

    @Test
    @DisplayName("E1: token configured: no header, another scheme or another token is 401 on every route, "
            + "before the organization is looked up; the same request with the token succeeds")
    void e1Unauthorized() {
        String create = "{\"name\":\"prod\",\"entityType\":\"stacks\"}";
        List<String[]> wrong = List.of(new String[0], new String[] {"Authorization", "Bearer " + TOKEN},
                new String[] {"Authorization", "token pul-9999"}, new String[] {"Authorization", "token"},
                new String[] {"Authorization", TOKEN}, new String[] {"Authorization", "Basic cHVsOnB1bC0wMTIz"});
        for (String[] headers : wrong) {
            assertRefused(401, UNAUTHORIZED, () -> http.send("POST", PG, create, headers));
            assertError(401, UNAUTHORIZED, http.send("GET", PG, null, headers));
            assertError(401, UNAUTHORIZED, http.send("PATCH", PG + "/default-policy-group", "{}", headers));
            assertError(401, UNAUTHORIZED, http.send("GET", "/api/orgs/nope/policygroups", null, headers));
            assertError(401, UNAUTHORIZED, http.send("GET", "/api/stacks/acme/web/prod/policypacks", null, headers));
        }
        assertError(404, "Not Found: route not found", http.get("/api/orgs/acme/policygroupz"));
        assertNoContent(post(PG, create));
        assertEquals("prod", group("prod").get("name").textValue());
    }

    @Test
    @DisplayName("E2: an unknown organization is 404 on every policy-group route, before the body is read")
    void e2UnknownOrganization() {
        String notFound = "Not Found: Organization 'nope' not found";
        String other = "/api/orgs/nope/policygroups";
        assertError(404, notFound, get(other));
        assertError(404, notFound, get(other + "/metadata"));
        assertError(404, notFound, get(other + "/default-policy-group"));
        assertRefused(404, notFound, () -> post(other, "{\"name\":\"prod\",\"entityType\":\"stacks\"}"));
        assertRefused(404, notFound, () -> post(other, "{not json"));
        assertRefused(404, notFound, () -> post(other, ""));
        assertRefused(404, notFound, () -> patch(other + "/default-policy-group", "{\"newName\":5}"));
        assertRefused(404, notFound, () -> patch(other + "/default-policy-group/batch", "{}"));
        assertRefused(404, notFound, () -> delete(other + "/prod"));
        assertError(404, notFound, get("/api/stacks/nope/web/prod/policygroups"));
        assertError(404, notFound, get("/api/stacks/nope/web/prod/policypacks"));
        assertError(404, "Not Found: Organization 'ACME' not found", get("/api/orgs/ACME/policygroups"));
    }

    @Test
    @DisplayName("E3: malformed JSON, a known field of the wrong JSON type, an empty body, a batch that is not an "
            + "array of objects or has more than 1000 elements: 400 invalid request body, before the group is looked up")
    void e3InvalidBody() {
        prodGroup();
        List<String> badCreates = List.of("{\"name\":", "{\"name\":5,\"entityType\":\"stacks\"}",
                "{\"name\":\"x\",\"entityType\":[\"stacks\"]}", "{\"name\":\"x\",\"entityType\":\"stacks\",\"mode\":1}",
                "{\"name\":\"x\",\"entityType\":\"stacks\",\"agentPoolId\":{}}", "", "   ", "[]", "\"prod\"", "null",
                "{\"name\":\"x\"} trailing");
        for (String body : badCreates) {
            assertRefused(400, INVALID_BODY, creating(body));
        }
        List<String> badUpdates = List.of("{\"newName\":", "{\"name\":5", "{\"newName\":5}", "{\"addStack\":\"x\"}",
                "{\"stacks\":{}}", "{\"stacks\":[\"web/dev\"]}", "{\"removeStack\":[]}",
                "{\"addPolicyPack\":\"cis\"}", "{\"addPolicyPack\":{\"name\":7}}",
                "{\"addPolicyPack\":{\"name\":\"cis\",\"version\":\"1\"}}",
                "{\"addPolicyPack\":{\"name\":\"cis\",\"version\":1.5}}", "{\"removePolicyPack\":{\"versionTag\":2}}",
                "{\"policyPacks\":{\"name\":\"cis\"}}", "{\"policyPacks\":[\"cis\"]}", "{\"insightsAccounts\":\"gcp-lab\"}",
                "{\"insightsAccounts\":[1]}", "{\"addInsightsAccount\":\"gcp-lab\"}",
                "{\"removeInsightsAccount\":{\"name\":true}}", "{\"agentPoolId\":false}", "{\"mode\":[]}",
                "{\"entityType\":0}", "", "[]", "[{}]", "\"x\"", "null", "5");
        for (String body : badUpdates) {
            assertRefused(400, INVALID_BODY, patching("prod", body));
            assertRefused(400, INVALID_BODY, patching("nope", body));
        }
        List<String> badBatches = List.of("", "{}", "{\"addStack\":" + stackRef("web", "dev") + "}", "[5]", "[\"x\"]",
                "[null]", "[[]]", "[{\"addStack\":" + stackRef("web", "dev") + "},5]", "[{\"stacks\":{}}]", "[",
                "null");
        for (String body : badBatches) {
            assertRefused(400, INVALID_BODY, batching("prod", body));
            assertRefused(400, INVALID_BODY, batching("nope", body));
        }
        String tooMany = "[" + String.join(",", Collections.nCopies(1001,
                "{\"addStack\":" + stackRef("web", "dev") + "}")) + "]";
        assertRefused(400, INVALID_BODY, batching("prod", tooMany));
        String thousand = "[" + String.join(",", Collections.nCopies(1000,
                "{\"addStack\":" + stackRef("web", "dev") + "}")) + "]";
        assertNoContent(patch(PG + "/prod/batch", thousand));
        assertEquals(3, group("prod").get("stacks").size(), "1000 elements are accepted");
    }

    @Test
    @DisplayName("E4: a group name that fails the pattern or is 'metadata' is 400 on create and on newName")
    void e4InvalidGroupName() {
        prodGroup();
        String invalid = "Bad Request: Invalid Policy Group name";
        for (String name : List.of("", "metadata", "bad name", "a/b", "prod!", "x".repeat(101), "é")) {
            assertRefused(400, invalid, creating("{\"name\":\"" + name + "\",\"entityType\":\"stacks\"}"));
            if (!name.isEmpty()) {
                assertRefused(400, invalid, patching("prod", "{\"newName\":\"" + name + "\"}"));
                assertRefused(400, invalid, batching("prod", "[{\"newName\":\"" + name + "\"}]"));
            }
        }
        assertRefused(400, invalid, creating("{\"entityType\":\"stacks\"}"));
        assertNoContent(post(PG, "{\"name\":\"" + "x".repeat(100) + "\",\"entityType\":\"stacks\"}"));
        assertNoContent(post(PG, "{\"name\":\"A-z_0.9\",\"entityType\":\"stacks\"}"));
    }

    @Test
    @DisplayName("E5: entityType missing, empty or unknown is 400 Invalid entity type")
    void e5InvalidEntityType() {
        for (String type : List.of("", ",\"entityType\":\"\"", ",\"entityType\":null", ",\"entityType\":\"Stacks\"",
                ",\"entityType\":\"stack\"", ",\"entityType\":\"projects\"")) {
            assertRefused(400, "Bad Request: Invalid entity type", creating("{\"name\":\"x\"" + type + "}"));
        }
    }

    @Test
    @DisplayName("E6: an unknown mode on create is 400 Invalid mode")
    void e6InvalidMode() {
        for (String mode : List.of("strict", "Audit", "PREVENTATIVE", "all")) {
            assertRefused(400, "Bad Request: Invalid mode",
                    creating("{\"name\":\"x\",\"entityType\":\"stacks\",\"mode\":\"" + mode + "\"}"));
        }
    }

    @Test
    @DisplayName("E7: create, or rename, to a name in use, of either entity type, is 409")
    void e7NameInUse() {
        prodGroup();
        createGroup("acct-sec", "accounts", "");
        assertRefused(409, "Conflict: Policy Group 'prod' already exists",
                creating("{\"name\":\"prod\",\"entityType\":\"accounts\"}"));
        assertRefused(409, "Conflict: Policy Group 'default-policy-group' already exists",
                creating("{\"name\":\"default-policy-group\",\"entityType\":\"stacks\"}"));
        assertRefused(409, "Conflict: Policy Group 'acct-sec' already exists", patching("prod",
                "{\"newName\":\"acct-sec\"}"));
        assertRefused(409, "Conflict: Policy Group 'default-accounts-policy-group' already exists",
                patching("prod", "{\"newName\":\"default-accounts-policy-group\"}"));
        assertRefused(409, "Conflict: Policy Group 'acct-sec' already exists", batching("prod",
                "[{\"addStack\":" + stackRef("web", "dev") + "},{\"newName\":\"acct-sec\"}]"));
    }

    @Test
    @DisplayName("E8: an unknown group is 404 on get, update, batch and delete (names are case-sensitive)")
    void e8GroupNotFound() {
        prodGroup();
        String notFound = "Not Found: Policy Group 'nope' not found";
        assertError(404, notFound, get(PG + "/nope"));
        assertRefused(404, notFound, patching("nope", "{\"addStack\":" + stackRef("web", "dev") + "}"));
        assertRefused(404, notFound, patching("nope", "{}"));
        assertRefused(404, notFound, batching("nope", "[{\"addStack\":" + stackRef("web", "dev") + "}]"));
        assertRefused(404, notFound, batching("nope", "[]"));
        assertRefused(404, notFound, () -> delete(PG + "/nope"));
        assertError(404, "Not Found: Policy Group 'PROD' not found", get(PG + "/PROD"));
        assertRefused(404, "Not Found: Policy Group 'Prod' not found", () -> delete(PG + "/Prod"));
    }

    @Test
    @DisplayName("E9: renaming either default group is 400; newName equal to its name is a no-op")
    void e9RenameDefault() {
        String refused = "Bad Request: Cannot rename the default Policy Group";
        assertRefused(400, refused, patching("default-policy-group", "{\"newName\":\"x\"}"));
        assertRefused(400, refused, patching("default-accounts-policy-group", "{\"newName\":\"accounts\"}"));
        assertRefused(400, refused, batching("default-policy-group", "[{\"newName\":\"x\"}]"));
        String before = snapshot();
        update("default-policy-group", "{\"newName\":\"default-policy-group\"}");
        update("default-policy-group", "{\"newName\":\"\"}");
        assertEquals(before, snapshot());
    }

    @Test
    @DisplayName("E10: mode or entityType in an update, different from the group's, is 400; equal ones are ignored")
    void e10ImmutableFields() {
        prodGroup();
        String refused = "Bad Request: mode and entityType cannot be changed";
        assertRefused(400, refused, patching("prod", "{\"mode\":\"audit\"}"));
        assertRefused(400, refused, patching("prod", "{\"entityType\":\"accounts\"}"));
        assertRefused(400, refused, patching("prod", "{\"mode\":\"bogus\"}"));
        assertRefused(400, refused, patching("default-accounts-policy-group", "{\"mode\":\"preventative\"}"));
        assertRefused(400, refused, batching("prod", "[{\"addStack\":" + stackRef("web", "dev") + "},"
                + "{\"entityType\":\"accounts\"}]"));
        String before = snapshot();
        update("prod", "{\"mode\":\"preventative\",\"entityType\":\"stacks\"}");
        update("prod", "{\"mode\":\"\",\"entityType\":null}");
        assertEquals(before, snapshot());
    }

    @Test
    @DisplayName("E11: deleting either default group is 400")
    void e11DeleteDefault() {
        String refused = "Bad Request: Cannot delete the default Policy Group";
        assertRefused(400, refused, () -> delete(PG + "/default-policy-group"));
        assertRefused(400, refused, () -> delete(PG + "/default-accounts-policy-group"));
    }

    @Test
    @DisplayName("E12: a stack reference without name is 400; a name without routingProject that is ambiguous is 400")
    void e12StackReference() {
        prodGroup();
        String required = "Bad Request: stack name is required";
        for (String ref : List.of("{}", "{\"routingProject\":\"web\"}", "{\"name\":\"\",\"routingProject\":\"web\"}",
                "{\"name\":null}")) {
            assertRefused(400, required, patching("prod", "{\"addStack\":" + ref + "}"));
            assertRefused(400, required, patching("prod", "{\"removeStack\":" + ref + "}"));
            assertRefused(400, required, patching("prod", "{\"stacks\":[" + stackRef("web", "dev") + "," + ref + "]}"));
        }
        assertRefused(400, "Bad Request: stack name 'dev' is ambiguous; routingProject is required",
                patching("prod", "{\"addStack\":{\"name\":\"dev\"}}"));
        assertRefused(400, "Bad Request: stack name 'dev' is ambiguous; routingProject is required",
                patching("prod", "{\"stacks\":[{\"name\":\"dev\"}]}"));
        assertRefused(400, "Bad Request: stack name 'prod' is ambiguous; routingProject is required",
                patching("prod", "{\"removeStack\":{\"name\":\"prod\"}}"));
    }

    @Test
    @DisplayName("E13: an added or listed stack that does not exist is 404")
    void e13StackNotFound() {
        prodGroup();
        assertRefused(404, "Not Found: Stack 'web/nope' not found",
                patching("prod", "{\"addStack\":" + stackRef("web", "nope") + "}"));
        assertRefused(404, "Not Found: Stack 'web/nope' not found",
                patching("prod", "{\"stacks\":[" + stackRef("web", "dev") + "," + stackRef("web", "nope") + "]}"));
        assertRefused(404, "Not Found: Stack 'Web/prod' not found",
                patching("prod", "{\"addStack\":" + stackRef("Web", "prod") + "}"));
        assertRefused(404, "Not Found: Stack 'nope' not found", patching("prod", "{\"addStack\":{\"name\":\"nope\"}}"));
    }

    @Test
    @DisplayName("E14: an account reference without name is 400")
    void e14AccountReference() {
        createGroup("acct-sec", "accounts", "");
        String required = "Bad Request: account name is required";
        assertRefused(400, required, patching("acct-sec", "{\"addInsightsAccount\":{}}"));
        assertRefused(400, required, patching("acct-sec", "{\"addInsightsAccount\":{\"provider\":\"aws\"}}"));
        assertRefused(400, required, patching("acct-sec", "{\"removeInsightsAccount\":{\"name\":\"\"}}"));
        assertRefused(400, required, patching("acct-sec", "{\"insightsAccounts\":[\"gcp-lab\",\"\"]}"));
    }

    @Test
    @DisplayName("E15: an added or listed account that does not exist is 404")
    void e15AccountNotFound() {
        createGroup("acct-sec", "accounts", "");
        assertRefused(404, "Not Found: Insights account 'aws-x' not found",
                patching("acct-sec", "{\"addInsightsAccount\":{\"name\":\"aws-x\"}}"));
        assertRefused(404, "Not Found: Insights account 'aws-x' not found",
                patching("acct-sec", "{\"insightsAccounts\":[\"gcp-lab\",\"aws-x\"]}"));
        assertRefused(404, "Not Found: Insights account 'aws-main/eu-west-1' not found",
                patching("acct-sec", "{\"addInsightsAccount\":{\"name\":\"aws-main/eu-west-1\"}}"));
    }

    @Test
    @DisplayName("E16: a pack reference without name is 400; a name twice in policyPacks is 400")
    void e16PackReference() {
        prodGroup();
        String required = "Bad Request: Policy Pack name is required";
        assertRefused(400, required, patching("prod", "{\"addPolicyPack\":{}}"));
        assertRefused(400, required, patching("prod", "{\"addPolicyPack\":{\"versionTag\":\"1.0.0\"}}"));
        assertRefused(400, required, patching("prod", "{\"removePolicyPack\":{\"name\":\"\"}}"));
        assertRefused(400, required, patching("prod", "{\"policyPacks\":[{\"name\":\"cis\"},{}]}"));
        assertRefused(400, "Bad Request: duplicate Policy Pack 'cis' in policyPacks",
                patching("prod", "{\"policyPacks\":[{\"name\":\"cis\"},{\"name\":\"cis\",\"versionTag\":\"1.0.0\"}]}"));
    }

    @Test
    @DisplayName("E17: an unknown pack, tag or version number, or a pending version, is 404")
    void e17PackNotFound() {
        prodGroup();
        hub.policyGroups().publishPolicyPack(ACME, new NewPolicyPack("cis", "CIS benchmark", "2.0.0", "nodejs",
                List.of(PolicyDraft.of("iam-mfa", "mandatory"))));
        hub.policyGroups().publishPolicyPack(ACME, new NewPolicyPack("pending", "Pending", "1.0.0", "nodejs",
                List.of(PolicyDraft.of("p", "mandatory"))));
        assertRefused(404, "Not Found: Policy Pack 'nope' not found",
                patching("prod", "{\"addPolicyPack\":{\"name\":\"nope\"}}"));
        assertRefused(404, "Not Found: Policy Pack 'aws-guard' not found",
                patching("prod", "{\"addPolicyPack\":{\"name\":\"aws-guard\",\"versionTag\":\"9.9.9\"}}"));
        assertRefused(404, "Not Found: Policy Pack 'aws-guard' not found",
                patching("prod", "{\"addPolicyPack\":{\"name\":\"aws-guard\",\"version\":4}}"));
        assertRefused(404, "Not Found: Policy Pack 'aws-guard' not found",
                patching("prod", "{\"addPolicyPack\":{\"name\":\"aws-guard\",\"version\":1,\"versionTag\":\"9.9.9\"}}"));
        assertRefused(404, "Not Found: Policy Pack 'cis' not found",
                patching("prod", "{\"addPolicyPack\":{\"name\":\"cis\",\"versionTag\":\"2.0.0\"}}"));
        assertRefused(404, "Not Found: Policy Pack 'pending' not found",
                patching("prod", "{\"addPolicyPack\":{\"name\":\"pending\"}}"));
        assertRefused(404, "Not Found: Policy Pack 'AWS-GUARD' not found",
                patching("prod", "{\"addPolicyPack\":{\"name\":\"AWS-GUARD\"}}"));
        assertRefused(404, "Not Found: Policy Pack 'nope' not found",
                patching("prod", "{\"policyPacks\":[{\"name\":\"cis\"},{\"name\":\"nope\"}]}"));
    }

    @Test
    @DisplayName("E18: config that is not an object, or a value neither an object nor (for 'all') a string, is 400")
    void e18InvalidConfig() {
        prodGroup();
        assertRefused(400, "Bad Request: invalid config for 'cis'",
                patching("prod", "{\"addPolicyPack\":{\"name\":\"cis\",\"config\":\"mandatory\"}}"));
        assertRefused(400, "Bad Request: invalid config for 'cis'",
                patching("prod", "{\"addPolicyPack\":{\"name\":\"cis\",\"config\":[]}}"));
        assertRefused(400, "Bad Request: invalid config for 'iam-mfa'",
                patching("prod", "{\"addPolicyPack\":{\"name\":\"cis\",\"config\":{\"iam-mfa\":\"mandatory\"}}}"));
        assertRefused(400, "Bad Request: invalid config for 'all'",
                patching("prod", "{\"addPolicyPack\":{\"name\":\"cis\",\"config\":{\"all\":5}}}"));
        assertRefused(400, "Bad Request: invalid config for 'vpc-flow-logs'",
                patching("prod", "{\"policyPacks\":[{\"name\":\"cis\",\"config\":{\"vpc-flow-logs\":[]}}]}"));
    }

    @Test
    @DisplayName("E19: an enforcement level outside advisory|mandatory|remediate|disabled is 400")
    void e19InvalidEnforcementLevel() {
        prodGroup();
        assertRefused(400, "Bad Request: invalid enforcement level 'strict' for 'all'",
                patching("prod", "{\"addPolicyPack\":{\"name\":\"cis\",\"config\":{\"all\":\"strict\"}}}"));
        assertRefused(400, "Bad Request: invalid enforcement level 'strict' for 'all'", patching("prod",
                "{\"addPolicyPack\":{\"name\":\"cis\",\"config\":{\"all\":{\"enforcementLevel\":\"strict\"}}}}"));
        assertRefused(400, "Bad Request: invalid enforcement level 'MANDATORY' for 'iam-mfa'", patching("prod",
                "{\"addPolicyPack\":{\"name\":\"cis\",\"config\":{\"iam-mfa\":{\"enforcementLevel\":\"MANDATORY\"}}}}"));
        assertRefused(400, "Bad Request: invalid enforcement level '' for 'all'",
                patching("prod", "{\"addPolicyPack\":{\"name\":\"cis\",\"config\":{\"all\":\"\"}}}"));
        assertNoContent(patch(PG + "/prod", "{\"addPolicyPack\":{\"name\":\"cis\",\"config\":{\"all\":\"remediate\"}}}"));
    }

    @Test
    @DisplayName("E20: environments that are not an array of non-empty strings are 400")
    void e20InvalidEnvironments() {
        prodGroup();
        for (String environments : List.of("\"ops/aws\"", "[\"\"]", "[5]", "{}", "[\"ops/aws\",null]")) {
            assertRefused(400, "Bad Request: invalid environments", patching("prod",
                    "{\"addPolicyPack\":{\"name\":\"cis\",\"environments\":" + environments + "}}"));
        }
    }

    @Test
    @DisplayName("E21: a mode query other than audit or preventative is 400")
    void e21InvalidModeQuery() {
        for (String mode : List.of("all", "Audit", "PREVENTATIVE", "none")) {
            assertError(400, "Bad Request: Invalid mode parameter value",
                    get("/api/stacks/acme/web/prod/policypacks?mode=" + mode));
        }
    }

    @Test
    @DisplayName("E22: an unknown stack on a stack route is 404")
    void e22StackRouteNotFound() {
        assertError(404, "Not Found: Stack 'web/nope' not found", get("/api/stacks/acme/web/nope/policygroups"));
        assertError(404, "Not Found: Stack 'web/nope' not found", get("/api/stacks/acme/web/nope/policypacks"));
        assertError(404, "Not Found: Stack 'Web/prod' not found", get("/api/stacks/acme/Web/prod/policypacks"));
        assertError(404, "Not Found: Stack 'nope/prod' not found",
                get("/api/stacks/acme/nope/prod/policypacks?mode=audit"));
    }

    @Test
    @DisplayName("E23: an unknown account on an account question is 404 Insights account '…' not found, in Pulumi's body")
    void e23AccountNotFound() {
        assertError(404, "Not Found: Insights account 'aws-x' not found",
                get("/api/preview/insights/acme/accounts/aws-x/policy/packs"));
        assertError(404, "Not Found: Insights account 'aws-x' not found",
                get("/api/preview/insights/acme/accounts/aws-x"));
    }

    @Test
    @DisplayName("E24: a continuation token that was never handed out is 400 invalid continuation token, in Pulumi's body")
    void e24InvalidContinuationToken() {
        assertError(400, "Bad Request: invalid continuation token",
                get("/api/user/stacks?organization=acme&continuationToken=not-a-token%21"));
        assertError(400, "Bad Request: invalid continuation token",
                get("/api/preview/insights/acme/accounts?continuationToken=not-a-token%21"));
        assertError(400, "Bad Request: invalid continuation token",
                get("/api/preview/insights/acme/accounts/aws-main/policy/packs?continuationToken=x"));
    }

    @Test
    @DisplayName("E25: 8 clients × 25 concurrent PATCH deltas on one group: each 204 or 409 concurrent modification, "
            + "and the final members are exactly the successful deltas")
    void e25ConcurrentDeltas() throws Exception {
        createGroup("busy", "stacks", "");
        for (int i = 0; i < 200; i++) {
            stack("load", "s" + i, 1);
        }
        int clients = 8;
        int perClient = 25;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                results.add(pool.submit(() -> {
                    List<String> landed = new ArrayList<>();
                    for (int i = 0; i < perClient; i++) {
                        String name = "s" + (client * perClient + i);
                        Reply added = patch(PG + "/busy", "{\"addStack\":" + stackRef("load", name) + "}");
                        if (accepted(added)) {
                            landed.add(name);
                        }
                        if (i % 5 == 4) {
                            // every fifth stack is removed again; whether it stays depends on whether the removal landed
                            Reply removed = patch(PG + "/busy", "{\"removeStack\":" + stackRef("load", name) + "}");
                            if (accepted(removed)) {
                                landed.remove(name);
                            }
                        }
                    }
                    return landed;
                }));
            }
            Set<String> expected = new HashSet<>();
            for (Future<List<String>> result : results) {
                expected.addAll(result.get());
            }
            Set<String> actual = new HashSet<>();
            group("busy").get("stacks").forEach(s -> {
                assertEquals("load", s.get("routingProject").textValue());
                actual.add(s.get("name").textValue());
            });
            assertEquals(expected, actual, "every delta that answered 204 landed, and no other");
            assertTrue(actual.size() >= 1, "some deltas land");
        } finally {
            pool.shutdownNow();
        }
    }

    // 204, or Pulumi's 409 for retries exhausted; anything else fails the test
    private static boolean accepted(Reply reply) {
        if (reply.status() == 204) {
            assertEquals("", reply.text());
            return true;
        }
        assertError(409, "Conflict: concurrent modification, retry", reply);
        return false;
    }
}
