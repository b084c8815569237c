package dev.policyhub.http.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policyhub.core.policygroups.NewPolicyGroup;
import dev.policyhub.core.policygroups.PackRef;
import dev.policyhub.core.policygroups.PolicyGroupUpdate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pulumi policy-pack registry: list, publish, complete, get, schema, delete")
class PolicyPackRoutesTest extends PulumiAdminTestBase {
    private static final String PACKS = "/api/orgs/acme/policypacks";
    private static final String ONE_POLICY = "\"policies\":[{\"name\":\"p1\",\"enforcementLevel\":\"advisory\"}]";

    private BlobHttp.Reply create(String name, String tag) {
        return http.post(PACKS, "{\"name\":\"" + name + "\",\"displayName\":\"D\",\"versionTag\":\"" + tag + "\","
                + ONE_POLICY + "}");
    }

    private void applyToNewGroup(String pack, String tag) {
        hub.policyGroups().createPolicyGroup("acme", NewPolicyGroup.of("prod", "stacks"));
        hub.policyGroups().updatePolicyGroup("acme", "prod", PolicyGroupUpdate.none()
                .withAddPolicyPack(PackRef.tagged(pack, tag)));
    }

    @Test
    @DisplayName("CreatePolicyPack answers 201 with the version, the upload URI and the required headers")
    void create() {
        organization("acme");
        BlobHttp.Reply created = create("aws-guard", "1.0.0");
        String token = created.json().path("uploadURI").asText().replaceAll(".*\\?token=", "");
        assertJson(201, """
                {"version":1,"uploadURI":"%s/blobs/policypacks/acme/aws-guard/1.tgz?token=%s",
                 "requiredHeaders":{"Content-Type":"application/octet-stream"}}""".formatted(server.url(), token),
                created);
        assertEquals(false, token.isEmpty());
        assertJson(201, """
                {"version":2,"uploadURI":"*","requiredHeaders":{"Content-Type":"application/octet-stream"}}""",
                create("aws-guard", "1.1.0"), "uploadURI");
    }

    @Test
    @DisplayName("every Policy field published is kept: GetPolicyPack and the config schema answer them")
    void everyPolicyField() {
        organization("acme");
        BlobHttp.Reply created = http.post(PACKS, """
                {"name":"cis","displayName":"CIS","versionTag":"1.0.0","runtime":"python","description":"d",
                 "readme":"# r","provider":"aws","tags":["t"],"repository":"https://example.com/r",
                 "metadata":{"commit":"abc"},"unknownField":{"x":1},
                 "policies":[
                   {"name":"iam-mfa","displayName":"MFA","description":"Require MFA","enforcementLevel":"mandatory",
                    "message":"enable MFA",
                    "configSchema":{"type":"object","properties":{"maxAge":{"type":"integer"}},"required":["maxAge"]},
                    "severity":"high","framework":{"name":"CIS","version":"1.4","reference":"1.10","specification":"s"},
                    "tags":["iam","mfa"],"remediationSteps":"turn it on","url":"https://example.com/mfa"},
                   {"name":"s3-logs","enforcementLevel":"remediate"}]}""");
        assertStatus(201, created);
        assertEmpty(200, http.put(created.json().path("uploadURI").asText(), ARCHIVE));
        assertEmpty(204, http.post(PACKS + "/cis/versions/1/complete", null));
        String expected = """
                {"name":"cis","displayName":"CIS","version":1,"versionTag":"1.0.0","policies":[
                  {"name":"iam-mfa","displayName":"MFA","description":"Require MFA","enforcementLevel":"mandatory",
                   "message":"enable MFA",
                   "configSchema":{"type":"object","properties":{"maxAge":{"type":"integer"}},"required":["maxAge"]},
                   "severity":"high","framework":{"name":"CIS","version":"1.4","reference":"1.10","specification":"s"},
                   "tags":["iam","mfa"],"remediationSteps":"turn it on","url":"https://example.com/mfa"},
                  {"name":"s3-logs","displayName":"","description":"","enforcementLevel":"remediate","message":""}],
                 "applied":false}""";
        assertJson(200, expected, http.get(PACKS + "/cis/versions/1.0.0"));
        assertJson(200, expected, http.get(PACKS + "/cis/versions/1"));
        assertJson(200, """
                {"configSchema":{"iam-mfa":{"type":"object","properties":{"maxAge":{"type":"integer"}},"required":["maxAge"]}}}""",
                http.get(PACKS + "/cis/versions/1.0.0/schema"));
        applyToNewGroup("cis", "1.0.0");
        assertEquals(true, http.get(PACKS + "/cis/versions/1.0.0").json().path("applied").booleanValue());
    }

