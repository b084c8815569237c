package dev.policyhub.http.orgpolicy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.orgpolicy.eval.Decision;
import dev.policyhub.core.orgpolicy.eval.LevelTrace;
import dev.policyhub.core.orgpolicy.eval.RuleTrace;
import dev.policyhub.http.wire.Json;

/**
 * Prints a decision of {@code GET /v2/{resource}/policies/{constraint}:decide} with its explanation. The shape is
 * PolicyHub's own (Google has no such method), so its enums are always names, whatever {@code enum-encoding} says:
 *
 * <pre>{@code
 * {
 *   "resource": "projects/100000000003",        // the target, canonical (project number)
 *   "constraint": "gcp.resourceLocations",
 *   "value": "europe-west3-a",                  // omitted for a boolean constraint
 *   "dryRun": true,                             // only when the dry-run specs were evaluated
 *   "outcome": "DENY",                          // ALLOW | DENY (list), ENFORCED | NOT_ENFORCED (boolean)
 *   "reason": "'europe-west3-a' matches the denied value …",
 *   "decidingResource": "projects/100000000003",// with decidingRule: omitted when the constraint default decided
 *   "decidingRule": 0,                          // index of the deciding rule in that resource's spec
 *   "levels": [                                 // the hierarchy from the organization down to the target
 *     {
 *       "resource": "organizations/123",
 *       "policy": "organizations/123/policies/gcp.resourceLocations",  // omitted when the level has no policy
 *       "effect": "REPLACES_PARENT",            // NO_POLICY | MERGES_WITH_PARENT | REPLACES_PARENT |
 *                                               // FALLS_BACK_TO_DEFAULT | RESETS_TO_DEFAULT | NOT_CONSULTED
 *       "rules": [                              // omitted when empty
 *         {"index": 0, "summary": "{allowedValues=[in:eu-locations]}", "condition": "resource.matchTag(…)",
 *          "applies": true, "matchedTags": ["123/env/prod"]}  // condition and matchedTags omitted when empty
 *       ]
 *     }
 *   ]
 * }
 * }</pre>
 */
final class DecisionJson {
    private DecisionJson() {
    }

    static ObjectNode decision(Decision decision, boolean dryRun) {
        ObjectNode out = Json.object();
        out.put("resource", decision.resource());
        out.put("constraint", decision.constraint());
        PolicyJsonWriter.putString(out, "value", decision.value());
        if (dryRun) {
            out.put("dryRun", true);
        }
        out.put("outcome", decision.outcome().name());
        out.put("reason", decision.reason());
        if (decision.decidingRule() >= 0) {
            out.put("decidingResource", decision.decidingResource());
            out.put("decidingRule", decision.decidingRule());
        }
        ArrayNode levels = out.putArray("levels");
        decision.levels().forEach(level -> levels.add(level(level)));
        return out;
    }

    private static ObjectNode level(LevelTrace level) {
        ObjectNode out = Json.object();
        out.put("resource", level.resource());
        PolicyJsonWriter.putString(out, "policy", level.policy());
        out.put("effect", level.effect().name());
        if (!level.rules().isEmpty()) {
            ArrayNode rules = out.putArray("rules");
            level.rules().forEach(rule -> rules.add(rule(rule)));
        }
        return out;
    }

    private static ObjectNode rule(RuleTrace rule) {
        ObjectNode out = Json.object();
        out.put("index", rule.index());
        out.put("summary", rule.summary());
        PolicyJsonWriter.putString(out, "condition", rule.condition());
        out.put("applies", rule.applies());
        PolicyJsonWriter.putStrings(out, "matchedTags", rule.matchedTags());
        return out;
    }
}
