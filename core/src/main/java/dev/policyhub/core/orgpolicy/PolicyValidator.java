package dev.policyhub.core.orgpolicy;

import dev.policyhub.core.internal.PolicyJson;
import dev.policyhub.core.internal.Violations;
import dev.policyhub.core.orgpolicy.eval.Condition;
import dev.policyhub.core.orgpolicy.eval.ConditionSyntaxException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a policy's content against its constraint (rules V1–V10, V15, V16, V18 of the Org Policy contract) and
 * rewrites location values; every violation is collected with its field path, e.g. {@code policy.spec.rules[1].enforce}.
 */
public final class PolicyValidator {
    /** Most values (allowed plus denied, over both specs) a list policy may hold. */
    public static final int MAX_VALUES = 500;
    /** Largest compact JSON of a list policy, in bytes. */
    public static final int MAX_POLICY_BYTES = 32 * 1024;

    private static final Pattern UNDER_SUBTREE =
            Pattern.compile("projects/[A-Za-z0-9][A-Za-z0-9_.:-]*|folders/[0-9]+|organizations/[0-9]+");
    private static final Pattern REGION = Pattern.compile("[a-z]+-[a-z]+[0-9]+");

    private PolicyValidator() {
    }

    /**
     * Validates {@code policy} for {@code constraint} and returns it with location values rewritten
     * ({@code us-east1} → {@code in:us-east1-locations}); throws INVALID_ARGUMENT listing every violation.
     */
    public static Policy validate(Policy policy, Constraint constraint, ValueGroups groups) {
        Violations violations = new Violations();
        Optional<PolicySpec> spec = policy.spec().map(s -> spec(s, "policy.spec", constraint, groups, violations));
        Optional<PolicySpec> dryRun = policy.dryRunSpec()
                .map(s -> spec(s, "policy.dry_run_spec", constraint, groups, violations));
        if (dryRun.isPresent() && !constraint.supportsDryRun()) {
            violations.add("policy.dry_run_spec", "constraint " + constraint.id() + " does not support dry-run specs");
        }
        Policy result = new Policy(policy.name(), spec, dryRun, policy.etag());
        if (constraint.isList()) {
            int count = count(spec) + count(dryRun);
            if (count > MAX_VALUES) {
                violations.add("policy", "a list policy may hold at most " + MAX_VALUES
                        + " values over all rules of both specs; this one holds " + count);
            }
            int bytes = PolicyJson.of(result).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_POLICY_BYTES) {
                violations.add("policy", "a list policy may be at most " + MAX_POLICY_BYTES
                        + " bytes of JSON; this one is " + bytes);
            }
        }
        violations.throwIfAny();
        return result;
    }

    private static int count(Optional<PolicySpec> spec) {
        return spec.map(s -> s.rules().stream()
                .mapToInt(r -> r.kind() instanceof PolicyRule.Values v ? v.values().size() : 0)
                .sum()).orElse(0);
    }

    private static PolicySpec spec(PolicySpec spec, String path, Constraint constraint, ValueGroups groups,
                                   Violations violations) {
        if (spec.reset() && (!spec.rules().isEmpty() || spec.inheritFromParent())) {
            violations.add(path + ".reset", "reset: true requires no rules and inherit_from_parent: false");
        }
        if (spec.inheritFromParent() && !constraint.isList()) {
            violations.add(path + ".inherit_from_parent",
                    "inherit_from_parent is only allowed for list constraints; " + constraint.id() + " is boolean");
        }
        List<PolicyRule> rules = new ArrayList<>();
        for (int i = 0; i < spec.rules().size(); i++) {
            rules.add(rule(spec.rules().get(i), path + ".rules[" + i + "]", constraint, groups, violations));
        }
        if (!constraint.isList() && !spec.reset()) {
            booleanShape(spec.rules(), path, violations);
        }
        return new PolicySpec(spec.etag(), spec.updateTime(), rules, spec.inheritFromParent(), spec.reset());
    }

    /** V2, V3: one unconditional rule, conditional rules saying the opposite. */
    private static void booleanShape(List<PolicyRule> rules, String path, Violations violations) {
        List<PolicyRule> unconditional = rules.stream().filter(r -> r.condition().isEmpty()).toList();
        if (unconditional.size() != 1) {
            violations.add(path + ".rules", "a boolean policy needs exactly one rule without a condition; found "
                    + unconditional.size());
            return;
        }
        if (!(unconditional.get(0).kind() instanceof PolicyRule.Enforce base)) {
            return;
        }
        for (int i = 0; i < rules.size(); i++) {
            PolicyRule rule = rules.get(i);
            if (rule.condition().isPresent() && rule.kind() instanceof PolicyRule.Enforce e
                    && e.value() == base.value()) {
                violations.add(path + ".rules[" + i + "].enforce", "a conditional rule must set enforce to the"
                        + " opposite of the unconditional rule (" + !base.value() + ")");
            }
        }
    }

    private static PolicyRule rule(PolicyRule rule, String path, Constraint constraint, ValueGroups groups,
                                   Violations violations) {
        PolicyRule.Kind kind = rule.kind();
        if (kind instanceof PolicyRule.NoKind) {
            violations.add(path, "a rule must set one of values, allow_all, deny_all or enforce");
        } else if (kind instanceof PolicyRule.SeveralKinds) {
            violations.add(path, "a rule may set only one of values, allow_all, deny_all and enforce");
        } else if (constraint.isList() && kind instanceof PolicyRule.Enforce) {
            violations.add(path + ".enforce", "enforce is only allowed for boolean constraints; " + constraint.id()
                    + " is a list constraint");
        } else if (!constraint.isList() && !(kind instanceof PolicyRule.Enforce)) {
            violations.add(path + "." + memberName(kind), memberName(kind) + " is only allowed for list constraints; "
                    + constraint.id() + " is a boolean constraint, use enforce");
        } else if (kind instanceof PolicyRule.Values v) {
            kind = new PolicyRule.Values(values(v.values(), path + ".values", constraint, groups, violations));
        }
        rule.condition().ifPresent(c -> {
            try {
                Condition.parse(c.expression());
            } catch (ConditionSyntaxException e) {
                violations.add(path + ".condition.expression", e.getMessage());
            }
        });
        parameters(rule.parameters(), path + ".parameters", constraint, violations);
        return new PolicyRule(kind, rule.condition(), rule.parameters());
    }

    private static String memberName(PolicyRule.Kind kind) {
        if (kind instanceof PolicyRule.Values) {
            return "values";
        }
        return kind instanceof PolicyRule.AllowAll ? "allow_all" : "deny_all";
    }

    private static StringValues values(StringValues values, String path, Constraint constraint, ValueGroups groups,
                                       Violations violations) {
        if (values.allowedValues().isEmpty() && values.deniedValues().isEmpty()) {
            violations.add(path, "values must list at least one allowed or denied value");
        }
        return new StringValues(list(values.allowedValues(), path + ".allowed_values", constraint, groups, violations),
                list(values.deniedValues(), path + ".denied_values", constraint, groups, violations));
    }

    private static List<String> list(List<String> values, String path, Constraint constraint, ValueGroups groups,
                                     Violations violations) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            out.add(value(values.get(i), path + "[" + i + "]", constraint, groups, violations));
        }
        return out;
    }

    private static String value(String value, String path, Constraint constraint, ValueGroups groups,
                                Violations violations) {
        if (value.isEmpty()) {
            violations.add(path, "values must not be empty strings");
            return value;
        }
        if (value.startsWith("under:")) {
            if (!constraint.supportsUnder()) {
                violations.add(path, "constraint " + constraint.id() + " does not support the under: prefix");
            } else if (!UNDER_SUBTREE.matcher(value.substring(6)).matches()) {
                violations.add(path, "under: takes projects/{id or number}, folders/{id} or organizations/{id}, not '"
                        + value.substring(6) + "'");
            }
            return value;
        }
        if (value.startsWith("in:")) {
            if (!constraint.supportsIn()) {
                violations.add(path, "constraint " + constraint.id() + " does not support the in: prefix");
            } else if (!groups.contains(value)) {
                violations.add(path, "unknown value group '" + value + "'");
            }
            return value;
        }
        if (constraint.id().equals(ConstraintCatalog.RESOURCE_LOCATIONS) && !value.startsWith("is:")) {
            return location(value, path, groups, violations);
        }
        return value;
    }

    /** V10: regions with a shipped group and bare {@code …-locations} groups become {@code in:} values. */
    private static String location(String value, String path, ValueGroups groups, Violations violations) {
        if (value.endsWith("-locations")) {
            if (!groups.contains("in:" + value)) {
                violations.add(path, "unknown value group 'in:" + value + "'");
            }
            return "in:" + value;
        }
        if (REGION.matcher(value).matches() && groups.contains("in:" + value + "-locations")) {
            return "in:" + value + "-locations";
        }
        return value;
    }

    /** V16: parameters only where the constraint defines them, each of its declared type. */
    private static void parameters(Map<String, Object> parameters, String path, Constraint constraint,
                                   Violations violations) {
        if (parameters.isEmpty()) {
            return;
        }
        Map<String, ConstraintParameter> defined = constraint.parameters();
        if (defined.isEmpty()) {
            violations.add(path, "constraint " + constraint.id() + " takes no parameters");
            return;
        }
        parameters.forEach((key, value) -> {
            ConstraintParameter parameter = defined.get(key);
            if (parameter == null) {
                violations.add(path + "." + key, "constraint " + constraint.id() + " has no parameter '" + key
                        + "'; it has " + defined.keySet().stream().sorted().toList());
            } else if (!hasType(value, parameter.type(), parameter.item())) {
                violations.add(path + "." + key, "parameter '" + key + "' must be "
                        + describe(parameter.type(), parameter.item()));
            }
        });
    }

    private static boolean hasType(Object value, ParameterType type, ParameterType item) {
        switch (type) {
            case STRING:
                return value instanceof String;
            case BOOLEAN:
                return value instanceof Boolean;
            case LIST:
                return value instanceof List<?> list
                        && list.stream().allMatch(v -> hasType(v, item, ParameterType.TYPE_UNSPECIFIED));
            default:
                return false;
        }
    }

    private static String describe(ParameterType type, ParameterType item) {
        switch (type) {
            case STRING:
                return "a string";
            case BOOLEAN:
                return "a boolean";
            case LIST:
                return "a list of " + describe(item, ParameterType.TYPE_UNSPECIFIED).replace("a ", "") + "s";
            default:
                return "of an unspecified type";
        }
    }
}
