package dev.policyhub.core.orgpolicy;

import java.util.Objects;
import java.util.Optional;

/**
 * A parameter a managed constraint accepts in {@code PolicyRule.parameters}: its type, the element type of a LIST,
 * an optional default (a plain Java value) and a stored, never evaluated, {@code validValuesExpr}.
 */
public record ConstraintParameter(ParameterType type, Optional<Object> defaultValue, String validValuesExpr,
                                  String description, ParameterType item) {
    public ConstraintParameter {
        Objects.requireNonNull(type, "type");
        defaultValue = Objects.requireNonNullElse(defaultValue, Optional.empty());
        Objects.requireNonNull(validValuesExpr, "validValuesExpr");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(item, "item");
    }

    /** A LIST parameter of the given element type. */
    public static ConstraintParameter listOf(ParameterType item) {
        return new ConstraintParameter(ParameterType.LIST, Optional.empty(), "", "", item);
    }

    /** A scalar parameter. */
    public static ConstraintParameter of(ParameterType type) {
        return new ConstraintParameter(type, Optional.empty(), "", "", ParameterType.TYPE_UNSPECIFIED);
    }
}
