package dev.policyhub.http.resourcemanager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policyhub.core.hierarchy.NewTagKey;
import dev.policyhub.core.hierarchy.NewTagValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Resource Manager v3 tag bindings over HTTP")
class TagBindingRoutesTest extends ServerTestBase {
    private static final String CRM = "//cloudresourcemanager.googleapis.com/";
    private static final String ESCAPED_PROJECT = "%2F%2Fcloudresourcemanager.googleapis.com%2Fprojects%2F100000000002";
    private static final String BINDING_NAME = "tagBindings/" + ESCAPED_PROJECT + "/tagValues/100000000004";

    /**
     * Organization 123, folder 100000000001 ("prod"), project web-prod = 100000000002 in it, key 123/env =
     * 100000000003 with values dev = 100000000004 and prod = 100000000005.
     */
    @BeforeEach
    void hierarchy() {
        organization123();
        project("web-prod", folder("organizations/123", "prod").name());
        hub.hierarchy().createTagKey(NewTagKey.of("organizations/123", "env"), false);
        hub.hierarchy().createTagValue(NewTagValue.of("tagKeys/100000000003", "dev"), false);
        hub.hierarchy().createTagValue(NewTagValue.of("tagKeys/100000000003", "prod"), false);
    }

    private void bindDevToProject() {
        hub.hierarchy().createTagBinding(CRM + "projects/web-prod", "tagValues/100000000004", "", false);
    }

    @Test
    @DisplayName("create by value name answers an unnamed done operation with the binding, named by project number")
    void createByValue() {
        assertOk("""
                {"done": true,
                 "response": {"@type": "%sTagBinding", "name": "%s",
                              "parent": "//cloudresourcemanager.googleapis.com/projects/100000000002",
                              "tagValue": "tagValues/100000000004", "tagValueNamespacedName": "123/env/dev"}}"""
                .formatted(RM, BINDING_NAME), http.post("/v3/tagBindings", """
                {"parent": "//cloudresourcemanager.googleapis.com/projects/web-prod",
                 "tagValue": "tagValues/100000000004"}"""));
    }

    @Test
    @DisplayName("create by namespaced value name binds the same value; validateOnly=false is accepted")
    void createByNamespacedName() {
        assertOk("""
                {"done": true,
                 "response": {"@type": "%sTagBinding", "name": "%s",
                              "parent": "//cloudresourcemanager.googleapis.com/projects/100000000002",
                              "tagValue": "tagValues/100000000004", "tagValueNamespacedName": "123/env/dev"}}"""
                .formatted(RM, BINDING_NAME), http.post("/v3/tagBindings?validateOnly=false", """
                {"parent": "//cloudresourcemanager.googleapis.com/projects/100000000002",
                 "tagValueNamespacedName": "123/env/dev"}"""));
    }

    @Test
    @DisplayName("list by project id or number answers bindings without tagValueNamespacedName")
    void list() {
        bindDevToProject();
        String expected = """
                {"tagBindings": [{"name": "%s",
                                  "parent": "//cloudresourcemanager.googleapis.com/projects/100000000002",
                                  "tagValue": "tagValues/100000000004"}]}""".formatted(BINDING_NAME);
        assertOk(expected, http.get("/v3/tagBindings?parent=//cloudresourcemanager.googleapis.com/projects/web-prod"));
        assertOk(expected, http.get("/v3/tagBindings?parent=%2F%2Fcloudresourcemanager.googleapis.com%2Fprojects%2F"
                + "100000000002&pageSize=0&pageToken"));
        assertOk("{}", http.get("/v3/tagBindings?parent=//cloudresourcemanager.googleapis.com/folders/100000000001"));
    }

    @Test
    @DisplayName("delete by the name escaped once (project number) answers a done operation with an Empty response")
    void deleteSingleEscaped() {
        bindDevToProject();
        assertOk("""
                {"done": true, "response": {"@type": "type.googleapis.com/google.protobuf.Empty"}}""",
                http.delete("/v3/" + BINDING_NAME));
        assertOk("{}", http.get("/v3/tagBindings?parent=//cloudresourcemanager.googleapis.com/projects/web-prod"));
    }

    @Test
    @DisplayName("delete by the name escaped twice, as clients send it, with the project id")
    void deleteDoubleEscapedWithProjectId() {
        bindDevToProject();
        assertOk("""
                {"done": true, "response": {"@type": "type.googleapis.com/google.protobuf.Empty"}}""",
                http.delete("/v3/tagBindings/%252F%252Fcloudresourcemanager.googleapis.com%252Fprojects%252Fweb-prod"
                        + "/tagValues/100000000004"));
        assertOk("{}", http.get("/v3/tagBindings?parent=//cloudresourcemanager.googleapis.com/projects/web-prod"));
    }

