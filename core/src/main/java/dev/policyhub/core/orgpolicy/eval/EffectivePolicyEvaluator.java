package dev.policyhub.core.orgpolicy.eval;

import dev.policyhub.core.orgpolicy.Constraint;
import dev.policyhub.core.orgpolicy.ConstraintDefault;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;
import dev.policyhub.core.orgpolicy.StringValues;
import dev.policyhub.core.orgpolicy.ValueGroups;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the effective policy of one constraint at one resource and decides values, from the chain of policies
 * (target first, organization last) and the target's effective tags. Booleans: the nearest policy wins, true
 * conditional rules first. Lists: rules are collected up the chain while specs inherit, a reset or a non-inheriting
 * spec cuts the chain, the default is never merged, and denials beat allowances.
 */
public final class EffectivePolicyEvaluator {
    private final Constraint constraint;
    private final ValueGroups groups;
    private final List<HierarchyLevel> chain;
    private final List<TagFact> tags;
    private final SubtreeTest subtrees;

    /**
     * @param chain the target first, then each ancestor up to the organization
     * @param tags  the effective tags of the target; conditions are always evaluated against the target
     */
    public EffectivePolicyEvaluator(Constraint constraint, ValueGroups groups, List<HierarchyLevel> chain,
                                    List<TagFact> tags, SubtreeTest subtrees) {
        this.constraint = Objects.requireNonNull(constraint, "constraint");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.chain = List.copyOf(chain);
        this.tags = List.copyOf(tags);
        this.subtrees = Objects.requireNonNull(subtrees, "subtrees");
        if (this.chain.isEmpty()) {
            throw new IllegalArgumentException("the chain holds at least the target");
        }
    }

    /** The effective policy named {@code name}: one-rule {@code spec}, and {@code dryRunSpec} when any level has one. */
    public Policy effectivePolicy(String name) {
        boolean anyDryRun = chain.stream().anyMatch(l -> l.policy().flatMap(Policy::dryRunSpec).isPresent());
        return new Policy(name, Optional.of(effectiveSpec(SpecKind.LIVE)),
                anyDryRun ? Optional.of(effectiveSpec(SpecKind.DRY_RUN)) : Optional.empty(), "");
    }

    /** The single-rule spec that states the result of evaluation. */
    public PolicySpec effectiveSpec(SpecKind kind) {
        PolicyRule rule = constraint.isList() ? listRule(collect(kind).merged) : booleanRule(kind);
        return new PolicySpec("", Optional.empty(), List.of(rule), false, false);
    }

    /** Decides a value of a list constraint. */
    public Decision decide(String value, SpecKind kind) {
        if (!constraint.isList()) {
            throw new IllegalStateException(constraint.id() + " is a boolean constraint");
        }
        Collected collected = collect(kind);
        Verdict verdict = decideValue(collected.merged, value);
        return new Decision(target(), constraint.id(), value, verdict.outcome, collected.trace, verdict.reason,
                verdict.entry == null ? "" : verdict.entry.resource,
                verdict.entry == null ? -1 : verdict.entry.rule);
    }

    /** Decides whether a boolean constraint is enforced. */
    public Decision decideBoolean(SpecKind kind) {
        if (constraint.isList()) {
            throw new IllegalStateException(constraint.id() + " is a list constraint");
        }
        BooleanResult result = evalBoolean(kind);
        return new Decision(target(), constraint.id(), "", result.enforced ? Outcome.ENFORCED : Outcome.NOT_ENFORCED,
                result.trace, result.reason, result.resource, result.rule);
    }

    private String target() {
        return chain.get(0).node().name();
    }

    // ---- booleans -------------------------------------------------------------------------------------------

    private record BooleanResult(boolean enforced, Map<String, Object> parameters, List<LevelTrace> trace,
                                 String reason, String resource, int rule) {}

