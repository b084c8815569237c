package dev.policyhub.http.admin;

import dev.policyhub.http.support.RawHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.hierarchy.NewFolder;
import dev.policyhub.core.hierarchy.NewProject;
import dev.policyhub.core.hierarchy.NewTagKey;
import dev.policyhub.core.hierarchy.NewTagValue;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;
import dev.policyhub.http.resourcemanager.ServerTestBase;
import dev.policyhub.http.wire.ApiError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Seed files: POST /admin/v1/seed and SeedLoader")
class SeedLoaderTest extends ServerTestBase {
    private static final String CRM = "//cloudresourcemanager.googleapis.com/";

    /** The hierarchy of the seed file example, without policies. */
    private static final String EXAMPLE = """
            {
              "organizations": [ { "name": "organizations/1", "displayName": "example.com" } ],
              "folders":   [ { "name": "folders/11", "parent": "organizations/1", "displayName": "prod" } ],
              "projects":  [ { "name": "projects/101", "projectId": "web-prod", "parent": "folders/11" } ],
              "tagKeys":   [ { "name": "tagKeys/501", "parent": "organizations/1", "shortName": "env" } ],
              "tagValues": [ { "name": "tagValues/601", "parent": "tagKeys/501", "shortName": "dev" } ],
              "tagBindings": [ { "parent": "//cloudresourcemanager.googleapis.com/folders/11",
                                 "tagValue": "tagValues/601" } ],
              "customConstraints": [],
              "policies": []
            }""";

    @Test
    @DisplayName("the example seed creates every entry with its explicit id and answers counts per kind")
    void example() {
        assertOk("""
                {"organizations": 1, "folders": 1, "projects": 1, "tagKeys": 1, "tagValues": 1, "tagBindings": 1,
                 "customConstraints": 0, "policies": 0,
                 "pulumi": {"organizations": 0, "stacks": 0, "accounts": 0, "policyPacks": 0, "policyGroups": 0}}""", http.post("/admin/v1/seed", EXAMPLE));
        assertEquals("example.com", http.get("/v3/organizations/1").json().path("displayName").asText());
        assertEquals("organizations/1", http.get("/v3/folders/11").json().path("parent").asText());
        RawHttp.Reply project = http.get("/v3/projects/web-prod");
        assertEquals("projects/101", project.json().path("name").asText());
        assertEquals("folders/11", project.json().path("parent").asText());
        assertEquals("1/env", http.get("/v3/tagKeys/501").json().path("namespacedName").asText());
        assertOk("""
                {"effectiveTags": [{"tagValue": "tagValues/601", "namespacedTagValue": "1/env/dev",
                  "tagKey": "tagKeys/501", "namespacedTagKey": "1/env", "tagKeyParentName": "organizations/1",
                  "inherited": true}]}""", http.get("/v3/effectiveTags?parent=" + CRM + "projects/101"));
    }

    @Test
    @DisplayName("entries without a name get assigned ids; references may use project ids; arrays are optional")
    void assignedIdsAndProjectIdReferences() {
        assertOk("""
                {"organizations": 1, "folders": 1, "projects": 1, "tagKeys": 1, "tagValues": 1, "tagBindings": 1,
                 "customConstraints": 0, "policies": 0,
                 "pulumi": {"organizations": 0, "stacks": 0, "accounts": 0, "policyPacks": 0, "policyGroups": 0}}""", http.post("/admin/v1/seed", """
                {"organizations": [{"displayName": "example.com", "directoryCustomerId": "C01"}],
                 "folders": [{"parent": "organizations/100000000001", "displayName": "prod"}],
                 "projects": [{"projectId": "web-prod", "parent": "folders/100000000002", "displayName": "Web shop",
                               "labels": {"team": "web"}}],
                 "tagKeys": [{"parent": "projects/web-prod", "shortName": "tier", "description": "Tier"}],
                 "tagValues": [{"parent": "tagKeys/100000000004", "shortName": "front"}],
                 "tagBindings": [{"parent": "//cloudresourcemanager.googleapis.com/projects/web-prod",
                                  "tagValueNamespacedName": "web-prod/tier/front"}]}"""));
        assertEquals("C01", http.get("/v3/organizations/100000000001").json().path("directoryCustomerId").asText());
        assertEquals("projects/100000000003", http.get("/v3/tagKeys/100000000004").json().path("parent").asText());
        assertEquals("tagValues/100000000005", http.get("/v3/tagBindings?parent=" + CRM + "projects/100000000003")
                .json().path("tagBindings").path(0).path("tagValue").asText());
        assertEquals("web", http.get("/v3/projects/web-prod").json().path("labels").path("team").asText());
    }

