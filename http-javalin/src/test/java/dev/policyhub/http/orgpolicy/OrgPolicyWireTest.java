package dev.policyhub.http.orgpolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.core.orgpolicy.ActionType;
import dev.policyhub.core.orgpolicy.CustomConstraint;
import dev.policyhub.core.orgpolicy.Expr;
import dev.policyhub.core.orgpolicy.MethodType;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;
import dev.policyhub.core.orgpolicy.StringValues;
import dev.policyhub.http.wire.ApiError;
import dev.policyhub.http.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link OrgPolicyWire}'s readers, which seed files use too, map v2 JSON onto core's records one to one. */
@DisplayName("OrgPolicyWire reads v2 JSON into core records")
class OrgPolicyWireTest {

    @Test
    @DisplayName("a policy as a client sends it, with server stamps and the deprecated alternate dropped")
    void readPolicy() {
        Policy policy = OrgPolicyWire.readPolicy(parse("""
                {"name": "projects/p1/policies/essentialcontacts.managed.allowedContactDomains",
                 "etag": "Bx2Ot8Qn3vU=",
                 "spec": {"etag": "x", "updateTime": "2024-01-01T00:00:00Z",
                          "rules": [{"enforce": true, "parameters": {"allowedDomains": ["@example.com"],
                                                                      "n": 3, "f": 1.5, "b": false, "z": null}},
                                    {"enforce": false, "condition": {"expression": "resource.hasTagKey('1/env')",
                                                                     "title": "t"}}]},
                 "dry_run_spec": {"reset": true},
                 "alternate": {"launch": "l"}}"""), "policy");

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("allowedDomains", List.of("@example.com"));
        parameters.put("n", 3L);
        parameters.put("f", 1.5);
        parameters.put("b", false);
        parameters.put("z", null);
        assertEquals(new Policy("projects/p1/policies/essentialcontacts.managed.allowedContactDomains",
                Optional.of(new PolicySpec("", Optional.empty(), List.of(
                        PolicyRule.enforce(true).withParameters(parameters),
                        new PolicyRule(new PolicyRule.Enforce(false),
                                Optional.of(new Expr("resource.hasTagKey('1/env')", "t", "", "")), Map.of())),
                        false, false)),
                Optional.of(PolicySpec.resetToDefault()), "Bx2Ot8Qn3vU="), policy);
    }

    @Test
    @DisplayName("a rule's kind is taken as written: none, one (false included) or several members")
    void ruleKinds() {
        Policy policy = OrgPolicyWire.readPolicy(parse("""
                {"spec": {"inheritFromParent": true, "rules": [
                  {}, {"allowAll": false}, {"deny_all": true},
                  {"values": {"allowedValues": ["a"], "deniedValues": ["b"]}, "enforce": true}]}}"""),
                "policy");

        List<PolicyRule.Kind> kinds = policy.spec().orElseThrow().rules().stream().map(PolicyRule::kind).toList();
        assertEquals(List.of(new PolicyRule.NoKind(), new PolicyRule.AllowAll(false), new PolicyRule.DenyAll(true),
                new PolicyRule.SeveralKinds(List.of(new PolicyRule.Values(new StringValues(List.of("a"),
                        List.of("b"))), new PolicyRule.Enforce(true)))), kinds);
        assertEquals("", policy.name());
    }

    @Test
    @DisplayName("a custom constraint with enums as numbers or names")
    void readCustomConstraint() {
        CustomConstraint constraint = OrgPolicyWire.readCustomConstraint(parse("""
                {"name": "organizations/1/customConstraints/custom.x",
                 "resourceTypes": ["container.googleapis.com/Cluster"],
                 "methodTypes": [1, "UPDATE"], "condition": "resource.enabled", "actionType": 2,
                 "displayName": "X", "description": "d", "updateTime": "2024-01-01T00:00:00Z"}"""),
                "custom_constraint");

        assertEquals(new CustomConstraint("organizations/1/customConstraints/custom.x",
                List.of("container.googleapis.com/Cluster"), List.of(MethodType.CREATE, MethodType.UPDATE),
                "resource.enabled", ActionType.DENY, "X", "d", Optional.empty()), constraint);
    }

    @Test
    @DisplayName("errors name fields under the caller's path")
    void errorPaths() {
        ApiError unknown = assertThrows(ApiError.class, () -> OrgPolicyWire.readPolicy(
                parse("{\"spec\": {\"rules\": [{\"enforce\": true, \"colour\": 1}]}}"), "policies[3]"));
        ApiError wrongType = assertThrows(ApiError.class, () -> OrgPolicyWire.readCustomConstraint(
                parse("{\"methodTypes\": \"CREATE\"}"), "custom_constraints[0]"));

        assertEquals("Invalid JSON payload received. Unknown name \"colour\" at 'policies[3].spec.rules[0]':"
                + " Cannot find field.", unknown.getMessage());
        assertEquals("custom_constraints[0].method_types", wrongType.fieldViolations().get(0).field());
    }

    @Test
    @DisplayName("writing what was read gives back the same JSON for a stored policy")
    void roundTrip() {
        String json = """
                {"name":"projects/100000000003/policies/gcp.resourceLocations",\
                "spec":{"rules":[{"values":{"allowedValues":["in:eu-locations"]}},\
                {"allowAll":false,"condition":{"expression":"resource.matchTag('1/env', 'dev')"}}],\
                "inheritFromParent":true},\
                "dryRunSpec":{"rules":[{"denyAll":true}]},"etag":"k1Zp0aQw9sE="}""";

        Policy policy = OrgPolicyWire.readPolicy(parse(json), "policy");

        assertEquals(json, new String(Json.print(OrgPolicyWire.writePolicy(policy), false), StandardCharsets.UTF_8));
    }

    private static JsonNode parse(String json) {
        return Json.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
