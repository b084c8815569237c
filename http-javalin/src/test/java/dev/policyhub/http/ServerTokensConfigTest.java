package dev.policyhub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.access.AccessTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Server configuration: access tokens from a file and the environment, and --insecure")
class ServerTokensConfigTest {
    private static final String FILE_TOKEN = "file-0123456789abcdef";
    private static final String ENV_TOKEN = "env-0123456789abcdef";

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path file = dir.resolve("tokens.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String refusal(String[] args, Map<String, String> env) {
        return assertThrows(IllegalArgumentException.class, () -> ServerConfig.parse(args, env)).getMessage();
    }

    @Test
    @DisplayName("--tokens FILE, POLICYHUB_TOKENS_FILE and the inline POLICYHUB_TOKENS are read, and both sources"
            + " merge")
    void sources() throws IOException {
        Path file = file("# team tokens\n" + FILE_TOKEN + " pulumi:acme\n");

        ServerConfig byFlag = ServerConfig.parse(new String[] {"--tokens", file.toString()}, Map.of());
        ServerConfig byFlagInline = ServerConfig.parse(new String[] {"--tokens=" + file}, Map.of());
        ServerConfig byVariable = ServerConfig.parse(new String[0], Map.of("POLICYHUB_TOKENS_FILE", file.toString()));
        ServerConfig inline = ServerConfig.parse(new String[0], Map.of("POLICYHUB_TOKENS", ENV_TOKEN + " admin;"));
        ServerConfig both = ServerConfig.parse(new String[] {"--tokens", file.toString()},
                Map.of("POLICYHUB_TOKENS", ENV_TOKEN + " admin"));

        AccessTokens fromFile = AccessTokens.parse("f", FILE_TOKEN + " pulumi:acme");
        assertEquals(fromFile, byFlag.tokens());
        assertEquals(fromFile, byFlagInline.tokens());
        assertEquals(fromFile, byVariable.tokens());
        assertTrue(inline.tokens().grantOf(ENV_TOKEN).orElseThrow().admin());
        assertEquals(2, both.tokens().size());
        assertEquals(both.tokens(), both.serverOptions().tokens());
        assertTrue(ServerConfig.parse(new String[0], Map.of()).tokens().isEmpty());
    }

    @Test
    @DisplayName("a token in both sources, a bad line, a file without a token, a missing or too large file are"
            + " refused, never showing a token")
    void refusals() throws IOException {
        Path file = file(FILE_TOKEN + " pulumi:acme\n");
        String[] flag = {"--tokens", file.toString()};

        assertEquals("POLICYHUB_TOKENS line 1: this token is already given on tokens file " + file + " line 1",
                refusal(flag, Map.of("POLICYHUB_TOKENS", FILE_TOKEN + " admin")));
        Path bad = file("# ok\n" + FILE_TOKEN + " pulumi:acme\nshort-token *\n");
        assertEquals("tokens file " + bad + " line 3: a token must be at least 16 characters long",
                refusal(flag, Map.of()));
        assertEquals("POLICYHUB_TOKENS line 1 grant 2: scope 1 is not valid; a scope is one of "
                + AccessTokens.SCOPES, refusal(new String[0], Map.of("POLICYHUB_TOKENS", ENV_TOKEN + " *;"
                + FILE_TOKEN + " owner")));
        file("# nobody yet\n");
        assertEquals("tokens file " + file + " holds no token", refusal(flag, Map.of()));
        Path missing = dir.resolve("missing.txt");
        assertTrue(refusal(new String[] {"--tokens", missing.toString()}, Map.of())
                .startsWith("cannot read tokens file " + missing + ": NoSuchFileException"));
        Files.write(file, new byte[(int) ServerConfig.MAX_TOKENS_FILE_BYTES + 1]);
        assertEquals("tokens file " + file + " is larger than 1 MiB", refusal(flag, Map.of()));
        assertEquals("--tokens needs a value", refusal(new String[] {"--tokens"}, Map.of()));
        for (String message : new String[] {refusal(flag, Map.of("POLICYHUB_TOKENS", FILE_TOKEN + " admin")),
            refusal(new String[0], Map.of("POLICYHUB_TOKENS", ENV_TOKEN + " " + FILE_TOKEN))}) {
            assertFalse(message.contains(FILE_TOKEN) || message.contains(ENV_TOKEN), message);
        }
    }

    @Test
    @DisplayName("toString and the server options show how many tokens there are, never one")
    void tokensNeverShown() throws IOException {
        ServerConfig config = ServerConfig.parse(new String[] {"--tokens", file(FILE_TOKEN + " *").toString()},
                Map.of("POLICYHUB_TOKENS", ENV_TOKEN + " admin"));

        for (String shown : new String[] {config.toString(), config.serverOptions().toString()}) {
            assertFalse(shown.contains(FILE_TOKEN) || shown.contains(ENV_TOKEN), shown);
            assertTrue(shown.contains("AccessTokens[2 tokens]"), shown);
        }
    }

    @Test
    @DisplayName("--insecure and POLICYHUB_INSECURE=on allow a non-loopback bind; off is the default")
    void insecure() {
        assertFalse(ServerConfig.parse(new String[0], Map.of()).insecure());
        assertTrue(ServerConfig.parse(new String[] {"--insecure"}, Map.of()).insecure());
        assertTrue(ServerConfig.parse(new String[0], Map.of("POLICYHUB_INSECURE", "on")).serverOptions().insecure());
        assertFalse(ServerConfig.parse(new String[0], Map.of("POLICYHUB_INSECURE", "off")).insecure());
        assertEquals("POLICYHUB_INSECURE must be on or off, was 'maybe'",
                refusal(new String[0], Map.of("POLICYHUB_INSECURE", "maybe")));
        for (String text : new String[] {"--tokens FILE", "POLICYHUB_TOKENS_FILE", "POLICYHUB_TOKENS", "--insecure",
            "POLICYHUB_INSECURE"}) {
            assertTrue(ServerConfig.USAGE.contains(text), text);
        }
    }
}
