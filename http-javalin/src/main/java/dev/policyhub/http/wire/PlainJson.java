package dev.policyhub.http.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as the plain Java values core keeps (String, Boolean, Long, Double, List, Map, null) and back:
 * integral JSON numbers stay integral so that {@code 3} is echoed as {@code 3}.
 */
public final class PlainJson {
    private PlainJson() {
    }

    /** The plain Java value of a JSON value. */
    public static Object value(JsonNode node) {
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
    public static JsonNode toJson(Object value) {
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
