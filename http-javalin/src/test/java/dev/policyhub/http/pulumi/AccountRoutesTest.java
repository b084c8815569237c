package dev.policyhub.http.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.policygroups.NewPolicyGroup;
import dev.policyhub.core.policygroups.PackRef;
import dev.policyhub.core.policygroups.PolicyGroup;
import dev.policyhub.core.policygroups.PolicyGroupUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pulumi Insights accounts: create, bulk create, list, read, delete, required packs")
class AccountRoutesTest extends PulumiAdminTestBase {
    private static final String ACCOUNTS = "/api/preview/insights/acme/accounts";
    private static final String AWS = "{\"provider\":\"aws\",\"environment\":\"ops/aws\"}";
    private static final String OWNER = "\"ownedBy\":{\"name\":\"policyhub\",\"githubLogin\":\"policyhub\",\"avatarUrl\":\"\"}";

    private List<String> groupAccounts(String group) {
        return hub.policyGroups().getPolicyGroup("acme", group).accounts();
    }

    @Test
    @DisplayName("CreateAccount answers 204 with no body; ReadAccount the InsightsAccount, optional fields when given")
    void createAndRead() {
        organization("acme");
        assertEmpty(204, http.post(ACCOUNTS + "/aws-main", """
                {"provider":"aws","environment":"ops/aws","scanSchedule":"daily","cron":"0 * * * *",
                 "providerConfig":{"regions":["us-east-1"],"roleArn":"arn:aws:iam::1:role/scan"},"agentPoolID":"pool-1"}"""));
        assertEmpty(204, http.post(ACCOUNTS + "/gcp-lab", "{\"provider\":\"gcp\",\"environment\":\"ops/gcp\",\"scanSchedule\":\"none\"}"));
        assertJson(200, """
                {"id":"*","name":"aws-main",%s,"provider":"aws","providerEnvRef":"ops/aws","scheduledScanEnabled":true,
                 "agentPoolID":"pool-1","providerConfig":{"regions":["us-east-1"],"roleArn":"arn:aws:iam::1:role/scan"}}"""
                .formatted(OWNER), http.get(ACCOUNTS + "/aws-main"), "id");
        assertJson(200, """
                {"id":"*","name":"gcp-lab",%s,"provider":"gcp","providerEnvRef":"ops/gcp","scheduledScanEnabled":false}"""
                .formatted(OWNER), http.get(ACCOUNTS + "/gcp-lab"), "id");
        assertEquals(List.of("aws-main", "gcp-lab"), groupAccounts(PolicyGroup.DEFAULT_ACCOUNTS_GROUP));
    }

    @Test
    @DisplayName("a child account is created and read as parent%2Fchild, and joins the groups holding its parent")
    void childAccount() {
        organization("acme");
        assertEmpty(204, http.post(ACCOUNTS + "/aws-main", AWS));
        hub.policyGroups().createPolicyGroup("acme", NewPolicyGroup.of("acct-sec", "accounts"));
        hub.policyGroups().updatePolicyGroup("acme", "acct-sec", PolicyGroupUpdate.none().withAddInsightsAccount("aws-main"));
        assertEmpty(204, http.post(ACCOUNTS + "/aws-main%2Fus-east-1", "{\"provider\":\"aws\",\"environment\":\"ops/aws\",\"scanSchedule\":\"12h\"}"));
        assertJson(200, """
                {"id":"*","name":"aws-main/us-east-1",%s,"provider":"aws","providerEnvRef":"ops/aws",
                 "scheduledScanEnabled":true}""".formatted(OWNER), http.get(ACCOUNTS + "/aws-main%2Fus-east-1"), "id");
        assertEquals(List.of("aws-main", "aws-main/us-east-1"), groupAccounts("acct-sec"));
    }

    @Test
    @DisplayName("E44: an invalid account name is 400 invalid account name")
    void invalidAccountName() {
        organization("acme");
        assertEmpty(204, http.post(ACCOUNTS + "/a", AWS));
        assertEmpty(204, http.post(ACCOUNTS + "/a%2Fb", AWS));
        for (String name : List.of("bad%20name", "a%2Fb%2Fc", "a%2F", "%2Fb", "x".repeat(101))) {
            assertError(400, "Bad Request: invalid account name", http.post(ACCOUNTS + "/" + name, AWS));
        }
        assertJson(200, "{\"accounts\":[],\"failures\":[{\"name\":\"a/b/c\",\"error\":\"Bad Request: invalid account name\"}]}",
                http.post(ACCOUNTS, "{\"accounts\":[{\"name\":\"a/b/c\",\"provider\":\"aws\",\"environment\":\"e\"}]}"));
    }

