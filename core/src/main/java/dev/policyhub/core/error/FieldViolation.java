package dev.policyhub.core.error;

import java.util.Objects;

/** One bad field of a request: its path in the request's own terms and what is wrong with it. */
public record FieldViolation(String field, String description) {
    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(description, "description");
    }

    @Override
    public String toString() {
        return field.isEmpty() ? description : field + ": " + description;
    }
}