    @Test
    @DisplayName("a publish with a wrongly typed field is 400 invalid request body")
    void wrongTypes() {
        organization("acme");
        for (String body : List.of("{\"name\":1," + ONE_POLICY + "}", "{\"name\":\"x\",\"policies\":{}}",
                "{\"name\":\"x\",\"policies\":[\"p\"]}", "{\"name\":\"x\",\"tags\":\"t\"," + ONE_POLICY + "}",
                "{\"name\":\"x\",\"policies\":[{\"name\":\"p\",\"enforcementLevel\":\"advisory\",\"configSchema\":1}]}")) {
            assertError(400, "Bad Request: invalid request body", http.post(PACKS, body));
        }
        assertJson(200, "{\"policyPacks\":[]}", http.get(PACKS));
    }

    @Test
    @DisplayName("ListPolicyPacks lists complete versions only, newest first, and filters by name")
    void list() {
        organization("acme");
        assertJson(200, "{\"policyPacks\":[]}", http.get(PACKS));
        publish("acme", "aws-guard", "AWS guard", "1.0.0");
        publish("acme", "aws-guard", "AWS guard v2", "2.0.0");
        assertStatus(201, create("aws-guard", "3.0.0"));
        publish("acme", "cis", "CIS", "1.0.0");
        assertStatus(201, create("pending", "1.0.0"));
        assertJson(200, """
                {"policyPacks":[
                  {"name":"aws-guard","displayName":"AWS guard v2","versions":[2,1],"versionTags":["2.0.0","1.0.0"]},
                  {"name":"cis","displayName":"CIS","versions":[1],"versionTags":["1.0.0"]}]}""", http.get(PACKS));
        assertJson(200, """
                {"policyPacks":[{"name":"cis","displayName":"CIS","versions":[1],"versionTags":["1.0.0"]}]}""",
                http.get(PACKS + "?policypack=cis"));
        assertJson(200, "{\"policyPacks\":[]}", http.get(PACKS + "?policypack=nope"));
        assertError(400, "Bad Request: Invalid Policy Pack name", http.get(PACKS + "?policypack=bad%20name"));
        assertError(404, "Not Found: Organization 'beta' not found", http.get("/api/orgs/beta/policypacks"));
    }

    @Test
    @DisplayName("a publish without versionTag gets its version number as tag; complete takes a tag or a number")
    void defaultTag() {
        organization("acme");
        BlobHttp.Reply created = http.post(PACKS, "{\"name\":\"aws-guard\"," + ONE_POLICY + "}");
        assertStatus(201, created);
        assertEmpty(200, http.put(created.json().path("uploadURI").asText(), ARCHIVE));
        assertEmpty(204, http.post(PACKS + "/aws-guard/versions/1/complete", null));
        assertJson(200, """
                {"policyPacks":[{"name":"aws-guard","displayName":"","versions":[1],"versionTags":["1"]}]}""",
                http.get(PACKS));
    }

    @Test
    @DisplayName("E26: an invalid pack name is 400 Invalid Policy Pack name")
    void invalidPackName() {
        organization("acme");
        assertError(400, "Bad Request: Invalid Policy Pack name", create("bad name", "1.0.0"));
        assertError(400, "Bad Request: Invalid Policy Pack name", http.post(PACKS, "{" + ONE_POLICY + "}"));
    }

    @Test
    @DisplayName("E27: a publish without policies is 400 Policy Pack must have at least one policy.")
    void noPolicies() {
        organization("acme");
        String expected = "Bad Request: Policy Pack must have at least one policy.";
        assertError(400, expected, http.post(PACKS, "{\"name\":\"aws-guard\",\"policies\":[]}"));
        assertError(400, expected, http.post(PACKS, "{\"name\":\"aws-guard\"}"));
    }