    /**
     * Organization 1 with a folder, a project, a tag key and value bound to the project, and a policy: assigned ids
     * 100000000001 to 100000000004.
     */
    private void existingData() {
        hub.hierarchy().createOrganization(1L, "example.com", null);
        hub.hierarchy().createFolder(NewFolder.of("organizations/1", "existing"));
        hub.hierarchy().createProject(NewProject.of("existing-proj", "folders/100000000001"));
        hub.hierarchy().createTagKey(NewTagKey.of("organizations/1", "env"), false);
        hub.hierarchy().createTagValue(NewTagValue.of("tagKeys/100000000003", "dev"), false);
        hub.hierarchy().createTagBinding(CRM + "projects/existing-proj", "tagValues/100000000004", "", false);
        hub.orgPolicies().createPolicy("projects/existing-proj", Policy.of(
                "projects/existing-proj/policies/compute.requireOsLogin", PolicySpec.of(PolicyRule.enforce(true))));
    }

    private static String seedWithThirdProject(String projectId) {
        return """
                {"organizations": [{"name": "organizations/2", "displayName": "two.example"}],
                 "folders": [{"name": "folders/21", "parent": "organizations/2", "displayName": "explicit"},
                             {"parent": "organizations/2", "displayName": "assigned"}],
                 "projects": [{"name": "projects/201", "projectId": "seed-one", "parent": "folders/21"},
                              {"projectId": "seed-two", "parent": "organizations/1"},
                              {"projectId": "%s", "parent": "folders/21"}]}""".formatted(projectId);
    }

    @Test
    @DisplayName("a seed whose last entry is invalid leaves the store exactly as it was, and names the entry")
    void allOrNothing() {
        existingData();
        String before = StoreListing.of(hub);
        assertTrue(before.contains("existing-proj") && before.contains("compute.requireOsLogin"), before);

        RawHttp.Reply failed = http.post("/admin/v1/seed", seedWithThirdProject("Bad_Project"));
        assertBadField("projects[2].project_id", failed);
        assertTrue(failed.json().path("error").path("message").asText().startsWith("projects[2].project_id: "),
                failed.text());
        assertEquals(before, StoreListing.of(hub));
        assertError(403, "PERMISSION_DENIED", null, http.get("/v3/organizations/2"));

        // the ids and numbers the failed seed took were given back: the same seed, corrected, gets them again
        assertEquals(200, http.post("/admin/v1/seed", seedWithThirdProject("seed-three")).status());
        assertEquals("explicit", http.get("/v3/folders/21").json().path("displayName").asText());
        assertEquals("assigned", http.get("/v3/folders/100000000005").json().path("displayName").asText());
        assertEquals("projects/201", http.get("/v3/projects/seed-one").json().path("name").asText());
        assertEquals("projects/100000000006", http.get("/v3/projects/seed-two").json().path("name").asText());
    }

    @Test
    @DisplayName("a failed precondition at the last binding rolls back the whole seed; the message names the entry")
    void failedPreconditionRollsBack() {
        existingData();
        String before = StoreListing.of(hub);
        RawHttp.Reply failed = http.post("/admin/v1/seed", """
                {"folders": [{"name": "folders/31", "parent": "organizations/1", "displayName": "tagged"}],
                 "tagValues": [{"name": "tagValues/32", "parent": "tagKeys/100000000003", "shortName": "prod"}],
                 "tagBindings": [{"parent": "//cloudresourcemanager.googleapis.com/folders/31",
                                  "tagValue": "tagValues/32"},
                                 {"parent": "//cloudresourcemanager.googleapis.com/folders/31",
                                  "tagValue": "tagValues/100000000004"}]}""");
        assertPrecondition("ONE_VALUE_PER_KEY", "folders/31", failed);
        assertTrue(failed.json().path("error").path("message").asText().startsWith("tag_bindings[1]: "),
                failed.text());
        assertEquals(before, StoreListing.of(hub));
    }

