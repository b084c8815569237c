package dev.policyhub.http.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policyhub.core.policygroups.PolicyGroup;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pulumi admin endpoints: create and delete organizations, set resource counts")
class PulumiAdminRoutesTest extends PulumiAdminTestBase {
    private static final String COUNTS = "/admin/v1/pulumi/orgs/acme/resource-counts";

    private BlobHttp.Reply putCounts(String body) {
        return http.send("PUT", COUNTS, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("creating an organization answers 200 {name} and gives it its two default groups")
    void createOrganization() {
        assertJson(200, "{\"name\":\"acme\"}", http.post("/admin/v1/pulumi/orgs", "{\"name\":\"acme\",\"x\":1}"));
        assertJson(200, """
                {"policyGroups":[
                  {"name":"default-accounts-policy-group","isOrgDefault":true,"numStacks":0,"numAccounts":0,
                   "entityType":"accounts","mode":"audit","numEnabledPolicyPacks":0},
                  {"name":"default-policy-group","isOrgDefault":true,"numStacks":0,"numAccounts":0,
                   "entityType":"stacks","mode":"preventative","numEnabledPolicyPacks":0}]}""",
                http.get("/api/orgs/acme/policygroups"));
        assertEquals(List.of("acme"), hub.policyGroups().listOrganizations());
    }

    @Test
    @DisplayName("an existing organization is 409; a bad name 400; a missing body 400 invalid request body")
    void createErrors() {
        organization("acme");
        assertError(409, "Conflict: Organization 'acme' already exists",
                http.post("/admin/v1/pulumi/orgs", "{\"name\":\"acme\"}"));
        for (String name : List.of("", "bad name", "a/b", "x".repeat(101))) {
            assertError(400, "Bad Request: Invalid organization name",
                    http.post("/admin/v1/pulumi/orgs", "{\"name\":\"" + name + "\"}"));
        }
        assertError(400, "Bad Request: Invalid organization name", http.post("/admin/v1/pulumi/orgs", "{}"));
        assertError(400, "Bad Request: invalid request body", http.post("/admin/v1/pulumi/orgs", null));
        assertError(400, "Bad Request: invalid request body", http.post("/admin/v1/pulumi/orgs", "{\"name\":1}"));
        assertEquals(List.of("acme"), hub.policyGroups().listOrganizations());
    }

    @Test
    @DisplayName("deleting an organization answers 204 and drops everything in it")
    void deleteOrganization() {
        fixture();
        assertEmpty(204, http.delete("/admin/v1/pulumi/orgs/acme"));
        assertJson(200, "{\"stacks\":[]}", http.get("/api/user/stacks"));
        assertError(404, "Not Found: Organization 'acme' not found", http.get("/api/orgs/acme/policypacks"));
        assertError(404, "Not Found: Organization 'acme' not found", http.delete("/admin/v1/pulumi/orgs/acme"));
        organization("acme");
        assertJson(200, "{\"accounts\":[]}", http.get("/api/preview/insights/acme/accounts"));
        assertJson(200, "{\"policyPacks\":[]}", http.get("/api/orgs/acme/policypacks"));
    }

    @Test
    @DisplayName("resource counts of stacks and accounts are set at once and answer 204")
    void setResourceCounts() {
        fixture();
        assertEmpty(204, putCounts("""
                {"stacks":[{"project":"web","stack":"prod","resourceCount":99},{"project":"api","stack":"dev","resourceCount":0}],
                 "accounts":[{"name":"aws-main/us-east-1","resourceCount":41}]}"""));
        assertEquals(99, hub.policyGroups().getStack("acme", "web", "prod").resourceCount());
        assertEquals(0, hub.policyGroups().getStack("acme", "api", "dev").resourceCount());
        assertEquals(41, hub.policyGroups().getAccount("acme", "aws-main/us-east-1").resourceCount());
        assertEquals(99 + 5 + 30 + 0, hub.policyGroups().getMetadata("acme").totalStackResources());
        assertEmpty(204, putCounts("{}"));
    }

    @Test
    @DisplayName("an unknown member is 404 and nothing changes; a negative count 400; a missing count 400")
    void setResourceCountErrors() {
        fixture();
        assertError(404, "Not Found: Stack 'web/nope' not found", putCounts("""
                {"stacks":[{"project":"web","stack":"prod","resourceCount":1},{"project":"web","stack":"nope","resourceCount":1}]}"""));
        assertError(404, "Not Found: Insights account 'aws-x' not found", putCounts("""
                {"stacks":[{"project":"web","stack":"prod","resourceCount":1}],"accounts":[{"name":"aws-x","resourceCount":1}]}"""));
        assertEquals(12, hub.policyGroups().getStack("acme", "web", "prod").resourceCount());
        assertError(400, "Bad Request: resource counts must not be negative",
                putCounts("{\"accounts\":[{\"name\":\"gcp-lab\",\"resourceCount\":-1}]}"));
        assertError(400, "Bad Request: invalid request body", putCounts("{\"accounts\":[{\"name\":\"gcp-lab\"}]}"));
        assertError(400, "Bad Request: invalid request body", putCounts("{\"stacks\":{}}"));
        assertEquals(7, hub.policyGroups().getAccount("acme", "gcp-lab").resourceCount());
        assertError(404, "Not Found: Organization 'beta' not found",
                http.send("PUT", "/admin/v1/pulumi/orgs/beta/resource-counts", "{".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("organizations made over HTTP hold the default groups every new stack and account joins")
    void defaultGroupsHoldNewMembers() {
        fixture();
        assertEquals(4, hub.policyGroups().getPolicyGroup("acme", PolicyGroup.DEFAULT_STACKS_GROUP).stacks().size());
        assertEquals(List.of("aws-main", "aws-main/us-east-1", "gcp-lab"),
                hub.policyGroups().getPolicyGroup("acme", PolicyGroup.DEFAULT_ACCOUNTS_GROUP).accounts());
    }
}
