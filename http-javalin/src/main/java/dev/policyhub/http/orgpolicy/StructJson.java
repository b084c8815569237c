package dev.policyhub.http.orgpolicy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.policyhub.http.wire.ApiError;
import dev.policyhub.http.wire.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code google.protobuf.Struct} and {@code Value} as the plain Java values core keeps (String, Boolean, Long, Double,
 * List, Map, null): integral JSON numbers stay integral so that {@code 3} is echoed as {@code 3}.
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
            out.put(field.getKey(), value(field.getValue()));
        }
        return out;
    }

    private static Object value(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            node.properties().forEach(field -> out.put(field.getKey(), value(field.getValue())));
            return out;
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            node.forEach(element -> out.add(value(element)));
            return out;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return null;
    }

    /** The JSON of a plain Java value. */
    static JsonNode toJson(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof String s) {
            return TextNode.valueOf(s);
        }
        if (value instanceof Boolean b) {
            return BooleanNode.valueOf(b);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return LongNode.valueOf(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return DoubleNode.valueOf(n.doubleValue());
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode out = Json.object();
            map.forEach((k, v) -> out.set(String.valueOf(k), toJson(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            ArrayNode out = Json.array();
            list.forEach(v -> out.add(toJson(v)));
            return out;
        }
        return TextNode.valueOf(value.toString());
    }
}
