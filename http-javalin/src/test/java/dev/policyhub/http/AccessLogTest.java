package dev.policyhub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.http.support.RawSocket;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One access line per request, errors of every layer included, with no query string and no raw control bytes. */
@DisplayName("The access log")
class AccessLogTest {
    private static final String LINE = "(GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD|TRACE|BAD) \\S+ \\d{3} \\d+ms";
    private static final BlockingQueue<String> LINES = new LinkedBlockingQueue<>();
    private static PolicyHub hub;
    private static PolicyHubServer server;

    @BeforeAll
    static void start() {
        hub = PolicyHub.builder().storage("memory", Map.of()).build();
        server = PolicyHubServer.start(hub, ServerOptions.ephemeral(), new AccessLog(LINES::add));
    }

    @AfterAll
    static void stop() {
        server.close();
        hub.close();
    }

    @BeforeEach
    void forgetEarlierLines() {
        LINES.clear();
    }

    @Test
    @DisplayName("a served request gives one line: method, path, status, milliseconds")
    void servedRequest() throws Exception {
        send("GET /admin/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        String line = next();
        assertTrue(line.matches("GET /admin/v1/health 200 \\d+ms"), line);
        assertNoMoreLines();
    }

    @Test
    @DisplayName("errors of the routes, of Javalin and of Jetty each give one line with their status")
    void errorsOfEveryLayer() throws Exception {
        String big = "x".repeat(2 * 1024 * 1024);
        String[][] cases = {
            {"GET /v3/folders/abc HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "GET /v3/folders/abc 400"},
            {"GET /nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "GET /nothing 404"},
            {"GET /api/orgs HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "GET /api/orgs 404"},
            {"OPTIONS /v2/organizations/1/policies HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "OPTIONS /v2/organizations/1/policies 404"},
            {"POST /admin/v1/organizations HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: "
                + big.length() + "\r\n\r\n" + big, "POST /admin/v1/organizations 413"},
            {"GET /v3/projects/p HTTP/1.1\r\nHost: x\r\nX-Big: " + "y".repeat(64 * 1024)
                + "\r\nConnection: close\r\n\r\n", "GET /v3/projects/p 431"},
            {"GARBAGE\r\n\r\n", " 400"},
        };
        for (String[] c : cases) {
            send(c[0]);
            String line = next();
            assertTrue(line.matches(LINE), line);
            assertTrue(line.startsWith(c[1]) || c[1].startsWith(" ") && line.contains(c[1] + " "), c[1] + " / " + line);
            assertNoMoreLines();
        }
    }

    @Test
    @DisplayName("the query string, which may carry tokens, is never logged, nor are headers")
    void noQueryString() throws Exception {
        send("GET /v3/folders?parent=organizations/1&token=s3cr3t-q&access_token=s3cr3t-a&key=s3cr3t-k HTTP/1.1\r\n"
                + "Host: x\r\nAuthorization: Bearer s3cr3t-h\r\nConnection: close\r\n\r\n");

        String line = next();
        assertTrue(line.matches("GET /v3/folders \\d{3} \\d+ms"), line);
        assertFalse(line.contains("s3cr3t") || line.contains("?"), line);
    }

    @Test
    @DisplayName("bytes outside printable ASCII in a path are percent-escaped, so no line can be forged")
    void controlCharactersEscaped() throws Exception {
        send("GET /v3/projects/a\u00e2\u0080\u00a8b%0AGET HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        String line = next();
        assertTrue(line.startsWith("GET /v3/projects/a%E2%80%A8b%0AGET "), line);
        assertTrue(line.matches(LINE), line);
        assertEquals("GET /a%0D%0AGET%20/forged%20200%201ms 200 3ms",
                AccessLog.line("GET", "/a\r\nGET /forged 200 1ms", 200, 3));
        assertEquals("- - 400 0ms", AccessLog.line(null, "", 400, -1));
    }

    private static String next() throws InterruptedException {
        String line = LINES.poll(10, TimeUnit.SECONDS);
        assertTrue(line != null, "no access line within 10 s");
        return line;
    }

    private static void assertNoMoreLines() throws InterruptedException {
        assertNull(LINES.poll(200, TimeUnit.MILLISECONDS));
    }

    // bytes as given (ISO-8859-1 maps each char to one byte), so a test can send raw UTF-8 or control bytes
    private static void send(String request) throws IOException {
        RawSocket.exchange(server.url(), request);
    }
}