    private BooleanResult evalBoolean(SpecKind kind) {
        boolean byDefault = constraint.constraintDefault() == ConstraintDefault.DENY;
        LevelTrace[] trace = new LevelTrace[chain.size()];
        BooleanResult result = null;
        for (int i = 0; i < chain.size(); i++) {
            HierarchyLevel level = chain.get(i);
            Optional<PolicySpec> spec = specOf(level, kind);
            if (result != null) {
                trace[i] = new LevelTrace(level.node().name(), policyName(level), LevelEffect.NOT_CONSULTED,
                        spec.map(s -> ruleTraces(s, null)).orElse(List.of()));
                continue;
            }
            if (spec.isEmpty()) {
                trace[i] = new LevelTrace(level.node().name(), policyName(level), LevelEffect.NO_POLICY, List.of());
                continue;
            }
            PolicySpec s = spec.get();
            String where = level.node().name();
            if (s.reset()) {
                trace[i] = new LevelTrace(where, policyName(level), LevelEffect.RESETS_TO_DEFAULT, List.of());
                result = new BooleanResult(byDefault, Map.of(), null, where + " resets the policy: the constraint"
                        + " default (" + constraint.constraintDefault() + ") applies", "", -1);
                continue;
            }
            boolean[] applies = new boolean[s.rules().size()];
            List<RuleTrace> rules = ruleTraces(s, applies);
            int decidingRule = -1;
            for (int r = 0; r < s.rules().size() && decidingRule < 0; r++) {
                if (s.rules().get(r).condition().isPresent() && applies[r]) {
                    decidingRule = r;
                }
            }
            for (int r = 0; r < s.rules().size() && decidingRule < 0; r++) {
                if (s.rules().get(r).condition().isEmpty()) {
                    decidingRule = r;
                }
            }
            trace[i] = new LevelTrace(where, policyName(level), LevelEffect.REPLACES_PARENT, rules);
            if (decidingRule < 0) {
                result = new BooleanResult(byDefault, Map.of(), null, where + " has no applicable rule: the"
                        + " constraint default applies", "", -1);
                continue;
            }
            PolicyRule rule = s.rules().get(decidingRule);
            boolean enforce = rule.kind() instanceof PolicyRule.Enforce e && e.value();
            String why = rule.condition().isPresent()
                    ? "its condition matches the target, so it takes precedence over the unconditional rule"
                    : "no conditional rule of that policy matches the target";
            result = new BooleanResult(enforce, rule.parameters(), null, "rule " + decidingRule + " of the policy on "
                    + where + " (enforce: " + enforce + ") is the nearest policy; " + why, where, decidingRule);
        }
        if (result == null) {
            result = new BooleanResult(byDefault, Map.of(), null, "no policy in the hierarchy: the constraint default ("
                    + constraint.constraintDefault() + ") applies", "", -1);
        }
        List<LevelTrace> ordered = new ArrayList<>(List.of(trace));
        Collections.reverse(ordered);
        return new BooleanResult(result.enforced, result.parameters, ordered, result.reason, result.resource,
                result.rule);
    }

    private PolicyRule booleanRule(SpecKind kind) {
        BooleanResult result = evalBoolean(kind);
        return new PolicyRule(new PolicyRule.Enforce(result.enforced), Optional.empty(), result.parameters);
    }

    // ---- lists ----------------------------------------------------------------------------------------------

    private enum EntryType { ALLOW_ALL, DENY_ALL, ALLOWED, DENIED }

    private record Entry(EntryType type, String value, String resource, int rule) {}

    /** The merged contributions (null = the constraint default) and the trace, organization first. */
    private record Collected(List<Entry> merged, List<LevelTrace> trace) {}

    private Collected collect(SpecKind kind) {
        LevelTrace[] trace = new LevelTrace[chain.size()];
        List<Entry> merged = collectFrom(0, kind, trace);
        for (int i = 0; i < trace.length; i++) {
            if (trace[i] == null) {
                HierarchyLevel level = chain.get(i);
                trace[i] = new LevelTrace(level.node().name(), policyName(level), LevelEffect.NOT_CONSULTED,
                        specOf(level, kind).map(s -> ruleTraces(s, null)).orElse(List.of()));
            }
        }
        List<LevelTrace> ordered = new ArrayList<>(List.of(trace));
        Collections.reverse(ordered);
        if (merged != null && merged.isEmpty()) {
            merged = null;
        }
        return new Collected(merged, ordered);
    }

