package dev.policyhub.http.admin;

import dev.policyhub.http.support.RawHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policyhub.core.hierarchy.NewFolder;
import dev.policyhub.http.resourcemanager.ServerTestBase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Emulator control endpoints under /admin/v1")
class AdminRoutesTest extends ServerTestBase {

    @Test
    @DisplayName("POST organizations creates one with the given id, display name and directory customer id")
    void createOrganization() {
        RawHttp.Reply reply = http.post("/admin/v1/organizations", """
                {"organizationId": "123", "displayName": "example.com", "directoryCustomerId": "C01abc"}""");
        assertOk("""
                {"name": "organizations/123", "displayName": "example.com", "directoryCustomerId": "C01abc",
                 "state": "ACTIVE", "createTime": "%s", "updateTime": "%s", "etag": "%s"}"""
                .formatted(stamp(0), stamp(0), hub.hierarchy().getOrganization("organizations/123").etag()), reply);
        assertEquals(200, http.get("/v3/organizations/123").status());
    }

    @Test
    @DisplayName("POST organizations with no field assigns the id and uses it as display name")
    void createOrganizationWithDefaults() {
        RawHttp.Reply reply = http.post("/admin/v1/organizations", "{}");
        assertEquals(200, reply.status(), reply.text());
        assertEquals("organizations/100000000001", reply.json().path("name").asText());
        assertEquals("100000000001", reply.json().path("displayName").asText());
        RawHttp.Reply numeric = http.post("/admin/v1/organizations?$alt=json;enum-encoding=int", """
                {"organizationId": 7}""");
        assertEquals("organizations/7", numeric.json().path("name").asText(), numeric.text());
        assertEquals(1, numeric.json().path("state").asInt(), numeric.text());
    }

    @Test
    @DisplayName("a duplicate organization id is 409 ALREADY_EXISTS; an unknown or mistyped field is 400")
    void createOrganizationErrors() {
        http.post("/admin/v1/organizations", """
                {"organizationId": "123"}""");
        assertError(409, "ALREADY_EXISTS", "Requested entity already exists", http.post("/admin/v1/organizations", """
                {"organizationId": "123", "displayName": "again.example"}"""));
        assertError(400, "INVALID_ARGUMENT",
                "Invalid JSON payload received. Unknown name \"domain\": Cannot find field.",
                http.post("/admin/v1/organizations", """
                        {"domain": "example.com"}"""));
        assertError(400, "INVALID_ARGUMENT", "Invalid value at 'organization_id' (TYPE_INT64), \"abc\"",
                http.post("/admin/v1/organizations", """
                        {"organizationId": "abc"}"""));
        assertError(400, "INVALID_ARGUMENT", null, http.post("/admin/v1/organizations", """
                {"organizationId": "-5"}"""));
    }

    @Test
    @DisplayName("DELETE organizations answers {} and the organization is gone")
    void deleteOrganization() {
        organization123();
        assertOk("{}", http.delete("/admin/v1/organizations/123"));
        assertError(403, "PERMISSION_DENIED", null, http.get("/v3/organizations/123"));
        assertError(403, "PERMISSION_DENIED", null, http.delete("/admin/v1/organizations/123"));
    }

    @Test
    @DisplayName("DELETE organizations while it has an active folder is 400 FAILED_PRECONDITION NOT_EMPTY")
    void deleteOrganizationWithChildren() {
        organization123();
        hub.hierarchy().createFolder(NewFolder.of("organizations/123", "prod"));
        assertPrecondition("NOT_EMPTY", "organizations/123", http.delete("/admin/v1/organizations/123"));
        assertEquals(200, http.get("/v3/organizations/123").status());
    }

    @Test
    @DisplayName("health answers {\"status\":\"ok\"}")
    void health() {
        assertOk("""
                {"status": "ok"}""", http.get("/admin/v1/health"));
    }

    @Test
    @DisplayName("reset empties the store and the operation log, and restarts assigned ids")
    void reset() {
        organization123();
        String operation = http.post("/v3/folders", """
                {"parent": "organizations/123", "displayName": "prod"}""").json().path("name").asText();
        assertEquals(200, http.get("/v3/" + operation).status());
        assertOk("{}", http.post("/admin/v1/reset", ""));
        assertError(404, "NOT_FOUND", "Requested entity was not found.", http.get("/v3/" + operation));
        assertOk("{}", http.get("/v3/organizations:search"));
        assertEquals("", StoreListing.of(hub));
        assertEquals("organizations/100000000001",
                http.post("/admin/v1/organizations", "{}").json().path("name").asText());
    }

    @Test
    @DisplayName("an unknown admin path or verb is 404 Method not found.")
    void unknownRoute() {
        assertError(404, "NOT_FOUND", "Method not found.", http.get("/admin/v1/organizations"));
        assertError(404, "NOT_FOUND", "Method not found.", http.get("/admin/v1/nothing"));
    }
}
