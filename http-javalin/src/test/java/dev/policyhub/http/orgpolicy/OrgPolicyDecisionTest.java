package dev.policyhub.http.orgpolicy;

import dev.policyhub.http.support.RawHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.core.hierarchy.HierarchyService;
import dev.policyhub.core.hierarchy.NewTagKey;
import dev.policyhub.core.hierarchy.NewTagValue;
import dev.policyhub.core.hierarchy.TagKey;
import dev.policyhub.core.hierarchy.TagValue;
import dev.policyhub.core.orgpolicy.OrgPolicyService;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * PolicyHub's own {@code GET /v2/{resource}/policies/{constraint}:decide}. The project {@code web-prod} carries the tag
 * {@code 123/env/prod}; locations: the organization allows {@code in:eu-locations}, the folder inherits and denies
 * {@code europe-west3}, the project inherits and allows {@code us-east1} for prod-tagged resources.
 */
@DisplayName("The :decide endpoint and its explanation trace")
class OrgPolicyDecisionTest {
    private static final String LOCATIONS = "gcp.resourceLocations";
    private static final String PROD = "resource.matchTag('123/env', 'prod')";

    private static TestServer server;
    private static RawHttp http;
    private static String org;
    private static String folder;
    private static String project;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        http = new RawHttp(server.url());
        org = TestServer.ORG;
        folder = server.folder.name();
        project = server.project.name();
        HierarchyService hierarchy = server.hub.hierarchy();
        TagKey env = hierarchy.createTagKey(NewTagKey.of(org, "env"), false);
        TagValue prod = hierarchy.createTagValue(NewTagValue.of(env.name(), "prod"), false);
        hierarchy.createTagBinding("//cloudresourcemanager.googleapis.com/" + project, prod.name(), "", false);

