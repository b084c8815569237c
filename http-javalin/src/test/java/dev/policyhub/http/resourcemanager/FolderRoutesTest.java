package dev.policyhub.http.resourcemanager;

import dev.policyhub.http.support.RawHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.core.hierarchy.Folder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Resource Manager v3 folders over HTTP")
class FolderRoutesTest extends ServerTestBase {

    private String etag(String name) {
        return hub.hierarchy().getFolder(name).etag();
    }

    @Test
    @DisplayName("create answers a completed operations/cf operation with CreateFolderMetadata and the folder")
    void create() {
        organization123();
        RawHttp.Reply reply = http.post("/v3/folders", """
                {"parent": "organizations/123", "displayName": "prod"}""");
        JsonNode operation = namedOperation("cf", reply);
        assertJson("""
                {"name": "NAME",
                 "metadata": {"@type": "%sCreateFolderMetadata", "displayName": "prod", "parent": "organizations/123"},
                 "done": true,
                 "response": {"@type": "%sFolder", "name": "folders/100000000001", "parent": "organizations/123",
                              "displayName": "prod", "state": "ACTIVE", "createTime": "%s", "updateTime": "%s",
                              "etag": "%s"}}"""
                .formatted(RM, RM, stamp(1), stamp(1), etag("folders/100000000001")), operation);
    }

    @Test
    @DisplayName("get answers the folder; enum-encoding=int prints its state as a number")
    void get() {
        organization123();
        Folder prod = folder("organizations/123", "prod");
        String expected = """
                {"name": "folders/100000000001", "parent": "organizations/123", "displayName": "prod",
                 "state": %s, "createTime": "%s", "updateTime": "%s", "etag": "%s"}""";
        assertOk(expected.formatted("\"ACTIVE\"", stamp(1), stamp(1), prod.etag()),
                http.get("/v3/folders/100000000001"));
        assertOk(expected.formatted("1", stamp(1), stamp(1), prod.etag()),
                http.get("/v3/folders/100000000001?$alt=json;enum-encoding%3Dint"));
    }

    @Test
    @DisplayName("list pages by display name, and shows deleted folders only with showDeleted=true")
    void listPagingAndShowDeleted() {
        organization123();
        folder("organizations/123", "charlie");
        folder("organizations/123", "alpha");
        Folder bravo = folder("organizations/123", "bravo");
        hub.hierarchy().deleteFolder(bravo.name());

        RawHttp.Reply first = http.get("/v3/folders?parent=organizations/123&pageSize=1");
        assertEquals(List.of("alpha"), displayNames(first.json()));
        RawHttp.Reply second = http.get("/v3/folders?parent=organizations/123&pageSize=1&pageToken="
                + first.json().path("nextPageToken").asText());
        assertEquals(List.of("charlie"), displayNames(second.json()));
        assertFalse(second.json().has("nextPageToken"), second.text());

        RawHttp.Reply all = http.get("/v3/folders?parent=organizations/123&showDeleted=true");
        assertEquals(List.of("alpha", "bravo", "charlie"), displayNames(all.json()));
        JsonNode deleted = all.json().path("folders").path(1);
        assertEquals("DELETE_REQUESTED", deleted.path("state").asText());
        assertEquals(stamp(4), deleted.path("deleteTime").asText());
        assertFalse(all.json().has("nextPageToken"));
    }

    @Test
    @DisplayName("list of a parent without folders is an empty object")
    void emptyList() {
        organization123();
        assertOk("{}", http.get("/v3/folders?parent=organizations/123"));
    }

    @Test
    @DisplayName("PATCH and POST with X-HTTP-Method-Override: PATCH rename with updateMask=displayName")
    void rename() {
        organization123();
        folder("organizations/123", "prod");
        JsonNode patched = namedOperation("cf", http.patch("/v3/folders/100000000001?updateMask=displayName", """
                {"name": "folders/100000000001", "displayName": "production"}"""));
        assertJson("""
                {"name": "NAME", "metadata": {"@type": "%sUpdateFolderMetadata"}, "done": true,
                 "response": {"@type": "%sFolder", "name": "folders/100000000001", "parent": "organizations/123",
                              "displayName": "production", "state": "ACTIVE", "createTime": "%s", "updateTime": "%s",
                              "etag": "%s"}}"""
                .formatted(RM, RM, stamp(1), stamp(2), etag("folders/100000000001")), patched);

        RawHttp.Reply overridden = http.patchByOverride("/v3/folders/100000000001?updateMask=display_name", """
                {"displayName": "live"}""");
        assertEquals("live", namedOperation("cf", overridden).path("response").path("displayName").asText());
        assertEquals("live", hub.hierarchy().getFolder("folders/100000000001").displayName());
    }

