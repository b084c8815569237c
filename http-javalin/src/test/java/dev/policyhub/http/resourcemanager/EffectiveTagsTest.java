package dev.policyhub.http.resourcemanager;

import dev.policyhub.http.support.RawHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.policyhub.core.hierarchy.NewFolder;
import dev.policyhub.core.hierarchy.NewProject;
import dev.policyhub.core.hierarchy.NewTagKey;
import dev.policyhub.core.hierarchy.NewTagValue;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Resource Manager v3 effective tags over HTTP")
class EffectiveTagsTest extends ServerTestBase {
    private static final String CRM = "//cloudresourcemanager.googleapis.com/";

    /** Organization 1, folder 11, project 101 (web-prod) in it; key 1/env = 501 with dev = 601, prod = 602. */
    @BeforeEach
    void hierarchy() {
        hub.hierarchy().createOrganization(1L, "example.com", null);
        hub.hierarchy().createFolder(new NewFolder(11, "organizations/1", "prod", Map.of()));
        hub.hierarchy().createProject(new NewProject(101, "web-prod", "folders/11", "", Map.of(), Map.of()));
        hub.hierarchy().createTagKey(NewTagKey.of("organizations/1", "env").withId(501), false);
        hub.hierarchy().createTagValue(NewTagValue.of("tagKeys/501", "dev").withId(601), false);
        hub.hierarchy().createTagValue(NewTagValue.of("tagKeys/501", "prod").withId(602), false);
        hub.hierarchy().createTagBinding(CRM + "folders/11", "tagValues/601", "", false);
    }

    @Test
    @DisplayName("a value bound to the folder applies to its project, marked inherited")
    void inherited() {
        assertOk("""
                {"effectiveTags": [{"tagValue": "tagValues/601", "namespacedTagValue": "1/env/dev",
                  "tagKey": "tagKeys/501", "namespacedTagKey": "1/env", "tagKeyParentName": "organizations/1",
                  "inherited": true}]}""", http.get("/v3/effectiveTags?parent=" + CRM + "projects/101"));
        assertOk("""
                {"effectiveTags": [{"tagValue": "tagValues/601", "namespacedTagValue": "1/env/dev",
                  "tagKey": "tagKeys/501", "namespacedTagKey": "1/env", "tagKeyParentName": "organizations/1"}]}""",
                http.get("/v3/effectiveTags?parent=" + CRM + "folders/11"));
    }

    @Test
    @DisplayName("a nearer binding of another value replaces the inherited one and is not inherited")
    void nearerBindingWins() {
        hub.hierarchy().createTagBinding(CRM + "projects/web-prod", "tagValues/602", "", false);
        assertOk("""
                {"effectiveTags": [{"tagValue": "tagValues/602", "namespacedTagValue": "1/env/prod",
                  "tagKey": "tagKeys/501", "namespacedTagKey": "1/env", "tagKeyParentName": "organizations/1"}]}""",
                http.get("/v3/effectiveTags?parent=" + CRM + "projects/web-prod"));
    }

    @Test
    @DisplayName("one entry per key ordered by namespaced key, in pages; a project-owned key names its number")
    void orderAndPaging() {
        hub.hierarchy().createTagKey(NewTagKey.of("projects/web-prod", "app").withId(502), false);
        hub.hierarchy().createTagValue(NewTagValue.of("tagKeys/502", "shop").withId(603), false);
        hub.hierarchy().createTagBinding(CRM + "projects/101", "tagValues/603", "", false);
        RawHttp.Reply first = http.get("/v3/effectiveTags?parent=" + CRM + "projects/web-prod&pageSize=1");
        assertEquals("1/env", first.json().path("effectiveTags").path(0).path("namespacedTagKey").asText());
        RawHttp.Reply second = http.get("/v3/effectiveTags?parent=" + CRM + "projects/web-prod&pageSize=1&pageToken="
                + first.json().path("nextPageToken").asText());
        assertOk("""
                {"effectiveTags": [{"tagValue": "tagValues/603", "namespacedTagValue": "web-prod/app/shop",
                  "tagKey": "tagKeys/502", "namespacedTagKey": "web-prod/app", "tagKeyParentName": "projects/101"}]}""",
                second);
        assertFalse(second.json().has("nextPageToken"));
    }

    @Test
    @DisplayName("a parent that is no full resource name is 400; an unknown resource is 403")
    void badParent() {
        assertBadField("parent", http.get("/v3/effectiveTags?parent=//storage.googleapis.com/buckets/b"));
        assertError(403, "PERMISSION_DENIED", null, http.get("/v3/effectiveTags?parent=" + CRM + "folders/12"));
    }
}
