package dev.policyhub.http.resourcemanager;

import dev.policyhub.http.support.RawHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.core.hierarchy.NewTagKey;
import dev.policyhub.core.hierarchy.NewTagValue;
import dev.policyhub.core.hierarchy.TagKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Resource Manager v3 tag keys over HTTP")
class TagKeyRoutesTest extends ServerTestBase {

    private TagKey envKey() {
        return hub.hierarchy().createTagKey(NewTagKey.of("organizations/123", "env"), false);
    }

    @Test
    @DisplayName("create answers operations/tk with the key; purpose and purposeData are echoed")
    void create() {
        organization123();
        JsonNode operation = namedOperation("tk", http.post("/v3/tagKeys", """
                {"parent": "organizations/123", "shortName": "env", "description": "Environment",
                 "purpose": "GCE_FIREWALL", "purposeData": {"network": "projects/p/global/networks/n"}}"""));
        TagKey stored = hub.hierarchy().getTagKey("tagKeys/100000000001");
        String expected = """
                {"name": "NAME", "metadata": {"@type": "%sCreateTagKeyMetadata"}, "done": true,
                 "response": {"@type": "%sTagKey", "name": "tagKeys/100000000001", "parent": "organizations/123",
                              "shortName": "env", "namespacedName": "123/env", "description": "Environment",
                              "createTime": "%s", "updateTime": "%s", "etag": "%s", "purpose": %s,
                              "purposeData": {"network": "projects/p/global/networks/n"}}}""";
        assertJson(expected.formatted(RM, RM, stamp(1), stamp(1), stored.etag(), "\"GCE_FIREWALL\""), operation);

        RawHttp.Reply asInt = http.get("/v3/tagKeys/100000000001?$alt=json;enum-encoding=int");
        assertEquals(1, asInt.json().path("purpose").asInt(), asInt.text());
    }

    @Test
    @DisplayName("create with purpose given as a number, and with enum-encoding=int, prints the number")
    void purposeAsNumber() {
        organization123();
        RawHttp.Reply reply = http.post("/v3/tagKeys?$alt=json;enum-encoding%3Dint", """
                {"parent": "organizations/123", "shortName": "fw", "purpose": 1}""");
        String intEnums = "?$alt=json;enum-encoding=int";
        assertEquals(1, namedOperation("tk", reply, intEnums).path("response").path("purpose").asInt(),
                reply.text());
        RawHttp.Reply named = http.get("/v3/" + reply.json().path("name").asText());
        assertEquals("GCE_FIREWALL", named.json().path("response").path("purpose").asText(), named.text());
        assertError(400, "INVALID_ARGUMENT", null, http.post("/v3/tagKeys", """
                {"parent": "organizations/123", "shortName": "fw2", "purpose": "NOT_A_PURPOSE"}"""));
    }

    @Test
    @DisplayName("validateOnly=true answers a done operation without response and stores nothing")
    void validateOnly() {
        organization123();
        JsonNode operation = namedOperation("tk", http.post("/v3/tagKeys?validateOnly=true", """
                {"parent": "organizations/123", "shortName": "env"}"""));
        assertJson("""
                {"name": "NAME", "metadata": {"@type": "%sCreateTagKeyMetadata"}, "done": true}""".formatted(RM),
                operation);
        assertOk("{}", http.get("/v3/tagKeys?parent=organizations/123"));
        assertBadField("tag_key.short_name", http.post("/v3/tagKeys?validate_only=true", """
                {"parent": "organizations/123", "shortName": "-env"}"""));
    }