    @Test
    @DisplayName("an id already in use is 409 and a missing parent 403, each naming the entry; nothing is kept")
    void conflictsNameTheEntry() {
        existingData();
        String before = StoreListing.of(hub);
        assertError(409, "ALREADY_EXISTS", "folders[1]: Requested entity already exists",
                http.post("/admin/v1/seed", """
                        {"folders": [{"name": "folders/41", "parent": "organizations/1", "displayName": "a"},
                                     {"name": "folders/100000000001", "parent": "organizations/1",
                                      "displayName": "b"}]}"""));
        assertError(403, "PERMISSION_DENIED",
                "projects[0]: Permission denied on resource 'folders/99' (or it may not exist).",
                http.post("/admin/v1/seed", """
                        {"projects": [{"projectId": "orphan-proj", "parent": "folders/99"}]}"""));
        assertEquals(before, StoreListing.of(hub));
    }

    @Test
    @DisplayName("a malformed entry, name or top-level field is 400 naming it, before anything is written")
    void malformedSeeds() {
        existingData();
        String before = StoreListing.of(hub);
        assertError(400, "INVALID_ARGUMENT",
                "Invalid JSON payload received. Unknown name \"colour\" at 'folders[1]': Cannot find field.",
                http.post("/admin/v1/seed", """
                        {"organizations": [{"name": "organizations/5"}],
                         "folders": [{"parent": "organizations/5", "displayName": "a"},
                                     {"parent": "organizations/5", "displayName": "b", "colour": "red"}]}"""));
        assertBadField("tag_keys[0].name", http.post("/admin/v1/seed", """
                {"tagKeys": [{"name": "tagKeys/env", "parent": "organizations/1", "shortName": "env"}]}"""));
        assertBadField("organizations[0].name", http.post("/admin/v1/seed", """
                {"organizations": [{"name": "folders/3"}]}"""));
        assertError(400, "INVALID_ARGUMENT",
                "Invalid JSON payload received. Unknown name \"buckets\": Cannot find field.",
                http.post("/admin/v1/seed", """
                        {"organizations": [{"name": "organizations/5"}], "buckets": []}"""));
        assertError(400, "INVALID_ARGUMENT", "Invalid value at 'projects' (TYPE_MESSAGE), {}",
                http.post("/admin/v1/seed", """
                        {"projects": {}}"""));
        assertError(400, "INVALID_ARGUMENT", null, http.post("/admin/v1/seed", "{\"folders\": ["));
        assertEquals(before, StoreListing.of(hub));
    }

    @Test
    @DisplayName("SeedLoader.load takes the file's bytes, as the server's start-up option does")
    void loadBytes() {
        SeedSummary summary = SeedLoader.load(hub, EXAMPLE.getBytes(StandardCharsets.UTF_8));
        assertEquals(new SeedSummary(1, 1, 1, 1, 1, 1, 0, 0, new SeedSummary.Pulumi(0, 0, 0, 0, 0)), summary);
        assertEquals("projects/101", hub.hierarchy().getProject("projects/web-prod").name());
        ApiError malformed = assertThrows(ApiError.class,
                () -> SeedLoader.load(hub, "not json".getBytes(StandardCharsets.UTF_8)));
        assertTrue(malformed.getMessage().startsWith("Invalid JSON payload received."), malformed.getMessage());
        assertOk("{\"organizations\": 0, \"folders\": 0, \"projects\": 0, \"tagKeys\": 0, \"tagValues\": 0,"
                + " \"tagBindings\": 0, \"customConstraints\": 0, \"policies\": 0, \"pulumi\": {\"organizations\": 0,"
                + " \"stacks\": 0, \"accounts\": 0, \"policyPacks\": 0, \"policyGroups\": 0}}", http.post("/admin/v1/seed", ""));
    }
}
