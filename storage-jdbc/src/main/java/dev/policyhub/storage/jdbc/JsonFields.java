package dev.policyhub.storage.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads of the fields of a stored JSON object; a missing field or one of another type is a clear failure. */
record JsonFields(Map<String, Object> map) {

    /** The fields of the object {@link Json} read from {@code text}. */
    static JsonFields parse(String text) {
        return of(Json.read(text));
    }

    /** The fields of a JSON object value. */
    static JsonFields of(Object value) {
        return new JsonFields(cast(value, Map.class, "an object"));
    }

    /** A JSON array value as a list. */
    static List<Object> array(Object value) {
        return cast(value, List.class, "an array");
    }

    /** A JSON array of strings as a list. */
    static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        for (Object item : array(value)) {
            out.add(cast(item, String.class, "a string"));
        }
        return out;
    }

    /** A JSON object of strings as a map. */
    static Map<String, String> stringMap(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        of(value).map().forEach((key, item) -> out.put(key, cast(item, String.class, "a string")));
        return out;
    }

    boolean has(String key) {
        return map.containsKey(key);
    }

    String string(String key) {
        return cast(map.get(key), String.class, "the string " + key);
    }

    boolean bool(String key) {
        return cast(map.get(key), Boolean.class, "the boolean " + key);
    }

    long number(String key) {
        return cast(map.get(key), Long.class, "the integer " + key);
    }

    List<Object> list(String key) {
        return cast(map.get(key), List.class, "the array " + key);
    }

    Map<String, Object> object(String key) {
        return cast(map.get(key), Map.class, "the object " + key);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value, Class<? super T> type, String what) {
        if (!type.isInstance(value)) {
            throw new IllegalStateException("stored JSON lacks " + what + ": " + value);
        }
        return (T) value;
    }
}
