package dev.policyhub.core.orgpolicy;

import java.util.Objects;

/** A google.type.Expr condition; {@code title}, {@code description} and {@code location} are {@code ""} when unset. */
public record Expr(String expression, String title, String description, String location) {
    public Expr {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(location, "location");
    }

    /** A condition with only an expression. */
    public static Expr of(String expression) {
        return new Expr(expression, "", "", "");
    }
}
