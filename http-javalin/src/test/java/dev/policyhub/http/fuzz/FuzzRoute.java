package dev.policyhub.http.fuzz;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One route the server registers, with valid values to build requests from: {@code template} names path parameters
 * in braces, {@code values} gives each parameter's valid (already escaped) values, {@code mustExist} the parameters
 * whose value names an existing resource a write needs (a bad value there makes the write fail), {@code queries}
 * valid query strings and {@code body} a valid JSON body, or null when the route reads none. {@code source} is the
 * class that registers the route.
 */
record FuzzRoute(String source, String method, String template, Map<String, List<String>> values,
                 Set<String> mustExist, List<String> queries, String body) {
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");

    /** The route's name in reports, e.g. {@code PATCH /v3/folders/{folder}}. */
    String key() {
        return method + " " + template;
    }

    /** True when the route changes state when it succeeds. */
    boolean writes() {
        return !method.equals("GET");
    }

    /** True when the route parses its JSON body. */
    boolean readsBody() {
        return body != null;
    }

    /** Which API the route belongs to. */
    Api api() {
        return Api.of(template);
    }

    /** The path with each parameter replaced by its value in {@code chosen}. */
    String path(Map<String, String> chosen) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(chosen.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** True when {@code rawPath} could be a path of this route, whatever its parameters hold (slashes included). */
    boolean mayMatch(String rawPath) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAMETER.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append(".*");
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?");
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(rawPath)
                .matches();
    }
}
