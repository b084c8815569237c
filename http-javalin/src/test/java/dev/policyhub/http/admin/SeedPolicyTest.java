package dev.policyhub.http.admin;

import dev.policyhub.http.support.RawHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.http.resourcemanager.ServerTestBase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Seed files with custom constraints and policies")
class SeedPolicyTest extends ServerTestBase {

    private static String seed(String extraPolicy) {
        return """
                {
                  "organizations": [ { "name": "organizations/1", "displayName": "example.com" } ],
                  "folders":   [ { "name": "folders/11", "parent": "organizations/1", "displayName": "prod" } ],
                  "projects":  [ { "name": "projects/101", "projectId": "web-prod", "parent": "folders/11" } ],
                  "customConstraints": [
                    { "name": "organizations/1/customConstraints/custom.denyAutoUpgradeOff",
                      "resourceTypes": ["container.googleapis.com/NodePool"], "methodTypes": ["CREATE", "UPDATE"],
                      "condition": "resource.management.autoUpgrade == false", "actionType": "DENY",
                      "displayName": "Keep auto-upgrade on" } ],
                  "policies": [
                    { "name": "projects/web-prod/policies/compute.disableSerialPortAccess",
                      "spec": { "rules": [ { "enforce": true } ] } },
                    { "name": "folders/11/policies/custom.denyAutoUpgradeOff",
                      "spec": { "rules": [ { "enforce": true } ] } }%s ]
                }""".formatted(extraPolicy);
    }

    @Test
    @DisplayName("custom constraints and policies are created after the hierarchy, policies by project id")
    void policies() {
        assertOk("""
                {"organizations": 1, "folders": 1, "projects": 1, "tagKeys": 0, "tagValues": 0, "tagBindings": 0,
                 "customConstraints": 1, "policies": 2,
                 "pulumi": {"organizations": 0, "stacks": 0, "accounts": 0, "policyPacks": 0, "policyGroups": 0}}""", http.post("/admin/v1/seed", seed("")));
        Policy serial = hub.orgPolicies().getPolicy("projects/101/policies/compute.disableSerialPortAccess");
        assertEquals("projects/101/policies/compute.disableSerialPortAccess", serial.name());
        assertEquals("organizations/1/customConstraints/custom.denyAutoUpgradeOff",
                hub.orgPolicies().getCustomConstraint("organizations/1/customConstraints/custom.denyAutoUpgradeOff")
                        .name());
        assertEquals("folders/11/policies/custom.denyAutoUpgradeOff",
                hub.orgPolicies().getPolicy("folders/11/policies/custom.denyAutoUpgradeOff").name());
    }

    @Test
    @DisplayName("a policy on an unknown constraint as last entry rolls back everything, constraints included")
    void allOrNothing() {
        String before = StoreListing.of(hub);
        RawHttp.Reply failed = http.post("/admin/v1/seed", seed("""
                , { "name": "projects/web-prod/policies/compute.noSuchConstraint",
                    "spec": { "rules": [ { "enforce": true } ] } }"""));
        assertError(404, "NOT_FOUND", null, failed);
        assertTrue(failed.json().path("error").path("message").asText().startsWith("policies[2]: "), failed.text());
        assertEquals(before, StoreListing.of(hub));
        assertEquals(200, http.post("/admin/v1/seed", seed("")).status());
    }

    @Test
    @DisplayName("a policy or custom constraint the validation refuses names the entry's field")
    void validationNamesTheField() {
        RawHttp.Reply listOnBoolean = http.post("/admin/v1/seed", seed("""
                , { "name": "projects/web-prod/policies/compute.requireOsLogin",
                    "spec": { "rules": [ { "allowAll": true } ] } }"""));
        assertError(400, "INVALID_ARGUMENT", null, listOnBoolean);
        String field = listOnBoolean.json().path("error").path("details").path(0).path("fieldViolations").path(0)
                .path("field").asText();
        assertTrue(field.startsWith("policies[2].spec.rules[0]"), listOnBoolean.text());

        RawHttp.Reply badConstraint = http.post("/admin/v1/seed", """
                {"organizations": [{"name": "organizations/1"}],
                 "customConstraints": [{"name": "organizations/1/customConstraints/custom.x",
                                        "resourceTypes": ["container.googleapis.com/NodePool"],
                                        "methodTypes": ["CREATE"], "condition": "", "actionType": "DENY"}]}""");
        assertBadField("custom_constraints[0].condition", badConstraint);
        assertEquals("", StoreListing.of(hub));
    }
}