    @Test
    @DisplayName("get by name and by namespaced name answer the same key; a project key uses its number and id")
    void getAndNamespaced() {
        organization123();
        TagKey env = envKey();
        String expected = """
                {"name": "tagKeys/100000000001", "parent": "organizations/123", "shortName": "env",
                 "namespacedName": "123/env", "createTime": "%s", "updateTime": "%s", "etag": "%s"}"""
                .formatted(stamp(1), stamp(1), env.etag());
        assertOk(expected, http.get("/v3/tagKeys/100000000001"));
        assertOk(expected, http.get("/v3/tagKeys/namespaced?name=123/env"));
        assertOk(expected, http.get("/v3/tagKeys/namespaced?name=123%2Fenv"));

        project("web-prod", "organizations/123");
        JsonNode projectKey = namedOperation("tk", http.post("/v3/tagKeys", """
                {"parent": "projects/web-prod", "shortName": "tier"}""")).path("response");
        assertEquals("projects/100000000002", projectKey.path("parent").asText());
        assertEquals("web-prod/tier", projectKey.path("namespacedName").asText());
    }

    @Test
    @DisplayName("list pages through the keys of a parent")
    void list() {
        organization123();
        envKey();
        hub.hierarchy().createTagKey(NewTagKey.of("organizations/123", "team"), false);
        RawHttp.Reply first = http.get("/v3/tagKeys?parent=organizations/123&pageSize=1");
        assertEquals("123/env", first.json().path("tagKeys").path(0).path("namespacedName").asText());
        RawHttp.Reply second = http.get("/v3/tagKeys?parent=organizations/123&pageSize=1&pageToken="
                + first.json().path("nextPageToken").asText());
        assertEquals("123/team", second.json().path("tagKeys").path(0).path("namespacedName").asText());
        assertFalse(second.json().has("nextPageToken"));
        assertEquals(2, http.get("/v3/tagKeys?parent=organizations/123").json().path("tagKeys").size());
    }

    @Test
    @DisplayName("PATCH sets the description with updateMask, checks a given etag, and works by method override")
    void patch() {
        organization123();
        TagKey env = envKey();
        JsonNode patched = namedOperation("tk", http.patch("/v3/tagKeys/100000000001?updateMask=description", """
                {"name": "tagKeys/100000000001", "shortName": "env", "description": "Where it runs",
                 "etag": "%s"}""".formatted(env.etag())));
        TagKey stored = hub.hierarchy().getTagKey(env.name());
        assertJson("""
                {"name": "NAME", "metadata": {"@type": "%sUpdateTagKeyMetadata"}, "done": true,
                 "response": {"@type": "%sTagKey", "name": "tagKeys/100000000001", "parent": "organizations/123",
                              "shortName": "env", "namespacedName": "123/env", "description": "Where it runs",
                              "createTime": "%s", "updateTime": "%s", "etag": "%s"}}"""
                .formatted(RM, RM, stamp(1), stamp(2), stored.etag()), patched);

        assertError(409, "ABORTED", "The etag does not match the current version.",
                http.patchByOverride("/v3/tagKeys/100000000001?updateMask=description", """
                        {"description": "stale", "etag": "%s"}""".formatted(env.etag())));
        JsonNode overridden = namedOperation("tk", http.patchByOverride(
                "/v3/tagKeys/100000000001?updateMask=description&validateOnly=false", """
                        {"description": "Again"}""")).path("response");
        assertEquals("Again", overridden.path("description").asText());
        assertBadField("update_mask", http.patch("/v3/tagKeys/100000000001?updateMask=shortName", """
                {"shortName": "other"}"""));
    }

    @Test
    @DisplayName("validateOnly=true on PATCH and DELETE answers a done operation without response and changes nothing")
    void validateOnlyPatchAndDelete() {
        organization123();
        TagKey env = envKey();
        JsonNode patched = namedOperation("tk", http.patch(
                "/v3/tagKeys/100000000001?updateMask=description&validateOnly=true", """
                        {"description": "dry"}"""));
        JsonNode deleted = namedOperation("tk", http.delete("/v3/tagKeys/100000000001?validate_only=true"));

        assertJson("""
                {"name": "NAME", "metadata": {"@type": "%sUpdateTagKeyMetadata"}, "done": true}""".formatted(RM),
                patched);
        assertJson("""
                {"name": "NAME", "metadata": {"@type": "%sDeleteTagKeyMetadata"}, "done": true}""".formatted(RM),
                deleted);
        assertEquals(env, hub.hierarchy().getTagKey(env.name()));
        assertError(409, "ABORTED", "The etag does not match the current version.",
                http.patch("/v3/tagKeys/100000000001?validateOnly=true", """
                        {"description": "dry", "etag": "stale"}"""));
        assertError(409, "ABORTED", "The etag does not match the current version.",
                http.delete("/v3/tagKeys/100000000001?etag=stale&validateOnly=true"));
    }