    /** Contributions from level {@code i} upwards, root first; null means the constraint default. */
    private List<Entry> collectFrom(int i, SpecKind kind, LevelTrace[] trace) {
        HierarchyLevel level = chain.get(i);
        String where = level.node().name();
        Optional<PolicySpec> spec = specOf(level, kind);
        if (spec.isEmpty()) {
            trace[i] = new LevelTrace(where, policyName(level), LevelEffect.NO_POLICY, List.of());
            return i + 1 < chain.size() ? collectFrom(i + 1, kind, trace) : null;
        }
        PolicySpec s = spec.get();
        if (s.reset()) {
            trace[i] = new LevelTrace(where, policyName(level), LevelEffect.RESETS_TO_DEFAULT, List.of());
            return null;
        }
        boolean[] applies = new boolean[s.rules().size()];
        List<RuleTrace> rules = ruleTraces(s, applies);
        List<Entry> own = new ArrayList<>();
        for (int r = 0; r < s.rules().size(); r++) {
            if (applies[r]) {
                contribute(s.rules().get(r), where, r, own);
            }
        }
        if (!s.inheritFromParent()) {
            LevelEffect effect = own.isEmpty() ? LevelEffect.FALLS_BACK_TO_DEFAULT : LevelEffect.REPLACES_PARENT;
            trace[i] = new LevelTrace(where, policyName(level), effect, rules);
            return own.isEmpty() ? null : own;
        }
        trace[i] = new LevelTrace(where, policyName(level), LevelEffect.MERGES_WITH_PARENT, rules);
        List<Entry> up = i + 1 < chain.size() ? collectFrom(i + 1, kind, trace) : null;
        List<Entry> all = new ArrayList<>(up == null ? List.of() : up);
        all.addAll(own);
        return all;
    }

    private static void contribute(PolicyRule rule, String resource, int index, List<Entry> out) {
        PolicyRule.Kind kind = rule.kind();
        if (kind instanceof PolicyRule.AllowAll a && a.value()) {
            out.add(new Entry(EntryType.ALLOW_ALL, "", resource, index));
        } else if (kind instanceof PolicyRule.DenyAll d && d.value()) {
            out.add(new Entry(EntryType.DENY_ALL, "", resource, index));
        } else if (kind instanceof PolicyRule.Values v) {
            v.values().allowedValues().forEach(x -> out.add(new Entry(EntryType.ALLOWED, x, resource, index)));
            v.values().deniedValues().forEach(x -> out.add(new Entry(EntryType.DENIED, x, resource, index)));
        }
    }

    private record Verdict(Outcome outcome, String reason, Entry entry) {}

    private Verdict decideValue(List<Entry> merged, String value) {
        if (merged == null) {
            boolean allow = constraint.constraintDefault() == ConstraintDefault.ALLOW;
            return new Verdict(allow ? Outcome.ALLOW : Outcome.DENY, "no policy sets values here: the constraint"
                    + " default (" + constraint.constraintDefault() + ") applies", null);
        }
        Optional<Entry> denyAll = first(merged, EntryType.DENY_ALL, value);
        if (denyAll.isPresent()) {
            return new Verdict(Outcome.DENY, "denyAll on " + denyAll.get().resource + " denies every value", denyAll.get());
        }
        Optional<Entry> denied = first(merged, EntryType.DENIED, value);
        if (denied.isPresent()) {
            return new Verdict(Outcome.DENY, "'" + value + "' matches the denied value '" + denied.get().value
                    + "' on " + denied.get().resource + "; denials take precedence", denied.get());
        }
        Optional<Entry> allowAll = first(merged, EntryType.ALLOW_ALL, value);
        if (allowAll.isPresent()) {
            return new Verdict(Outcome.ALLOW, "allowAll on " + allowAll.get().resource
                    + " allows every value that is not denied", allowAll.get());
        }
        boolean anyAllowed = merged.stream().anyMatch(e -> e.type == EntryType.ALLOWED);
        if (anyAllowed) {
            Optional<Entry> allowed = first(merged, EntryType.ALLOWED, value);
            return allowed.map(e -> new Verdict(Outcome.ALLOW, "'" + value + "' matches the allowed value '"
                            + e.value + "' on " + e.resource, e))
                    .orElseGet(() -> new Verdict(Outcome.DENY, "'" + value + "' matches none of the allowed values",
                            null));
        }
        return new Verdict(Outcome.ALLOW, "the merged policy only denies values and '" + value
                + "' is not one of them", null);
    }

