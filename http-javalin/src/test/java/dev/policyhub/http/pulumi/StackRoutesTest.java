package dev.policyhub.http.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.policygroups.NewPolicyGroup;
import dev.policyhub.core.policygroups.PolicyGroup;
import dev.policyhub.core.policygroups.PolicyGroupUpdate;
import dev.policyhub.core.policygroups.StackRef;
import dev.policyhub.http.support.Gzip;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pulumi stacks: create, get, delete, rename, import, ListUserStacks")
class StackRoutesTest extends PulumiAdminTestBase {
    private static final String UUID = "[0-9]{8}-[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{12}";

    private List<StackRef> defaultGroupStacks() {
        return hub.policyGroups().getPolicyGroup("acme", PolicyGroup.DEFAULT_STACKS_GROUP).stacks();
    }

    @Test
    @DisplayName("CreateStack answers 200 {}, GetStack the Stack shape, and the stack joins default-policy-group")
    void createAndGet() {
        organization("acme");
        assertJson(200, "{}", http.post("/api/stacks/acme/web", """
                {"stackName":"prod","tags":{"env":"prod"},"teams":["ops"],"config":{"x":1}}"""));
        assertJson(200, """
                {"id":"acme/web/prod","orgName":"acme","projectName":"web","stackName":"prod","activeUpdate":"",
                 "version":0,"tags":{}}""", http.get("/api/stacks/acme/web/prod"));
        assertEquals(List.of(new StackRef("web", "prod")), defaultGroupStacks());
    }

    @Test
    @DisplayName("CreateStack with a state counts every entry of deployment.resources; a state without one counts 0")
    void createWithState() {
        organization("acme");
        assertJson(200, "{}", http.post("/api/stacks/acme/web", "{\"stackName\":\"prod\",\"state\":"
                + deployment(4) + "}"));
        assertJson(200, "{}", http.post("/api/stacks/acme/web", "{\"stackName\":\"dev\",\"state\":{\"version\":3}}"));
        assertJson(200, "{}", http.post("/api/stacks/acme/web",
                "{\"stackName\":\"qa\",\"state\":{\"deployment\":{\"resources\":null}}}"));
        assertJson(200, """
                {"stacks":[
                  {"id":"acme/web/dev","orgName":"acme","projectName":"web","stackName":"dev","resourceCount":0},
                  {"id":"acme/web/prod","orgName":"acme","projectName":"web","stackName":"prod","resourceCount":4},
                  {"id":"acme/web/qa","orgName":"acme","projectName":"web","stackName":"qa","resourceCount":0}]}""",
                http.get("/api/user/stacks"));
    }

    @Test
    @DisplayName("a gzipped request body is inflated")
    void gzipBody() {
        organization("acme");
        byte[] body = Gzip.of("{\"stackName\":\"prod\"}".getBytes(StandardCharsets.UTF_8));
        assertJson(200, "{}", http.send("POST", "/api/stacks/acme/web", body, "Content-Encoding", "gzip"));
        assertStatus(200, http.get("/api/stacks/acme/web/prod"));
    }

    @Test
    @DisplayName("E38: an invalid stack or project name is 400 invalid stack name")
    void invalidStackName() {
        organization("acme");
        String expected = "Bad Request: invalid stack name";
        assertError(400, expected, http.post("/api/stacks/acme/web", "{\"stackName\":\"bad name\"}"));
        assertError(400, expected, http.post("/api/stacks/acme/web", "{}"));
        assertError(400, expected, http.post("/api/stacks/acme/web", "{\"stackName\":\"" + "s".repeat(101) + "\"}"));
        assertError(400, expected, http.post("/api/stacks/acme/bad%20project", "{\"stackName\":\"prod\"}"));
        assertStatus(200, http.post("/api/stacks/acme/web", "{\"stackName\":\"prod\"}"));
        assertError(400, expected, http.post("/api/stacks/acme/web/prod/rename", "{\"newName\":\"a/b\"}"));
        assertEquals(List.of(new StackRef("web", "prod")), defaultGroupStacks());
    }

