package dev.policyhub.core.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, order-keeping, unmodifiable copies of JSON-like values (maps with string keys, lists, strings, numbers,
 * booleans and {@code null}), so records holding free-form JSON share nothing with their callers.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /** A deep unmodifiable copy of a JSON object. */
    public static Map<String, Object> object(Map<String, ?> value) {
        Map<String, Object> copy = new LinkedHashMap<>();
        value.forEach((k, v) -> copy.put(k, freeze(v)));
        return Collections.unmodifiableMap(copy);
    }

    /** A deep unmodifiable copy of any JSON value. */
    public static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), freeze(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(freeze(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
