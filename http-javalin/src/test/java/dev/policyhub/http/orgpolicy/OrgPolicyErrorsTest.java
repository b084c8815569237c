package dev.policyhub.http.orgpolicy;

import dev.policyhub.http.support.RawHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Google's error envelope for every way a v2 request can fail, and never a trace of the implementation. */
@DisplayName("Org Policy v2 errors over raw HTTP")
class OrgPolicyErrorsTest {
    private static final String POLICIES = "/v2/projects/web-prod/policies";

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
    @DisplayName("malformed JSON is 400 'Invalid JSON payload received.' with the parser's position")
    void malformedJson() {
        RawHttp.Reply reply = http.post(POLICIES, "{\"name\": ");

        assertError(reply, 400, "INVALID_ARGUMENT");
        assertTrue(reply.error().get("message").asText().startsWith("Invalid JSON payload received. "),
                reply.text());
        assertTrue(reply.error().get("message").asText().contains("(line 1, column"), reply.text());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
    }

    @Test
    @DisplayName("an unknown field is 400 naming the field and where it is, with a BadRequest detail")
    void unknownField() {
        RawHttp.Reply nested = http.post(POLICIES, """
                {"name": "projects/web-prod/policies/compute.requireOsLogin", "spec": {"x": 1, "rules": []}}""");
        RawHttp.Reply top = http.post(POLICIES, "{\"nme\": \"projects/web-prod/policies/compute.requireOsLogin\"}");

        String message = "Invalid JSON payload received. Unknown name \"x\" at 'policy.spec': Cannot find field.";
        assertEquals(RawHttp.json("""
                {"error": {"code": 400, "message": "%s", "status": "INVALID_ARGUMENT",
                 "details": [{"@type": "type.googleapis.com/google.rpc.BadRequest",
                              "fieldViolations": [{"field": "policy.spec", "description": "%s"}]}]}}"""
                .formatted(message.replace("\"", "\\\""), message.replace("\"", "\\\""))), nested.json());
        assertEquals("Invalid JSON payload received. Unknown name \"nme\" at 'policy': Cannot find field.",
                top.error().get("message").asText());
    }

    @Test
    @DisplayName("a value of the wrong JSON type is 400 'Invalid value at' its path, with the proto type")
    void wrongType() {
        RawHttp.Reply bool = http.post(POLICIES, """
                {"name": "projects/web-prod/policies/compute.requireOsLogin",
                 "spec": {"rules": [{"enforce": "yes"}]}}""");
        RawHttp.Reply rules = http.post(POLICIES, """
                {"name": "projects/web-prod/policies/compute.requireOsLogin", "spec": {"rules": {"enforce": true}}}""");
        RawHttp.Reply body = http.post(POLICIES, "[1, 2]");
        RawHttp.Reply parameters = http.post(POLICIES, """
                {"name": "projects/web-prod/policies/essentialcontacts.managed.allowedContactDomains",
                 "spec": {"rules": [{"enforce": true, "parameters": ["@example.com"]}]}}""");

        assertError(bool, 400, "INVALID_ARGUMENT");
        assertEquals("Invalid value at 'policy.spec.rules[0].enforce' (TYPE_BOOL), \"yes\"",
                bool.error().get("message").asText());
        assertEquals("policy.spec.rules[0].enforce",
                bool.error().get("details").get(0).get("fieldViolations").get(0).get("field").asText());
        assertTrue(rules.error().get("message").asText().startsWith("Invalid value at 'policy.spec.rules'"),
                rules.text());
        assertTrue(body.error().get("message").asText().startsWith("Invalid value at 'policy' (TYPE_MESSAGE)"),
                body.text());
        assertTrue(parameters.error().get("message").asText()
                .startsWith("Invalid value at 'policy.spec.rules[0].parameters' (TYPE_MESSAGE)"), parameters.text());
    }

    @Test
    @DisplayName("an unknown enum name or an undefined enum number is 400")
    void badEnums() {
        RawHttp.Reply name = http.post("/v2/organizations/123/customConstraints", customConstraint("\"MAYBE\""));
        RawHttp.Reply number = http.post("/v2/organizations/123/customConstraints", customConstraint("7"));

        assertError(name, 400, "INVALID_ARGUMENT");
        assertEquals("Invalid value at 'custom_constraint.action_type' (TYPE_ENUM), \"MAYBE\"",
                name.error().get("message").asText());
        assertError(number, 400, "INVALID_ARGUMENT");
        assertTrue(number.error().get("message").asText().contains("7"), number.text());
    }

