package dev.policyhub.http.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.http.support.Gzip;
import dev.policyhub.http.support.RawHttp.Reply;
import dev.policyhub.http.support.RawHttp;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The conventions every Pulumi route shares: accepted {@code Accept} values, JSON and empty answers, gzip bodies,
 * the 1 MiB limit, trailing slashes, unknown paths and verbs, the request id, ignored fields and headers,
 * case-sensitive names, empty query values, and errors raised by the web stack itself.
 */
@DisplayName("Pulumi wire conventions")
class PulumiWireConventionsTest extends PulumiServerTestBase {
    private static final String ROUTE_NOT_FOUND = "{\"code\":404,\"message\":\"Not Found: route not found\"}";
    private static final String AUTH = "Authorization";
    private static final String TOKEN_HEADER = "token " + TOKEN;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }


    private static String mediaType(SocketHttp.Answer answer) {
        return answer.header("Content-Type").map(t -> t.split(";")[0].trim()).orElse("");
    }

    private static void assertPulumiError(String expectedBody, SocketHttp.Answer answer) {
        assertEquals(RawHttp.json(expectedBody).get("code").intValue(), answer.status(), answer::text);
        assertEquals(RawHttp.json(expectedBody), answer.json(), "error body");
        assertEquals("application/json", mediaType(answer));
        assertTrue(answer.header("X-Pulumi-Request-ID").isPresent(), () -> "request id in " + answer.headerLines());
    }

    @Test
    @DisplayName("X-HTTP-Method-Override is ignored: a HEAD with DELETE is no route and deletes nothing")
    void methodOverrideIgnored() {
        SocketHttp.Answer answer = socket().send("HEAD", "/api/preview/insights/acme/accounts/gcp-lab", null, AUTH,
                TOKEN_HEADER, "X-HTTP-Method-Override", "DELETE");

        assertEquals(404, answer.status(), answer::text);
        assertEquals("gcp-lab", hub.policyGroups().getAccount(ACME, "gcp-lab").name());
    }

    @Test
    @DisplayName("a chunked body with a broken chunk size is 400 invalid request body, not an internal error")
    void brokenChunk() throws IOException {
        URI uri = URI.create(server.url());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + PG + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                    + AUTH + ": " + TOKEN_HEADER + "\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nxxxxxxxxxx\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertTrue(answer.endsWith("{\"code\":400,\"message\":\"Bad Request: invalid request body\"}"), answer);
        }
    }

    @Test
    @DisplayName("an expectation the server cannot meet is 417 with Go's reason phrase, Expectation Failed")
    void expectationFailed() {
        SocketHttp.Answer answer = socket().send("DELETE", PG + "/nope", null, AUTH, TOKEN_HEADER, "Expect", "junk");

        assertPulumiError("{\"code\":417,\"message\":\"Expectation Failed: the request could not be read\"}", answer);
    }

    @Test
    @DisplayName("every Accept value Pulumi's clients send, and none, gets the same answer; never 406")
    void acceptValues() {
        Reply reference = get(PG + "/default-policy-group");
        int created = 0;
        for (String accept : List.of("application/vnd.pulumi+8", "application/vnd.pulumi+9", "application/json",
                "*/*", "text/html", "")) {
            String[] headers = accept.isEmpty() ? new String[0] : new String[] {"Accept", accept};
            Reply reply = send("GET", PG + "/default-policy-group", null, headers);
            assertEquals(200, reply.status(), accept);
            assertEquals(reference.text(), reply.text(), accept);
            created++;
            SocketHttp.Answer answer = socket().send("POST", PG,
                    utf8("{\"name\":\"g" + created + "\",\"entityType\":\"stacks\"}"),
                    accept.isEmpty() ? new String[] {AUTH, TOKEN_HEADER} : new String[] {AUTH, TOKEN_HEADER, "Accept", accept});
            assertEquals(204, answer.status(), accept);
        }
    }

    @Test
    @DisplayName("bodies are application/json, compact and uncompressed; a 204 has neither a body nor a content type")
    void contentTypes() {
        SocketHttp.Answer ok = socket().send("GET", PG, null, AUTH, TOKEN_HEADER, "Accept-Encoding", "gzip, deflate");
        assertEquals(200, ok.status());
        assertEquals("application/json", mediaType(ok));
        assertFalse(ok.header("Content-Encoding").isPresent(), "uncompressed");
        assertEquals(RawHttp.json(ok.text()).toString(), ok.text(), "compact");
        SocketHttp.Answer created = socket().send("POST", PG, utf8("{\"name\":\"prod\",\"entityType\":\"stacks\"}"),
                AUTH, TOKEN_HEADER, "Content-Type", "text/plain");
        assertEquals(204, created.status(), created::text);
        assertEquals(0, created.body().length);
        assertEquals(List.of(), created.headerLines().stream()
                .filter(l -> l.toLowerCase().startsWith("content-type:")).toList(), "no content type on a 204");
        SocketHttp.Answer updated = socket().send("PATCH", PG + "/prod", utf8("{\"addPolicyPack\":{\"name\":\"cis\"}}"),
                AUTH, TOKEN_HEADER);
        assertEquals(204, updated.status(), updated::text);
        assertEquals("", mediaType(updated));
        assertEquals(1, group("prod").get("appliedPolicyPacks").size(), "a body without Content-Type is read as JSON");
        assertPulumiError("{\"code\":404,\"message\":\"Not Found: Policy Group 'nope' not found\"}",
                socket().send("GET", PG + "/nope", null, AUTH, TOKEN_HEADER));
    }

    @Test
    @DisplayName("a gzip-encoded body is inflated on create, update and batch; a broken one is 400 invalid request body")
    void gzipBodies() {
        SocketHttp.Answer created = socket().send("POST", PG,
                Gzip.of(utf8("{\"name\":\"prod\",\"entityType\":\"stacks\"}")), AUTH, TOKEN_HEADER, "Content-Encoding", "gzip");
        assertEquals(204, created.status(), created::text);
        SocketHttp.Answer updated = socket().send("PATCH", PG + "/prod",
                Gzip.of(utf8("{\"addStack\":{\"name\":\"prod\",\"routingProject\":\"web\"}}")),
                AUTH, TOKEN_HEADER, "Content-Encoding", "gzip", "Content-Type", "application/json");
        assertEquals(204, updated.status(), updated::text);
        SocketHttp.Answer batch = socket().send("PATCH", PG + "/prod/batch",
                Gzip.of(utf8("[{\"addPolicyPack\":{\"name\":\"cis\"}}]")), AUTH, TOKEN_HEADER, "Content-Encoding", "GZIP");
        assertEquals(204, batch.status(), batch::text);
        assertOk("{\"name\":\"prod\",\"isOrgDefault\":false,\"entityType\":\"stacks\",\"mode\":\"preventative\","
                + "\"stacks\":[{\"name\":\"prod\",\"routingProject\":\"web\"}],\"appliedPolicyPacks\":[{\"name\":\"cis\","
                + "\"displayName\":\"CIS benchmark\",\"version\":1,\"versionTag\":\"1.0.0\"}],\"accounts\":[]}",
                get(PG + "/prod"));
        String before = snapshot();
        byte[] truncated = Gzip.of(utf8("{\"addStack\":{\"name\":\"dev\",\"routingProject\":\"web\"}}"));
        truncated = Arrays.copyOf(truncated, truncated.length - 6);
        for (byte[] broken : List.of(utf8("{\"addStack\":{\"name\":\"dev\",\"routingProject\":\"web\"}}"), truncated)) {
            assertPulumiError("{\"code\":400,\"message\":\"Bad Request: invalid request body\"}",
                    socket().send("PATCH", PG + "/prod", broken, AUTH, TOKEN_HEADER, "Content-Encoding", "gzip"));
        }
        assertEquals(before, snapshot());
    }

    @Test
    @DisplayName("a body over 1 MiB on an API route is 413, sent plainly or gzipped; exactly 1 MiB is read")
    void bodyLimit() {
        String tooLarge = "{\"code\":413,\"message\":\"Request Entity Too Large: request body exceeds 1 MiB\"}";
        createGroup("prod", "stacks", "");
        String before = snapshot();
        byte[] overLimit = utf8("{\"newName\":\"x\"}" + " ".repeat(1024 * 1024));
        assertPulumiError(tooLarge, socket().send("PATCH", PG + "/prod", overLimit, AUTH, TOKEN_HEADER));
        assertPulumiError(tooLarge, socket().send("POST", PG, overLimit, AUTH, TOKEN_HEADER));
        assertPulumiError(tooLarge, socket().send("PATCH", PG + "/prod/batch",
                utf8("[" + " ".repeat(2 * 1024 * 1024) + "]"), AUTH, TOKEN_HEADER));
        assertPulumiError(tooLarge, socket().send("PATCH", PG + "/prod", Gzip.of(overLimit), AUTH, TOKEN_HEADER,
                "Content-Encoding", "gzip"));
        assertEquals(before, snapshot());
        String exact = "{\"newName\":\"production\"}";
        SocketHttp.Answer atLimit = socket().send("PATCH", PG + "/prod",
                utf8(exact + " ".repeat(1024 * 1024 - exact.length())), AUTH, TOKEN_HEADER);
        assertEquals(204, atLimit.status(), atLimit::text);
        assertEquals("production", group("production").get("name").textValue());
    }

    @Test
    @DisplayName("one trailing slash is ignored; two are not")
    void trailingSlash() {
        assertNoContent(post(PG + "/", "{\"name\":\"prod\",\"entityType\":\"stacks\"}"));
        assertEquals(get(PG).text(), get(PG + "/").text());
        assertEquals(get(PG + "/prod").text(), get(PG + "/prod/").text());
        assertNoContent(patch(PG + "/prod/", "{\"addStack\":{\"name\":\"dev\",\"routingProject\":\"web\"}}"));
        assertNoContent(patch(PG + "/prod/batch/", "[{\"addStack\":{\"name\":\"prod\",\"routingProject\":\"web\"}}]"));
        assertEquals(2, group("prod").get("stacks").size());
        assertEquals(get(PG + "/metadata").text(), get(PG + "/metadata/").text());
        assertEquals(get("/api/stacks/acme/web/dev/policygroups").text(),
                get("/api/stacks/acme/web/dev/policygroups/").text());
        assertError(404, "Not Found: route not found", get(PG + "/prod//"));
        assertNoContent(delete(PG + "/prod/"));
        assertError(404, "Not Found: Policy Group 'prod' not found", get(PG + "/prod"));
    }

    @Test
    @DisplayName("an unknown path under /api, or a verb no route has, is 404 route not found, never 405")
    void unknownRoutes() {
        createGroup("prod", "stacks", "");
        for (String path : List.of("/api", "/api/", "/api/nope", "/api/orgs/acme", "/api/orgs/acme/policygroupz",
                "/api/orgs/acme/policygroups/prod/members", "/api/orgs/acme/policygroups/prod/batch/x",
                "/api/user", "/api/capabilities", "/api/stacks/acme/web/prod/policygroups/x",
                "/api/registry/policypacks", "/api/orgs/acme/policygroups/metadata/x")) {
            assertPulumiError(ROUTE_NOT_FOUND, socket().send("GET", path, null, AUTH, TOKEN_HEADER));
        }
        String before = snapshot();
        List<String[]> refused = List.of(new String[] {"PUT", PG + "/prod"}, new String[] {"POST", PG + "/prod"},
                new String[] {"OPTIONS", PG + "/prod"}, new String[] {"TRACE", PG + "/prod"},
                new String[] {"PUT", PG}, new String[] {"DELETE", PG}, new String[] {"PATCH", PG},
                new String[] {"GET", PG + "/prod/batch"}, new String[] {"POST", PG + "/prod/batch"},
                new String[] {"PATCH", PG + "/metadata/x"}, new String[] {"DELETE", "/api/stacks/acme/web/prod/policygroups"},
                new String[] {"PROPFIND", PG + "/prod"});
        for (String[] request : refused) {
            SocketHttp.Answer answer = socket().send(request[0], request[1], utf8("{\"newName\":\"x\"}"),
                    AUTH, TOKEN_HEADER);
            assertPulumiError(ROUTE_NOT_FOUND, answer);
        }
        SocketHttp.Answer head = socket().send("HEAD", PG + "/prod", null, AUTH, TOKEN_HEADER);
        assertEquals(404, head.status());
        assertTrue(head.header("X-Pulumi-Request-ID").isPresent());
        assertEquals(before, snapshot());
    }

    @Test
    @DisplayName("every answer carries a fresh X-Pulumi-Request-ID: successes, route and service errors, "
            + "401, 413 and errors of the web stack")
    void requestIds() {
        List<SocketHttp.Answer> answers = new ArrayList<>();
        answers.add(socket().send("GET", PG, null, AUTH, TOKEN_HEADER));
        answers.add(socket().send("POST", PG, utf8("{\"name\":\"prod\",\"entityType\":\"stacks\"}"), AUTH, TOKEN_HEADER));
        answers.add(socket().send("POST", PG, utf8("{\"name\":\"prod\",\"entityType\":\"stacks\"}"), AUTH, TOKEN_HEADER));
        answers.add(socket().send("GET", PG, null));
        answers.add(socket().send("GET", "/api/nope", null, AUTH, TOKEN_HEADER));
        answers.add(socket().send("GET", "/api", null, AUTH, TOKEN_HEADER));
        answers.add(socket().send("PATCH", PG + "/prod", utf8("{"), AUTH, TOKEN_HEADER));
        answers.add(socket().send("PATCH", PG + "/prod", utf8(" ".repeat(1024 * 1024 + 1)), AUTH, TOKEN_HEADER));
        answers.add(socket().send("GET", PG, null, AUTH, TOKEN_HEADER, "X-Big", "x".repeat(64 * 1024)));
        Set<String> ids = new HashSet<>();
        for (SocketHttp.Answer answer : answers) {
            String id = answer.header("X-Pulumi-Request-ID").orElse("");
            assertNotEquals("", id, () -> answer.status() + " " + answer.headerLines());
            assertTrue(ids.add(id), "ids are fresh");
        }
        assertEquals(List.of(200, 204, 409, 401, 404, 404, 400, 413, 431),
                answers.stream().map(SocketHttp.Answer::status).toList());
    }

    @Test
    @DisplayName("an error raised by the web stack on an /api path is in Pulumi's shape, not Google's")
    void webStackErrors() {
        SocketHttp.Answer bigHeader = socket().send("GET", PG, null, AUTH, TOKEN_HEADER, "X-Big", "x".repeat(64 * 1024));
        assertPulumiError("{\"code\":431,\"message\":\"Request Header Fields Too Large: the request could not be read\"}",
                bigHeader);
        SocketHttp.Answer badLength = socket().send("GET", PG, null, AUTH, TOKEN_HEADER, "Content-Length", "abc");
        assertPulumiError("{\"code\":400,\"message\":\"Bad Request: the request could not be read\"}", badLength);
    }

    @Test
    @DisplayName("unknown JSON fields are ignored, at the top level and inside references")
    void unknownFields() {
        assertNoContent(post(PG, "{\"name\":\"prod\",\"entityType\":\"stacks\",\"color\":\"red\",\"policies\":[1],"
                + "\"isOrgDefault\":true,\"numStacks\":9}"));
        update("prod", "{\"addStack\":{\"name\":\"prod\",\"routingProject\":\"web\",\"id\":\"acme/web/prod\"},"
                + "\"unknown\":{\"deep\":[null]},\"addPolicyPack\":{\"name\":\"cis\",\"displayName\":\"ignored\","
                + "\"packLocation\":\"x\"}}");
        assertNoContent(patch(PG + "/prod/batch", "[{\"addInsightsAccount\":{\"name\":\"gcp-lab\",\"provider\":\"gcp\","
                + "\"ownedBy\":{\"name\":\"x\"}},\"extra\":1}]"));
        assertOk("{\"name\":\"prod\",\"isOrgDefault\":false,\"entityType\":\"stacks\",\"mode\":\"preventative\","
                + "\"stacks\":[{\"name\":\"prod\",\"routingProject\":\"web\"}],\"appliedPolicyPacks\":[{\"name\":\"cis\","
                + "\"displayName\":\"CIS benchmark\",\"version\":1,\"versionTag\":\"1.0.0\"}],\"accounts\":[\"gcp-lab\"]}",
                get(PG + "/prod"));
    }

    @Test
    @DisplayName("X-Pulumi-Source, User-Agent, X-Pulumi-Tracing, Accept-Encoding and Accept-Language change nothing")
    void ignoredHeaders() {
        String[] noise = {"X-Pulumi-Source", "provider", "User-Agent", "pulumi-admin/1", "X-Pulumi-Tracing",
            "http://tracing.example/1", "Accept-Encoding", "gzip", "Accept-Language", "fr-FR"};
        String plainList = get(PG).text();
        assertEquals(plainList, send("GET", PG, null, noise).text());
        assertNoContent(send("POST", PG, "{\"name\":\"prod\",\"entityType\":\"stacks\"}", noise));
        assertNoContent(send("PATCH", PG + "/prod", "{\"addPolicyPack\":{\"name\":\"cis\"}}", noise));
        assertEquals(get(PG + "/prod").text(), send("GET", PG + "/prod", null, noise).text());
        assertError(404, "Not Found: Policy Group 'nope' not found", send("GET", PG + "/nope", null, noise));
        assertError(401, "Unauthorized: No credentials provided or are invalid.",
                http.send("GET", PG, null, "User-Agent", "pulumi-admin/1", "X-Pulumi-Source", "cli"));
    }

    @Test
    @DisplayName("names are case-sensitive: PROD and prod are two groups; ACME, Web and CIS are unknown")
    void caseSensitiveNames() {
        createGroup("prod", "stacks", "");
        createGroup("PROD", "accounts", "");
        update("PROD", "{\"addInsightsAccount\":{\"name\":\"gcp-lab\"}}");
        assertEquals(0, group("prod").get("accounts").size());
        assertEquals(1, group("PROD").get("accounts").size());
        assertError(404, "Not Found: Policy Group 'Prod' not found", get(PG + "/Prod"));
        assertError(404, "Not Found: Organization 'Acme' not found", get("/api/orgs/Acme/policygroups"));
        assertError(404, "Not Found: Stack 'WEB/prod' not found", get("/api/stacks/acme/WEB/prod/policygroups"));
        assertError(404, "Not Found: Policy Pack 'CIS' not found",
                patch(PG + "/prod", "{\"addPolicyPack\":{\"name\":\"CIS\"}}"));
        assertError(404, "Not Found: Insights account 'GCP-LAB' not found",
                patch(PG + "/prod", "{\"addInsightsAccount\":{\"name\":\"GCP-LAB\"}}"));
        assertEquals(List.of("PROD", "default-accounts-policy-group", "default-policy-group", "prod"),
                names(get(PG)));
    }

    @Test
    @DisplayName("an empty query value (?mode=) counts as absent; unknown query parameters are ignored")
    void emptyQueryValues() {
        createGroup("audit-all", "stacks", "audit");
        update("audit-all", "{\"addStack\":{\"name\":\"prod\",\"routingProject\":\"web\"},"
                + "\"addPolicyPack\":{\"name\":\"cost-checks\"}}");
        update("default-policy-group", "{\"addPolicyPack\":{\"name\":\"cis\"}}");
        String both = get("/api/stacks/acme/web/prod/policypacks").text();
        assertEquals(2, RawHttp.json(both).get("requiredPolicies").size(), both);
        assertEquals(both, get("/api/stacks/acme/web/prod/policypacks?mode=").text());
        assertEquals(both, get("/api/stacks/acme/web/prod/policypacks?mode").text());
        assertEquals(both, get("/api/stacks/acme/web/prod/policypacks?color=red&mode=").text());
        assertEquals(1, get("/api/stacks/acme/web/prod/policypacks?mode=audit&mode=preventative").json()
                .get("requiredPolicies").size(), "the first value wins");
        assertEquals(get(PG).text(), get(PG + "?continuationToken=&x=1").text());
    }

    private static List<String> names(Reply list) {
        List<String> out = new ArrayList<>();
        list.json().get("policyGroups").forEach(g -> out.add(g.get("name").textValue()));
        return out;
    }
}
