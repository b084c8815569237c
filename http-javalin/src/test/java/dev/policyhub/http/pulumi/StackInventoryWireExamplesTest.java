package dev.policyhub.http.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The inventory wire example (publish, stacks, accounts) replayed as raw HTTP on the scenarios' fixture. */
@DisplayName("Pulumi inventory wire example: publish a pack, then stacks and accounts, as raw HTTP")
class StackInventoryWireExamplesTest extends PulumiAdminTestBase {
    @Test
    @DisplayName("every exchange answers as shown, and each call has the effect it describes")
    void inventoryExample() {
        fixture();
        String base = server.url();

        BlobHttp.Reply created = http.post("/api/orgs/acme/policypacks", """
                {"name":"aws-guard","displayName":"AWS guard","versionTag":"2.1.0","runtime":"nodejs",
                 "policies":[{"name":"s3-no-public-read","displayName":"No public S3","description":"…","enforcementLevel":"mandatory","message":"…"}]}""");
        String uploadUri = created.json().path("uploadURI").asText();
        String token = uploadUri.substring(uploadUri.indexOf("?token=") + "?token=".length());
        assertTrue(!token.isEmpty(), created.text());
        assertJson(201, """
                {"version":4,"uploadURI":"%s/blobs/policypacks/acme/aws-guard/4.tgz?token=%s",
                 "requiredHeaders":{"Content-Type":"application/octet-stream"}}""".formatted(base, token), created);

        assertEmpty(200, new BlobHttp(base).put("/blobs/policypacks/acme/aws-guard/4.tgz?token=" + token, ARCHIVE));
        assertEmpty(204, http.post("/api/orgs/acme/policypacks/aws-guard/versions/2.1.0/complete", null));
        assertJson(200, """
                {"policyPacks":[{"name":"aws-guard","displayName":"AWS guard","versions":[4,3,2,1],"versionTags":["2.1.0","2.0.0","1.1.0","1.0.0"]}]}""",
                http.get("/api/orgs/acme/policypacks?policypack=aws-guard"));
        assertJson(200, """
                {"name":"aws-guard","displayName":"AWS guard","version":4,"versionTag":"2.1.0",
                 "policies":[{"name":"s3-no-public-read","displayName":"No public S3","description":"…",
                              "enforcementLevel":"mandatory","message":"…"}],"applied":false}""",
                http.get("/api/orgs/acme/policypacks/aws-guard/versions/4"));

        assertJson(200, "{}", http.post("/api/stacks/acme/web", """
                {"stackName":"qa"}"""));
        BlobHttp.Reply imported = http.post("/api/stacks/acme/web/qa/import", """
                {"version":3,"deployment":{"manifest":{},"resources":[{"urn":"…","type":"pulumi:pulumi:Stack"},{"urn":"…","type":"aws:s3/bucket:Bucket"}]}}""");
        assertStatus(200, imported);
        assertTrue(imported.json().path("updateId").asText().matches("00000000-0000-0000-0000-[0-9]{12}"),
                imported.text());
        assertEquals(2, hub.policyGroups().getStack("acme", "web", "qa").resourceCount());
        assertError(400, "Bad Request: Stack still contains resources.", http.delete("/api/stacks/acme/web/qa"));

        String owner = "\"ownedBy\":{\"name\":\"policyhub\",\"githubLogin\":\"policyhub\",\"avatarUrl\":\"\"}";
        assertJson(200, """
                {"accounts":[{"id":"*","name":"aws-audit",%1$s,"provider":"aws","providerEnvRef":"ops/aws","scheduledScanEnabled":true},
                             {"id":"*","name":"aws-audit/eu-west-1",%1$s,"provider":"aws","providerEnvRef":"ops/aws","scheduledScanEnabled":false}],
                 "failures":[{"name":"aws-main","error":"Conflict: Insights account 'aws-main' already exists"}]}""".formatted(owner),
                http.post("/api/preview/insights/acme/accounts", """
                {"accounts":[{"name":"aws-audit","provider":"aws","environment":"ops/aws","scanSchedule":"daily"},
                             {"name":"aws-audit/eu-west-1","provider":"aws","environment":"ops/aws"},
                             {"name":"aws-main","provider":"aws","environment":"ops/aws"}]}"""), "id");
        assertJson(200, """
                {"accounts":[{"id":"*","name":"aws-audit/eu-west-1",%s,
                       "provider":"aws","providerEnvRef":"ops/aws","scheduledScanEnabled":false}]}""".formatted(owner),
                http.get("/api/preview/insights/acme/accounts?parent=aws-audit"), "id");
        assertEquals(List.of("aws-audit", "aws-audit/eu-west-1", "aws-main", "aws-main/us-east-1", "gcp-lab"),
                hub.policyGroups().getPolicyGroup("acme", "default-accounts-policy-group").accounts());
    }
}