    @Test
    @DisplayName("E39: creating an existing stack, or renaming onto one, is 409 already exists")
    void stackExists() {
        organization("acme");
        assertStatus(200, http.post("/api/stacks/acme/web", "{\"stackName\":\"prod\"}"));
        assertStatus(200, http.post("/api/stacks/acme/api", "{\"stackName\":\"prod\"}"));
        assertError(409, "Conflict: Stack 'web/prod' already exists",
                http.post("/api/stacks/acme/web", "{\"stackName\":\"prod\"}"));
        assertError(409, "Conflict: Stack 'web/prod' already exists",
                http.post("/api/stacks/acme/api/prod/rename", "{\"newProject\":\"web\"}"));
    }

    @Test
    @DisplayName("unknown organization is 404 before the body is read; unknown stack is 404; a bad body is 400")
    void notFoundAndBadBodies() {
        assertError(404, "Not Found: Organization 'acme' not found", http.post("/api/stacks/acme/web", "nope"));
        assertError(404, "Not Found: Organization 'acme' not found", http.get("/api/stacks/acme/web/prod"));
        organization("acme");
        assertError(404, "Not Found: Stack 'web/prod' not found", http.get("/api/stacks/acme/web/prod"));
        assertError(404, "Not Found: Stack 'web/prod' not found", http.delete("/api/stacks/acme/web/prod"));
        assertError(404, "Not Found: Stack 'web/prod' not found",
                http.post("/api/stacks/acme/web/prod/rename", "{\"newName\":\"x\"}"));
        assertError(404, "Not Found: Stack 'web/prod' not found",
                http.post("/api/stacks/acme/web/prod/import", "{\"deployment\":7}"));
        assertError(400, "Bad Request: invalid request body", http.post("/api/stacks/acme/web", "{"));
        assertError(400, "Bad Request: invalid request body", http.post("/api/stacks/acme/web", ""));
        assertError(400, "Bad Request: invalid request body", http.post("/api/stacks/acme/web", "{\"stackName\":7}"));
        assertError(400, "Bad Request: invalid request body",
                http.post("/api/stacks/acme/web", "{\"stackName\":\"qa\",\"state\":[]}"));
    }

    @Test
    @DisplayName("ImportStack answers an update id shaped as a UUID and sets the count, version and lastUpdate")
    void importState() {
        organization("acme");
        assertStatus(200, http.post("/api/stacks/acme/web", "{\"stackName\":\"prod\"}"));
        BlobHttp.Reply imported = http.post("/api/stacks/acme/web/prod/import", deployment(4));
        assertStatus(200, imported);
        assertEquals(1, imported.json().size(), imported.text());
        String updateId = imported.json().path("updateId").asText();
        assertTrue(updateId.matches(UUID) && updateId.startsWith("00000000-0000-0000-0000-"), updateId);
        assertJson(200, """
                {"id":"acme/web/prod","orgName":"acme","projectName":"web","stackName":"prod","activeUpdate":"",
                 "version":1,"tags":{}}""", http.get("/api/stacks/acme/web/prod"));
        assertJson(200, """
                {"stacks":[{"id":"acme/web/prod","orgName":"acme","projectName":"web","stackName":"prod",
                            "lastUpdate":%d,"resourceCount":4}]}""".formatted(T0.getEpochSecond()),
                http.get("/api/user/stacks"));
        BlobHttp.Reply again = http.post("/api/stacks/acme/web/prod/import", "{\"version\":3,\"deployment\":{}}");
        assertStatus(200, again);
        assertTrue(!again.json().path("updateId").asText().equals(updateId), again.text());
        assertEquals(0, hub.policyGroups().getStack("acme", "web", "prod").resourceCount());
    }

    @Test
    @DisplayName("E43: import without a deployment object, or with resources that are not an array, is 400")
    void invalidDeployment() {
        organization("acme");
        assertStatus(200, http.post("/api/stacks/acme/web", "{\"stackName\":\"prod\"}"));
        for (String body : List.of("{\"version\":3}", "{\"deployment\":null}", "{\"deployment\":\"x\"}",
                "{\"deployment\":[]}", "{\"deployment\":{\"resources\":{}}}", "{\"deployment\":{\"resources\":3}}")) {
            assertError(400, "Bad Request: invalid deployment",
                    http.post("/api/stacks/acme/web/prod/import", body));
        }
        assertError(400, "Bad Request: invalid deployment", http.post("/api/stacks/acme/web",
                "{\"stackName\":\"dev\",\"state\":{\"deployment\":{\"resources\":\"x\"}}}"));
        assertError(400, "Bad Request: invalid request body",
                http.post("/api/stacks/acme/web/prod/import", "{\"version\":\"3\",\"deployment\":{}}"));
        assertEquals(0, hub.policyGroups().getStack("acme", "web", "prod").version());
    }

