package dev.policyhub.http.pulumi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.http.wire.PlainJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads fields of a Pulumi request body the way Go's JSON decoding does: unknown fields are ignored, a field that is
 * absent or {@code null} is empty, and a known field of the wrong JSON type is 400 {@code invalid request body}.
 */
public final class BodyFields {
    private final ObjectNode object;

    private BodyFields(ObjectNode object) {
        this.object = object;
    }

    /** The fields of a JSON object; any other JSON value is 400. */
    public static BodyFields of(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw PulumiError.invalidBody();
        }
        return new BodyFields((ObjectNode) node);
    }

    /** True when the field is present and not {@code null}. */
    public boolean has(String name) {
        JsonNode value = object.get(name);
        return value != null && !value.isNull();
    }

    /** A string field. */
    public Optional<String> string(String name) {
        return field(name).map(v -> {
            if (!v.isTextual()) {
                throw PulumiError.invalidBody();
            }
            return v.textValue();
        });
    }

    /** A string field; absent or {@code null} is {@code ""}. */
    public String text(String name) {
        return string(name).orElse("");
    }

    /** An integer field. */
    public Optional<Long> int64(String name) {
        return field(name).map(v -> {
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw PulumiError.invalidBody();
            }
            return v.longValue();
        });
    }

    /** A boolean field. */
    public Optional<Boolean> bool(String name) {
        return field(name).map(v -> {
            if (!v.isBoolean()) {
                throw PulumiError.invalidBody();
            }
            return v.booleanValue();
        });
    }

    /** An object field. */
    public Optional<BodyFields> object(String name) {
        return field(name).map(BodyFields::of);
    }

    /** An array field, each element read by {@code element}. */
    public <T> Optional<List<T>> array(String name, Function<JsonNode, T> element) {
        return field(name).map(v -> {
            if (!v.isArray()) {
                throw PulumiError.invalidBody();
            }
            List<T> out = new ArrayList<>();
            v.forEach(e -> out.add(element.apply(e)));
            return out;
        });
    }

    /** An array of strings. */
    public Optional<List<String>> strings(String name) {
        return array(name, BodyFields::stringElement);
    }

    /** An object field as plain Java values; absent or {@code null} is an empty map. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> plainObject(String name) {
        return field(name).map(v -> {
            if (!v.isObject()) {
                throw PulumiError.invalidBody();
            }
            return (Map<String, Object>) PlainJson.value(v);
        }).orElse(Map.of());
    }

    /** Any field as plain Java values, left to the service to validate. */
    public Optional<Object> plain(String name) {
        return field(name).map(PlainJson::value);
    }

    /** One string element of an array; anything else is 400. */
    public static String stringElement(JsonNode node) {
        if (!node.isTextual()) {
            throw PulumiError.invalidBody();
        }
        return node.textValue();
    }

    private Optional<JsonNode> field(String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }
}