    @Test
    @DisplayName("content violations are all listed under their proto field paths, the first one as the message")
    void validationViolations() {
        RawHttp.Reply reply = http.post(POLICIES, """
                {"name": "projects/web-prod/policies/compute.requireOsLogin",
                 "spec": {"inheritFromParent": true, "rules": [{"enforce": true, "allowAll": true}]}}""");

        assertError(reply, 400, "INVALID_ARGUMENT");
        JsonNode violations = reply.error().get("details").get(0).get("fieldViolations");
        assertTrue(violations.size() >= 2, reply.text());
        assertEquals(violations.get(0).get("field").asText() + ": " + violations.get(0).get("description").asText(),
                reply.error().get("message").asText());
        assertTrue(reply.text().contains("\"policy.spec.inherit_from_parent\""), reply.text());
        assertTrue(reply.text().contains("\"policy.spec.rules[0]\""), reply.text());
    }

    @Test
    @DisplayName("create needs a body name under the URL parent; update and delete of a missing policy are 404")
    void namesOnCreate() {
        RawHttp.Reply missing = http.post(POLICIES, "{\"spec\": {\"rules\": [{\"enforce\": true}]}}");
        RawHttp.Reply elsewhere = http.post(POLICIES, """
                {"name": "organizations/123/policies/compute.requireOsLogin",
                 "spec": {"rules": [{"enforce": true}]}}""");
        RawHttp.Reply prefixed = http.post(POLICIES, """
                {"name": "projects/web-prod/policies/constraints/compute.requireOsLogin",
                 "spec": {"rules": [{"enforce": true}]}}""");
        RawHttp.Reply update = http.patch(POLICIES + "/compute.requireShieldedVm",
                "{\"spec\": {\"rules\": [{\"enforce\": true}]}}");
        RawHttp.Reply delete = http.delete(POLICIES + "/compute.requireShieldedVm");

        assertError(missing, 400, "INVALID_ARGUMENT");
        assertEquals("policy.name", missing.error().get("details").get(0).get("fieldViolations").get(0).get("field")
                .asText());
        assertError(elsewhere, 400, "INVALID_ARGUMENT");
        assertError(prefixed, 400, "INVALID_ARGUMENT");
        assertNotFound(update, "Requested entity was not found.");
        assertNotFound(delete, "Requested entity was not found.");
    }

    @Test
    @DisplayName("malformed ids are 400; unknown resources and constraints are 404 'Requested entity was not found.'")
    void badNames() {
        assertError(http.get("/v2/folders/abc/policies/compute.requireOsLogin"), 400, "INVALID_ARGUMENT");
        assertError(http.get("/v2/organizations/x1/constraints"), 400, "INVALID_ARGUMENT");
        assertError(http.get("/v2/projects/web-prod/policies/bad$name"), 400, "INVALID_ARGUMENT");
        assertNotFound(http.get("/v2/projects/no-such-proj/policies/compute.requireOsLogin"),
                "Requested entity was not found.");
        assertNotFound(http.get("/v2/folders/999/policies"), "Requested entity was not found.");
        assertNotFound(http.get("/v2/projects/web-prod/policies/no.suchConstraint"), "Requested entity was not found.");
        assertNotFound(http.get("/v2/projects/web-prod/policies/no.suchConstraint:getEffectivePolicy"),
                "Requested entity was not found.");
        assertNotFound(http.get("/v2/organizations/999/customConstraints"), "Requested entity was not found.");
    }

    @Test
    @DisplayName("a malformed name in the URL is reported before a malformed body on create and update")
    void nameBeforeBody() {
        RawHttp.Reply create = http.post("/v2/folders/abc/policies", "{\"name\": ");
        RawHttp.Reply createUnknownField = http.post("/v2/folders/abc/policies", "{\"nme\": \"x\"}");
        RawHttp.Reply update = http.patch("/v2/folders/abc/policies/compute.requireOsLogin", "{\"spec\": 1}");
        RawHttp.Reply badConstraint = http.patch("/v2/projects/web-prod/policies/bad$name", "{\"name\": ");

        assertBadField(create, "parent");
        assertBadField(createUnknownField, "parent");
        assertBadField(update, "policy.name");
        assertBadField(badConstraint, "policy.name");

        RawHttp.Reply createCustom = http.post("/v2/organizations/abc/customConstraints", "{\"nme\": ");
        RawHttp.Reply updateCustom = http.patch("/v2/organizations/abc/customConstraints/custom.x", "{\"nme\": 1}");
        assertBadField(createCustom, "parent");
        assertBadField(updateCustom, "custom_constraint.name");
    }