    @Test
    @DisplayName("DeleteStack answers 204 and the stack leaves every group")
    void delete() {
        organization("acme");
        assertStatus(200, http.post("/api/stacks/acme/web", "{\"stackName\":\"prod\"}"));
        assertEmpty(204, http.delete("/api/stacks/acme/web/prod"));
        assertError(404, "Not Found: Stack 'web/prod' not found", http.get("/api/stacks/acme/web/prod"));
        assertEquals(List.of(), defaultGroupStacks());
    }

    @Test
    @DisplayName("E40: deleting a stack with resources without force is 400 Stack still contains resources.")
    void deleteNeedsForce() {
        organization("acme");
        stack("acme", "web", "prod", 2);
        String expected = "Bad Request: Stack still contains resources.";
        assertError(400, expected, http.delete("/api/stacks/acme/web/prod"));
        assertError(400, expected, http.delete("/api/stacks/acme/web/prod?force=false"));
        assertError(400, expected, http.delete("/api/stacks/acme/web/prod?force="));
        assertEmpty(204, http.delete("/api/stacks/acme/web/prod?force=true"));
        stack("acme", "web", "dev", 1);
        assertEmpty(204, http.delete("/api/stacks/acme/web/dev?force=1"));
    }

    @Test
    @DisplayName("E41: force that is not a boolean is 400 invalid query parameter")
    void forceNotBoolean() {
        organization("acme");
        stack("acme", "web", "prod", 2);
        assertError(400, "Bad Request: invalid query parameter", http.delete("/api/stacks/acme/web/prod?force=yes"));
        assertStatus(200, http.get("/api/stacks/acme/web/prod"));
    }

    @Test
    @DisplayName("E41: maxResults outside 1-1000 or not a number is 400 invalid query parameter")
    void maxResultsOutOfRange() {
        organization("acme");
        for (String value : List.of("0", "1001", "-1", "ten", "99999999999")) {
            assertError(400, "Bad Request: invalid query parameter", http.get("/api/user/stacks?maxResults=" + value));
        }
        assertJson(200, "{\"stacks\":[]}", http.get("/api/user/stacks?maxResults=1000"));
    }

    @Test
    @DisplayName("E41: tagName or tagValue is 400 tag filters are not supported")
    void tagFilters() {
        organization("acme");
        assertError(400, "Bad Request: tag filters are not supported", http.get("/api/user/stacks?tagName=env"));
        assertError(400, "Bad Request: tag filters are not supported",
                http.get("/api/user/stacks?organization=acme&tagValue=prod"));
        assertJson(200, "{\"stacks\":[]}", http.get("/api/user/stacks?tagName=&roleID=r1"));
    }

    @Test
    @DisplayName("RenameStack renames and/or moves a stack, answers an update id, and group memberships follow")
    void rename() {
        organization("acme");
        stack("acme", "web", "prod", 2);
        BlobHttp.Reply renamed = http.post("/api/stacks/acme/web/prod/rename", "{\"newName\":\"live\",\"newProject\":\"\"}");
        assertStatus(200, renamed);
        assertTrue(renamed.json().path("updateId").asText().matches(UUID), renamed.text());
        assertError(404, "Not Found: Stack 'web/prod' not found", http.get("/api/stacks/acme/web/prod"));
        assertStatus(200, http.post("/api/stacks/acme/web/live/rename", "{\"newProject\":\"api\"}"));
        assertJson(200, """
                {"id":"acme/api/live","orgName":"acme","projectName":"api","stackName":"live","activeUpdate":"",
                 "version":1,"tags":{}}""", http.get("/api/stacks/acme/api/live"));
        assertEquals(List.of(new StackRef("api", "live")), defaultGroupStacks());
        assertEquals(2, hub.policyGroups().getStack("acme", "api", "live").resourceCount());
    }

