package dev.policyhub.storage.jdbc;

import dev.policyhub.core.policygroups.EnforcementLevel;
import dev.policyhub.core.policygroups.PackPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The policies of a pack version as the JSON of the {@code policies} column: an array of objects, one per policy. */
final class PackPolicies {
    private PackPolicies() {
    }

    static String write(List<PackPolicy> policies) {
        List<Object> out = new ArrayList<>();
        for (PackPolicy p : policies) {
            Map<String, Object> policy = new LinkedHashMap<>();
            policy.put("name", p.name());
            policy.put("displayName", p.displayName());
            policy.put("description", p.description());
            policy.put("enforcementLevel", p.enforcementLevel().name());
            policy.put("message", p.message());
            policy.put("configSchema", p.configSchema());
            policy.put("severity", p.severity());
            policy.put("framework", p.framework());
            policy.put("tags", p.tags());
            policy.put("remediationSteps", p.remediationSteps());
            policy.put("url", p.url());
            out.add(policy);
        }
        return Json.write(out);
    }

    static List<PackPolicy> read(String json) {
        List<PackPolicy> policies = new ArrayList<>();
        for (Object item : JsonFields.array(Json.read(json))) {
            JsonFields p = JsonFields.of(item);
            policies.add(new PackPolicy(p.string("name"), p.string("displayName"), p.string("description"),
                    EnforcementLevel.valueOf(p.string("enforcementLevel")), p.string("message"),
                    p.object("configSchema"), p.string("severity"), p.object("framework"),
                    JsonFields.strings(p.list("tags")), p.string("remediationSteps"), p.string("url")));
        }
        return policies;
    }
}
