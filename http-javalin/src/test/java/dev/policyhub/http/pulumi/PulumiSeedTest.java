package dev.policyhub.http.pulumi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.policygroups.PolicyGroup;
import dev.policyhub.core.policygroups.StackRef;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Seed files: the pulumi key")
class PulumiSeedTest extends PulumiAdminTestBase {
    private static final String CONTENT = Base64.getEncoder().encodeToString(ARCHIVE);

    private static String seed(String lastStack) {
        return """
                {"pulumi": {"organizations": [{"name": "acme",
                  "stacks":   [{"project": "web", "stack": "prod", "resourceCount": 12}, %s],
                  "accounts": [{"name": "aws-main", "provider": "aws", "environment": "ops/aws", "resourceCount": 100},
                               {"name": "aws-main/us-east-1", "provider": "aws", "environment": "ops/aws",
                                "scanSchedule": "daily", "agentPoolID": "pool-1", "providerConfig": {"region": "us-east-1"}}],
                  "policyPacks": [{"name": "aws-guard", "displayName": "AWS guard", "versionTag": "1.0.0",
                                   "runtime": "nodejs", "contentBase64": "%s",
                                   "policies": [{"name": "s3-no-public-read", "enforcementLevel": "mandatory",
                                                 "configSchema": {"type": "object"}}]},
                                  {"name": "aws-guard", "displayName": "AWS guard", "versionTag": "1.1.0", "contentBase64": "",
                                   "policies": [{"name": "s3-no-public-read", "enforcementLevel": "advisory"}]}],
                  "policyGroups": [{"name": "prod", "entityType": "stacks", "mode": "preventative",
                                    "stacks": [{"name": "prod", "routingProject": "web"}],
                                    "policyPacks": [{"name": "aws-guard", "versionTag": "1.0.0",
                                                     "config": {"all": "mandatory"}}], "insightsAccounts": []},
                                   {"name": "default-accounts-policy-group", "entityType": "accounts",
                                    "policyPacks": [{"name": "aws-guard", "version": 2}]},
                                   {"name": "default-policy-group", "stacks": []}]}]}}"""
                .formatted(lastStack, CONTENT);
    }

    @Test
    @DisplayName("organizations, stacks, accounts, complete packs and groups are created; counts are answered")
    void seedsEverything() {
        BlobHttp.Reply reply = http.post("/admin/v1/seed", seed("{\"project\": \"api\", \"stack\": \"dev\"}"));
        assertStatus(200, reply);
        assertEquals(BlobHttp.json("""
                {"organizations": 1, "stacks": 2, "accounts": 2, "policyPacks": 2, "policyGroups": 3}"""),
                reply.json().path("pulumi"));
        assertEquals(0, reply.json().path("organizations").intValue());

        assertEquals(12, hub.policyGroups().getStack("acme", "web", "prod").resourceCount());
        assertEquals(0, hub.policyGroups().getStack("acme", "api", "dev").resourceCount());
        assertEquals(100, hub.policyGroups().getAccount("acme", "aws-main").resourceCount());
        assertJson(200, """
                {"id":"*","name":"aws-main/us-east-1",
                 "ownedBy":{"name":"policyhub","githubLogin":"policyhub","avatarUrl":""},"provider":"aws",
                 "providerEnvRef":"ops/aws","scheduledScanEnabled":true,"agentPoolID":"pool-1",
                 "providerConfig":{"region":"us-east-1"}}""",
                http.get("/api/preview/insights/acme/accounts/aws-main%2Fus-east-1"), "id");
        assertArrayEquals(ARCHIVE, http.get("/blobs/policypacks/acme/aws-guard/1.tgz").bytes());
        assertEmpty(200, http.get("/blobs/policypacks/acme/aws-guard/2.tgz"));
        assertJson(200, "{\"configSchema\":{\"s3-no-public-read\":{\"type\":\"object\"}}}",
                http.get("/api/orgs/acme/policypacks/aws-guard/versions/1.0.0/schema"));

        PolicyGroup prod = hub.policyGroups().getPolicyGroup("acme", "prod");
        assertEquals(List.of(new StackRef("web", "prod")), prod.stacks());
        assertEquals("1.0.0", prod.appliedPolicyPacks().get(0).versionTag());
        assertJson(200, """
                {"packs":[{"name":"aws-guard","version":2,"versionTag":"1.1.0","displayName":"AWS guard",
                           "packLocation":"%s/blobs/policypacks/acme/aws-guard/2.tgz"}]}""".formatted(server.url()),
                http.get("/api/preview/insights/acme/accounts/aws-main/policy/packs"));
        assertEquals(List.of(), hub.policyGroups().getPolicyGroup("acme", PolicyGroup.DEFAULT_STACKS_GROUP).stacks());
    }

