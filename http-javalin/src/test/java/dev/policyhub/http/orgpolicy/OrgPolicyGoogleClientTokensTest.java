package dev.policyhub.http.orgpolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.rpc.PermissionDeniedException;
import com.google.api.gax.rpc.UnauthenticatedException;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.orgpolicy.v2.OrgPolicyClient;
import com.google.cloud.orgpolicy.v2.OrgPolicySettings;
import com.google.cloud.orgpolicy.v2.Policy;
import com.google.cloud.orgpolicy.v2.PolicySpec;
import com.google.cloud.orgpolicy.v2.PolicySpec.PolicyRule;
import dev.policyhub.core.access.AccessTokens;
import dev.policyhub.http.ServerOptions;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Google's Java client with access tokens configured: the token goes in as the client's OAuth access token, which
 * the client sends as {@code Authorization: Bearer <token>}, and the refusals surface as the client's own exceptions.
 */
@DisplayName("Google's Java client against a server with access tokens")
class OrgPolicyGoogleClientTokensTest {
    private static final String ORG_123_TOKEN = "client-token-org-123-0a1b2c";
    private static final String ORG_999_TOKEN = "client-token-org-999-3d4e5f";
    private static final String POLICY = "projects/web-prod/policies/compute.disableSerialPortAccess";

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(ServerOptions.ephemeral().withTokens(AccessTokens.parse("test",
                ORG_123_TOKEN + " google:organizations/123\n" + ORG_999_TOKEN + " google:organizations/999")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("a token reaching the project's organization creates and reads a policy through the client")
    void tokenOfTheOrganization() throws IOException {
        try (OrgPolicyClient client = client(token(ORG_123_TOKEN))) {
            client.createPolicy("projects/web-prod", Policy.newBuilder().setName(POLICY)
                    .setSpec(PolicySpec.newBuilder().addRules(PolicyRule.newBuilder().setEnforce(true))).build());

            Policy read = client.getPolicy(POLICY);

            assertEquals("projects/" + server.project.number() + "/policies/compute.disableSerialPortAccess",
                    read.getName());
            assertEquals(true, read.getSpec().getRules(0).getEnforce());
        }
    }

    @Test
    @DisplayName("a token of another organization gets PermissionDeniedException (403) for the project")
    void tokenOfAnotherOrganization() throws IOException {
        try (OrgPolicyClient client = client(token(ORG_999_TOKEN))) {
            assertThrows(PermissionDeniedException.class,
                    () -> client.getEffectivePolicy("projects/web-prod/policies/compute.disableSerialPortAccess"));
        }
    }

    @Test
    @DisplayName("an unknown token, or none, gets UnauthenticatedException (401)")
    void unknownOrMissingToken() throws IOException {
        try (OrgPolicyClient client = client(token("client-token-nobody-knows-000"))) {
            assertThrows(UnauthenticatedException.class, () -> client.getPolicy(POLICY));
        }
        try (OrgPolicyClient client = client(NoCredentialsProvider.create())) {
            assertThrows(UnauthenticatedException.class, () -> client.getPolicy(POLICY));
        }
    }

    private static CredentialsProvider token(String token) {
        Date expiry = Date.from(Instant.now().plusSeconds(3600));
        return FixedCredentialsProvider.create(GoogleCredentials.create(new AccessToken(token, expiry)));
    }

    private static OrgPolicyClient client(CredentialsProvider credentials) throws IOException {
        return OrgPolicyClient.create(OrgPolicySettings.newHttpJsonBuilder()
                .setEndpoint("http://localhost:" + server.port())
                .setCredentialsProvider(credentials)
                .build());
    }
}