    @Test
    @DisplayName("E45: an invalid provider or scanSchedule, or a missing environment, is 400")
    void invalidFields() {
        organization("acme");
        assertError(400, "Bad Request: invalid provider 'aws2'",
                http.post(ACCOUNTS + "/x", "{\"provider\":\"aws2\",\"environment\":\"ops/aws\"}"));
        assertError(400, "Bad Request: invalid provider ''", http.post(ACCOUNTS + "/x", "{\"environment\":\"ops/aws\"}"));
        assertError(400, "Bad Request: invalid scanSchedule 'weekly'",
                http.post(ACCOUNTS + "/x", "{\"provider\":\"aws\",\"environment\":\"e\",\"scanSchedule\":\"weekly\"}"));
        assertError(400, "Bad Request: environment is required", http.post(ACCOUNTS + "/x", "{\"provider\":\"aws\"}"));
        assertError(400, "Bad Request: invalid request body",
                http.post(ACCOUNTS + "/x", "{\"provider\":\"aws\",\"environment\":\"e\",\"providerConfig\":[]}"));
        assertJson(200, "{\"accounts\":[]}", http.get(ACCOUNTS));
    }

    @Test
    @DisplayName("E46: creating an existing account is 409 already exists")
    void accountExists() {
        organization("acme");
        assertEmpty(204, http.post(ACCOUNTS + "/aws-main", AWS));
        assertError(409, "Conflict: Insights account 'aws-main' already exists", http.post(ACCOUNTS + "/aws-main", AWS));
    }

    @Test
    @DisplayName("E47: a child whose parent is missing, or a parent filter naming no account, is 404")
    void parentMissing() {
        organization("acme");
        assertError(404, "Not Found: parent account 'aws-main' not found",
                http.post(ACCOUNTS + "/aws-main%2Fus-east-1", AWS));
        assertError(404, "Not Found: parent account 'aws-main' not found", http.get(ACCOUNTS + "?parent=aws-main"));
    }

