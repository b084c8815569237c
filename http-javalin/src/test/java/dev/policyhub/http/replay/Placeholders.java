package dev.policyhub.http.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of a log's {@code ${name}} placeholders during one replay. Some are fixed before it starts (the seeded
 * hierarchy); ids the server assigns are captured from the first response that shows them. A rebindable placeholder
 * (an operation id, which the log reuses for every operation) is captured again from every response.
 */
public final class Placeholders {
    private static final Pattern TOKEN = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");
    // Server-assigned ids are single path segments: numbers, or operation ids such as "cf.100000000042".
    private static final String CAPTURED_VALUE = "[^/]+";

    private final Map<String, String> values;
    private final Set<String> rebindable;

    /** Placeholders with these fixed values; {@code rebindable} ones are captured from every response. */
    public Placeholders(Map<String, String> fixed, Set<String> rebindable) {
        this.values = new HashMap<>(fixed);
        this.rebindable = Set.copyOf(rebindable);
    }

    /** The current value of a placeholder, or null while it is unbound. */
    public String value(String name) {
        return values.get(name);
    }

    /** Replaces every bound placeholder; unbound ones stay as {@code ${name}}. */
    public String fill(String text) {
        return replace(text, false);
    }

    /** Replaces bound placeholders except rebindable ones, which an expected response must capture afresh. */
    public String fillExpected(String text) {
        return replace(text, true);
    }

    /** Names of the placeholders still in {@code text}, in order of appearance. */
    public static List<String> remaining(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return new ArrayList<>(names);
    }

    /**
     * Binds the placeholders left in an expected body from the actual body: wherever a string of {@code template}
     * holds placeholders and the string at the same place in {@code actual} matches it, the placeholders take the
     * matched text. Places that do not match bind nothing (the comparison reports them).
     */
    public void capture(JsonNode template, JsonNode actual) {
        if (template == null || actual == null) {
            return;
        }
        if (template.isObject() && actual.isObject()) {
            for (Entry<String, JsonNode> field : template.properties()) {
                capture(field.getValue(), actual.get(field.getKey()));
            }
        } else if (template.isArray() && actual.isArray()) {
            for (int i = 0; i < Math.min(template.size(), actual.size()); i++) {
                capture(template.get(i), actual.get(i));
            }
        } else if (template.isTextual() && actual.isTextual()) {
            captureText(template.textValue(), actual.textValue());
        }
    }

    private void captureText(String template, String actual) {
        List<String> names = remaining(template);
        if (names.isEmpty()) {
            return;
        }
        StringBuilder regex = new StringBuilder();
        Set<String> seen = new HashSet<>();
        Matcher m = TOKEN.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            String name = m.group(1);
            regex.append(seen.add(name) ? "(?<" + name + ">" + CAPTURED_VALUE + ")" : "\\k<" + name + ">");
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        Matcher match = Pattern.compile(regex.toString()).matcher(actual);
        if (match.matches()) {
            for (String name : names) {
                values.put(name, match.group(name));
            }
        }
    }

    private String replace(String text, boolean keepRebindable) {
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = keepRebindable && rebindable.contains(name) ? null : values.get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
