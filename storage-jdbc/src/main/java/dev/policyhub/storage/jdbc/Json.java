package dev.policyhub.storage.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * JSON text of plain Java values (maps with string keys, lists, strings, booleans, numbers, {@code null}) that reads
 * back equal to what was written, Java number types included. {@code Long} and finite {@code Double} values are plain
 * JSON numbers (a double always has a fraction or an exponent); any other number is a one-key object naming its type,
 * such as {@code {"@int":"3"}}, and a map whose only key starts with {@code @} is written as
 * {@code {"@map":[key,value]}} so that it is never mistaken for such a tag. Surrogate characters are escaped, so even
 * unpaired ones survive the UTF-8 text column.
 */
final class Json {
    /** Numbers that are not plain JSON numbers, by tag. */
    private static final Map<String, Function<String, Object>> TAGGED_NUMBERS = Map.of(
            "@int", Integer::valueOf,
            "@short", Short::valueOf,
            "@byte", Byte::valueOf,
            "@float", Float::valueOf,
            "@double", Double::valueOf,
            "@bigint", BigInteger::new,
            "@decimal", BigDecimal::new);

    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    /** The JSON text of {@code value}; fails on a value of another type than those listed above. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /** The value that {@link #write} turned into {@code text}. */
    static Object read(String text) {
        Json parser = new Json(text);
        Object value = parser.value();
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw parser.error("text after the value");
        }
        return value;
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null || value instanceof Boolean || value instanceof Long) {
            out.append(value);
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Double d && Double.isFinite(d)) {
            out.append(d);
        } else if (value instanceof Number n) {
            out.append('{');
            string(tagOf(n), out);
            out.append(':');
            string(n.toString(), out);
            out.append('}');
        } else if (value instanceof Map<?, ?> map) {
            object(map, out);
        } else if (value instanceof List<?> list) {
            array(list, out);
        } else {
            throw new IllegalArgumentException("cannot store a value of type " + value.getClass().getName());
        }
    }

    private static String tagOf(Number n) {
        if (n instanceof Integer) {
            return "@int";
        } else if (n instanceof Short) {
            return "@short";
        } else if (n instanceof Byte) {
            return "@byte";
        } else if (n instanceof Float) {
            return "@float";
        } else if (n instanceof Double) {
            return "@double";
        } else if (n instanceof BigInteger) {
            return "@bigint";
        } else if (n instanceof BigDecimal) {
            return "@decimal";
        }
        throw new IllegalArgumentException("cannot store a number of type " + n.getClass().getName());
    }

    private static void object(Map<?, ?> map, StringBuilder out) {
        if (map.size() == 1 && String.valueOf(map.keySet().iterator().next()).startsWith("@")) {
            Map.Entry<?, ?> only = map.entrySet().iterator().next();
            out.append("{\"@map\":");
            array(Arrays.asList(String.valueOf(only.getKey()), only.getValue()), out);
            out.append('}');
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(String.valueOf(e.getKey()), out);
            out.append(':');
            write(e.getValue(), out);
        }
        out.append('}');
    }

    private static void array(List<?> list, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(list.get(i), out);
        }
        out.append(']');
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private Object value() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("a value is missing");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return number();
        }
    }

    private Object object() {
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        if (peek('}')) {
            return map;
        }
        do {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            map.put(key, value());
            skipSpace();
        } while (peek(','));
        expect('}');
        return map.size() == 1 && map.keySet().iterator().next().startsWith("@") ? untag(map) : map;
    }

    /** The value a one-key {@code @} object stands for. */
    private Object untag(Map<String, Object> tagged) {
        Map.Entry<String, Object> only = tagged.entrySet().iterator().next();
        if (only.getKey().equals("@map") && only.getValue() instanceof List<?> pair && pair.size() == 2
                && pair.get(0) instanceof String key) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put(key, pair.get(1));
            return map;
        }
        Function<String, Object> number = TAGGED_NUMBERS.get(only.getKey());
        if (number == null || !(only.getValue() instanceof String digits)) {
            throw error("unknown tag " + only.getKey());
        }
        return number.apply(digits);
    }

    private List<Object> array() {
        pos++;
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek(']')) {
            return list;
        }
        do {
            list.add(value());
            skipSpace();
        } while (peek(','));
        expect(']');
        return list;
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = text.charAt(pos++);
            switch (escaped) {
                case 'u':
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                    break;
                case 'n':
                    out.append('\n');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case 'b':
                    out.append('\b');
                    break;
                case 'f':
                    out.append('\f');
                    break;
                default:
                    out.append(escaped);
                    break;
            }
        }
    }

    private Object number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String digits = text.substring(start, pos);
        if (digits.isEmpty()) {
            throw error("unexpected character");
        }
        if (digits.indexOf('.') >= 0 || digits.indexOf('e') >= 0 || digits.indexOf('E') >= 0) {
            return Double.valueOf(digits);
        }
        return Long.valueOf(digits);
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected character");
        }
        pos += word.length();
        return value;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean peek(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private IllegalStateException error(String problem) {
        return new IllegalStateException("stored JSON is malformed at " + pos + ": " + problem);
    }
}
