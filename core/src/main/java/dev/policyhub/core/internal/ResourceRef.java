package dev.policyhub.core.internal;

import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.hierarchy.NodeType;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A syntactically valid but unresolved hierarchy name: {@code organizations/{digits}}, {@code folders/{digits}} or
 * {@code projects/{id or number}}. A well-formed number that is no positive int64 names nothing (NOT_FOUND), it is not
 * a syntax error.
 */
public record ResourceRef(NodeType type, String token) {
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern PROJECT_TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,62}");

    public ResourceRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(token, "token");
    }

    /** Parses a name; a malformed one is INVALID_ARGUMENT on {@code field}. */
    public static ResourceRef parse(String name, String field) {
        ResourceRef ref = tryParse(name);
        if (ref == null) {
            throw PolicyHubException.invalidArgument(field, "'" + name + "' is not a valid resource name; expected"
                    + " organizations/{id}, folders/{id} or projects/{id or number}");
        }
        return ref;
    }

    /** Parses a name, or returns null when it is malformed. */
    public static ResourceRef tryParse(String name) {
        if (name == null) {
            return null;
        }
        int slash = name.indexOf('/');
        if (slash < 0 || name.indexOf('/', slash + 1) >= 0) {
            return null;
        }
        String collection = name.substring(0, slash);
        String token = name.substring(slash + 1);
        for (NodeType type : NodeType.values()) {
            if (type.collection().equals(collection)) {
                boolean ok = type == NodeType.PROJECT
                        ? PROJECT_TOKEN.matcher(token).matches()
                        : DIGITS.matcher(token).matches();
                return ok ? new ResourceRef(type, token) : null;
            }
        }
        return null;
    }

    /** True when the token is a number (always for organizations and folders). */
    public boolean isNumeric() {
        return DIGITS.matcher(token).matches();
    }

    /** The token as a positive id; {@code -1} when it is no number or out of range, i.e. names nothing. */
    public long id() {
        return positiveId(token);
    }

    /** A decimal string as a positive int64; {@code -1} when it is not one. */
    public static long positiveId(String digits) {
        if (!DIGITS.matcher(digits).matches()) {
            return -1;
        }
        try {
            long id = Long.parseLong(digits);
            return id > 0 ? id : -1;
        } catch (NumberFormatException tooLarge) {
            return -1;
        }
    }

    /** The name as given. */
    public String name() {
        return type.collection() + "/" + token;
    }
}