    @Test
    @DisplayName("a refused last entry leaves nothing behind, and the error names the entry")
    void allOrNothing() {
        BlobHttp.Reply refused = http.post("/admin/v1/seed", seed("{\"project\": \"api\", \"stack\": \"bad name\"}"));
        assertEquals(400, refused.status(), refused.text());
        assertEquals("pulumi.organizations[0].stacks[1]: invalid stack name",
                refused.json().path("error").path("message").asText());
        assertEquals(List.of(), hub.policyGroups().listOrganizations());

        BlobHttp.Reply lateFailure = http.post("/admin/v1/seed", seed("{\"project\": \"api\", \"stack\": \"dev\"}")
                .replace("\"policyPacks\": [{\"name\": \"aws-guard\", \"version\": 2}]",
                        "\"policyPacks\": [{\"name\": \"aws-guard\", \"version\": 7}]"));
        assertEquals(404, lateFailure.status(), lateFailure.text());
        assertEquals("pulumi.organizations[0].policy_groups[1]: Policy Pack 'aws-guard' not found",
                lateFailure.json().path("error").path("message").asText());
        assertEquals(List.of(), hub.policyGroups().listOrganizations());
        assertJson(200, "{\"stacks\":[]}", http.get("/api/user/stacks"));
    }

    @Test
    @DisplayName("a malformed pulumi entry is refused before anything is written, naming the field")
    void malformedEntries() {
        assertBadField("pulumi.organizations[0].stacks[1].stack",
                seed("{\"project\": \"api\", \"stack\": 5}"));
        assertBadField("pulumi.organizations[0].stacks[1]",
                seed("{\"project\": \"api\", \"stack\": \"dev\", \"unknown\": 1}"));
        assertBadField("pulumi.organizations[0].policy_packs[0].content_base64",
                seed("{\"project\": \"api\", \"stack\": \"dev\"}").replace(CONTENT, "not base64!"));
        assertBadField("pulumi", "{\"pulumi\": {\"orgs\": []}}");
        assertEquals(List.of(), hub.policyGroups().listOrganizations());
    }

    private void assertBadField(String field, String seed) {
        BlobHttp.Reply reply = http.post("/admin/v1/seed", seed);
        assertEquals(400, reply.status(), reply.text());
        String fields = reply.json().path("error").path("details").findValuesAsText("field").toString();
        assertTrue(fields.contains(field), reply.text());
    }

    @Test
    @DisplayName("the pulumi key sits beside the Google keys of the same file, in one write")
    void besideGoogleKeys() {
        BlobHttp.Reply reply = http.post("/admin/v1/seed", """
                {"organizations": [{"name": "organizations/1", "displayName": "example.com"}],
                 "pulumi": {"organizations": [{"name": "acme"}, {"name": "beta"}]}}""");
        assertStatus(200, reply);
        assertEquals(1, reply.json().path("organizations").intValue());
        assertEquals(2, reply.json().path("pulumi").path("organizations").intValue());
        assertEquals(List.of("acme", "beta"), hub.policyGroups().listOrganizations());
        byte[] again = "{\"pulumi\": {\"organizations\": [{\"name\": \"acme\"}]}}".getBytes(StandardCharsets.UTF_8);
        BlobHttp.Reply conflict = http.send("POST", "/admin/v1/seed", again);
        assertEquals(409, conflict.status(), conflict.text());
        assertEquals("pulumi.organizations[0]: Organization 'acme' already exists",
                conflict.json().path("error").path("message").asText());
    }
}
