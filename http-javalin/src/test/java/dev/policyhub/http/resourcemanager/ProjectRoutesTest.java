package dev.policyhub.http.resourcemanager;

import dev.policyhub.http.support.RawHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.core.hierarchy.Folder;
import dev.policyhub.core.hierarchy.NewProject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Resource Manager v3 projects over HTTP")
class ProjectRoutesTest extends ServerTestBase {

    private String etag(String name) {
        return hub.hierarchy().getProject(name).etag();
    }

    @Test
    @DisplayName("create answers a completed operations/cp operation with CreateProjectMetadata and the project")
    void create() {
        organization123();
        RawHttp.Reply reply = http.post("/v3/projects", """
                {"projectId": "web-prod", "parent": "organizations/123", "displayName": "Web prod",
                 "labels": {"team": "web", "env": "prod"}}""");
        JsonNode operation = namedOperation("cp", reply);
        assertJson("""
                {"name": "NAME",
                 "metadata": {"@type": "%sCreateProjectMetadata", "createTime": "%s", "gettable": true,
                              "ready": true},
                 "done": true,
                 "response": {"@type": "%sProject", "name": "projects/100000000001", "parent": "organizations/123",
                              "projectId": "web-prod", "state": "ACTIVE", "displayName": "Web prod",
                              "createTime": "%s", "updateTime": "%s", "etag": "%s",
                              "labels": {"env": "prod", "team": "web"}}}"""
                .formatted(RM, stamp(1), RM, stamp(1), stamp(1), etag("projects/web-prod")), operation);
    }

    @Test
    @DisplayName("get accepts the project id or the number and always answers with the number")
    void getByIdOrNumber() {
        organization123();
        project("web-prod", "organizations/123");
        String expected = """
                {"name": "projects/100000000001", "parent": "organizations/123", "projectId": "web-prod",
                 "state": %s, "createTime": "%s", "updateTime": "%s", "etag": "%s"}""";
        assertOk(expected.formatted("\"ACTIVE\"", stamp(1), stamp(1), etag("projects/web-prod")),
                http.get("/v3/projects/web-prod"));
        assertOk(expected.formatted("\"ACTIVE\"", stamp(1), stamp(1), etag("projects/web-prod")),
                http.get("/v3/projects/100000000001"));
        assertOk(expected.formatted("1", stamp(1), stamp(1), etag("projects/web-prod")),
                http.get("/v3/projects/web-prod?%24alt=json%3Benum-encoding%3Dint"));
    }

    @Test
    @DisplayName("list sorts by display name then number, pages, and shows deleted projects only on request")
    void list() {
        organization123();
        hub.hierarchy().createProject(new NewProject(0, "proj-b", "organizations/123", "Same", Map.of(), Map.of()));
        hub.hierarchy().createProject(new NewProject(0, "proj-a", "organizations/123", "Same", Map.of(), Map.of()));
        hub.hierarchy().createProject(new NewProject(0, "proj-c", "organizations/123", "Alpha", Map.of(), Map.of()));
        hub.hierarchy().deleteProject("projects/proj-a");

        assertEquals(List.of("proj-c", "proj-b"), projectIds(http.get("/v3/projects?parent=organizations/123")));
        RawHttp.Reply first = http.get("/v3/projects?parent=organizations/123&showDeleted=true&pageSize=2");
        assertEquals(List.of("proj-c", "proj-b"), projectIds(first));
        RawHttp.Reply second = http.get("/v3/projects?parent=organizations/123&showDeleted=true&pageSize=2"
                + "&pageToken=" + first.json().path("nextPageToken").asText());
        assertEquals(List.of("proj-a"), projectIds(second));
        assertEquals("DELETE_REQUESTED", second.json().path("projects").path(0).path("state").asText());
        assertFalse(second.json().has("nextPageToken"));
        assertBadField("page_token", http.get("/v3/projects?parent=organizations/123&pageToken="
                + first.json().path("nextPageToken").asText()));
    }

    @Test
    @DisplayName("PATCH updates the masked fields only; no mask updates display name and labels")
    void patch() {
        organization123();
        hub.hierarchy().createProject(new NewProject(0, "web-prod", "organizations/123", "Web prod",
                Map.of("team", "web"), Map.of()));
        JsonNode labelsOnly = namedOperation("cp", http.patch("/v3/projects/web-prod?updateMask=labels", """
                {"displayName": "Ignored", "labels": {"team": "platform"}}"""));
        assertJson("""
                {"name": "NAME", "metadata": {"@type": "%sUpdateProjectMetadata"}, "done": true,
                 "response": {"@type": "%sProject", "name": "projects/100000000001", "parent": "organizations/123",
                              "projectId": "web-prod", "state": "ACTIVE", "displayName": "Web prod",
                              "createTime": "%s", "updateTime": "%s", "etag": "%s", "labels": {"team": "platform"}}}"""
                .formatted(RM, RM, stamp(1), stamp(2), etag("projects/web-prod")), labelsOnly);

        JsonNode both = namedOperation("cp", http.patchByOverride("/v3/projects/100000000001", """
                {"displayName": "Web live"}""")).path("response");
        assertEquals("Web live", both.path("displayName").asText());
        assertFalse(both.has("labels"), both.toString());
        assertBadField("update_mask", http.patch("/v3/projects/web-prod?updateMask=projectId", """
                {"projectId": "other-id"}"""));
    }

