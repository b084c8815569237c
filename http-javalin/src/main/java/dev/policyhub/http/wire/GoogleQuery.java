package dev.policyhub.http.wire;

import dev.policyhub.core.PageRequest;
import dev.policyhub.core.UpdateMask;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The query string of a Google API call, read the way Google's front end reads it: split on {@code &} only, each key
 * and value percent-decoded, bare keys meaning the empty string, system parameters ignored, snake_case accepted, and
 * any other parameter refused.
 */
public final class GoogleQuery {
    private static final Set<String> SYSTEM_PARAMETERS = Set.of(".xgafv", "access_token", "alt", "callback", "fields",
            "key", "oauth_token", "prettyPrint", "quotaUser", "upload_protocol", "uploadType", "userIp");

    private final Map<String, String> values;
    private final boolean enumsAsNumbers;
    private final boolean pretty;

    private GoogleQuery(Map<String, String> values, boolean enumsAsNumbers, boolean pretty) {
        this.values = values;
        this.enumsAsNumbers = enumsAsNumbers;
        this.pretty = pretty;
    }

    /** Parses a raw (still encoded) query; {@code allowed} are the method's parameters in lowerCamel form. */
    public static GoogleQuery parse(String rawQuery, Set<String> allowed) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean enumsAsNumbers = false;
        boolean pretty = true;
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                String bare = key.startsWith("$") ? key.substring(1) : key;
                if (bare.equals("alt")) {
                    enumsAsNumbers = enumsAsNumbers || asksForIntEnums(value);
                } else if (bare.equals("prettyPrint")) {
                    pretty = !value.equalsIgnoreCase("false");
                } else if (SYSTEM_PARAMETERS.contains(bare)) {
                    continue;
                } else {
                    String name = camel(key);
                    if (!allowed.contains(name)) {
                        throw ApiError.invalid("Invalid JSON payload received. Unknown name \"" + key
                                + "\": Cannot bind query parameter. Field '" + key
                                + "' could not be found in request message.");
                    }
                    values.merge(name, value, (old, next) -> name.equals("updateMask") ? join(old, next) : next);
                }
            }
        }
        return new GoogleQuery(values, enumsAsNumbers, pretty);
    }

    /** The parameter's value, or {@code ""} when absent or given as a bare key. */
    public String get(String name) {
        return values.getOrDefault(name, "");
    }

    /** True when the parameter was given with a non-empty value. */
    public boolean has(String name) {
        return !get(name).isEmpty();
    }

    /** A boolean parameter: {@code true} or {@code false}, absent = false; anything else is 400. */
    public boolean bool(String name, String fieldName) {
        String value = get(name);
        if (value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ApiError.invalidField(fieldName, "Invalid value at '" + fieldName + "' (TYPE_BOOL), \"" + value + "\"");
    }

    /** {@code pageSize} and {@code pageToken}: empty or 0 is the default size; negative or not an int32 is 400. */
    public PageRequest page() {
        String size = get("pageSize");
        int pageSize = 0;
        if (!size.isEmpty()) {
            try {
                pageSize = Integer.parseInt(size);
            } catch (NumberFormatException e) {
                throw ApiError.invalidField("page_size",
                        "Invalid value at 'page_size' (TYPE_INT32), \"" + size + "\"");
            }
            if (pageSize < 0) {
                throw ApiError.invalidField("page_size", "page_size: must not be negative");
            }
        }
        return new PageRequest(pageSize, get("pageToken"));
    }

    /** {@code updateMask} (repeated values joined), absent when not given. */
    public UpdateMask updateMask() {
        return UpdateMask.parse(get("updateMask"));
    }

    /** True when the caller asked for enums as numbers ({@code $alt=json;enum-encoding=int}). */
    public boolean enumsAsNumbers() {
        return enumsAsNumbers;
    }

    /** False when the caller asked for compact output ({@code prettyPrint=false}). */
    public boolean pretty() {
        return pretty;
    }

    private static boolean asksForIntEnums(String alt) {
        for (String token : alt.split(";")) {
            if (token.trim().equalsIgnoreCase("enum-encoding=int")) {
                return true;
            }
        }
        return false;
    }

    private static String join(String old, String next) {
        if (old.isEmpty()) {
            return next;
        }
        return next.isEmpty() ? old : old + "," + next;
    }

    private static String decode(String raw) {
        try {
            // a literal '+' stays a '+': base64 etags are sent unescaped by some clients
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("Invalid query string: bad percent-encoding in \"" + raw + "\"");
        }
    }

    /** {@code page_size} → {@code pageSize}; lowerCamel names are returned unchanged. */
    static String camel(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
