package dev.policyhub.core.orgpolicy;

import java.util.List;

/** Allowed and denied values of a list-constraint rule, in the order written. */
public record StringValues(List<String> allowedValues, List<String> deniedValues) {
    public StringValues {
        allowedValues = List.copyOf(allowedValues);
        deniedValues = List.copyOf(deniedValues);
    }

    /** Only allowed values. */
    public static StringValues allowed(String... values) {
        return new StringValues(List.of(values), List.of());
    }

    /** Only denied values. */
    public static StringValues denied(String... values) {
        return new StringValues(List.of(), List.of(values));
    }

    /** Number of values in both lists. */
    public int size() {
        return allowedValues.size() + deniedValues.size();
    }
}
