package dev.policyhub.core.internal;

import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.hierarchy.NodeType;

import java.util.Objects;

/**
 * A syntactically valid but unresolved hierarchy name: {@code organizations/{digits}}, {@code folders/{digits}} or
 * {@code projects/{id or number}}. A well-formed number that is no positive int64 names nothing (NOT_FOUND), it is not
 * a syntax error.
 */
public record ResourceRef(NodeType type, String token) {
    /** The longest project id or number accepted as a token. */
    private static final int MAX_PROJECT_TOKEN = 63;

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
                boolean ok = type == NodeType.PROJECT ? isProjectToken(token) : isDigits(token);
                return ok ? new ResourceRef(type, token) : null;
            }
        }
        return null;
    }

    /** True when the token is a number (always for organizations and folders). */
    public boolean isNumeric() {
        return isDigits(token);
    }

    /** The token as a positive id; {@code -1} when it is no number or out of range, i.e. names nothing. */
    public long id() {
        return positiveId(token);
    }

    /** A decimal string as a positive int64; {@code -1} when it is not one. */
    public static long positiveId(String digits) {
        if (!isDigits(digits)) {
            return -1;
        }
        try {
            long id = Long.parseLong(digits);
            return id > 0 ? id : -1;
        } catch (NumberFormatException tooLarge) {
            return -1;
        }
    }

    /** True for one or more ASCII digits; a loop, as names are parsed on every read. */
    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** True for a project id or number: an ASCII letter or digit, then up to 62 of those or {@code _ . : -}. */
    private static boolean isProjectToken(String s) {
        if (s.isEmpty() || s.length() > MAX_PROJECT_TOKEN || !isAsciiAlphanumeric(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAsciiAlphanumeric(c) && c != '_' && c != '.' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** True for {@code [A-Za-z0-9]}. */
    static boolean isAsciiAlphanumeric(char c) {
        return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The name as given. */
    public String name() {
        return type.collection() + "/" + token;
    }
}