    @Test
    @DisplayName("PATCH without updateMask renames; a path other than displayName is 400 INVALID_ARGUMENT")
    void renameMask() {
        organization123();
        folder("organizations/123", "prod");
        RawHttp.Reply unmasked = http.patch("/v3/folders/100000000001", """
                {"displayName": "x1"}""");
        assertEquals("x1", namedOperation("cf", unmasked).path("response").path("displayName").asText());
        assertBadField("update_mask", http.patch("/v3/folders/100000000001?updateMask=parent", """
                {"displayName": "x1"}"""));
    }

    @Test
    @DisplayName("move answers MoveFolderMetadata with the source and destination parents")
    void move() {
        organization123();
        Folder a = folder("organizations/123", "a");
        folder("organizations/123", "b");
        JsonNode moved = namedOperation("cf", http.post("/v3/folders/100000000002:move", """
                {"destinationParent": "%s"}""".formatted(a.name())));
        assertJson("""
                {"name": "NAME",
                 "metadata": {"@type": "%sMoveFolderMetadata", "displayName": "b", "sourceParent": "organizations/123",
                              "destinationParent": "folders/100000000001"},
                 "done": true,
                 "response": {"@type": "%sFolder", "name": "folders/100000000002", "parent": "folders/100000000001",
                              "displayName": "b", "state": "ACTIVE", "createTime": "%s", "updateTime": "%s",
                              "etag": "%s"}}"""
                .formatted(RM, RM, stamp(2), stamp(3), etag("folders/100000000002")), moved);
    }

    @Test
    @DisplayName("delete answers the folder in DELETE_REQUESTED with a deleteTime; deleting again succeeds")
    void delete() {
        organization123();
        folder("organizations/123", "prod");
        JsonNode deleted = namedOperation("cf", http.delete("/v3/folders/100000000001"));
        assertJson("""
                {"name": "NAME", "metadata": {"@type": "%sDeleteFolderMetadata"}, "done": true,
                 "response": {"@type": "%sFolder", "name": "folders/100000000001", "parent": "organizations/123",
                              "displayName": "prod", "state": "DELETE_REQUESTED", "createTime": "%s",
                              "updateTime": "%s", "deleteTime": "%s", "etag": "%s"}}"""
                .formatted(RM, RM, stamp(1), stamp(2), stamp(2), etag("folders/100000000001")), deleted);
        assertEquals(200, http.delete("/v3/folders/100000000001").status());
        assertEquals("DELETE_REQUESTED", http.get("/v3/folders/100000000001").json().path("state").asText());
    }

    @Test
    @DisplayName("an invalid display name is 400 INVALID_ARGUMENT")
    void invalidDisplayName() {
        organization123();
        assertBadField("folder.display_name", http.post("/v3/folders", """
                {"parent": "organizations/123", "displayName": "-prod"}"""));
        assertBadField("folder.display_name", http.post("/v3/folders", """
                {"parent": "organizations/123"}"""));
    }

    @Test
    @DisplayName("a create, rename or move onto an active sibling's name is 400 FAILED_PRECONDITION DISPLAY_NAME_TAKEN")
    void duplicateDisplayName() {
        organization123();
        folder("organizations/123", "prod");
        assertPrecondition("DISPLAY_NAME_TAKEN", "organizations/123", http.post("/v3/folders", """
                {"parent": "organizations/123", "displayName": "prod"}"""));
        folder("organizations/123", "dev");
        assertPrecondition("DISPLAY_NAME_TAKEN", "organizations/123",
                http.patch("/v3/folders/100000000002?updateMask=displayName", """
                        {"displayName": "prod"}"""));
        Folder elsewhere = folder("folders/100000000002", "prod");
        assertPrecondition("DISPLAY_NAME_TAKEN", "organizations/123", http.post("/v3/" + elsewhere.name() + ":move",
                """
                {"destinationParent": "organizations/123"}"""));
    }

    @Test
    @DisplayName("an eleventh folder level, by create or move, is 400 FAILED_PRECONDITION FOLDER_TOO_DEEP")
    void tooDeep() {
        organization123();
        String parent = "organizations/123";
        for (int level = 1; level <= 10; level++) {
            parent = folder(parent, "level" + level).name();
        }
        assertPrecondition("FOLDER_TOO_DEEP", parent, http.post("/v3/folders", """
                {"parent": "%s", "displayName": "level11"}""".formatted(parent)));
        Folder twoLevels = folder("organizations/123", "two");
        folder(twoLevels.name(), "below");
        assertPrecondition("FOLDER_TOO_DEEP", "folders/100000000009", http.post("/v3/" + twoLevels.name() + ":move",
                """
                {"destinationParent": "folders/100000000009"}"""));
    }

