package dev.policyhub.core.internal;

import dev.policyhub.core.error.PolicyHubException;

import java.util.Objects;

/** A parsed policy name {@code {parent}/policies/{constraint}}. */
public record PolicyNames(ResourceRef parent, String constraint) {
    private static final String SEGMENT = "/policies/";
    /** Longest constraint segment: built-in and custom names are under 100 characters; longer names nothing. */
    public static final int MAX_CONSTRAINT_CHARS = 200;

    public PolicyNames {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(constraint, "constraint");
    }

    /** Parses a policy name; a malformed one is INVALID_ARGUMENT on {@code field}. */
    public static PolicyNames parse(String name, String field) {
        if (name == null || name.isEmpty()) {
            throw PolicyHubException.invalidArgument(field, "a policy name is required");
        }
        int i = name.indexOf(SEGMENT);
        if (i < 0) {
            throw PolicyHubException.invalidArgument(field, "'" + name + "' is not a policy name; expected"
                    + " {organizations|folders|projects}/{id}/policies/{constraint}");
        }
        ResourceRef parent = ResourceRef.parse(name.substring(0, i), field);
        String constraint = name.substring(i + SEGMENT.length());
        if (constraint.startsWith("constraints/")) {
            throw PolicyHubException.invalidArgument(field, "the constraint segment of a policy name has no"
                    + " 'constraints/' prefix: use " + name.substring(0, i) + SEGMENT
                    + constraint.substring("constraints/".length()));
        }
        if (constraint.length() > MAX_CONSTRAINT_CHARS) {
            throw PolicyHubException.invalidArgument(field, "the constraint segment of a policy name may be at most "
                    + MAX_CONSTRAINT_CHARS + " characters");
        }
        if (!isConstraintName(constraint)) {
            throw PolicyHubException.invalidArgument(field, "'" + constraint + "' is not a constraint name");
        }
        return new PolicyNames(parent, constraint);
    }

    /** True for {@code [A-Za-z0-9._-]+}; a loop, as {@code String.matches} compiles its pattern on every call. */
    private static boolean isConstraintName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!ResourceRef.isAsciiAlphanumeric(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }
}
