package dev.policyhub.http.orgpolicy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.http.wire.ApiError;
import dev.policyhub.http.wire.PlainJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code google.protobuf.Struct} as the plain Java map core keeps (values as {@link PlainJson} converts them).
 */
final class StructJson {
    private StructJson() {
    }

    /** A Struct field: a JSON object, any other shape is 400 at {@code path}. */
    static Map<String, Object> struct(JsonNode node, String path) {
        if (!node.isObject()) {
            throw ApiError.invalidValue(path, "TYPE_MESSAGE", node.toString());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            out.put(field.getKey(), PlainJson.value(field.getValue()));
        }
        return out;
    }

    /** The JSON of a plain Java value. */
    static JsonNode toJson(Object value) {
        return PlainJson.toJson(value);
    }
}
