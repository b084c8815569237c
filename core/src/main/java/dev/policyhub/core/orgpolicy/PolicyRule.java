package dev.policyhub.core.orgpolicy;

import dev.policyhub.core.internal.JsonValues;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule of a policy spec. A valid rule has exactly one {@link Kind} member set; {@code false} is a set value.
 * {@code parameters} holds a google.protobuf.Struct as plain Java values (String, Boolean, Number, List, Map, null),
 * copied deeply.
 */
public record PolicyRule(Kind kind, Optional<Expr> condition, Map<String, Object> parameters) {
    public PolicyRule {
        Objects.requireNonNull(kind, "kind");
        condition = Objects.requireNonNullElse(condition, Optional.empty());
        parameters = JsonValues.object(parameters);
    }

    /** What the rule says. {@link NoKind} and {@link SeveralKinds} only exist in input, which validation rejects. */
    public sealed interface Kind permits Values, AllowAll, DenyAll, Enforce, NoKind, SeveralKinds {}

    /** Allowed and/or denied values (list constraints). */
    public record Values(StringValues values) implements Kind {
        public Values {
            Objects.requireNonNull(values, "values");
        }
    }

    /** {@code allowAll}; {@code false} is kept as a set value and contributes nothing to evaluation. */
    public record AllowAll(boolean value) implements Kind {}

    /** {@code denyAll}; {@code false} is kept as a set value and contributes nothing to evaluation. */
    public record DenyAll(boolean value) implements Kind {}

    /** {@code enforce} (boolean constraints). */
    public record Enforce(boolean value) implements Kind {}

    /** Input with no kind member at all. */
    public record NoKind() implements Kind {}

    /** Input with more than one kind member, each as given. */
    public record SeveralKinds(List<Kind> members) implements Kind {
        public SeveralKinds {
            members = List.copyOf(members);
        }
    }

    /** A rule with this kind, no condition and no parameters. */
    public static PolicyRule of(Kind kind) {
        return new PolicyRule(kind, Optional.empty(), Map.of());
    }

    /** An unconditional {@code enforce} rule. */
    public static PolicyRule enforce(boolean value) {
        return of(new Enforce(value));
    }

    /** An unconditional {@code allowAll: true} rule. */
    public static PolicyRule allowAll() {
        return of(new AllowAll(true));
    }

    /** An unconditional {@code denyAll: true} rule. */
    public static PolicyRule denyAll() {
        return of(new DenyAll(true));
    }

    /** An unconditional rule with these allowed and denied values. */
    public static PolicyRule values(StringValues values) {
        return of(new Values(values));
    }

    /** An unconditional rule allowing these values. */
    public static PolicyRule allow(String... values) {
        return values(StringValues.allowed(values));
    }

    /** An unconditional rule denying these values. */
    public static PolicyRule deny(String... values) {
        return values(StringValues.denied(values));
    }

    /** The same rule guarded by a condition expression. */
    public PolicyRule when(String expression) {
        return new PolicyRule(kind, Optional.of(Expr.of(expression)), parameters);
    }

    /** The same rule with these parameters. */
    public PolicyRule withParameters(Map<String, Object> newParameters) {
        return new PolicyRule(kind, condition, newParameters);
    }
}