    @Test
    @DisplayName("E48: count outside [1, 1000] is 400; a bulk create with no items or more than 100 is 400")
    void countAndBulkLimits() {
        organization("acme");
        for (String count : List.of("0", "1001", "-5", "99999999999")) {
            assertError(400, "Bad Request: count must be in the range [1, 1000]", http.get(ACCOUNTS + "?count=" + count));
        }
        assertError(400, "Bad Request: invalid query parameter", http.get(ACCOUNTS + "?count=ten"));
        assertError(400, "Bad Request: empty accounts list", http.post(ACCOUNTS, "{\"accounts\":[]}"));
        assertError(400, "Bad Request: empty accounts list", http.post(ACCOUNTS, "{}"));
        StringBuilder many = new StringBuilder("{\"accounts\":[");
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("{\"name\":\"a").append(i).append("\",\"provider\":\"aws\",\"environment\":\"e\"}");
        }
        assertError(400, "Bad Request: at most 100 accounts can be created at once", http.post(ACCOUNTS, many + "]}"));
        assertJson(200, "{\"accounts\":[]}", http.get(ACCOUNTS));
    }

    @Test
    @DisplayName("BulkCreateAccounts creates items in order, each independently; a failure carries the single create's message")
    void bulkCreate() {
        organization("acme");
        assertEmpty(204, http.post(ACCOUNTS + "/aws-main", AWS));
        assertJson(200, """
                {"accounts":[
                   {"id":"*","name":"aws-audit",%1$s,"provider":"aws","providerEnvRef":"ops/aws","scheduledScanEnabled":true},
                   {"id":"*","name":"aws-audit/eu-west-1",%1$s,"provider":"aws","providerEnvRef":"ops/aws","scheduledScanEnabled":false}],
                 "failures":[
                   {"name":"aws-main","error":"Conflict: Insights account 'aws-main' already exists"},
                   {"name":"oci-1","error":"Bad Request: invalid provider 'oracle'"},
                   {"name":"gcp-x/child","error":"Not Found: parent account 'gcp-x' not found"}]}""".formatted(OWNER),
                http.post(ACCOUNTS, """
                {"accounts":[{"name":"aws-audit","provider":"aws","environment":"ops/aws","scanSchedule":"daily"},
                             {"name":"aws-audit/eu-west-1","provider":"aws","environment":"ops/aws"},
                             {"name":"aws-main","provider":"aws","environment":"ops/aws"},
                             {"name":"oci-1","provider":"oracle","environment":"ops/oci"},
                             {"name":"gcp-x/child","provider":"gcp","environment":"ops/gcp"}],
                 "skipAutoEnablePolicyPacks":true}"""), "id");
        assertEquals(List.of("aws-audit", "aws-audit/eu-west-1", "aws-main"), groupAccounts(PolicyGroup.DEFAULT_ACCOUNTS_GROUP));
        assertError(400, "Bad Request: invalid request body", http.post(ACCOUNTS, "{\"accounts\":[\"aws-x\"]}"));
        assertError(400, "Bad Request: invalid request body",
                http.post(ACCOUNTS, "{\"accounts\":[{\"name\":\"aws-x\",\"provider\":\"aws\",\"environment\":\"e\"}],\"skipAutoEnablePolicyPacks\":\"yes\"}"));
        assertError(404, "Not Found: Organization 'beta' not found", http.post("/api/preview/insights/beta/accounts", "{"));
    }

    @Test
    @DisplayName("ListAccounts: by name, parent restricts to its children, count pages with nextToken")
    void list() {
        fixture();
        assertEquals(List.of("aws-main", "aws-main/us-east-1", "gcp-lab"), names(http.get(ACCOUNTS)));
        assertEquals(List.of("aws-main/us-east-1"), names(http.get(ACCOUNTS + "?parent=aws-main&roleID=r")));
        BlobHttp.Reply first = http.get(ACCOUNTS + "?count=2");
        assertEquals(List.of("aws-main", "aws-main/us-east-1"), names(first));
        String token = first.json().path("nextToken").asText();
        assertTrue(!token.isEmpty(), first.text());
        BlobHttp.Reply last = http.get(ACCOUNTS + "?count=2&continuationToken=" + token);
        assertEquals(List.of("gcp-lab"), names(last));
        assertTrue(last.json().path("nextToken").isMissingNode(), last.text());
        assertError(400, "Bad Request: invalid continuation token", http.get(ACCOUNTS + "?continuationToken=%21"));
    }

    private static List<String> names(BlobHttp.Reply reply) {
        assertStatus(200, reply);
        assertEquals(1 + (reply.json().has("nextToken") ? 1 : 0), reply.json().size(), reply.text());
        List<String> names = new ArrayList<>();
        reply.json().path("accounts").forEach(a -> names.add(a.path("name").asText()));
        return names;
    }

    @Test
    @DisplayName("E23: reading, deleting or listing the packs of an unknown account is 404")
    void unknownAccount() {
        organization("acme");
        String expected = "Not Found: Insights account 'aws-x' not found";
        assertError(404, expected, http.get(ACCOUNTS + "/aws-x"));
        assertError(404, expected, http.delete(ACCOUNTS + "/aws-x"));
        assertError(404, expected, http.get(ACCOUNTS + "/aws-x/policy/packs"));
        assertError(404, "Not Found: Organization 'beta' not found", http.get("/api/preview/insights/beta/accounts/aws-x"));
    }

    @Test
    @DisplayName("DeleteAccount answers 204; deleting a parent deletes its children and they leave every group")
    void delete() {
        fixture();
        hub.policyGroups().createPolicyGroup("acme", NewPolicyGroup.of("acct-sec", "accounts"));
        hub.policyGroups().updatePolicyGroup("acme", "acct-sec", PolicyGroupUpdate.none().withAddInsightsAccount("aws-main"));
        assertEmpty(204, http.delete(ACCOUNTS + "/aws-main"));
        assertError(404, "Not Found: Insights account 'aws-main/us-east-1' not found",
                http.get(ACCOUNTS + "/aws-main%2Fus-east-1"));
        assertEquals(List.of(), groupAccounts("acct-sec"));
        assertEquals(List.of("gcp-lab"), groupAccounts(PolicyGroup.DEFAULT_ACCOUNTS_GROUP));
    }

    @Test
    @DisplayName("ListPolicyPacksForAccount answers the RequiredPolicy of each pack, with its packLocation")
    void accountPacks() {
        fixture();
        assertJson(200, "{\"packs\":[]}", http.get(ACCOUNTS + "/gcp-lab/policy/packs"));
        hub.policyGroups().createPolicyGroup("acme", NewPolicyGroup.of("acct-sec", "accounts"));
        hub.policyGroups().updatePolicyGroup("acme", "acct-sec", PolicyGroupUpdate.none()
                .withAddInsightsAccount("aws-main")
                .withAddPolicyPack(PackRef.tagged("aws-guard", "2.0.0").withConfig(Map.of("all", "mandatory"))));
        hub.policyGroups().updatePolicyGroup("acme", PolicyGroup.DEFAULT_ACCOUNTS_GROUP, PolicyGroupUpdate.none()
                .withAddPolicyPack(new PackRef("cis", 0, "", Optional.empty(),
                        Optional.of(List.of("ops/aws-creds")))));
        assertJson(200, """
                {"packs":[
                  {"name":"aws-guard","version":3,"versionTag":"2.0.0","displayName":"AWS guard",
                   "packLocation":"%1$s/blobs/policypacks/acme/aws-guard/3.tgz","config":{"all":{"enforcementLevel":"mandatory"}}},
                  {"name":"cis","version":1,"versionTag":"1.0.0","displayName":"CIS",
                   "packLocation":"%1$s/blobs/policypacks/acme/cis/1.tgz","environments":["ops/aws-creds"]}]}"""
                .formatted(server.url()), http.get(ACCOUNTS + "/aws-main%2Fus-east-1/policy/packs"));
    }

    @Test
    @DisplayName("E24: a non-empty continuationToken on the account packs route is 400 invalid continuation token")
    void packsNeverPage() {
        fixture();
        assertError(400, "Bad Request: invalid continuation token",
                http.get(ACCOUNTS + "/gcp-lab/policy/packs?continuationToken=abc"));
        assertJson(200, "{\"packs\":[]}", http.get(ACCOUNTS + "/gcp-lab/policy/packs?continuationToken="));
    }

    @Test
    @DisplayName("S14: a parent added to a group brings its children, a new child joins, removals and delete")
    void accountsScenario() {
        fixture();
        hub.policyGroups().createPolicyGroup("acme", NewPolicyGroup.of("acct-sec", "accounts"));
        hub.policyGroups().updatePolicyGroup("acme", "acct-sec", PolicyGroupUpdate.none().withAddInsightsAccount("aws-main"));
        assertEquals(List.of("aws-main", "aws-main/us-east-1"), groupAccounts("acct-sec"));
        assertEquals(2, numAccounts("acct-sec"));

        assertEmpty(204, http.post(ACCOUNTS + "/aws-main%2Feu-west-1", AWS));
        assertEquals(List.of("aws-main", "aws-main/eu-west-1", "aws-main/us-east-1"), groupAccounts("acct-sec"));
        assertEquals(3, numAccounts("acct-sec"));

        hub.policyGroups().updatePolicyGroup("acme", "acct-sec", PolicyGroupUpdate.none()
                .withRemoveInsightsAccount("aws-main/us-east-1"));
        assertEquals(2, numAccounts("acct-sec"));
        hub.policyGroups().updatePolicyGroup("acme", "acct-sec", PolicyGroupUpdate.none()
                .withRemoveInsightsAccount("aws-main"));
        assertEquals(List.of(), groupAccounts("acct-sec"));

        assertEmpty(204, http.delete(ACCOUNTS + "/aws-main"));
        for (String gone : List.of("aws-main", "aws-main%2Feu-west-1", "aws-main%2Fus-east-1")) {
            assertStatus(404, http.get(ACCOUNTS + "/" + gone));
        }
        assertEquals(List.of("gcp-lab"), groupAccounts(PolicyGroup.DEFAULT_ACCOUNTS_GROUP));
        assertEquals(1, hub.policyGroups().getMetadata("acme").totalAccounts());
    }

    private int numAccounts(String group) {
        BlobHttp.Reply groups = http.get("/api/orgs/acme/policygroups");
        assertStatus(200, groups);
        for (var g : groups.json().path("policyGroups")) {
            if (g.path("name").asText().equals(group)) {
                return g.path("numAccounts").intValue();
            }
        }
        throw new AssertionError(group + " not listed: " + groups.text());
    }
}
