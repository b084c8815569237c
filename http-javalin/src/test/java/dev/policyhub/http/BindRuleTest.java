package dev.policyhub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.access.AccessTokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A server bound beyond loopback needs tokens, or an explicit --insecure")
class BindRuleTest {
    private static final String TOKEN = "bind-0123456789abcdef";
    private static final String REFUSAL = "refusing to listen on 0.0.0.0 without access tokens: it is not a loopback"
            + " address, so anyone who can reach it could read and change every resource. Configure tokens"
            + " (--tokens FILE or POLICYHUB_TOKENS) or pass --insecure to serve without authentication.";

    private PolicyHub hub;

    @BeforeEach
    void open() {
        hub = PolicyHub.builder().storage("memory", Map.of()).build();
    }

    @AfterEach
    void close() {
        hub.close();
    }

    @Test
    @DisplayName("loopback names and addresses are loopback; wildcard, empty and unresolvable ones are not")
    void loopback() {
        for (String address : new String[] {"127.0.0.1", "127.0.0.2", "::1", "localhost"}) {
            assertTrue(BindRule.isLoopback(address), address);
        }
        for (String address : new String[] {"0.0.0.0", "::", "", "192.0.2.1", "no-such-host.invalid"}) {
            assertFalse(BindRule.isLoopback(address), address);
        }
    }

    @Test
    @DisplayName("start on 0.0.0.0 without tokens is refused naming the address and both ways out")
    void refusedWithoutTokens() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> PolicyHubServer.start(hub, new ServerOptions("0.0.0.0", 0, true)));
        assertEquals(REFUSAL, refused.getMessage());
        assertThrows(IllegalStateException.class, () -> PolicyHubServer.start(hub, new ServerOptions("::", 0, true)));
    }

    @Test
    @DisplayName("start on 0.0.0.0 is allowed with tokens, and with insecure; loopback never needs either")
    void allowed() {
        for (ServerOptions options : new ServerOptions[] {
            new ServerOptions("0.0.0.0", 0, true).withTokens(AccessTokens.parse("t", TOKEN + " *")),
            new ServerOptions("0.0.0.0", 0, true).withInsecure(true),
            new ServerOptions("localhost", 0, true)}) {
            try (PolicyHubServer server = PolicyHubServer.start(hub, options)) {
                assertTrue(server.port() > 0, options::toString);
            }
        }
    }

    @Test
    @DisplayName("Main exits 2 with the reason on stderr, before opening any store")
    void mainExitsTwo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"--bind", "0.0.0.0", "--port", "0", "--db", "/nonexistent/dir/x.db"},
                Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(2, status);
        assertEquals("policyhub: " + REFUSAL + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
