package dev.policyhub.http.pulumi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.policyhub.core.access.AccessTokens;
import dev.policyhub.http.ServerOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("With a token configured: archives need none, every API and admin route needs it")
class BlobRoutesWithTokenTest extends PulumiAdminTestBase {
    private static final String TOKEN = "t-0123456789abcdef";

    @Override
    ServerOptions options() {
        return ServerOptions.ephemeral().withTokens(AccessTokens.parse("test", TOKEN + " *"));
    }

    @Override
    BlobHttp client(String url) {
        return new BlobHttp(url, "Authorization", "token " + TOKEN);
    }

    @Test
    @DisplayName("a pack is published with the token while its archive is uploaded and downloaded without one")
    void blobsWithoutAuthorization() {
        BlobHttp bare = new BlobHttp(server.url());
        organization("acme");
        BlobHttp.Reply created = http.post("/api/orgs/acme/policypacks", """
                {"name":"aws-guard","versionTag":"1.0.0","policies":[{"name":"p","enforcementLevel":"advisory"}]}""");
        assertStatus(201, created);
        assertEmpty(200, bare.put(created.json().path("uploadURI").asText(), ARCHIVE));
        assertEmpty(204, http.post("/api/orgs/acme/policypacks/aws-guard/versions/1.0.0/complete", null));
        BlobHttp.Reply download = bare.get("/blobs/policypacks/acme/aws-guard/1.tgz");
        assertStatus(200, download);
        assertArrayEquals(ARCHIVE, download.bytes());
        BlobHttp.Reply withHeader = bare.send("GET", "/blobs/policypacks/acme/aws-guard/1.tgz", null,
                "Authorization", "token wrong");
        assertArrayEquals(ARCHIVE, withHeader.bytes());
    }

    @Test
    @DisplayName("stack, account, registry and admin routes answer 401 without the token, or with another one")
    void apiNeedsToken() {
        fixture();
        BlobHttp bare = new BlobHttp(server.url());
        BlobHttp wrong = new BlobHttp(server.url(), "Authorization", "token u-0123456789abcdef");
        BlobHttp bearer = new BlobHttp(server.url(), "Authorization", "Bearer " + TOKEN);
        String unauthorized = "Unauthorized: No credentials provided or are invalid.";
        for (BlobHttp client : new BlobHttp[] {bare, wrong, bearer}) {
            assertError(401, unauthorized, client.get("/api/stacks/acme/web/prod"));
            assertError(401, unauthorized, client.post("/api/stacks/acme/web", "{\"stackName\":\"qa\"}"));
            assertError(401, unauthorized, client.get("/api/user/stacks"));
            assertError(401, unauthorized, client.get("/api/preview/insights/acme/accounts"));
            assertError(401, unauthorized, client.get("/api/orgs/acme/policypacks"));
        }
        // the admin routes take the token in either scheme
        for (BlobHttp client : new BlobHttp[] {bare, wrong}) {
            assertError(401, unauthorized, client.post("/admin/v1/pulumi/orgs", "{\"name\":\"beta\"}"));
        }
        assertStatus(200, bearer.post("/admin/v1/pulumi/orgs", "{\"name\":\"beta\"}"));
        assertStatus(200, http.get("/api/stacks/acme/web/prod"));
        assertStatus(200, http.get("/api/user/stacks"));
        assertStatus(200, http.get("/api/preview/insights/acme/accounts"));
        assertStatus(200, http.get("/api/orgs/acme/policypacks"));
        assertError(404, "Not Found: Stack 'web/qa' not found", http.get("/api/stacks/acme/web/qa"));
    }
}
