package dev.policyhub.http.resourcemanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    @DisplayName("an unknown operation is 404 NOT_FOUND")
    void unknown() {
        assertError(404, "NOT_FOUND", "Requested entity was not found.", http.get("/v3/operations/cf.0"));
        assertError(404, "NOT_FOUND", "Requested entity was not found.", http.get("/v3/operations/nonsense"));
    }
}
