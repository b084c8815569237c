package dev.policyhub.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Access tokens: the text format, the grants and the lookup")
class AccessTokensTest {
    private static final String OPS = "ops-0123456789abcdef";
    private static final String ACME = "acme-0123456789abcdef";
    private static final String ROOT = "root-0123456789abcdef";

    private static String refusal(String text) {
        return assertThrows(IllegalArgumentException.class, () -> AccessTokens.parse("tokens.txt", text))
                .getMessage();
    }

    @Test
    @DisplayName("one grant per line, comments and blank lines ignored, each scope read")
    void lines() {
        AccessTokens tokens = AccessTokens.parse("tokens.txt", """
                # operators
                %s pulumi:acme pulumi:beta google:organizations/123 admin

                %s google:*\tpulumi:*
                %s *
                """.formatted(OPS, ACME, ROOT));

        assertEquals(3, tokens.size());
        assertEquals(Optional.of(new AccessGrant(Set.of("acme", "beta"), false, Set.of("organizations/123"), false,
                true)), tokens.grantOf(OPS));
        assertEquals(Optional.of(new AccessGrant(Set.of(), true, Set.of(), true, false)), tokens.grantOf(ACME));
        assertEquals(Optional.of(new AccessGrant(Set.of(), true, Set.of(), true, true)), tokens.grantOf(ROOT));
    }

    @Test
    @DisplayName("';' separates grants on one line, so that the same text fits in an environment variable")
    void semicolons() {
        AccessTokens tokens = AccessTokens.parse("POLICYHUB_TOKENS", OPS + " pulumi:acme; " + ACME
                + " google:organizations/7;");

        assertEquals(2, tokens.size());
        assertTrue(tokens.grantOf(OPS).orElseThrow().reachesPulumi("acme"));
        assertTrue(tokens.grantOf(ACME).orElseThrow().reachesGoogleOrganization("organizations/7"));
    }

    @Test
    @DisplayName("a grant reaches only its organizations; the all-scopes reach every one")
    void reach() {
        AccessGrant acme = AccessTokens.parse("t", OPS + " pulumi:acme google:organizations/1").grantOf(OPS)
                .orElseThrow();
        assertTrue(acme.reachesPulumi("acme"));
        assertFalse(acme.reachesPulumi("beta"));
        assertTrue(acme.reachesGoogleOrganization("organizations/1"));
        assertFalse(acme.reachesGoogleOrganization("organizations/2"));
        assertFalse(acme.admin());
        AccessGrant everything = AccessGrant.everything();
        assertTrue(everything.reachesPulumi("any") && everything.reachesGoogleOrganization("organizations/9")
                && everything.admin());
    }

    @Test
    @DisplayName("an unknown, empty or wrongly cased token has no grant")
    void unknownTokens() {
        AccessTokens tokens = AccessTokens.parse("t", OPS + " *");

        assertEquals(Optional.empty(), tokens.grantOf(ACME));
        assertEquals(Optional.empty(), tokens.grantOf(""));
        assertEquals(Optional.empty(), tokens.grantOf(OPS.toUpperCase()));
        assertEquals(Optional.empty(), tokens.grantOf(OPS.substring(1)));
        assertEquals(Optional.empty(), AccessTokens.none().grantOf(OPS));
        assertTrue(AccessTokens.none().isEmpty());
    }

    @Test
    @DisplayName("every malformed grant is refused with its line, and the message never holds the token")
    void refusals() {
        String shortToken = "short-token";
        assertEquals("tokens.txt line 2: a token must be at least 16 characters long",
                refusal("# c\n" + shortToken + " *"));
        assertEquals("tokens.txt line 1: a token may hold printable ASCII characters only, without spaces or ';'",
                refusal("tökén-0123456789abcdef *"));
        assertEquals("tokens.txt line 1: the token has no scope; give one or more of " + AccessTokens.SCOPES,
                refusal(OPS));
        for (String scope : new String[] {"pulumi:", "google:organizations/abc", "google:folders/1", "owner",
            "google:organizations/0", ACME}) {
            String message = refusal(OPS + " admin " + scope);
            assertEquals("tokens.txt line 1: scope 2 is not valid; a scope is one of " + AccessTokens.SCOPES,
                    message);
        }
        assertEquals("tokens.txt line 3: this token is already given on tokens.txt line 1",
                refusal(OPS + " *\n" + ACME + " *\n" + OPS + " admin"));
        assertEquals("tokens.txt line 1 grant 2: this token is already given on tokens.txt line 1 grant 1",
                refusal(OPS + " *;" + OPS + " admin"));
        for (String text : new String[] {shortToken + " *", OPS, OPS + " admin " + ACME, OPS + " *\n" + OPS + " *"}) {
            String message = refusal(text);
            assertFalse(message.contains(shortToken) || message.contains(OPS) || message.contains(ACME), message);
        }
    }

    @Test
    @DisplayName("tokens of two sources merge; a token in both is refused naming both places")
    void merge() {
        AccessTokens file = AccessTokens.parse("tokens file a.txt", OPS + " pulumi:acme");
        AccessTokens env = AccessTokens.parse("POLICYHUB_TOKENS", ACME + " admin");

        AccessTokens both = file.merge(env);
        assertEquals(2, both.size());
        assertTrue(both.grantOf(ACME).orElseThrow().admin());
        assertEquals("POLICYHUB_TOKENS line 1: this token is already given on tokens file a.txt line 1",
                assertThrows(IllegalArgumentException.class,
                        () -> file.merge(AccessTokens.parse("POLICYHUB_TOKENS", OPS + " *"))).getMessage());
    }

    @Test
    @DisplayName("toString shows how many tokens there are, never one; equal tokens with equal grants are equal")
    void noTokenShown() {
        AccessTokens tokens = AccessTokens.parse("t", OPS + " *\n" + ACME + " admin");

        assertEquals("AccessTokens[2 tokens]", tokens.toString());
        assertEquals("AccessTokens[0 tokens]", AccessTokens.none().toString());
        assertEquals(tokens, AccessTokens.parse("other", ACME + " admin;" + OPS + " *"));
        assertFalse(tokens.equals(AccessTokens.parse("t", OPS + " *\n" + ACME + " *")));
    }

    @Test
    @DisplayName("a lookup compares the digest with every token: the first and the last of many are found, an"
            + " unknown one is not")
    void constantTime() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("token-").append(String.format("%012d", i)).append(" pulumi:org").append(i).append('\n');
        }
        AccessTokens tokens = AccessTokens.parse("t", text.toString());
        // every entry is visited whatever the answer: the first, the last and an unknown token all find theirs
        assertTrue(tokens.grantOf("token-000000000000").orElseThrow().reachesPulumi("org0"));
        assertTrue(tokens.grantOf("token-000000000199").orElseThrow().reachesPulumi("org199"));
        assertEquals(Optional.empty(), tokens.grantOf("token-000000000200"));
    }
}