    @Test
    @DisplayName("delete checks the etag, refuses a key with values, and answers DeleteTagKeyMetadata with the key")
    void delete() {
        organization123();
        TagKey env = envKey();
        hub.hierarchy().createTagValue(NewTagValue.of(env.name(), "dev"), false);
        assertPrecondition("KEY_HAS_VALUES", env.name(), http.delete("/v3/tagKeys/100000000001"));
        hub.hierarchy().deleteTagValue("tagValues/100000000002", "", false);

        assertError(409, "ABORTED", "The etag does not match the current version.",
                http.delete("/v3/tagKeys/100000000001?etag=stale"));
        JsonNode deleted = namedOperation("tk", http.delete("/v3/tagKeys/100000000001?etag=" + env.etag()
                .replace("+", "%2B").replace("/", "%2F").replace("=", "%3D") + "&validateOnly=false"));
        assertJson("""
                {"name": "NAME", "metadata": {"@type": "%sDeleteTagKeyMetadata"}, "done": true,
                 "response": {"@type": "%sTagKey", "name": "tagKeys/100000000001", "parent": "organizations/123",
                              "shortName": "env", "namespacedName": "123/env", "createTime": "%s",
                              "updateTime": "%s", "etag": "%s"}}"""
                .formatted(RM, RM, stamp(1), stamp(1), env.etag()), deleted);
        assertError(403, "PERMISSION_DENIED", null, http.get("/v3/tagKeys/100000000001"));
    }

    @Test
    @DisplayName("an invalid short name is 400, a duplicate is 409 ALREADY_EXISTS, a missing key is 403")
    void errors() {
        organization123();
        assertBadField("tag_key.short_name", http.post("/v3/tagKeys", """
                {"parent": "organizations/123", "shortName": "env!"}"""));
        envKey();
        assertError(409, "ALREADY_EXISTS", "Requested entity already exists", http.post("/v3/tagKeys", """
                {"parent": "organizations/123", "shortName": "env"}"""));
        assertError(403, "PERMISSION_DENIED",
                "Permission denied on resource 'tagKeys/9' (or it may not exist).", http.get("/v3/tagKeys/9"));
        assertError(403, "PERMISSION_DENIED",
                "Permission denied on resource '123/nope' (or it may not exist).",
                http.get("/v3/tagKeys/namespaced?name=123/nope"));
        assertBadField("name", http.get("/v3/tagKeys/namespaced?name="));
        assertBadField("name", http.get("/v3/tagKeys/namespaced"));
        assertError(403, "PERMISSION_DENIED",
                "Permission denied on resource 'organizations/9' (or it may not exist).",
                http.post("/v3/tagKeys", """
                        {"parent": "organizations/9", "shortName": "env"}"""));
    }

    @Test
    @DisplayName("a 1001st key under one parent is 400 FAILED_PRECONDITION TOO_MANY_TAG_KEYS")
    void tooManyKeys() {
        organization123();
        for (int i = 0; i < 1000; i++) {
            hub.hierarchy().createTagKey(NewTagKey.of("organizations/123", "k" + i), false);
        }
        assertPrecondition("TOO_MANY_TAG_KEYS", "organizations/123", http.post("/v3/tagKeys", """
                {"parent": "organizations/123", "shortName": "one-too-many"}"""));
    }
}
