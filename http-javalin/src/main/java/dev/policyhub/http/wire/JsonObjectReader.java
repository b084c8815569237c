package dev.policyhub.http.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads one JSON object of a request by protobuf JSON rules: fields in lowerCamel or snake_case, {@code null} meaning
 * unset, a wrong JSON type or an unknown field answered with Google's 400 and the field's path. Call {@link #finish()}
 * after reading every known field, so that an unknown one is refused.
 */
public final class JsonObjectReader {
    private final String path;
    private final Map<String, JsonNode> fields = new LinkedHashMap<>();
    private final Map<String, String> spelled = new LinkedHashMap<>();
    private final Set<String> read = new LinkedHashSet<>();

    private JsonObjectReader(String path, JsonNode object) {
        this.path = path;
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = GoogleQuery.camel(field.getKey());
            if (fields.containsKey(name)) {
                throw ApiError.invalid("Invalid JSON payload received. Duplicate field \"" + field.getKey()
                        + "\"" + at(path) + ".");
            }
            fields.put(name, field.getValue());
            spelled.put(name, field.getKey());
        }
    }

    /** Reads {@code node} as an object at {@code path} ({@code ""} for the body itself). */
    public static JsonObjectReader of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw ApiError.invalidValue(path.isEmpty() ? "(root)" : path, "TYPE_MESSAGE", raw(node));
        }
        return new JsonObjectReader(path, node);
    }

    /** The path of this object, e.g. {@code policy.spec.rules[0]}. */
    public String path() {
        return path;
    }

    /** The path of one of this object's fields, in proto names as Google's errors print them ({@code dry_run_spec}). */
    public String pathOf(String field) {
        String name = snake(field);
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String snake(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** True when the field is present and not null. */
    public boolean has(String field) {
        JsonNode value = fields.get(field);
        read.add(field);
        return value != null && !value.isNull();
    }

    /** A string field. */
    public Optional<String> string(String field) {
        return value(field).map(v -> {
            if (!v.isTextual()) {
                throw ApiError.invalidValue(pathOf(field), "TYPE_STRING", raw(v));
            }
            return v.textValue();
        });
    }

    /** A bool field. */
    public Optional<Boolean> bool(String field) {
        return value(field).map(v -> {
            if (!v.isBoolean()) {
                throw ApiError.invalidValue(pathOf(field), "TYPE_BOOL", raw(v));
            }
            return v.booleanValue();
        });
    }

    /** An int64 field, given as a JSON number or a decimal string (proto JSON prints int64 as strings). */
    public Optional<Long> int64(String field) {
        return value(field).map(v -> {
            if (v.isIntegralNumber() && v.canConvertToLong()) {
                return v.longValue();
            }
            if (v.isTextual()) {
                try {
                    return Long.parseLong(v.textValue());
                } catch (NumberFormatException e) {
                    throw ApiError.invalidValue(pathOf(field), "TYPE_INT64", raw(v));
                }
            }
            throw ApiError.invalidValue(pathOf(field), "TYPE_INT64", raw(v));
        });
    }

    /** A nested message field. */
    public Optional<JsonObjectReader> object(String field) {
        return value(field).map(v -> {
            if (!v.isObject()) {
                throw ApiError.invalidValue(pathOf(field), "TYPE_MESSAGE", raw(v));
            }
            return new JsonObjectReader(pathOf(field), v);
        });
    }

    /** A field of any JSON shape (e.g. a {@code google.protobuf.Value}). */
    public Optional<JsonNode> any(String field) {
        return value(field);
    }

    /** A repeated field: each element read by {@code element(node, elementPath)}; absent or null is empty. */
    public <T> List<T> list(String field, BiFunction<JsonNode, String, T> element) {
        Optional<JsonNode> value = value(field);
        if (value.isEmpty()) {
            return List.of();
        }
        JsonNode array = value.get();
        if (!array.isArray()) {
            throw ApiError.invalidValue(pathOf(field), "TYPE_MESSAGE", raw(array));
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(element.apply(array.get(i), pathOf(field) + "[" + i + "]"));
        }
        return out;
    }

    /** A repeated string field. */
    public List<String> strings(String field) {
        return list(field, (node, at) -> {
            if (!node.isTextual()) {
                throw ApiError.invalidValue(at, "TYPE_STRING", raw(node));
            }
            return node.textValue();
        });
    }

    /** A {@code map<string, string>} field. */
    public Map<String, String> stringMap(String field) {
        Optional<JsonNode> value = value(field);
        if (value.isEmpty()) {
            return Map.of();
        }
        if (!value.get().isObject()) {
            throw ApiError.invalidValue(pathOf(field), "TYPE_MESSAGE", raw(value.get()));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.get().properties()) {
            if (!entry.getValue().isTextual()) {
                throw ApiError.invalidValue(pathOf(field) + "[" + entry.getKey() + "]", "TYPE_STRING",
                        raw(entry.getValue()));
            }
            out.put(entry.getKey(), entry.getValue().textValue());
        }
        return out;
    }

    /** An enum field given as its name or its number; {@code values} lists the names in number order. */
    public Optional<String> enumName(String field, String enumType, List<String> values) {
        return value(field).map(v -> enumValue(v, pathOf(field), enumType, values));
    }

    /** A repeated enum field. */
    public List<String> enumNames(String field, String enumType, List<String> values) {
        return list(field, (node, at) -> enumValue(node, at, enumType, values));
    }

    /** Refuses any field this reader was not asked about. */
    public void finish() {
        for (String name : fields.keySet()) {
            if (!read.contains(name)) {
                throw ApiError.unknownField(spelled.get(name), path);
            }
        }
    }

    /** Marks fields as known and ignored (output-only fields a client may echo back). */
    public void ignore(String... names) {
        read.addAll(List.of(names));
    }

    /** An enum value by name or number; an unknown name is 400, a number is returned as the name it stands for. */
    public static String enumValue(JsonNode node, String at, String enumType, List<String> values) {
        if (node.isTextual()) {
            if (!values.contains(node.textValue())) {
                throw ApiError.invalidValue(at, "TYPE_ENUM", raw(node));
            }
            return node.textValue();
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            int number = node.intValue();
            if (number < 0 || number >= values.size()) {
                throw ApiError.invalidField(at, at + ": " + number + " is not a value of " + enumType);
            }
            return values.get(number);
        }
        throw ApiError.invalidValue(at, "TYPE_ENUM", raw(node));
    }

    private Optional<JsonNode> value(String field) {
        read.add(field);
        JsonNode value = fields.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    private static String at(String path) {
        return path.isEmpty() ? "" : " at '" + path + "'";
    }

    /** A JSON value as it appeared, shortened for messages. */
    static String raw(JsonNode node) {
        if (node == null) {
            return "null";
        }
        String text = node.toString();
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }
}