    @Test
    @DisplayName("paths and verbs without a binding are 404 'Method not found.', constraints/ prefixes included")
    void unknownRoutes() {
        String[] paths = {"/v2/billingAccounts/1/policies/compute.requireOsLogin",
            "/v2/projects/web-prod/policies/constraints/compute.requireOsLogin",
            "/v2/projects/web-prod/policies/compute.requireOsLogin:getEffective",
            "/v2/folders/1/customConstraints", "/v2/projects/web-prod", "/v2/projects/web-prod/policies/"};
        for (String path : paths) {
            assertNotFound(http.get(path), "Method not found.");
        }
        assertNotFound(http.send("PUT", POLICIES + "/compute.requireOsLogin", "{}"), "Method not found.");
        assertNotFound(http.send("POST", POLICIES, "{}", "X-HTTP-Method-Override", "PATCH"), "Method not found.");
        assertNotFound(http.delete("/v2/projects/web-prod/constraints"), "Method not found.");
    }

    @Test
    @DisplayName("a second create is 409 ALREADY_EXISTS; a stale etag on update is 409 ABORTED")
    void conflicts() {
        String body = """
                {"name": "projects/web-prod/policies/compute.requireOsLogin",
                 "spec": {"rules": [{"enforce": true}]}}""";
        assertEquals(200, http.post(POLICIES, body).status());

        RawHttp.Reply again = http.post(POLICIES, body);
        RawHttp.Reply stale = http.patch(POLICIES + "/compute.requireOsLogin",
                body.replace("\"spec\"", "\"etag\": \"AAAAAAAAAAA=\", \"spec\""));

        assertEquals(RawHttp.json("""
                {"error": {"code": 409, "message": "Requested entity already exists", "status": "ALREADY_EXISTS"}}"""),
                again.json());
        assertEquals(RawHttp.json("""
                {"error": {"code": 409, "message": "The etag does not match the current version.",
                           "status": "ABORTED"}}"""), stale.json());
    }

    @Test
    @DisplayName("status stays the canonical name when the caller asks for enums as numbers")
    void statusStaysAString() {
        RawHttp.Reply reply = http.get("/v2/projects/web-prod/policies/no.suchConstraint"
                + "?$alt=json;enum-encoding%3Dint");

        assertEquals(RawHttp.json("""
                {"error": {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND"}}"""),
                reply.json());
    }

    @Test
    @DisplayName("no error body names a Java class or shows a stack trace")
    void noImplementationDetails() {
        String deep = "[".repeat(100) + "]".repeat(100);
        RawHttp.Reply[] replies = {
            http.post(POLICIES, "{\"name\": \"projects/web-prod/policies/x.y\", \"spec\": {\"rules\": [{\"parameters\":"
                    + " {\"a\": " + deep + "}}]}}"),
            http.post(POLICIES, "{\"name\": 12345678901234567890123}"),
            http.post(POLICIES, "\"just a string\""),
            http.post(POLICIES, "{\"name\": \"a\", \"name\": \"b\"}"),
            http.get(POLICIES + "?pageSize=abc"),
            http.get(POLICIES + "?pageToken=!!!"),
        };
        for (RawHttp.Reply reply : replies) {
            assertEquals(400, reply.status(), reply.text());
            assertFalse(reply.text().matches("(?s).*(java\\.|Exception|\\.getMax|\\tat ).*"), reply.text());
        }
    }

    @Test
    @DisplayName("pageSize must be a non-negative int32 and pageToken must come from the same list")
    void badPaging() {
        RawHttp.Reply negative = http.get(POLICIES + "?pageSize=-1");
        RawHttp.Reply token = http.get(POLICIES + "?pageToken=bm90IGEgdG9rZW4");

        assertError(negative, 400, "INVALID_ARGUMENT");
        assertEquals("page_size", negative.error().get("details").get(0).get("fieldViolations").get(0).get("field")
                .asText());
        assertError(token, 400, "INVALID_ARGUMENT");
        assertEquals("page_token", token.error().get("details").get(0).get("fieldViolations").get(0).get("field")
                .asText());
    }

    private static String customConstraint(String actionType) {
        return """
                {"name": "organizations/123/customConstraints/custom.badEnum",
                 "resourceTypes": ["compute.googleapis.com/Instance"], "methodTypes": ["CREATE"],
                 "condition": "true", "actionType": %s}""".formatted(actionType);
    }

    private static void assertError(RawHttp.Reply reply, int code, String status) {
        assertEquals(code, reply.status(), reply.text());
        assertEquals(code, reply.error().get("code").intValue(), reply.text());
        assertEquals(status, reply.error().get("status").asText(), reply.text());
    }

    private static void assertBadField(RawHttp.Reply reply, String field) {
        assertError(reply, 400, "INVALID_ARGUMENT");
        assertEquals(field, reply.error().path("details").path(0).path("fieldViolations").path(0).path("field")
                .asText(), reply.text());
        assertTrue(reply.error().get("message").asText().startsWith(field + ": "), reply.text());
    }

    private static void assertNotFound(RawHttp.Reply reply, String message) {
        assertError(reply, 404, "NOT_FOUND");
        assertEquals(message, reply.error().get("message").asText(), reply.text());
    }
}