        OrgPolicyService policies = server.hub.orgPolicies();
        policies.createPolicy(org, Policy.of(org + "/policies/" + LOCATIONS,
                PolicySpec.of(PolicyRule.allow("in:eu-locations"))));
        policies.createPolicy(folder, Policy.of(folder + "/policies/" + LOCATIONS,
                PolicySpec.inheriting(PolicyRule.deny("europe-west3"))));
        policies.createPolicy(project, Policy.of(project + "/policies/" + LOCATIONS,
                PolicySpec.inheriting(PolicyRule.allow("us-east1").when(PROD))));
        policies.createPolicy(folder, Policy.of(folder + "/policies/compute.requireOsLogin",
                PolicySpec.of(PolicyRule.enforce(true))));
        policies.createPolicy(project, Policy.of(project + "/policies/compute.requireOsLogin",
                PolicySpec.of(PolicyRule.enforce(true), PolicyRule.enforce(false).when(PROD))));
        policies.createPolicy(folder, Policy.of(folder + "/policies/compute.requireShieldedVm",
                PolicySpec.of(PolicyRule.enforce(false))).withDryRunSpec(PolicySpec.of(PolicyRule.enforce(true))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("a denied list value: DENY, the deciding rule, and every level from the organization down")
    void deniedValue() {
        RawHttp.Reply reply = http.get("/v2/projects/web-prod/policies/gcp.resourceLocations:decide"
                + "?value=europe-west3-a");

        assertEquals(200, reply.status(), reply.text());
        assertEquals(RawHttp.json("""
                {"resource": "%1$s", "constraint": "gcp.resourceLocations", "value": "europe-west3-a",
                 "outcome": "DENY",
                 "reason": "'europe-west3-a' matches the denied value 'in:europe-west3-locations' on %2$s;\
                 denials take precedence",
                 "decidingResource": "%2$s", "decidingRule": 0,
                 "levels": [
                   {"resource": "%3$s", "policy": "%3$s/policies/gcp.resourceLocations", "effect": "REPLACES_PARENT",
                    "rules": [{"index": 0, "summary": "{allowedValues=[in:eu-locations]}", "applies": true}]},
                   {"resource": "%2$s", "policy": "%2$s/policies/gcp.resourceLocations", "effect": "MERGES_WITH_PARENT",
                    "rules": [{"index": 0, "summary": "{deniedValues=[in:europe-west3-locations]}", "applies": true}]},
                   {"resource": "%1$s", "policy": "%1$s/policies/gcp.resourceLocations", "effect": "MERGES_WITH_PARENT",
                    "rules": [{"index": 0, "summary": "{allowedValues=[in:us-east1-locations]}",
                               "condition": "resource.matchTag('123/env', 'prod')", "applies": true,
                               "matchedTags": ["123/env/prod"]}]}]}"""
                .formatted(project, folder, org)), reply.json());
    }

    @Test
    @DisplayName("allowed list values name the rule that allowed them, a conditional one with the matched tag")
    void allowedValues() {
        JsonNode inherited = decide("europe-west1-b");
        JsonNode conditional = decide("us-east1-b");

        assertEquals("ALLOW", inherited.get("outcome").asText());
        assertEquals(org, inherited.get("decidingResource").asText());
        assertEquals(0, inherited.get("decidingRule").intValue());
        assertEquals("ALLOW", conditional.get("outcome").asText());
        assertEquals(project, conditional.get("decidingResource").asText());
        assertEquals(RawHttp.json("[\"123/env/prod\"]"), conditional.get("levels").get(2).get("rules").get(0)
                .get("matchedTags"));
    }

    @Test
    @DisplayName("a value no rule allows is DENY without a deciding rule")
    void unlistedValue() {
        JsonNode decision = decide("asia-northeast1-a");

        assertEquals("DENY", decision.get("outcome").asText());
        assertEquals("'asia-northeast1-a' matches none of the allowed values", decision.get("reason").asText());
        assertFalse(decision.has("decidingResource"));
        assertFalse(decision.has("decidingRule"));
    }

    @Test
    @DisplayName("a boolean constraint needs no value: the nearest policy's matching conditional rule decides")
    void booleanConstraint() {
        RawHttp.Reply atProject = http.get("/v2/projects/web-prod/policies/compute.requireOsLogin%3Adecide");
        RawHttp.Reply atFolder = http.get("/v2/" + folder + "/policies/compute.requireOsLogin:decide?value");

        assertEquals(200, atProject.status(), atProject.text());
        JsonNode decision = atProject.json();
        assertFalse(decision.has("value"));
        assertEquals("NOT_ENFORCED", decision.get("outcome").asText());
        assertEquals(project, decision.get("decidingResource").asText());
        assertEquals(1, decision.get("decidingRule").intValue());
        assertEquals(RawHttp.json("""
                {"resource": "%s", "policy": "%s/policies/compute.requireOsLogin", "effect": "NOT_CONSULTED",
                 "rules": [{"index": 0, "summary": "enforce: true", "applies": true}]}""".formatted(folder, folder)),
                decision.get("levels").get(1));
        assertEquals(RawHttp.json("{\"resource\": \"" + org + "\", \"effect\": \"NOT_CONSULTED\"}"),
                decision.get("levels").get(0));
        assertEquals("ENFORCED", atFolder.json().get("outcome").asText());
        assertEquals(folder, atFolder.json().get("decidingResource").asText());
    }

    @Test
    @DisplayName("with no policy anywhere the constraint default decides")
    void constraintDefault() {
        JsonNode decision = http.get("/v2/projects/web-prod/policies/iam.disableCrossProjectServiceAccountUsage"
                + ":decide").json();

        assertEquals("ENFORCED", decision.get("outcome").asText());
        assertFalse(decision.has("decidingRule"));
        assertEquals(3, decision.get("levels").size());
    }

    @Test
    @DisplayName("dryRun=true decides against the dry-run specs and says so")
    void dryRun() {
        String path = "/v2/projects/web-prod/policies/compute.requireShieldedVm:decide";
        JsonNode live = http.get(path).json();
        JsonNode dryRun = http.get(path + "?dry_run=true").json();
        JsonNode listDryRun = http.get("/v2/projects/web-prod/policies/gcp.resourceLocations:decide"
                + "?dryRun=true&value=europe-west1-b").json();

        assertEquals("NOT_ENFORCED", live.get("outcome").asText());
        assertFalse(live.has("dryRun"));
        assertEquals("ENFORCED", dryRun.get("outcome").asText());
        assertTrue(dryRun.get("dryRun").booleanValue());
        assertEquals("ALLOW", listDryRun.get("outcome").asText());
        assertTrue(listDryRun.get("dryRun").booleanValue());
    }

    @Test
    @DisplayName("a list constraint without a value, a boolean one with a value, or a bad dryRun are 400")
    void badQuestions() {
        RawHttp.Reply noValue = http.get("/v2/projects/web-prod/policies/gcp.resourceLocations:decide");
        RawHttp.Reply withValue = http.get("/v2/projects/web-prod/policies/compute.requireOsLogin:decide?value=x");
        RawHttp.Reply badFlag = http.get("/v2/projects/web-prod/policies/compute.requireOsLogin:decide?dryRun=maybe");
        RawHttp.Reply unknown = http.get("/v2/projects/web-prod/policies/compute.requireOsLogin:decide?valeu=x");

        for (RawHttp.Reply reply : new RawHttp.Reply[] {noValue, withValue, badFlag, unknown}) {
            assertEquals(400, reply.status(), reply.text());
            assertEquals("INVALID_ARGUMENT", reply.error().get("status").asText());
        }
        assertEquals("value", noValue.error().get("details").get(0).get("fieldViolations").get(0).get("field")
                .asText());
    }

    @Test
    @DisplayName("an unknown constraint or resource is 404")
    void notFound() {
        assertEquals(404, http.get("/v2/projects/web-prod/policies/no.suchConstraint:decide").status());
        assertEquals(404, http.get("/v2/projects/nope/policies/compute.requireOsLogin:decide").status());
    }

    private static JsonNode decide(String value) {
        RawHttp.Reply reply = http.get("/v2/projects/web-prod/policies/gcp.resourceLocations:decide?value=" + value);
        assertEquals(200, reply.status(), reply.text());
        return reply.json();
    }
}