    @Test
    @DisplayName("E42: a rename with both names empty is 400 No rename to apply.")
    void noRename() {
        organization("acme");
        stack("acme", "web", "prod", 0);
        assertError(400, "Bad Request: No rename to apply.",
                http.post("/api/stacks/acme/web/prod/rename", "{\"newName\":\"\",\"newProject\":\"\"}"));
        assertError(400, "Bad Request: No rename to apply.", http.post("/api/stacks/acme/web/prod/rename", "{}"));
    }

    @Test
    @DisplayName("ListUserStacks: every org sorted by org, project, stack; filters; pages with continuationToken")
    void listUserStacks() {
        organization("acme");
        organization("beta");
        for (String s : List.of("acme/web/prod", "acme/api/prod", "acme/web/dev", "beta/web/prod")) {
            String[] p = s.split("/");
            assertStatus(200, http.post("/api/stacks/" + p[0] + "/" + p[1], "{\"stackName\":\"" + p[2] + "\"}"));
        }
        assertEquals(List.of("acme/api/prod", "acme/web/dev", "acme/web/prod", "beta/web/prod"),
                ids(http.get("/api/user/stacks")));
        assertEquals(List.of("acme/web/dev", "acme/web/prod"),
                ids(http.get("/api/user/stacks?organization=acme&project=web")));
        assertEquals(List.of("acme/web/dev", "acme/web/prod", "beta/web/prod"),
                ids(http.get("/api/user/stacks?project=web&roleID=x")));

        BlobHttp.Reply first = http.get("/api/user/stacks?maxResults=3");
        assertEquals(List.of("acme/api/prod", "acme/web/dev", "acme/web/prod"), ids(first));
        String token = first.json().path("continuationToken").asText();
        BlobHttp.Reply last = http.get("/api/user/stacks?maxResults=3&continuationToken=" + token);
        assertEquals(List.of("beta/web/prod"), ids(last));
        assertTrue(last.json().path("continuationToken").isMissingNode(), last.text());

        assertError(400, "Bad Request: invalid continuation token",
                http.get("/api/user/stacks?continuationToken=%21%21"));
        assertError(404, "Not Found: Organization 'gamma' not found",
                http.get("/api/user/stacks?organization=gamma&maxResults=0"));
    }

    private static List<String> ids(BlobHttp.Reply reply) {
        assertStatus(200, reply);
        return reply.json().path("stacks").findValuesAsText("id");
    }

    @Test
    @DisplayName("S15: create, group, rename, import, delete without and with force")
    void stackLifecycle() {
        fixture();
        hub.policyGroups().createPolicyGroup("acme", NewPolicyGroup.of("prod", "stacks"));
        assertJson(200, "{}", http.post("/api/stacks/acme/web", "{\"stackName\":\"qa\"}"));
        assertTrue(defaultGroupStacks().contains(new StackRef("web", "qa")));
        hub.policyGroups().updatePolicyGroup("acme", "prod", PolicyGroupUpdate.none()
                .withAddStack(new StackRef("web", "qa")));

        assertStatus(200, http.post("/api/stacks/acme/web/qa/rename", "{\"newName\":\"qa2\",\"newProject\":\"api\"}"));
        StackRef qa2 = new StackRef("api", "qa2");
        assertEquals(List.of(qa2), hub.policyGroups().getPolicyGroup("acme", "prod").stacks());
        assertTrue(defaultGroupStacks().contains(qa2) && !defaultGroupStacks().contains(new StackRef("web", "qa")));

        assertStatus(200, http.post("/api/stacks/acme/api/qa2/import", deployment(4)));
        assertError(400, "Bad Request: Stack still contains resources.", http.delete("/api/stacks/acme/api/qa2"));
        assertEmpty(204, http.delete("/api/stacks/acme/api/qa2?force=true"));
        assertEquals(List.of(), hub.policyGroups().getPolicyGroup("acme", "prod").stacks());
        assertTrue(!defaultGroupStacks().contains(qa2));
        assertEquals(4, defaultGroupStacks().size());
    }
}
