package dev.policyhub.http.resourcemanager;

import dev.policyhub.http.support.RawHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Resource Manager v3 operations over HTTP")
class OperationRoutesTest extends ServerTestBase {

    @Test
    @DisplayName("a completed operation can be polled by name and answers the same JSON")
    void poll() {
        organization123();
        RawHttp.Reply created = http.post("/v3/folders", """
                {"parent": "organizations/123", "displayName": "prod"}""");
        String name = created.json().path("name").asText();
        RawHttp.Reply polled = http.get("/v3/" + name);
        assertEquals(200, polled.status(), polled.text());
        assertEquals(created.json(), polled.json());
    }

    @Test
    @DisplayName("a polled operation prints its response's enums as the polling request asks")
    void pollWithIntEnums() {
        organization123();
        RawHttp.Reply created = http.post("/v3/folders", """
                {"parent": "organizations/123", "displayName": "prod"}""");
        JsonNode polled = http.get("/v3/" + created.json().path("name").asText() + "?$alt=json;enum-encoding=int")
                .json();
        assertEquals(1, polled.path("response").path("state").asInt());
        assertEquals("ACTIVE", created.json().path("response").path("state").asText());
    }

    @Test
    @DisplayName("every named operation gets its own number")
    void distinctNames() {
        organization123();
        String first = http.post("/v3/folders", """
                {"parent": "organizations/123", "displayName": "one"}""").json().path("name").asText();
        String second = http.post("/v3/projects", """
                {"parent": "organizations/123", "projectId": "proj-two"}""").json().path("name").asText();
        assertNotEquals(first.substring(first.indexOf('.')), second.substring(second.indexOf('.')));
    }

    @Test
    @DisplayName("operations are numbered from the hub's id source after the resource they created; bindings take none")
    void numberedFromTheHub() {
        organization123();
        assertNames("folders/100000000001", "operations/cf.100000000002", http.post("/v3/folders", """
                {"parent": "organizations/123", "displayName": "prod"}"""));
        assertNames("projects/100000000003", "operations/cp.100000000004", http.post("/v3/projects", """
                {"parent": "folders/100000000001", "projectId": "web-prod"}"""));
        assertNames("tagKeys/100000000005", "operations/tk.100000000006", http.post("/v3/tagKeys", """
                {"parent": "organizations/123", "shortName": "env"}"""));
        assertNames("tagValues/100000000007", "operations/tv.100000000008", http.post("/v3/tagValues", """
                {"parent": "tagKeys/100000000005", "shortName": "dev"}"""));
        RawHttp.Reply bound = http.post("/v3/tagBindings", """
                {"parent": "//cloudresourcemanager.googleapis.com/projects/web-prod",
                 "tagValue": "tagValues/100000000007"}""");
        assertEquals(200, bound.status(), bound.text());
        assertFalse(bound.json().has("name"), bound.text());
        assertEquals("operations/cf.100000000009", http.patch("/v3/folders/100000000001?updateMask=displayName", """
                {"displayName": "production"}""").json().path("name").asText());
        assertEquals(100_000_000_010L, hub.newId());
    }

    @Test
    @DisplayName("an unknown operation is 404 NOT_FOUND")
    void unknown() {
        assertError(404, "NOT_FOUND", "Requested entity was not found.", http.get("/v3/operations/cf.0"));
        assertError(404, "NOT_FOUND", "Requested entity was not found.", http.get("/v3/operations/nonsense"));
    }

    /** Asserts a completed named operation answering with this resource name. */
    private static void assertNames(String resource, String operation, RawHttp.Reply reply) {
        assertEquals(200, reply.status(), reply.text());
        assertEquals(operation, reply.json().path("name").asText(), reply.text());
        assertEquals(resource, reply.json().path("response").path("name").asText(), reply.text());
    }
}