    private Optional<Entry> first(List<Entry> merged, EntryType type, String value) {
        return merged.stream()
                .filter(e -> e.type == type)
                .filter(e -> type == EntryType.ALLOW_ALL || type == EntryType.DENY_ALL || matches(value, e.value))
                .findFirst();
    }

    /** Value matching: exact ({@code is:} stripped on both sides), {@code under:} subtrees, {@code in:} groups. */
    boolean matches(String candidate, String entry) {
        String v = stripIs(candidate);
        if (entry.startsWith("under:")) {
            return subtrees.isUnder(v, entry.substring("under:".length()));
        }
        if (entry.startsWith("in:")) {
            return groups.isMember(v, entry);
        }
        return v.equals(stripIs(entry));
    }

    private static String stripIs(String value) {
        return value.startsWith("is:") ? value.substring(3) : value;
    }

    private PolicyRule listRule(List<Entry> merged) {
        if (merged == null) {
            return constraint.constraintDefault() == ConstraintDefault.DENY ? PolicyRule.denyAll() : PolicyRule.allowAll();
        }
        if (merged.stream().anyMatch(e -> e.type == EntryType.DENY_ALL)) {
            return PolicyRule.denyAll();
        }
        List<String> allowed = outputValues(merged, EntryType.ALLOWED);
        List<String> denied = outputValues(merged, EntryType.DENIED);
        if (merged.stream().anyMatch(e -> e.type == EntryType.ALLOW_ALL)) {
            return denied.isEmpty() ? PolicyRule.allowAll() : PolicyRule.values(new StringValues(List.of(), denied));
        }
        return PolicyRule.values(new StringValues(allowed, denied));
    }

    /** Values in root-first order, {@code in:} groups expanded, duplicates dropped keeping the first spelling. */
    private List<String> outputValues(List<Entry> merged, EntryType type) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Entry e : merged) {
            if (e.type != type) {
                continue;
            }
            List<String> expanded = e.value.startsWith("in:") && groups.contains(e.value)
                    ? groups.expand(e.value) : List.of(e.value);
            for (String v : expanded) {
                if (seen.add(stripIs(v))) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    // ---- shared ---------------------------------------------------------------------------------------------

    private static Optional<PolicySpec> specOf(HierarchyLevel level, SpecKind kind) {
        if (level.policy().isEmpty()) {
            return Optional.empty();
        }
        Policy policy = level.policy().get();
        return kind == SpecKind.DRY_RUN && policy.dryRunSpec().isPresent() ? policy.dryRunSpec() : policy.spec();
    }

    private static String policyName(HierarchyLevel level) {
        return level.policy().map(Policy::name).orElse("");
    }

    /** Traces every rule of a spec and, when {@code applies} is given, records which rules apply to the target. */
    private List<RuleTrace> ruleTraces(PolicySpec spec, boolean[] applies) {
        List<RuleTrace> out = new ArrayList<>();
        for (int r = 0; r < spec.rules().size(); r++) {
            PolicyRule rule = spec.rules().get(r);
            List<TagFact> matched = new ArrayList<>();
            boolean ok = rule.condition().isEmpty()
                    || Condition.parse(rule.condition().get().expression()).evaluate(tags, matched);
            if (applies != null) {
                applies[r] = ok;
            }
            out.add(new RuleTrace(r, summary(rule), rule.condition().map(c -> c.expression()).orElse(""), ok,
                    matched.stream().map(TagFact::describe).distinct().toList()));
        }
        return out;
    }

    private static String summary(PolicyRule rule) {
        PolicyRule.Kind kind = rule.kind();
        if (kind instanceof PolicyRule.Values v) {
            return summaryOf(v.values());
        } else if (kind instanceof PolicyRule.AllowAll a) {
            return "allowAll: " + a.value();
        } else if (kind instanceof PolicyRule.DenyAll d) {
            return "denyAll: " + d.value();
        } else if (kind instanceof PolicyRule.Enforce e) {
            return "enforce: " + e.value();
        }
        return "no valid kind";
    }

    private static String summaryOf(StringValues values) {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        if (!values.allowedValues().isEmpty()) {
            parts.put("allowedValues", values.allowedValues());
        }
        if (!values.deniedValues().isEmpty()) {
            parts.put("deniedValues", values.deniedValues());
        }
        return parts.toString();
    }
}
