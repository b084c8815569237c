package dev.policyhub.storage.jdbc;

import dev.policyhub.core.orgpolicy.Expr;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;
import dev.policyhub.core.orgpolicy.StringValues;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A policy spec as the JSON of a {@code spec} or {@code dry_run_spec} column: its etag, optional update time, flags
 * and rules; each rule holds its kind (one key naming it, or {@code several} for input with more than one), its
 * optional condition and its parameters.
 */
final class PolicySpecs {
    private PolicySpecs() {
    }

    static String write(PolicySpec spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("etag", spec.etag());
        spec.updateTime().ifPresent(time -> out.put("updateTime", time.toString()));
        out.put("inheritFromParent", spec.inheritFromParent());
        out.put("reset", spec.reset());
        List<Object> rules = new ArrayList<>();
        spec.rules().forEach(rule -> rules.add(rule(rule)));
        out.put("rules", rules);
        return Json.write(out);
    }

    static PolicySpec read(String json) {
        JsonFields spec = JsonFields.parse(json);
        Optional<Instant> updateTime = spec.has("updateTime")
                ? Optional.of(Instant.parse(spec.string("updateTime")))
                : Optional.empty();
        List<PolicyRule> rules = new ArrayList<>();
        spec.list("rules").forEach(rule -> rules.add(rule(JsonFields.of(rule))));
        return new PolicySpec(spec.string("etag"), updateTime, rules, spec.bool("inheritFromParent"),
                spec.bool("reset"));
    }

    private static Map<String, Object> rule(PolicyRule rule) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", kind(rule.kind()));
        rule.condition().ifPresent(condition -> out.put("condition", Map.of(
                "expression", condition.expression(),
                "title", condition.title(),
                "description", condition.description(),
                "location", condition.location())));
        out.put("parameters", rule.parameters());
        return out;
    }

    private static PolicyRule rule(JsonFields rule) {
        Optional<Expr> condition = Optional.empty();
        if (rule.has("condition")) {
            JsonFields c = JsonFields.of(rule.object("condition"));
            condition = Optional.of(new Expr(c.string("expression"), c.string("title"), c.string("description"),
                    c.string("location")));
        }
        return new PolicyRule(kind(JsonFields.of(rule.object("kind"))), condition, rule.object("parameters"));
    }

    private static Map<String, Object> kind(PolicyRule.Kind kind) {
        if (kind instanceof PolicyRule.Values v) {
            return Map.of("values", Map.of(
                    "allowedValues", v.values().allowedValues(),
                    "deniedValues", v.values().deniedValues()));
        } else if (kind instanceof PolicyRule.AllowAll a) {
            return Map.of("allowAll", a.value());
        } else if (kind instanceof PolicyRule.DenyAll d) {
            return Map.of("denyAll", d.value());
        } else if (kind instanceof PolicyRule.Enforce e) {
            return Map.of("enforce", e.value());
        } else if (kind instanceof PolicyRule.SeveralKinds several) {
            List<Object> members = new ArrayList<>();
            several.members().forEach(member -> members.add(kind(member)));
            return Map.of("several", members);
        }
        return Map.of();
    }

    private static PolicyRule.Kind kind(JsonFields kind) {
        if (kind.has("values")) {
            JsonFields values = JsonFields.of(kind.object("values"));
            return new PolicyRule.Values(new StringValues(JsonFields.strings(values.list("allowedValues")),
                    JsonFields.strings(values.list("deniedValues"))));
        } else if (kind.has("allowAll")) {
            return new PolicyRule.AllowAll(kind.bool("allowAll"));
        } else if (kind.has("denyAll")) {
            return new PolicyRule.DenyAll(kind.bool("denyAll"));
        } else if (kind.has("enforce")) {
            return new PolicyRule.Enforce(kind.bool("enforce"));
        } else if (kind.has("several")) {
            List<PolicyRule.Kind> members = new ArrayList<>();
            kind.list("several").forEach(member -> members.add(kind(JsonFields.of(member))));
            return new PolicyRule.SeveralKinds(members);
        }
        return new PolicyRule.NoKind();
    }
}
