package dev.policyhub.http.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Field-by-field comparison of an expected JSON body with an actual one. Both directions count: a missing field, an
 * unexpected field, a different value or type, a different array length. Keys in {@code valueIgnored} must be present
 * on both sides as strings but may differ; paths in {@code pathsIgnored} are skipped entirely; strings are compared
 * after {@code canonical} (e.g. two names of one project).
 */
public final class JsonDiff {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Set<String> valueIgnored;
    private final Set<String> pathsIgnored;
    private final UnaryOperator<String> canonical;

    /** A comparison with these tolerances. */
    public JsonDiff(Set<String> valueIgnored, Set<String> pathsIgnored, UnaryOperator<String> canonical) {
        this.valueIgnored = Set.copyOf(valueIgnored);
        this.pathsIgnored = Set.copyOf(pathsIgnored);
        this.canonical = canonical;
    }

    /** The first difference, in the expected body's field order; empty when the bodies agree. */
    public Optional<String> firstDifference(JsonNode expected, JsonNode actual) {
        return compare("$", expected, actual);
    }

    /** {@code $.a.b[2]["@type"]}: the JSON path of a child. */
    public static String child(String path, String key) {
        return PLAIN_KEY.matcher(key).matches() ? path + "." + key : path + "[\"" + key + "\"]";
    }

    private Optional<String> compare(String path, JsonNode expected, JsonNode actual) {
        if (expected.isObject() && actual.isObject()) {
            return compareObjects(path, expected, actual);
        }
        if (expected.isArray() && actual.isArray()) {
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                Optional<String> d = compare(path + "[" + i + "]", expected.get(i), actual.get(i));
                if (d.isPresent()) {
                    return d;
                }
            }
            return expected.size() == actual.size() ? Optional.empty()
                    : Optional.of(path + ": expected " + expected.size() + " elements, was " + actual.size()
                            + ": " + shown(actual));
        }
        if (expected.isTextual() && actual.isTextual()) {
            return canonical.apply(expected.textValue()).equals(canonical.apply(actual.textValue())) ? Optional.empty()
                    : differs(path, expected, actual);
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0 ? Optional.empty()
                    : differs(path, expected, actual);
        }
        return expected.equals(actual) ? Optional.empty() : differs(path, expected, actual);
    }

    private Optional<String> compareObjects(String path, JsonNode expected, JsonNode actual) {
        for (Entry<String, JsonNode> field : expected.properties()) {
            String at = child(path, field.getKey());
            if (pathsIgnored.contains(at)) {
                continue;
            }
            JsonNode value = actual.get(field.getKey());
            if (value == null) {
                return Optional.of(at + ": missing (expected " + shown(field.getValue()) + ")");
            }
            if (valueIgnored.contains(field.getKey())) {
                if (!value.isTextual() || value.textValue().isEmpty()) {
                    return Optional.of(at + ": expected a non-empty string (value not compared), was " + shown(value));
                }
                continue;
            }
            Optional<String> d = compare(at, field.getValue(), value);
            if (d.isPresent()) {
                return d;
            }
        }
        for (Entry<String, JsonNode> field : actual.properties()) {
            String at = child(path, field.getKey());
            if (!expected.has(field.getKey()) && !pathsIgnored.contains(at)) {
                return Optional.of(at + ": unexpected field, was " + shown(field.getValue()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> differs(String path, JsonNode expected, JsonNode actual) {
        return Optional.of(path + ": expected " + shown(expected) + ", was " + shown(actual));
    }

    private static String shown(JsonNode node) {
        String text = node.toString();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