    @Test
    @DisplayName("E28: a policy name empty, duplicate or all, or an invalid policy level, is 400")
    void invalidPolicies() {
        organization("acme");
        assertError(400, "Bad Request: invalid policy name 'all'", http.post(PACKS,
                "{\"name\":\"x\",\"policies\":[{\"name\":\"all\",\"enforcementLevel\":\"advisory\"}]}"));
        assertError(400, "Bad Request: invalid policy name ''", http.post(PACKS,
                "{\"name\":\"x\",\"policies\":[{\"enforcementLevel\":\"advisory\"}]}"));
        assertError(400, "Bad Request: invalid policy name 'p'", http.post(PACKS,
                "{\"name\":\"x\",\"policies\":[{\"name\":\"p\",\"enforcementLevel\":\"advisory\"},"
                        + "{\"name\":\"p\",\"enforcementLevel\":\"mandatory\"}]}"));
        assertError(400, "Bad Request: invalid enforcement level 'strict' for 'p'", http.post(PACKS,
                "{\"name\":\"x\",\"policies\":[{\"name\":\"p\",\"enforcementLevel\":\"strict\"}]}"));
        assertJson(200, "{\"policyPacks\":[]}", http.get(PACKS));
    }

    @Test
    @DisplayName("E29: a version tag failing the pattern is 400 Invalid version tag")
    void invalidTag() {
        organization("acme");
        assertError(400, "Bad Request: Invalid version tag", create("aws-guard", "1.0 beta"));
    }

    @Test
    @DisplayName("E30: a version tag used before, even by a deleted version, is 400 already exists")
    void tagUsedBefore() {
        organization("acme");
        publish("acme", "aws-guard", "AWS guard", "1.0.0");
        assertError(400, "Bad Request: Policy Pack: aws-guard, Version Tag: 1.0.0 already exists",
                create("aws-guard", "1.0.0"));
        assertEmpty(200, http.delete(PACKS + "/aws-guard/versions/1.0.0"));
        assertError(400, "Bad Request: Policy Pack: aws-guard, Version Tag: 1.0.0 already exists",
                create("aws-guard", "1.0.0"));
        assertJson(201, "{\"version\":2,\"uploadURI\":\"*\",\"requiredHeaders\":{\"Content-Type\":\"application/octet-stream\"}}",
                create("aws-guard", "1.0.1"), "uploadURI");
    }

    @Test
    @DisplayName("E31: a publish whose runtime differs from the pack's is 400")
    void runtimeDiffers() {
        organization("acme");
        publish("acme", "aws-guard", "AWS guard", "1.0.0");
        assertError(400, "Bad Request: cannot publish a 'python' version of a 'nodejs' Policy Pack", http.post(PACKS,
                "{\"name\":\"aws-guard\",\"versionTag\":\"2.0.0\",\"runtime\":\"python\"," + ONE_POLICY + "}"));
    }

    @Test
    @DisplayName("E32: completing a complete version, or one with nothing uploaded, is 400")
    void completeErrors() {
        organization("acme");
        publish("acme", "aws-guard", "AWS guard", "1.0.0");
        assertError(400, "Bad Request: Policy Pack is already complete",
                http.post(PACKS + "/aws-guard/versions/1.0.0/complete", null));
        assertStatus(201, create("aws-guard", "2.0.0"));
        assertError(400, "Bad Request: Policy Pack content has not been uploaded",
                http.post(PACKS + "/aws-guard/versions/2.0.0/complete", null));
    }

    @Test
    @DisplayName("E33: getting a pending version or its schema is 400 Cannot get incomplete Policy Pack")
    void incomplete() {
        organization("acme");
        assertStatus(201, create("aws-guard", "1.0.0"));
        assertError(400, "Bad Request: Cannot get incomplete Policy Pack", http.get(PACKS + "/aws-guard/versions/1.0.0"));
        assertError(400, "Bad Request: Cannot get incomplete Policy Pack",
                http.get(PACKS + "/aws-guard/versions/1/schema"));
    }