    @Test
    @DisplayName("a 301st active folder under one parent is 400 FAILED_PRECONDITION TOO_MANY_FOLDERS")
    void tooMany() {
        organization123();
        for (int i = 0; i < 300; i++) {
            folder("organizations/123", "f" + i);
        }
        assertPrecondition("TOO_MANY_FOLDERS", "organizations/123", http.post("/v3/folders", """
                {"parent": "organizations/123", "displayName": "one-too-many"}"""));
    }

    @Test
    @DisplayName("moving a folder under its own descendant is 400 FAILED_PRECONDITION CYCLE")
    void cycle() {
        organization123();
        Folder top = folder("organizations/123", "top");
        Folder child = folder(top.name(), "child");
        assertPrecondition("CYCLE", child.name(), http.post("/v3/" + top.name() + ":move", """
                {"destinationParent": "%s"}""".formatted(child.name())));
    }

    @Test
    @DisplayName("moving a folder to another organization is 400 FAILED_PRECONDITION CROSS_ORGANIZATION")
    void crossOrganization() {
        organization123();
        hub.hierarchy().createOrganization(456L, "other.example", null);
        Folder prod = folder("organizations/123", "prod");
        assertPrecondition("CROSS_ORGANIZATION", "organizations/456", http.post("/v3/" + prod.name() + ":move", """
                {"destinationParent": "organizations/456"}"""));
    }

    @Test
    @DisplayName("deleting a folder with an active child is 400 FAILED_PRECONDITION NOT_EMPTY")
    void deleteNotEmpty() {
        organization123();
        Folder prod = folder("organizations/123", "prod");
        project("web-prod", prod.name());
        assertPrecondition("NOT_EMPTY", prod.name(), http.delete("/v3/" + prod.name()));
    }

    @Test
    @DisplayName("a missing parent is 403 PERMISSION_DENIED; a deletion-requested one is 400 PARENT_NOT_ACTIVE")
    void parentMissingOrDeleted() {
        organization123();
        assertError(403, "PERMISSION_DENIED",
                "Permission denied on resource 'organizations/999' (or it may not exist).",
                http.post("/v3/folders", """
                        {"parent": "organizations/999", "displayName": "prod"}"""));
        Folder gone = folder("organizations/123", "gone");
        hub.hierarchy().deleteFolder(gone.name());
        assertPrecondition("PARENT_NOT_ACTIVE", gone.name(), http.post("/v3/folders", """
                {"parent": "%s", "displayName": "child"}""".formatted(gone.name())));
        assertPrecondition("PARENT_NOT_ACTIVE", gone.name(),
                http.post("/v3/" + folder("organizations/123", "other").name() + ":move", """
                        {"destinationParent": "%s"}""".formatted(gone.name())));
    }

    @Test
    @DisplayName("get of a missing folder is 403 PERMISSION_DENIED naming it")
    void getMissing() {
        assertError(403, "PERMISSION_DENIED", "Permission denied on resource 'folders/42' (or it may not exist).",
                http.get("/v3/folders/42"));
    }

    @Test
    @DisplayName("an unknown body field or query parameter is 400 INVALID_ARGUMENT")
    void strictRequests() {
        organization123();
        assertError(400, "INVALID_ARGUMENT",
                "Invalid JSON payload received. Unknown name \"colour\" at 'folder': Cannot find field.",
                http.post("/v3/folders", """
                        {"parent": "organizations/123", "displayName": "prod", "colour": "red"}"""));
        assertError(400, "INVALID_ARGUMENT", null, http.get("/v3/folders?parent=organizations/123&colour=red"));
        assertError(400, "INVALID_ARGUMENT", "Invalid value at 'folder.display_name' (TYPE_STRING), 7",
                http.post("/v3/folders", """
                        {"parent": "organizations/123", "displayName": 7}"""));
    }

    @Test
    @DisplayName("output-only fields in a create body are ignored, and a body name does not choose the id")
    void outputOnlyIgnored() {
        organization123();
        RawHttp.Reply reply = http.post("/v3/folders", """
                {"name": "folders/7", "parent": "organizations/123", "display_name": "prod",
                 "state": "DELETE_REQUESTED", "etag": "x", "createTime": "2020-01-01T00:00:00Z"}""");
        JsonNode folder = namedOperation("cf", reply).path("response");
        assertEquals("folders/100000000001", folder.path("name").asText());
        assertEquals("ACTIVE", folder.path("state").asText());
    }

    private static List<String> displayNames(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.path("folders").forEach(f -> names.add(f.path("displayName").asText()));
        return names;
    }
}
