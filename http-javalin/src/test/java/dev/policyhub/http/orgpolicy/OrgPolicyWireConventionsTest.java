package dev.policyhub.http.orgpolicy;

import dev.policyhub.http.support.RawHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.core.hierarchy.NewProject;
import dev.policyhub.core.hierarchy.Project;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Protobuf JSON and Google query conventions of the v2 routes, checked byte by byte over raw HTTP. */
@DisplayName("Org Policy v2 wire conventions over raw HTTP")
class OrgPolicyWireConventionsTest {
    private static final String INT_ENUMS = "$alt=json;enum-encoding%3Dint";

    private static TestServer server;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        http = new RawHttp(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("snake_case input is accepted and answered in lowerCamel")
    void snakeCaseInput() {
        Project p = newProject("snake-proj");
        RawHttp.Reply reply = http.post("/v2/projects/snake-proj/policies", """
                {"name": "projects/snake-proj/policies/gcp.restrictServiceUsage",
                 "spec": {"inherit_from_parent": true,
                          "rules": [{"values": {"allowed_values": ["a.googleapis.com"],
                                                "denied_values": ["b.googleapis.com"]}}]},
                 "dry_run_spec": {"rules": [{"allow_all": true}]}}""");

        assertEquals(200, reply.status());
        JsonNode policy = reply.json();
        assertEquals(p.name() + "/policies/gcp.restrictServiceUsage", policy.get("name").asText());
        assertEquals(RawHttp.json("""
                [{"values": {"allowedValues": ["a.googleapis.com"], "deniedValues": ["b.googleapis.com"]}}]"""),
                policy.get("spec").get("rules"));
        assertTrue(policy.get("spec").get("inheritFromParent").booleanValue());
        assertEquals(RawHttp.json("[{\"allowAll\": true}]"), policy.get("dryRunSpec").get("rules"));
        assertFalse(reply.text().contains("_"), reply.text());
    }

    @Test
    @DisplayName("a false oneof member is kept, unset fields are omitted, updateTime has microseconds")
    void falseOneofKeptUnsetOmitted() {
        newProject("oneof-proj");
        RawHttp.Reply bool = http.post("/v2/projects/oneof-proj/policies", """
                {"name": "projects/oneof-proj/policies/compute.requireOsLogin",
                 "spec": {"rules": [{"enforce": false}]}}""");
        RawHttp.Reply list = http.post("/v2/projects/oneof-proj/policies", """
                {"name": "projects/oneof-proj/policies/gcp.restrictServiceUsage",
                 "spec": {"rules": [{"allowAll": false}]}}""");

        JsonNode policy = bool.json();
        assertEquals(List.of("name", "spec", "etag"), fieldNames(policy));
        assertEquals(List.of("etag", "updateTime", "rules"), fieldNames(policy.get("spec")));
        assertEquals(RawHttp.json("[{\"enforce\": false}]"), policy.get("spec").get("rules"));
        assertTrue(policy.get("spec").get("updateTime").asText().matches("2025-01-02T03:04:05\\.\\d{6}Z"),
                policy.toString());
        assertTrue(policy.get("etag").asText().matches("[A-Za-z0-9+/]{11}="), policy.toString());
        assertEquals(RawHttp.json("[{\"allowAll\": false}]"), list.json().get("spec").get("rules"));
        assertEquals(policy, http.get("/v2/projects/oneof-proj/policies/compute.requireOsLogin").json());
    }

    @Test
    @DisplayName("output-only input is ignored: etag on create, spec etag and updateTime, the deprecated alternate")
    void outputOnlyInputIgnored() {
        newProject("output-only-proj");
        RawHttp.Reply reply = http.post("/v2/projects/output-only-proj/policies", """
                {"name": "projects/output-only-proj/policies/compute.requireOsLogin", "etag": "bogus",
                 "spec": {"etag": "alsoBogus", "updateTime": "1999-01-01T00:00:00Z", "rules": [{"enforce": true}]},
                 "alternate": {"launch": "x", "spec": {"rules": [{"enforce": false}]}}}""");

        assertEquals(200, reply.status(), reply.text());
        assertFalse(reply.json().has("alternate"));
        assertFalse(reply.json().get("etag").asText().equals("bogus"));
        assertTrue(reply.json().get("spec").get("updateTime").asText().startsWith("2025-01-02T03:04:05."));
    }

    @Test
    @DisplayName("conditions and parameters are stored and echoed verbatim")
    void conditionsAndParameters() {
        newProject("echo-proj");
        String rules = """
                [{"values": {"allowedValues": ["a.googleapis.com"]},
                  "condition": {"expression": "resource.matchTag('123/env', 'prod')", "title": "prod only",
                                "description": "prod projects", "location": "main.tf"}},
                 {"denyAll": true}]""";
        RawHttp.Reply conditional = http.post("/v2/projects/echo-proj/policies",
                "{\"name\": \"projects/echo-proj/policies/gcp.restrictServiceUsage\", \"spec\": {\"rules\": "
                        + rules + "}}");
        RawHttp.Reply parameters = http.post("/v2/projects/echo-proj/policies", """
                {"name": "projects/echo-proj/policies/essentialcontacts.managed.allowedContactDomains",
                 "spec": {"rules": [{"enforce": true, "parameters": {"allowedDomains": ["@example.com"]}}]}}""");

        assertEquals(RawHttp.json(rules), conditional.json().get("spec").get("rules"));
        assertEquals(RawHttp.json("[{\"enforce\": true, \"parameters\": {\"allowedDomains\": [\"@example.com\"]}}]"),
                parameters.json().get("spec").get("rules"));
    }

    @Test
    @DisplayName("enums are read by name or number and printed as names, or as numbers with enum-encoding=int")
    void enums() {
        String body = """
                {"name": "organizations/123/customConstraints/custom.enumCheck",
                 "resource_types": ["compute.googleapis.com/Instance"], "method_types": [1, "UPDATE"],
                 "condition": "resource.name.startsWith('x')", "action_type": 2, "display_name": "Enum check"}""";

        RawHttp.Reply created = http.post("/v2/organizations/123/customConstraints", body);
        RawHttp.Reply asNumbers = http.get("/v2/organizations/123/customConstraints/custom.enumCheck?" + INT_ENUMS);
        RawHttp.Reply goStyle = http.get("/v2/organizations/123/customConstraints/custom.enumCheck"
                + "?%24alt=json%3Benum-encoding%3Dint");

        assertEquals(200, created.status(), created.text());
        assertEquals(RawHttp.json("[\"CREATE\", \"UPDATE\"]"), created.json().get("methodTypes"));
        assertEquals("DENY", created.json().get("actionType").asText());
        assertEquals(RawHttp.json("[1, 2]"), asNumbers.json().get("methodTypes"));
        assertEquals(2, asNumbers.json().get("actionType").intValue());
        assertEquals(asNumbers.json(), goStyle.json());
        assertEquals(List.of("name", "resourceTypes", "methodTypes", "condition", "actionType", "displayName",
                "updateTime"), fieldNames(created.json()));
        http.delete("/v2/organizations/123/customConstraints/custom.enumCheck");
    }

    @Test
    @DisplayName("constraints print their type, default and managed parameters, enums following enum-encoding")
    void constraints() {
        JsonNode names = http.get("/v2/projects/web-prod/constraints?pageSize=1000").json().get("constraints");
        JsonNode numbers = http.get("/v2/projects/web-prod/constraints?pageSize=1000&" + INT_ENUMS).json()
                .get("constraints");
        String prefix = server.project.name() + "/constraints/";

        assertEquals(RawHttp.json("{\"name\": \"" + prefix + "gcp.resourceLocations\", \"displayName\":"
                + " \"gcp.resourceLocations\", \"constraintDefault\": \"ALLOW\","
                + " \"listConstraint\": {\"supportsIn\": true}, \"supportsDryRun\": true}"),
                find(names, prefix + "gcp.resourceLocations"));
        assertEquals(RawHttp.json("{}"), find(names, prefix + "gcp.restrictServiceUsage").get("listConstraint"));
        assertEquals(RawHttp.json("{}"), find(names, prefix + "compute.requireOsLogin").get("booleanConstraint"));
        assertEquals(RawHttp.json("{\"customConstraintDefinition\": {\"parameters\": {\"allowedDomains\":"
                        + " {\"type\": \"LIST\", \"item\": \"STRING\"}}}}"),
                find(names, prefix + "essentialcontacts.managed.allowedContactDomains").get("booleanConstraint"));
        assertEquals(RawHttp.json("{\"customConstraintDefinition\": {\"parameters\": {\"allowedDomains\":"
                        + " {\"type\": 1, \"item\": 2}}}}"),
                find(numbers, prefix + "essentialcontacts.managed.allowedContactDomains").get("booleanConstraint"));
        assertEquals(2, find(numbers, prefix + "iam.disableCrossProjectServiceAccountUsage")
                .get("constraintDefault").intValue());
    }

    @Test
    @DisplayName("pageSize=0 and a bare pageToken mean the defaults; a page token resumes after the last item")
    void paging() {
        Project p = newProject("paging-proj");
        for (String constraint : List.of("compute.requireOsLogin", "compute.requireShieldedVm",
                "sql.restrictPublicIp")) {
            http.post("/v2/" + p.name() + "/policies", "{\"name\": \"" + p.name() + "/policies/" + constraint
                    + "\", \"spec\": {\"rules\": [{\"enforce\": true}]}}");
        }

        RawHttp.Reply all = http.get("/v2/projects/paging-proj/policies?pageSize=0&pageToken&" + INT_ENUMS);
        RawHttp.Reply first = http.get("/v2/projects/paging-proj/policies?page_size=2");
        String token = first.json().get("nextPageToken").asText();
        RawHttp.Reply second = http.get("/v2/projects/paging-proj/policies?pageSize=2&pageToken=" + token);

        assertEquals(200, all.status(), all.text());
        assertEquals(3, all.json().get("policies").size());
        assertFalse(all.json().has("nextPageToken"));
        assertEquals(2, first.json().get("policies").size());
        assertEquals(List.of("policies"), fieldNames(second.json()));
        assertEquals(p.name() + "/policies/sql.restrictPublicIp",
                second.json().get("policies").get(0).get("name").asText());
    }

    @Test
    @DisplayName("a list on a resource with nothing in it is {}")
    void emptyList() {
        RawHttp.Reply policies = http.get("/v2/projects/empty-proj/policies");
        RawHttp.Reply custom = http.get("/v2/organizations/123/customConstraints?pageSize=0&pageToken");

        assertEquals(200, policies.status());
        assertEquals("{}\n", policies.text());
        assertEquals("{}\n", custom.text());
    }

    @Test
    @DisplayName("system parameters are ignored and prettyPrint=false prints compact JSON")
    void systemParameters() {
        RawHttp.Reply reply = http.get("/v2/projects/web-prod/constraints?key=abc&fields=constraints.name"
                + "&quotaUser=me&$.xgafv=2&access_token=t&prettyPrint=false&pageSize=1");
        RawHttp.Reply pretty = http.get("/v2/projects/web-prod/constraints?pageSize=1");

        assertEquals(200, reply.status(), reply.text());
        assertFalse(reply.text().contains("\n"));
        assertTrue(pretty.text().contains("\n  "));
        assertEquals(reply.json(), pretty.json());
    }

    @Test
    @DisplayName("an unknown query parameter is 400 with Google's binding message")
    void unknownQueryParameter() {
        RawHttp.Reply reply = http.get("/v2/projects/web-prod/policies?colour=red");

        assertEquals(400, reply.status());
        assertEquals("Invalid JSON payload received. Unknown name \"colour\": Cannot bind query parameter. Field"
                + " 'colour' could not be found in request message.", reply.error().get("message").asText());
        assertEquals("INVALID_ARGUMENT", reply.error().get("status").asText());
    }

    @Test
    @DisplayName("updateMask is read as updateMask or update_mask, with or without policy., repeated or comma-joined")
    void updateMaskSpellings() {
        Project p = newProject("mask-proj");
        String name = p.name() + "/policies/gcp.restrictServiceUsage";
        String path = "/v2/projects/mask-proj/policies/gcp.restrictServiceUsage";
        http.post("/v2/projects/mask-proj/policies", policy(name, "a", "dryA"));

        JsonNode dryOnly = http.patch(path + "?update_mask=dry_run_spec", policy(name, "b", "dryB")).json();
        assertEquals("a", allowed(dryOnly.get("spec")));
        assertEquals("dryB", allowed(dryOnly.get("dryRunSpec")));

        JsonNode prefixed = http.patch(path + "?updateMask=policy.spec,policy.dryRunSpec", policy(name, "c", "dryC"))
                .json();
        assertEquals("c", allowed(prefixed.get("spec")));
        assertEquals("dryC", allowed(prefixed.get("dryRunSpec")));

        JsonNode repeated = http.patch(path + "?updateMask=spec&updateMask=dryRunSpec", """
                {"spec": {"rules": [{"values": {"allowedValues": ["d"]}}]}}""").json();
        assertEquals("d", allowed(repeated.get("spec")));
        assertFalse(repeated.has("dryRunSpec"), "a masked spec absent from the body is cleared");

        JsonNode bare = http.patch(path + "?updateMask&" + INT_ENUMS, policy(name, "e", "dryE")).json();
        assertEquals("e", allowed(bare.get("spec")));
        assertEquals("dryE", allowed(bare.get("dryRunSpec")));

        RawHttp.Reply bad = http.patch(path + "?updateMask=spec.rules", policy(name, "f", "dryF"));
        assertEquals(400, bad.status());
        assertEquals("update_mask", bad.error().get("details").get(0).get("fieldViolations").get(0).get("field")
                .asText());
    }

    @Test
    @DisplayName("POST with X-HTTP-Method-Override: PATCH is an update, and the URL's name beats the body's")
    void methodOverride() {
        Project p = newProject("override-proj");
        http.post("/v2/projects/override-proj/policies", "{\"name\": \"" + p.name()
                + "/policies/compute.requireOsLogin\", \"spec\": {\"rules\": [{\"enforce\": true}]}}");

        RawHttp.Reply reply = http.send("POST", "/v2/projects/override-proj/policies/compute.requireOsLogin?"
                + INT_ENUMS, "{\"name\": \"projects/other/policies/sql.restrictPublicIp\", \"spec\": {\"rules\":"
                + " [{\"enforce\": false}]}}", "X-HTTP-Method-Override", "PATCH");

        assertEquals(200, reply.status(), reply.text());
        assertEquals(p.name() + "/policies/compute.requireOsLogin", reply.json().get("name").asText());
        assertEquals(RawHttp.json("[{\"enforce\": false}]"), reply.json().get("spec").get("rules"));
    }

    @Test
    @DisplayName(":getEffectivePolicy is routed literally and as %3A")
    void effectivePolicyVerb() {
        RawHttp.Reply literal = http.get("/v2/projects/web-prod/policies/gcp.resourceLocations:getEffectivePolicy");
        RawHttp.Reply escaped = http.get("/v2/projects/web-prod/policies/gcp.resourceLocations%3AgetEffectivePolicy");

        assertEquals(200, literal.status(), literal.text());
        assertEquals(RawHttp.json("{\"name\": \"" + server.project.name() + "/policies/gcp.resourceLocations\","
                + " \"spec\": {\"rules\": [{\"allowAll\": true}]}}"), literal.json());
        assertEquals(literal.json(), escaped.json());
    }

    @Test
    @DisplayName("delete answers 200 {} and honours an etag query parameter; a deleted custom constraint too")
    void delete() {
        Project p = newProject("delete-proj");
        JsonNode created = http.post("/v2/projects/delete-proj/policies", "{\"name\": \"" + p.name()
                + "/policies/compute.requireOsLogin\", \"spec\": {\"rules\": [{\"enforce\": true}]}}").json();
        String path = "/v2/projects/delete-proj/policies/compute.requireOsLogin";

        RawHttp.Reply stale = http.delete(path + "?etag=" + URLEncoder.encode("AAAA+/AAAAA=", StandardCharsets.UTF_8));
        RawHttp.Reply deleted = http.delete(path + "?etag="
                + URLEncoder.encode(created.get("etag").asText(), StandardCharsets.UTF_8));

        assertEquals(409, stale.status());
        assertEquals("ABORTED", stale.error().get("status").asText());
        assertEquals(200, deleted.status());
        assertEquals("{}\n", deleted.text());
        assertEquals(404, http.get(path).status());

        http.post("/v2/organizations/123/customConstraints", """
                {"name": "organizations/123/customConstraints/custom.shortLived",
                 "resourceTypes": ["compute.googleapis.com/Instance"], "methodTypes": ["CREATE"],
                 "condition": "true", "actionType": "ALLOW"}""");
        RawHttp.Reply custom = http.delete("/v2/organizations/123/customConstraints/custom.shortLived");
        assertEquals(200, custom.status());
        assertEquals("{}\n", custom.text());
    }

    @Test
    @DisplayName("a custom constraint update takes its name from the URL and stamps a new updateTime")
    void customConstraintUpdate() {
        String body = """
                {"name": "organizations/123/customConstraints/custom.updated",
                 "resourceTypes": ["compute.googleapis.com/Instance"], "methodTypes": ["CREATE"],
                 "condition": "true", "actionType": "ALLOW"}""";
        JsonNode created = http.post("/v2/organizations/123/customConstraints", body).json();

        RawHttp.Reply updated = http.patch("/v2/organizations/123/customConstraints/custom.updated",
                body.replace("custom.updated", "custom.other").replace("\"true\"", "\"false\""));

        assertEquals(200, updated.status(), updated.text());
        assertEquals("organizations/123/customConstraints/custom.updated", updated.json().get("name").asText());
        assertEquals("false", updated.json().get("condition").asText());
        assertTrue(updated.json().get("updateTime").asText().compareTo(created.get("updateTime").asText()) > 0);
        assertEquals(404, http.get("/v2/organizations/123/customConstraints/custom.other").status());
        http.delete("/v2/organizations/123/customConstraints/custom.updated");
    }

    private static Project newProject(String id) {
        return server.hub.hierarchy().createProject(NewProject.of(id, TestServer.ORG));
    }

    private static String policy(String name, String allowed, String dryRunAllowed) {
        return "{\"name\": \"" + name + "\", \"spec\": {\"rules\": [{\"values\": {\"allowedValues\": [\"" + allowed
                + "\"]}}]}, \"dryRunSpec\": {\"rules\": [{\"values\": {\"allowedValues\": [\"" + dryRunAllowed
                + "\"]}}]}}";
    }

    private static String allowed(JsonNode spec) {
        return spec.get("rules").get(0).get("values").get("allowedValues").get(0).asText();
    }

    private static JsonNode find(JsonNode items, String name) {
        for (JsonNode item : items) {
            if (item.get("name").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError(name + " not in " + items);
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
