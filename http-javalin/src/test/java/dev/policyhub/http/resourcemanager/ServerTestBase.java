package dev.policyhub.http.resourcemanager;

import dev.policyhub.http.support.RawHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.hierarchy.Folder;
import dev.policyhub.core.hierarchy.NewFolder;
import dev.policyhub.core.hierarchy.NewProject;
import dev.policyhub.core.hierarchy.Project;
import dev.policyhub.http.PolicyHubServer;
import dev.policyhub.http.ServerOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One server per test class over a memory store with a fixed clock, emptied before each test: ids then start at
 * 100000000001 and every write is stamped one microsecond after the previous one, starting at {@link #T0}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServerTestBase {
    /** The fixed clock's instant: the first write of a test is stamped with it. */
    public static final Instant T0 = Instant.parse("2025-01-02T03:04:05.123456Z");
    /** Prefix of the Resource Manager types in operations. */
    public static final String RM = "type.googleapis.com/google.cloud.resourcemanager.v3.";

    protected PolicyHub hub;
    protected PolicyHubServer server;
    protected RawHttp http;

    /** The server's options; subclasses may require tokens. */
    protected ServerOptions options() {
        return ServerOptions.ephemeral();
    }

    @BeforeAll
    void startServer() {
        hub = PolicyHub.builder().storage("memory", Map.of()).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
        server = PolicyHubServer.start(hub, options());
        http = new RawHttp(server.url());
    }

    @AfterAll
    void stopServer() {
        server.close();
        hub.close();
    }

    @BeforeEach
    void emptyStore() {
        hub.storage().clear();
    }

    /** The timestamp of the {@code n}-th write of a test (the first is 0), as the wire prints it. */
    public static String stamp(int n) {
        return T0.plusNanos(1_000L * n).toString();
    }

    /** Organization 123 ("example.com"), the first write of a test. */
    protected void organization123() {
        hub.hierarchy().createOrganization(123L, "example.com", null);
    }

    /** A folder made through the embedding API. */
    protected Folder folder(String parent, String displayName) {
        return hub.hierarchy().createFolder(NewFolder.of(parent, displayName));
    }

    /** A project made through the embedding API. */
    protected Project project(String projectId, String parent) {
        return hub.hierarchy().createProject(NewProject.of(projectId, parent));
    }

    /** Asserts a reply is 200 with exactly this JSON. */
    public static void assertOk(String expected, RawHttp.Reply reply) {
        assertEquals(200, reply.status(), reply.text());
        assertJson(expected, reply.json());
    }

    /** Asserts JSON equality (object member order aside). */
    public static void assertJson(String expected, JsonNode actual) {
        JsonNode want = RawHttp.json(expected);
        assertEquals(want, actual, () -> "expected\n" + want.toPrettyString() + "\nbut was\n"
                + (actual == null ? "nothing" : actual.toPrettyString()));
    }

    /** Asserts a Google error envelope: HTTP status, canonical code name and message. */
    public static void assertError(int status, String code, String message, RawHttp.Reply reply) {
        assertEquals(status, reply.status(), reply.text());
        JsonNode error = reply.json().path("error");
        assertEquals(status, error.path("code").asInt(), reply.text());
        assertEquals(code, error.path("status").asText(), reply.text());
        if (message != null) {
            assertEquals(message, error.path("message").asText(), reply.text());
        }
    }

    /** Asserts a 400 FAILED_PRECONDITION carrying one PreconditionFailure violation of this type and subject. */
    public static void assertPrecondition(String type, String subject, RawHttp.Reply reply) {
        assertError(400, "FAILED_PRECONDITION", null, reply);
        JsonNode detail = reply.json().path("error").path("details").path(0);
        assertEquals("type.googleapis.com/google.rpc.PreconditionFailure", detail.path("@type").asText(),
                reply.text());
        assertEquals(type, detail.path("violations").path(0).path("type").asText(), reply.text());
        assertEquals(subject, detail.path("violations").path(0).path("subject").asText(), reply.text());
    }

    /** Asserts a 400 INVALID_ARGUMENT whose BadRequest detail names this field. */
    public static void assertBadField(String field, RawHttp.Reply reply) {
        assertError(400, "INVALID_ARGUMENT", null, reply);
        JsonNode detail = reply.json().path("error").path("details").path(0);
        assertEquals("type.googleapis.com/google.rpc.BadRequest", detail.path("@type").asText(), reply.text());
        assertEquals(field, detail.path("fieldViolations").path(0).path("field").asText(), reply.text());
    }

    /**
     * Checks a named operation's name ({@code operations/{prefix}.{n}}) and that polling it answers the same JSON;
     * returns the operation with its name replaced by {@code NAME}, for comparing the rest exactly.
     */
    protected JsonNode namedOperation(String prefix, RawHttp.Reply reply) {
        return namedOperation(prefix, reply, "");
    }

    /** As {@link #namedOperation(String, RawHttp.Reply)}, polling with this query (e.g. for enum-encoding=int). */
    protected JsonNode namedOperation(String prefix, RawHttp.Reply reply, String pollQuery) {
        assertEquals(200, reply.status(), reply.text());
        String name = reply.json().path("name").asText();
        assertTrue(name.matches("operations/" + prefix + "\\.[0-9]+"), name);
        RawHttp.Reply polled = http.get("/v3/" + name + pollQuery);
        assertEquals(200, polled.status(), polled.text());
        assertEquals(reply.json(), polled.json());
        ObjectNode copy = reply.json().deepCopy();
        copy.put("name", "NAME");
        return copy;
    }
}