    @Test
    @DisplayName("E34: an unknown pack, tag or number is 404 on every registry route")
    void packNotFound() {
        organization("acme");
        publish("acme", "aws-guard", "AWS guard", "1.0.0");
        String expected = "Not Found: Policy Pack 'aws-guard' not found";
        assertError(404, expected, http.get(PACKS + "/aws-guard/versions/9.9.9"));
        assertError(404, expected, http.get(PACKS + "/aws-guard/versions/7"));
        assertError(404, expected, http.get(PACKS + "/aws-guard/versions/2/schema"));
        assertError(404, expected, http.post(PACKS + "/aws-guard/versions/2/complete", null));
        assertError(404, expected, http.delete(PACKS + "/aws-guard/versions/2"));
        assertError(404, "Not Found: Policy Pack 'cis' not found", http.delete(PACKS + "/cis"));
        assertError(404, "Not Found: Policy Pack 'cis' not found", http.get(PACKS + "/cis/versions/1"));
    }

    @Test
    @DisplayName("DeletePolicyPack and DeletePolicyPackVersion answer 200 with no body")
    void deletes() {
        organization("acme");
        publish("acme", "aws-guard", "AWS guard", "1.0.0");
        publish("acme", "aws-guard", "AWS guard", "2.0.0");
        publish("acme", "cis", "CIS", "1.0.0");
        assertEmpty(200, http.delete(PACKS + "/aws-guard/versions/1"));
        assertJson(200, """
                {"policyPacks":[{"name":"aws-guard","displayName":"AWS guard","versions":[2],"versionTags":["2.0.0"]},
                                {"name":"cis","displayName":"CIS","versions":[1],"versionTags":["1.0.0"]}]}""",
                http.get(PACKS));
        assertEmpty(200, http.delete(PACKS + "/aws-guard"));
        assertJson(200, """
                {"policyPacks":[{"name":"cis","displayName":"CIS","versions":[1],"versionTags":["1.0.0"]}]}""",
                http.get(PACKS));
        assertStatus(404, http.get("/blobs/policypacks/acme/aws-guard/2.tgz"));
    }

    @Test
    @DisplayName("E35: deleting a pack with an applied version is 400 Cannot delete an enabled Policy Pack")
    void deleteEnabledPack() {
        organization("acme");
        publish("acme", "aws-guard", "AWS guard", "1.0.0");
        applyToNewGroup("aws-guard", "1.0.0");
        assertError(400, "Bad Request: Cannot delete an enabled Policy Pack", http.delete(PACKS + "/aws-guard"));
        assertStatus(200, http.get(PACKS + "/aws-guard/versions/1.0.0"));
    }

    @Test
    @DisplayName("E36: deleting an applied version is 409 Cannot delete a Policy Pack that is applied to Policy Groups")
    void deleteAppliedVersion() {
        organization("acme");
        publish("acme", "aws-guard", "AWS guard", "1.0.0");
        applyToNewGroup("aws-guard", "1.0.0");
        assertError(409, "Conflict: Cannot delete a Policy Pack that is applied to Policy Groups",
                http.delete(PACKS + "/aws-guard/versions/1.0.0"));
    }

    @Test
    @DisplayName("S16: republishing a tag, deleting applied versions and packs, a pending version, the list")
    void registryScenario() {
        fixture();
        applyToNewGroup("aws-guard", "2.0.0");
        assertError(400, "Bad Request: Policy Pack: aws-guard, Version Tag: 2.0.0 already exists",
                create("aws-guard", "2.0.0"));
        assertError(409, "Conflict: Cannot delete a Policy Pack that is applied to Policy Groups",
                http.delete(PACKS + "/aws-guard/versions/2.0.0"));
        assertError(400, "Bad Request: Cannot delete an enabled Policy Pack", http.delete(PACKS + "/aws-guard"));
        assertJson(201, "{\"version\":4,\"uploadURI\":\"*\",\"requiredHeaders\":{\"Content-Type\":\"application/octet-stream\"}}",
                create("aws-guard", "3.0.0"), "uploadURI");
        assertError(400, "Bad Request: Cannot get incomplete Policy Pack", http.get(PACKS + "/aws-guard/versions/3.0.0"));
        assertJson(200, """
                {"policyPacks":[{"name":"aws-guard","displayName":"AWS guard","versions":[3,2,1],
                                 "versionTags":["2.0.0","1.1.0","1.0.0"]}]}""", http.get(PACKS + "?policypack=aws-guard"));
    }
}
