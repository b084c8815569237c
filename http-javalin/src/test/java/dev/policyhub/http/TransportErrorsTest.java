package dev.policyhub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policyhub.core.PolicyHub;
import dev.policyhub.http.support.RawSocket;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Requests the web stack refuses before any route runs still get Google's JSON envelope, never an HTML page. */
@DisplayName("Errors of the web stack in Google's envelope")
class TransportErrorsTest {
    private static PolicyHub hub;
    private static PolicyHubServer server;

    @BeforeAll
    static void start() {
        hub = PolicyHub.builder().storage("memory", Map.of()).build();
        server = PolicyHubServer.start(hub, ServerOptions.ephemeral());
    }

    @AfterAll
    static void stop() {
        server.close();
        hub.close();
    }

    @Test
    @DisplayName("a path with a broken percent escape is 400 INVALID_ARGUMENT in JSON")
    void brokenEscape() throws IOException {
        Answer answer = send("GET /v2/organizations/1/policies/a%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        answer.assertEnvelope(400, "INVALID_ARGUMENT");
    }

    @Test
    @DisplayName("an unparsable request line is 400 INVALID_ARGUMENT in JSON")
    void garbageRequestLine() throws IOException {
        Answer answer = send("GARBAGE\r\n\r\n");

        answer.assertEnvelope(400, "INVALID_ARGUMENT");
    }

    @Test
    @DisplayName("a body over 1 MiB is 413 with the limit in the message")
    void bodyTooLarge() throws IOException {
        String body = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        Answer answer = send("POST /v2/organizations/1/policies HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body);

        answer.assertEnvelope(413, "INVALID_ARGUMENT");
        assertEquals("Request payload size exceeds the limit: 1048576 bytes.",
                answer.json().path("error").path("message").asText());
    }

    @Test
    @DisplayName("a verb no binding has (OPTIONS) is 404 Method not found. in JSON")
    void unknownVerb() throws IOException {
        Answer answer = send("OPTIONS /v2/organizations/1/policies HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        answer.assertEnvelope(404, "NOT_FOUND");
        assertEquals("Method not found.", answer.json().path("error").path("message").asText());
    }

    @Test
    @DisplayName("a chunked body with a broken chunk size is 400 INVALID_ARGUMENT, not an internal error")
    void brokenChunk() throws IOException {
        Answer answer = send("GET /v3/folders?parent=organizations/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\nxxxxxxxxxx\r\n0\r\n\r\n");

        answer.assertEnvelope(400, "INVALID_ARGUMENT");
    }

    @Test
    @DisplayName("trailing text after a JSON body is 400 without Jackson's type and feature names")
    void trailingToken() throws IOException {
        String body = "{\"parent\": \"organizations/1\", \"displayName\": \"x\"}\"";
        Answer answer = send("POST /v3/folders HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body);

        answer.assertEnvelope(400, "INVALID_ARGUMENT");
        assertFalse(answer.body().contains("com.fasterxml") || answer.body().contains("FAIL_ON_TRAILING_TOKENS"),
                answer.body());
    }

    @Test
    @DisplayName("X-HTTP-Method-Override turns only a POST into a PATCH: a HEAD with it updates nothing")
    void methodOverrideOnlyOnPost() throws IOException {
        hub.hierarchy().createOrganization(7L, "seven.example", null);
        String body = "{\"displayName\": \"renamed\"}";
        Answer answer = send("HEAD /admin/v1/organizations/7 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "X-HTTP-Method-Override: DELETE\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);

        assertEquals(404, answer.status(), answer.headers());
        assertEquals("seven.example", hub.hierarchy().getOrganization("organizations/7").displayName());
    }

    @Test
    @DisplayName("a DELETE Jetty refuses (a header line without a colon) is answered in JSON like a GET")
    void refusedDeleteInJson() throws IOException {
        Answer answer = send("DELETE /v3/folders/12 HTTP/1.1\r\nHost: x\r\nConnection: close\r\nBad Header: x\r\n\r\n");

        answer.assertEnvelope(400, "INVALID_ARGUMENT");
    }

    @Test
    @DisplayName("a request line without an HTTP version is 400 INVALID_ARGUMENT, not 505")
    void missingVersion() throws IOException {
        Answer answer = send("GET /v3/folders/12\r\nHost: x\r\nConnection: close\r\n\r\n");

        answer.assertEnvelope(400, "INVALID_ARGUMENT");
    }

    @Test
    @DisplayName("a GET or DELETE carrying a body is answered, then its connection is closed")
    void bodyOnBodilessMethodClosesConnection() throws IOException {
        for (String method : new String[] {"GET", "DELETE"}) {
            // no Connection: close from the client: the answer ends only because the server closes
            Answer answer = send(method + " /v3/folders/404 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");

            answer.assertEnvelope(403, "PERMISSION_DENIED");
            assertTrue(answer.headers().toLowerCase().contains("connection: close"), answer.headers());
        }
    }

    private record Answer(int status, String headers, String body) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(body);
        }

        void assertEnvelope(int expectedStatus, String canonical) throws IOException {
            assertEquals(expectedStatus, status, headers + body);
            assertTrue(headers.toLowerCase().contains("content-type: application/json"), headers);
            assertEquals(expectedStatus, json().path("error").path("code").intValue(), body);
            assertEquals(canonical, json().path("error").path("status").asText(), body);
            assertFalse(body.contains("<html") || body.contains("Exception"), body);
        }
    }

    private static Answer send(String request) throws IOException {
        String text = RawSocket.exchange(server.url(), request);
        int split = text.indexOf("\r\n\r\n");
        int status = Integer.parseInt(text.substring(9, 12));
        return new Answer(status, text.substring(0, split), text.substring(split + 4));
    }
}
