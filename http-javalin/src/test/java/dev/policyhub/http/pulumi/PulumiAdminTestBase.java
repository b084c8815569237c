package dev.policyhub.http.pulumi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.policyhub.core.PolicyHub;
import dev.policyhub.http.PolicyHubServer;
import dev.policyhub.http.ServerOptions;
import dev.policyhub.http.support.Gzip;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One server per test class over a memory store with a fixed clock, emptied before each test; the Pulumi admin
 * endpoint creates organizations. Offers the inventory of the scenarios' fixture: organization {@code acme} with
 * stacks {@code web/prod} 12, {@code web/dev} 5, {@code api/prod} 30, {@code api/dev} 3 resources, accounts
 * {@code aws-main} 100, {@code aws-main/us-east-1} 40, {@code gcp-lab} 7, and the complete packs {@code aws-guard}
 * 1.0.0, 1.1.0, 2.0.0 ("AWS guard"), {@code cost-checks} 0.1.0 and {@code cis} 1.0.0, all built over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PulumiAdminTestBase {
    /** The fixed clock's instant. */
    static final Instant T0 = Instant.parse("2025-01-02T03:04:05.123456Z");
    /** Archive bytes the fixture uploads for every pack version. */
    static final byte[] ARCHIVE = Gzip.of("pack archive".getBytes(StandardCharsets.UTF_8));

    protected PolicyHub hub;
    protected PolicyHubServer server;
    protected BlobHttp http;

    /** The server's options; subclasses may require a token or switch admin off. */
    ServerOptions options() {
        return ServerOptions.ephemeral();
    }

    /** The client the tests use; subclasses may add fixed headers. */
    BlobHttp client(String url) {
        return new BlobHttp(url);
    }

    @BeforeAll
    void startServer() {
        hub = PolicyHub.builder().storage("memory", Map.of()).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
        server = PolicyHubServer.start(hub, options());
        http = client(server.url());
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

    /** Creates an organization through the admin endpoint. */
    void organization(String name) {
        assertStatus(200, http.post("/admin/v1/pulumi/orgs", "{\"name\":\"" + name + "\"}"));
    }

    /** Creates a stack, then imports a state of {@code resources} resources. */
    void stack(String org, String project, String stack, int resources) {
        assertJson(200, "{}", http.post("/api/stacks/" + org + "/" + project, "{\"stackName\":\"" + stack + "\"}"));
        assertStatus(200, http.post("/api/stacks/" + org + "/" + project + "/" + stack + "/import",
                deployment(resources)));
    }

    /** An untyped deployment ({@code {"version":3,"deployment":{…}}}) with {@code n} resources. */
    static String deployment(int n) {
        StringBuilder resources = new StringBuilder();
        for (int i = 0; i < n; i++) {
            resources.append(i == 0 ? "" : ",").append("{\"urn\":\"urn:pulumi:r").append(i)
                    .append("\",\"type\":\"").append(i == 0 ? "pulumi:pulumi:Stack" : "aws:s3/bucket:Bucket")
                    .append("\"}");
        }
        return "{\"version\":3,\"deployment\":{\"manifest\":{},\"resources\":[" + resources + "]}}";
    }

    /** Creates an account ({@code /} escaped in the path) and sets its resource count. */
    void account(String org, String name, String provider, int resources) {
        assertStatus(204, http.post("/api/preview/insights/" + org + "/accounts/" + name.replace("/", "%2F"),
                "{\"provider\":\"" + provider + "\",\"environment\":\"ops/" + provider + "\"}"));
        assertStatus(204, http.send("PUT", "/admin/v1/pulumi/orgs/" + org + "/resource-counts",
                ("{\"accounts\":[{\"name\":\"" + name + "\",\"resourceCount\":" + resources + "}]}")
                        .getBytes(StandardCharsets.UTF_8)));
    }

    /** Publishes a pack version (create, upload {@link #ARCHIVE}, complete); returns its number. */
    int publish(String org, String pack, String displayName, String tag) {
        BlobHttp.Reply created = http.post("/api/orgs/" + org + "/policypacks", """
                {"name":"%s","displayName":"%s","versionTag":"%s","runtime":"nodejs",
                 "policies":[{"name":"s3-no-public-read","enforcementLevel":"advisory"}]}"""
                .formatted(pack, displayName, tag));
        assertStatus(201, created);
        assertStatus(200, http.put(created.json().path("uploadURI").asText(), ARCHIVE));
        assertStatus(204, http.post("/api/orgs/" + org + "/policypacks/" + pack + "/versions/" + tag
                + "/complete", null));
        return created.json().path("version").intValue();
    }

    /** Builds the scenarios' fixture (see the class comment). */
    void fixture() {
        organization("acme");
        stack("acme", "web", "prod", 12);
        stack("acme", "web", "dev", 5);
        stack("acme", "api", "prod", 30);
        stack("acme", "api", "dev", 3);
        account("acme", "aws-main", "aws", 100);
        account("acme", "aws-main/us-east-1", "aws", 40);
        account("acme", "gcp-lab", "gcp", 7);
        publish("acme", "aws-guard", "AWS guard", "1.0.0");
        publish("acme", "aws-guard", "AWS guard", "1.1.0");
        publish("acme", "aws-guard", "AWS guard", "2.0.0");
        publish("acme", "cost-checks", "Cost checks", "0.1.0");
        publish("acme", "cis", "CIS", "1.0.0");
    }

    /** Asserts the status only. */
    static void assertStatus(int status, BlobHttp.Reply reply) {
        assertEquals(status, reply.status(), reply.text());
    }

    /** Asserts the status and exactly this JSON body (compared as trees), {@code masked} fields as {@code "*"}. */
    static void assertJson(int status, String expected, BlobHttp.Reply reply, String... masked) {
        assertEquals(status, reply.status(), reply.text());
        assertEquals("application/json", reply.contentType(), reply.text());
        assertEquals(BlobHttp.json(expected), mask(reply.json(), Set.of(masked)), reply.text());
    }

    /** Asserts Pulumi's error body {@code {"code":status,"message":message}}, exactly. */
    static void assertError(int status, String message, BlobHttp.Reply reply) {
        ObjectNode expected = JsonNodeFactory.instance.objectNode()
                .put("code", status).put("message", message);
        assertEquals(status, reply.status(), reply.text());
        assertEquals(expected, reply.json(), reply.text());
    }

    /** Asserts a status with no body at all. */
    static void assertEmpty(int status, BlobHttp.Reply reply) {
        assertEquals(status, reply.status(), reply.text());
        assertArrayEquals(new byte[0], reply.bytes());
    }

    /** A copy of {@code node} whose fields named in {@code masked}, at any depth, hold {@code "*"}. */
    static JsonNode mask(JsonNode node, Set<String> masked) {
        if (node.isObject()) {
            ObjectNode out = ((ObjectNode) node).deepCopy();
            node.properties().forEach(f -> out.set(f.getKey(),
                    masked.contains(f.getKey()) ? TextNode.valueOf("*") : mask(f.getValue(), masked)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = ((ArrayNode) node).deepCopy();
            for (int i = 0; i < node.size(); i++) {
                out.set(i, mask(node.get(i), masked));
            }
            return out;
        }
        return node;
    }
}
