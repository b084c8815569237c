package dev.policyhub.http.orgpolicy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.orgpolicy.Expr;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;
import dev.policyhub.http.wire.Json;
import dev.policyhub.http.wire.WireFormat;
import java.util.List;

/**
 * Prints a v2 Policy as protobuf JSON: lowerCamel names, unset fields omitted, and a rule's kind member printed even
 * when it is {@code false} (oneof presence).
 */
final class PolicyJsonWriter {
    private PolicyJsonWriter() {
    }

    static ObjectNode policy(Policy policy) {
        ObjectNode out = Json.object();
        putString(out, "name", policy.name());
        policy.spec().ifPresent(spec -> out.set("spec", spec(spec)));
        policy.dryRunSpec().ifPresent(spec -> out.set("dryRunSpec", spec(spec)));
        putString(out, "etag", policy.etag());
        return out;
    }

    private static ObjectNode spec(PolicySpec spec) {
        ObjectNode out = Json.object();
        putString(out, "etag", spec.etag());
        spec.updateTime().ifPresent(time -> out.put("updateTime", WireFormat.timestamp(time)));
        if (!spec.rules().isEmpty()) {
            ArrayNode rules = out.putArray("rules");
            spec.rules().forEach(rule -> rules.add(rule(rule)));
        }
        if (spec.inheritFromParent()) {
            out.put("inheritFromParent", true);
        }
        if (spec.reset()) {
            out.put("reset", true);
        }
        return out;
    }

    private static ObjectNode rule(PolicyRule rule) {
        ObjectNode out = Json.object();
        kind(out, rule.kind());
        rule.condition().ifPresent(condition -> out.set("condition", expr(condition)));
        if (!rule.parameters().isEmpty()) {
            out.set("parameters", StructJson.toJson(rule.parameters()));
        }
        return out;
    }

    private static void kind(ObjectNode out, PolicyRule.Kind kind) {
        if (kind instanceof PolicyRule.Values v) {
            ObjectNode values = out.putObject("values");
            putStrings(values, "allowedValues", v.values().allowedValues());
            putStrings(values, "deniedValues", v.values().deniedValues());
        } else if (kind instanceof PolicyRule.AllowAll a) {
            out.put("allowAll", a.value());
        } else if (kind instanceof PolicyRule.DenyAll d) {
            out.put("denyAll", d.value());
        } else if (kind instanceof PolicyRule.Enforce e) {
            out.put("enforce", e.value());
        } else if (kind instanceof PolicyRule.SeveralKinds several) {
            several.members().forEach(member -> kind(out, member));
        }
    }

    private static ObjectNode expr(Expr expr) {
        ObjectNode out = Json.object();
        putString(out, "expression", expr.expression());
        putString(out, "title", expr.title());
        putString(out, "description", expr.description());
        putString(out, "location", expr.location());
        return out;
    }

    /** Sets a string field unless it is empty (proto3 omits default values). */
    static void putString(ObjectNode out, String field, String value) {
        if (!value.isEmpty()) {
            out.put(field, value);
        }
    }

    /** Sets a repeated string field unless it is empty. */
    static void putStrings(ObjectNode out, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = out.putArray(field);
            values.forEach(array::add);
        }
    }
}