    @Test
    @DisplayName("move answers MoveProjectMetadata and the project under its new parent")
    void move() {
        organization123();
        Folder prod = folder("organizations/123", "prod");
        project("web-prod", "organizations/123");
        JsonNode moved = namedOperation("cp", http.post("/v3/projects/web-prod:move", """
                {"destinationParent": "%s"}""".formatted(prod.name())));
        assertEquals(RM + "MoveProjectMetadata", moved.path("metadata").path("@type").asText());
        assertEquals(prod.name(), moved.path("response").path("parent").asText());
        assertEquals(stamp(3), moved.path("response").path("updateTime").asText());
    }

    @Test
    @DisplayName("delete answers the project in DELETE_REQUESTED; its project id stays taken (409 ALREADY_EXISTS)")
    void deleteKeepsIdTaken() {
        organization123();
        project("web-prod", "organizations/123");
        JsonNode deleted = namedOperation("cp", http.delete("/v3/projects/web-prod"));
        assertEquals(RM + "DeleteProjectMetadata", deleted.path("metadata").path("@type").asText());
        assertEquals("DELETE_REQUESTED", deleted.path("response").path("state").asText());
        assertEquals(stamp(2), deleted.path("response").path("deleteTime").asText());
        assertEquals(200, http.delete("/v3/projects/100000000001").status());
        assertError(409, "ALREADY_EXISTS", "Requested entity already exists", http.post("/v3/projects", """
                {"projectId": "web-prod", "parent": "organizations/123"}"""));
    }

    @Test
    @DisplayName("an invalid project id, a missing parent, a bad display name or label is 400 INVALID_ARGUMENT")
    void invalidProjects() {
        organization123();
        assertBadField("project.project_id", http.post("/v3/projects", """
                {"projectId": "Web_Prod", "parent": "organizations/123"}"""));
        assertBadField("project.parent", http.post("/v3/projects", """
                {"projectId": "web-prod"}"""));
        assertBadField("project.display_name", http.post("/v3/projects", """
                {"projectId": "web-prod", "parent": "organizations/123", "displayName": "Web?"}"""));
        assertBadField("project.labels", http.post("/v3/projects", """
                {"projectId": "web-prod", "parent": "organizations/123", "labels": {"Team": "web"}}"""));
    }

    @Test
    @DisplayName("tags on create bind those values in the same write; an unknown tag is 400 and creates nothing")
    void tagsOnCreate() {
        organization123();
        hub.hierarchy().createTagKey(dev.policyhub.core.hierarchy.NewTagKey.of("organizations/123", "env"), false);
        hub.hierarchy().createTagValue(dev.policyhub.core.hierarchy.NewTagValue.of("tagKeys/100000000001", "dev"),
                false);
        namedOperation("cp", http.post("/v3/projects", """
                {"projectId": "web-dev", "parent": "organizations/123", "tags": {"123/env": "dev"}}"""));
        assertOk("""
                {"effectiveTags": [{"tagValue": "tagValues/100000000002", "namespacedTagValue": "123/env/dev",
                  "tagKey": "tagKeys/100000000001", "namespacedTagKey": "123/env",
                  "tagKeyParentName": "organizations/123"}]}""",
                http.get("/v3/effectiveTags?parent=//cloudresourcemanager.googleapis.com/projects/web-dev"));
        assertBadField("project.tags", http.post("/v3/projects", """
                {"projectId": "web-qa", "parent": "organizations/123", "tags": {"123/env": "qa"}}"""));
        assertError(403, "PERMISSION_DENIED", null, http.get("/v3/projects/web-qa"));
    }

    @Test
    @DisplayName("moving a project to another organization is 400 FAILED_PRECONDITION CROSS_ORGANIZATION")
    void crossOrganization() {
        organization123();
        hub.hierarchy().createOrganization(456L, "other.example", null);
        project("web-prod", "organizations/123");
        assertPrecondition("CROSS_ORGANIZATION", "organizations/456", http.post("/v3/projects/web-prod:move", """
                {"destinationParent": "organizations/456"}"""));
    }

    @Test
    @DisplayName("get of a missing project, by id or number, is 403 PERMISSION_DENIED naming it")
    void getMissing() {
        assertError(403, "PERMISSION_DENIED",
                "Permission denied on resource 'projects/nowhere-1' (or it may not exist).",
                http.get("/v3/projects/nowhere-1"));
        assertError(403, "PERMISSION_DENIED", "Permission denied on resource 'projects/77' (or it may not exist).",
                http.get("/v3/projects/77"));
    }

    private static List<String> projectIds(RawHttp.Reply reply) {
        assertEquals(200, reply.status(), reply.text());
        List<String> ids = new ArrayList<>();
        reply.json().path("projects").forEach(p -> ids.add(p.path("projectId").asText()));
        return ids;
    }
}
