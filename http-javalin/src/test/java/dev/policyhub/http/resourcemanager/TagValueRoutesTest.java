package dev.policyhub.http.resourcemanager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.core.hierarchy.NewTagKey;
import dev.policyhub.core.hierarchy.NewTagValue;
import dev.policyhub.core.hierarchy.TagValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Resource Manager v3 tag values over HTTP")
class TagValueRoutesTest extends ServerTestBase {

    /** Organization 123 with key {@code tagKeys/100000000001} ({@code 123/env}): writes 0 and 1. */
    @BeforeEach
    void envKey() {
        organization123();
        hub.hierarchy().createTagKey(NewTagKey.of("organizations/123", "env"), false);
    }

    private TagValue dev() {
        return hub.hierarchy().createTagValue(NewTagValue.of("tagKeys/100000000001", "dev"), false);
    }

    @Test
    @DisplayName("create answers operations/tv with the value and its namespaced name")
    void create() {
        JsonNode operation = namedOperation("tv", http.post("/v3/tagValues", """
                {"parent": "tagKeys/100000000001", "shortName": "dev", "description": "Development"}"""));
        TagValue stored = hub.hierarchy().getTagValue("tagValues/100000000002");
        assertJson("""
                {"name": "NAME", "metadata": {"@type": "%sCreateTagValueMetadata"}, "done": true,
                 "response": {"@type": "%sTagValue", "name": "tagValues/100000000002",
                              "parent": "tagKeys/100000000001", "shortName": "dev", "namespacedName": "123/env/dev",
                              "description": "Development", "createTime": "%s", "updateTime": "%s", "etag": "%s"}}"""
                .formatted(RM, RM, stamp(2), stamp(2), stored.etag()), operation);
    }

    @Test
    @DisplayName("validateOnly=true answers a done operation without response and stores nothing")
    void validateOnly() {
        JsonNode operation = namedOperation("tv", http.post("/v3/tagValues?validateOnly=true", """
                {"parent": "tagKeys/100000000001", "shortName": "dev"}"""));
        assertJson("""
                {"name": "NAME", "metadata": {"@type": "%sCreateTagValueMetadata"}, "done": true}""".formatted(RM),
                operation);
        assertOk("{}", http.get("/v3/tagValues?parent=tagKeys/100000000001"));
    }

    @Test
    @DisplayName("get, namespaced get and list answer the value")
    void getAndList() {
        TagValue dev = dev();
        String expected = """
                {"name": "tagValues/100000000002", "parent": "tagKeys/100000000001", "shortName": "dev",
                 "namespacedName": "123/env/dev", "createTime": "%s", "updateTime": "%s", "etag": "%s"}"""
                .formatted(stamp(2), stamp(2), dev.etag());
        assertOk(expected, http.get("/v3/tagValues/100000000002"));
        assertOk(expected, http.get("/v3/tagValues/namespaced?name=123/env/dev"));
        assertOk("{\"tagValues\": [" + expected + "]}", http.get("/v3/tagValues?parent=tagKeys/100000000001"));
    }

    @Test
    @DisplayName("PATCH sets the description; a stale etag is 409 ABORTED")
    void patch() {
        TagValue dev = dev();
        JsonNode patched = namedOperation("tv", http.patchByOverride(
                "/v3/tagValues/100000000002?updateMask=description", """
                        {"description": "Dev", "etag": "%s"}""".formatted(dev.etag()))).path("response");
        assertEquals("Dev", patched.path("description").asText());
        assertEquals(stamp(3), patched.path("updateTime").asText());
        assertError(409, "ABORTED", "The etag does not match the current version.",
                http.patch("/v3/tagValues/100000000002", """
                        {"description": "Stale", "etag": "%s"}""".formatted(dev.etag())));
    }

    @Test
    @DisplayName("delete refuses a bound value (VALUE_IN_USE) and a stale etag, then answers DeleteTagValueMetadata")
    void delete() {
        TagValue dev = dev();
        project("web-prod", "organizations/123");
        hub.hierarchy().createTagBinding("//cloudresourcemanager.googleapis.com/projects/web-prod", dev.name(), "",
                false);
        assertPrecondition("VALUE_IN_USE", dev.name(), http.delete("/v3/tagValues/100000000002"));
        hub.hierarchy().deleteTagBinding("tagBindings/%2F%2Fcloudresourcemanager.googleapis.com%2Fprojects"
                + "%2F100000000003/tagValues/100000000002");
        assertError(409, "ABORTED", null, http.delete("/v3/tagValues/100000000002?etag=stale"));
        JsonNode deleted = namedOperation("tv", http.delete("/v3/tagValues/100000000002"));
        assertEquals(RM + "DeleteTagValueMetadata", deleted.path("metadata").path("@type").asText());
        assertEquals("123/env/dev", deleted.path("response").path("namespacedName").asText());
        assertError(403, "PERMISSION_DENIED", null, http.get("/v3/tagValues/100000000002"));
    }

    @Test
    @DisplayName("validateOnly=true on PATCH and DELETE answers a done operation without response and changes nothing")
    void validateOnlyPatchAndDelete() {
        TagValue dev = dev();
        JsonNode patched = namedOperation("tv", http.patch("/v3/tagValues/100000000002?validateOnly=true", """
                {"description": "dry"}"""));
        JsonNode deleted = namedOperation("tv", http.delete("/v3/tagValues/100000000002?validateOnly=true"));

        assertJson("""
                {"name": "NAME", "metadata": {"@type": "%sUpdateTagValueMetadata"}, "done": true}""".formatted(RM),
                patched);
        assertJson("""
                {"name": "NAME", "metadata": {"@type": "%sDeleteTagValueMetadata"}, "done": true}""".formatted(RM),
                deleted);
        assertEquals(dev, hub.hierarchy().getTagValue(dev.name()));
        project("web-prod", "organizations/123");
        hub.hierarchy().createTagBinding("//cloudresourcemanager.googleapis.com/projects/web-prod", dev.name(), "",
                false);
        assertPrecondition("VALUE_IN_USE", dev.name(),
                http.delete("/v3/tagValues/100000000002?validateOnly=true"));
    }

    @Test
    @DisplayName("an invalid short name is 400, a duplicate is 409, a missing key or value is 403")
    void errors() {
        assertBadField("tag_value.short_name", http.post("/v3/tagValues", """
                {"parent": "tagKeys/100000000001", "shortName": ""}"""));
        dev();
        assertError(409, "ALREADY_EXISTS", "Requested entity already exists", http.post("/v3/tagValues", """
                {"parent": "tagKeys/100000000001", "shortName": "dev"}"""));
        assertError(403, "PERMISSION_DENIED",
                "Permission denied on resource 'tagKeys/5' (or it may not exist).", http.post("/v3/tagValues", """
                        {"parent": "tagKeys/5", "shortName": "dev"}"""));
        assertError(403, "PERMISSION_DENIED",
                "Permission denied on resource '123/env/prod' (or it may not exist).",
                http.get("/v3/tagValues/namespaced?name=123/env/prod"));
        assertBadField("name", http.get("/v3/tagValues/namespaced?name="));
        assertBadField("name", http.get("/v3/tagValues/namespaced"));
    }
}
