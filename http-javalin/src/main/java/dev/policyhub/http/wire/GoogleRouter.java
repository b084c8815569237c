package dev.policyhub.http.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.core.access.AccessGrant;
import dev.policyhub.core.access.AccessService;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes Google API calls by hand: constraint names hold dots, custom verbs follow a colon ({@code :getEffectivePolicy},
 * also sent as {@code %3A}) and tag binding names hold escaped slashes, which path templates cannot express. Each
 * binding is a verb, a pattern over the path decoded once, the query parameters the method takes and the resource
 * names a call refers to, every one of which the caller's grant must reach before the handler runs. The bindings of
 * the request's verb are tried in the order they were added.
 */
public final class GoogleRouter {
    /** What a binding does with a matched call; the returned JSON is the 200 body. */
    @FunctionalInterface
    public interface Handler {
        /** Handles the call. */
        JsonNode handle(GoogleCall call);
    }

    /**
     * The resource names a matched call refers to (path, query and body), as the services take them; empty ones
     * are skipped. Every binding declares its names, so no route can be added without saying what it touches.
     */
    @FunctionalInterface
    public interface Names {
        /**
         * Names no resource: the control endpoints (which need the admin scope instead), a search that answers only
         * what the grant reaches, an operation (checked against the organization it was recorded with).
         */
        Names NONE = call -> List.of();
        /** The resource named by the first group of the binding's pattern. */
        Names PATH = call -> List.of(call.path(1));

        /** The names of the call. */
        List<String> of(GoogleCall call);
    }

    private record Binding(Pattern path, Set<String> queryParameters, Names names, Handler handler) {
    }

    /** The outcome of a dispatch: the status and the printed body. */
    public record Response(int status, byte[] body) {
    }

    /** The bindings of each verb, in the order they were added. */
    private final Map<String, List<Binding>> bindingsByVerb = new HashMap<>();
    private final AccessService access;

    /** Creates an empty router whose calls' names are checked with {@code access}. */
    public GoogleRouter(AccessService access) {
        this.access = Objects.requireNonNull(access, "access");
    }

    /** Adds a binding; {@code pathPattern} must match the whole decoded path. */
    public GoogleRouter add(String verb, String pathPattern, Set<String> queryParameters, Names names,
                            Handler handler) {
        bindingsByVerb.computeIfAbsent(verb.toUpperCase(Locale.ROOT), v -> new ArrayList<>()).add(new Binding(
                Pattern.compile(pathPattern), Set.copyOf(queryParameters), names, handler));
        return this;
    }

    /**
     * Dispatches a request of a caller with {@code grant}. {@code method} is the HTTP verb after the
     * {@code X-HTTP-Method-Override} convention, {@code rawPath} and {@code rawQuery} are as sent (still
     * percent-encoded). A name the grant does not reach is PERMISSION_DENIED before the handler runs. Errors are
     * thrown, not rendered.
     */
    public Response dispatch(String method, String rawPath, String rawQuery, byte[] body, AccessGrant grant) {
        String path = decodeOnce(rawPath);
        for (Binding binding : bindingsByVerb.getOrDefault(method, List.of())) {
            Matcher matcher = binding.path().matcher(path);
            if (matcher.matches()) {
                GoogleQuery query = GoogleQuery.parse(rawQuery, binding.queryParameters());
                GoogleCall call = new GoogleCall(matcher, query, body, grant);
                if (!grant.allGoogle()) {
                    access.requireGoogle(grant, binding.names().of(call));
                }
                JsonNode result = binding.handler().handle(call);
                return new Response(200, Json.print(result, query.pretty()));
            }
        }
        throw ApiError.methodNotFound();
    }

    /** The verb a request stands for: a POST with {@code X-HTTP-Method-Override: PATCH} is a PATCH. */
    public static String effectiveMethod(String method, String override) {
        String verb = method.toUpperCase(Locale.ROOT);
        if (verb.equals("POST") && override != null && override.trim().equalsIgnoreCase("PATCH")) {
            return "PATCH";
        }
        return verb;
    }

    /** Percent-decodes a path once as UTF-8, leaving {@code +} alone; a broken escape is a 400. */
    public static String decodeOnce(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw ApiError.invalid("Invalid request path: bad percent-encoding.");
                }
                out.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
