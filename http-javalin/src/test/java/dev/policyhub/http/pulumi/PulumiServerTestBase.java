package dev.policyhub.http.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.access.AccessTokens;
import dev.policyhub.core.policygroups.NewInsightsAccount;
import dev.policyhub.core.policygroups.NewPolicyPack;
import dev.policyhub.core.policygroups.NewPolicyPack.PolicyDraft;
import dev.policyhub.core.policygroups.PolicyGroupService;
import dev.policyhub.core.policygroups.PublishedVersion;
import dev.policyhub.http.PolicyHubServer;
import dev.policyhub.http.ServerOptions;
import dev.policyhub.http.pulumi.contract.OpenApiContract;
import dev.policyhub.http.support.RawHttp;
import dev.policyhub.http.support.RawHttp.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One server per test class on a memory store, with tokens required: {@value #TOKEN} reaches everything,
 * {@value #ACME_TOKEN} only organization {@code acme}, {@value #BETA_TOKEN} only {@code beta}. Fixture F is rebuilt
 * before each test: organization {@code acme}; stacks web/prod 12, web/dev 5, api/prod 30, api/dev 3 resources;
 * accounts aws-main (aws) 100, aws-main/us-east-1 40, gcp-lab (gcp) 7; packs aws-guard v1 {@code 1.0.0}, v2
 * {@code 1.1.0}, v3 {@code 2.0.0}, cost-checks v1 {@code 0.1.0}, cis v1 {@code 1.0.0}, all complete; only the
 * default groups, holding every stack and account.
 */
abstract class PulumiServerTestBase {
    static final String TOKEN = "pul-0123456789abcdef";
    static final String ACME_TOKEN = "pul-acme-0123456789";
    static final String BETA_TOKEN = "pul-beta-0123456789";
    static final String ACME = "acme";
    static final String PG = "/api/orgs/acme/policygroups";

    static PolicyHub hub;
    static PolicyHubServer server;
    static RawHttp http;

    @BeforeAll
    static void startServer() {
        hub = PolicyHub.builder().storage("memory", Map.of())
                .clock(Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC)).build();
        server = PolicyHubServer.start(hub, ServerOptions.ephemeral().withTokens(AccessTokens.parse("test",
                TOKEN + " *\n" + ACME_TOKEN + " pulumi:acme\n" + BETA_TOKEN + " pulumi:beta")));
        http = new RawHttp(server.url());
    }

    @AfterAll
    static void stopServer() {
        server.close();
        hub.close();
    }

    @BeforeEach
    void buildFixtureF() {
        hub.storage().clear();
        PolicyGroupService pulumi = hub.policyGroups();
        pulumi.createOrganization(ACME);
        stack("web", "prod", 12);
        stack("web", "dev", 5);
        stack("api", "prod", 30);
        stack("api", "dev", 3);
        pulumi.createAccount(ACME, NewInsightsAccount.of("aws-main", "aws", "ops/aws"));
        pulumi.createAccount(ACME, NewInsightsAccount.of("aws-main/us-east-1", "aws", "ops/aws"));
        pulumi.createAccount(ACME, NewInsightsAccount.of("gcp-lab", "gcp", "ops/gcp"));
        pulumi.setResourceCounts(ACME, Map.of(),
                Map.of("aws-main", 100L, "aws-main/us-east-1", 40L, "gcp-lab", 7L));
        publish("aws-guard", "AWS guard", "1.0.0", "s3-no-public-read");
        publish("aws-guard", "AWS guard", "1.1.0", "s3-no-public-read");
        publish("aws-guard", "AWS guard", "2.0.0", "s3-no-public-read");
        publish("cost-checks", "Cost checks", "0.1.0", "budget-tags");
        publish("cis", "CIS benchmark", "1.0.0", "iam-mfa");
    }

    static void stack(String project, String name, long resources) {
        hub.policyGroups().createStack(ACME, project, name, Optional.of(resources));
    }

    /** Publishes, uploads and completes a version with one mandatory policy. */
    static int publish(String pack, String displayName, String tag, String policy) {
        PolicyGroupService pulumi = hub.policyGroups();
        PublishedVersion v = pulumi.publishPolicyPack(ACME, new NewPolicyPack(pack, displayName, tag, "nodejs",
                List.of(PolicyDraft.of(policy, "mandatory"))));
        pulumi.uploadPolicyPack(ACME, pack, v.version(), v.uploadToken(),
                ("archive of " + pack + " " + tag).getBytes(StandardCharsets.UTF_8));
        pulumi.completePolicyPack(ACME, pack, tag);
        return v.version();
    }

    /**
     * A request with the token; {@code body} may be null. Every answer is checked against Pulumi's OpenAPI document
     * (status listed, body valid, no unknown fields) before the test sees it.
     */
    static Reply send(String method, String path, String body, String... headers) {
        List<String> all = new ArrayList<>(List.of("Authorization", "token " + TOKEN));
        all.addAll(List.of(headers));
        return checked(method, path, http.send(method, path, body, all.toArray(String[]::new)));
    }

    /** A request with these headers only (e.g. another token, or none), its answer checked like {@link #send}'s. */
    static Reply sendWithHeaders(String method, String path, String body, String... headers) {
        return checked(method, path, http.send(method, path, body, headers));
    }

    private static Reply checked(String method, String path, Reply reply) {
        int query = path.indexOf('?');
        OpenApiContract.pulumi().check(method, query < 0 ? path : path.substring(0, query), reply.status(),
                reply.contentType().isEmpty() ? null : reply.contentType(), reply.text().getBytes(StandardCharsets.UTF_8));
        return reply;
    }

    static Reply get(String path) {
        return send("GET", path, null);
    }

    static Reply post(String path, String body) {
        return send("POST", path, body);
    }

    static Reply patch(String path, String body) {
        return send("PATCH", path, body);
    }

    static Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /** Asserts a 204 with an empty body. */
    static void assertNoContent(Reply reply) {
        assertEquals(204, reply.status(), () -> "status; body " + reply.text());
        assertEquals("", reply.text(), "a 204 has no body");
    }

    /** Asserts a 200 whose JSON equals {@code expected}. */
    static void assertOk(String expected, Reply reply) {
        assertEquals(200, reply.status(), () -> "status; body " + reply.text());
        assertEquals(RawHttp.json(expected), reply.json());
    }

    /** Asserts Pulumi's error body {@code {"code":status,"message":message}}, nothing else. */
    static void assertError(int status, String message, Reply reply) {
        assertEquals(status, reply.status(), () -> "status; body " + reply.text());
        JsonNode expected = RawHttp.json("{}");
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected).put("code", status).put("message", message);
        assertEquals(expected, reply.json(), "error body");
    }

    /** The group as JSON (GET). */
    static JsonNode group(String name) {
        Reply reply = get(PG + "/" + name);
        assertEquals(200, reply.status(), () -> "GET group " + name + ": " + reply.text());
        return reply.json();
    }

    /** Creates a group of an entity type (and mode, "" = default) over HTTP. */
    static void createGroup(String name, String entityType, String mode) {
        String modeField = mode.isEmpty() ? "" : ",\"mode\":\"" + mode + "\"";
        assertNoContent(post(PG, "{\"name\":\"" + name + "\",\"entityType\":\"" + entityType + "\"" + modeField + "}"));
    }

    /** Applies one update over HTTP and expects 204. */
    static void update(String group, String body) {
        assertNoContent(patch(PG + "/" + group, body));
    }

    /** A client that writes requests byte for byte on a socket and shows the answer's headers. */
    static SocketHttp socket() {
        return new SocketHttp(server.url());
    }

    /**
     * The raw answers of every read of the organization's groups: the list, each group and the metadata. A refused
     * write must leave this text unchanged, byte for byte.
     */
    static String snapshot() {
        StringBuilder out = new StringBuilder();
        Reply list = get(PG);
        assertEquals(200, list.status(), list::text);
        out.append(list.text()).append('\n');
        list.json().get("policyGroups").forEach(g -> out.append(get(PG + "/" + g.get("name").textValue()).text())
                .append('\n'));
        out.append(get(PG + "/metadata").text()).append('\n');
        return out.toString();
    }

    /** Sends a write that must be refused with Pulumi's error body, and checks that it changed nothing. */
    static void assertRefused(int status, String message, Supplier<Reply> write) {
        String before = snapshot();
        assertError(status, message, write.get());
        assertEquals(before, snapshot(), "a refused request changes nothing");
    }
}