    @Test
    @DisplayName("delete by the name escaped twice with the project number, and of a folder binding")
    void deleteDoubleEscapedWithNumber() {
        bindDevToProject();
        hub.hierarchy().createTagBinding(CRM + "folders/100000000001", "tagValues/100000000005", "", false);
        assertEquals(200, http.delete("/v3/tagBindings/%252F%252Fcloudresourcemanager.googleapis.com%252Fprojects"
                + "%252F100000000002/tagValues/100000000004").status());
        assertEquals(200, http.delete("/v3/tagBindings/%252F%252Fcloudresourcemanager.googleapis.com%252Ffolders"
                + "%252F100000000001/tagValues/100000000005").status());
        assertOk("{}", http.get("/v3/effectiveTags?parent=//cloudresourcemanager.googleapis.com/projects/web-prod"));
    }

    @Test
    @DisplayName("delete of a binding that does not exist is 404 NOT_FOUND")
    void deleteMissing() {
        assertError(404, "NOT_FOUND", "Requested entity was not found.", http.delete("/v3/" + BINDING_NAME));
    }

    @Test
    @DisplayName("exactly one of tagValue and tagValueNamespacedName, and a valid full resource name, are required")
    void invalidRequests() {
        assertBadField("tag_binding.tag_value", http.post("/v3/tagBindings", """
                {"parent": "//cloudresourcemanager.googleapis.com/projects/web-prod",
                 "tagValue": "tagValues/100000000004", "tagValueNamespacedName": "123/env/dev"}"""));
        assertBadField("tag_binding.tag_value", http.post("/v3/tagBindings", """
                {"parent": "//cloudresourcemanager.googleapis.com/projects/web-prod"}"""));
        assertBadField("tag_binding.parent", http.post("/v3/tagBindings", """
                {"parent": "//compute.googleapis.com/projects/web-prod/zones/z/instances/i",
                 "tagValue": "tagValues/100000000004"}"""));
    }

    @Test
    @DisplayName("validateOnly=true answers an unnamed done operation without response, binds nothing, still checks")
    void validateOnly() {
        assertOk("{\"done\": true}", http.post("/v3/tagBindings?validateOnly=true", """
                {"parent": "//cloudresourcemanager.googleapis.com/projects/web-prod",
                 "tagValue": "tagValues/100000000004"}"""));
        assertOk("{}", http.get("/v3/tagBindings?parent=//cloudresourcemanager.googleapis.com/projects/web-prod"));

        bindDevToProject();
        assertPrecondition("ONE_VALUE_PER_KEY", "projects/100000000002",
                http.post("/v3/tagBindings?validate_only=true", """
                        {"parent": "//cloudresourcemanager.googleapis.com/projects/web-prod",
                         "tagValue": "tagValues/100000000005"}"""));
    }

    @Test
    @DisplayName("the same value twice is 409 ALREADY_EXISTS; another value of the key is ONE_VALUE_PER_KEY")
    void oneValuePerKey() {
        bindDevToProject();
        assertError(409, "ALREADY_EXISTS", "Requested entity already exists", http.post("/v3/tagBindings", """
                {"parent": "//cloudresourcemanager.googleapis.com/projects/web-prod",
                 "tagValue": "tagValues/100000000004"}"""));
        assertPrecondition("ONE_VALUE_PER_KEY", "projects/100000000002", http.post("/v3/tagBindings", """
                {"parent": "//cloudresourcemanager.googleapis.com/projects/web-prod",
                 "tagValue": "tagValues/100000000005"}"""));
    }

    @Test
    @DisplayName("a value of another organization's key is 400 FAILED_PRECONDITION TAG_SCOPE; a missing value 403")
    void scope() {
        hub.hierarchy().createOrganization(456L, "other.example", null);
        hub.hierarchy().createTagKey(NewTagKey.of("organizations/456", "env"), false);
        hub.hierarchy().createTagValue(NewTagValue.of("tagKeys/100000000006", "dev"), false);
        assertPrecondition("TAG_SCOPE", "projects/100000000002", http.post("/v3/tagBindings", """
                {"parent": "//cloudresourcemanager.googleapis.com/projects/web-prod",
                 "tagValueNamespacedName": "456/env/dev"}"""));
        assertError(403, "PERMISSION_DENIED",
                "Permission denied on resource 'tagValues/99' (or it may not exist).",
                http.post("/v3/tagBindings", """
                        {"parent": "//cloudresourcemanager.googleapis.com/projects/web-prod",
                         "tagValue": "tagValues/99"}"""));
    }

    @Test
    @DisplayName("a value of a project-owned key bound to another project is 400 FAILED_PRECONDITION TAG_SCOPE")
    void projectKeyScope() {
        project("web-dev", "organizations/123");
        hub.hierarchy().createTagKey(NewTagKey.of("projects/web-prod", "tier"), false);
        hub.hierarchy().createTagValue(NewTagValue.of("tagKeys/100000000007", "front"), false);
        assertPrecondition("TAG_SCOPE", "projects/100000000006", http.post("/v3/tagBindings", """
                {"parent": "//cloudresourcemanager.googleapis.com/projects/web-dev",
                 "tagValueNamespacedName": "web-prod/tier/front"}"""));
        assertEquals(200, http.post("/v3/tagBindings", """
                {"parent": "//cloudresourcemanager.googleapis.com/projects/web-prod",
                 "tagValueNamespacedName": "web-prod/tier/front"}""").status());
    }
}
