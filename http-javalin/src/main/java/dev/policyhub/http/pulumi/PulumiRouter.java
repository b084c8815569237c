package dev.policyhub.http.pulumi;

import dev.policyhub.core.access.AccessGrant;
import dev.policyhub.core.access.AccessTokens;
import dev.policyhub.http.wire.ApiError;
import dev.policyhub.http.wire.Credentials;
import dev.policyhub.http.wire.GoogleRouter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes Pulumi calls by path template ({@code /api/orgs/{org}/policygroups/{group}}), in the order they were added,
 * so a literal segment added first ({@code …/policygroups/metadata}) wins over a parameter. Templates match the path
 * as sent, so an escaped slash stays inside its segment ({@code accounts/aws-main%2Fus-east-1}); parameters are then
 * decoded once. When tokens are configured, a route's {@link Guard} says what the caller's token must reach. Errors
 * are thrown, not rendered.
 */
public final class PulumiRouter {
    /** Largest JSON body a route accepts. */
    public static final long MAX_JSON_BODY_BYTES = 1024 * 1024;
    /** Longest path parameter, decoded: a Pulumi name is at most 100 characters and an account two of them. */
    public static final int MAX_PATH_PARAMETER_CHARS = 256;
    /** Longest query value, decoded: continuation and upload tokens are far shorter. */
    public static final int MAX_QUERY_VALUE_CHARS = 1024;
    private static final Set<String> API_SCHEMES = Set.of("token");
    private static final Set<String> ADMIN_SCHEMES = Set.of("token", "bearer");
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");

    /** What a binding does with a matched call. */
    @FunctionalInterface
    public interface Handler {
        /** Handles the call. */
        PulumiResponse handle(PulumiCall call);
    }

    /** What a route requires of the caller's token when tokens are configured. */
    public enum Guard {
        /** Nothing: the route never reads {@code Authorization} (the pack archives). */
        NONE,
        /** {@code Authorization: token <t>}, whose grant reaches the organization the call names. */
        ORGANIZATION,
        /** A token with the admin scope, sent as {@code token <t>} or {@code Bearer <t>}. */
        ADMIN
    }

    /** How a route treats credentials and bodies. */
    public record Access(Guard guard, long maxBodyBytes, String tooLargeDetail) {
        /** An API route: a token reaching the call's organization, JSON bodies up to 1 MiB. */
        public static final Access API = new Access(Guard.ORGANIZATION, MAX_JSON_BODY_BYTES,
                "request body exceeds 1 MiB");
        /** An admin route: a token with the admin scope, JSON bodies up to 1 MiB. */
        public static final Access ADMIN = new Access(Guard.ADMIN, MAX_JSON_BODY_BYTES, API.tooLargeDetail());
    }

    private record Binding(String verb, Pattern path, List<String> parameters, Access access, Handler handler) {
    }

    private final List<Binding> bindings = new ArrayList<>();
    private final AccessTokens tokens;

    /** A router that lets in only callers with one of {@code tokens}, unless there are none. */
    public PulumiRouter(AccessTokens tokens) {
        this.tokens = tokens;
    }

    /** Adds an API route. */
    public PulumiRouter add(String verb, String template, Handler handler) {
        return add(verb, template, Access.API, handler);
    }

    /** Adds a route with its own credential and body rules. */
    public PulumiRouter add(String verb, String template, Access access, Handler handler) {
        List<String> parameters = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAMETER.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            parameters.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        bindings.add(new Binding(verb.toUpperCase(Locale.ROOT), Pattern.compile(regex.toString()), parameters, access,
                handler));
        return this;
    }

    /** Dispatches a request: route (404), credentials (401, then 403), query, body, then the handler. */
    public PulumiResponse dispatch(PulumiRequest request) {
        String path = request.rawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String method = request.method().toUpperCase(Locale.ROOT);
        for (Binding binding : bindings) {
            Matcher matcher = binding.path().matcher(path);
            if (binding.verb().equals(method) && matcher.matches()) {
                return call(binding, matcher, request);
            }
        }
        throw PulumiError.routeNotFound();
    }

    private PulumiResponse call(Binding binding, Matcher matcher, PulumiRequest request) {
        AccessGrant grant = grant(binding.access().guard(), request);
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < binding.parameters().size(); i++) {
            String name = binding.parameters().get(i);
            parameters.put(name, parameter(name, matcher.group(i + 1)));
        }
        Map<String, String> query = query(request.rawQuery());
        String org = organization(parameters, query);
        if (binding.access().guard() == Guard.ORGANIZATION && !org.isEmpty() && !grant.reachesPulumi(org)) {
            throw PulumiError.forbidden();
        }
        byte[] body = RequestBodies.read(request.body(), request.header("Content-Encoding").orElse(""),
                binding.access().maxBodyBytes(), binding.access().tooLargeDetail());
        return binding.handler().handle(new PulumiCall(parameters, query, body, request.baseUrl(), grant));
    }

    /** The grant of the request's token: everything when there are no tokens or the route reads none. */
    private AccessGrant grant(Guard guard, PulumiRequest request) {
        if (guard == Guard.NONE || tokens.isEmpty()) {
            return AccessGrant.everything();
        }
        Set<String> schemes = guard == Guard.ADMIN ? ADMIN_SCHEMES : API_SCHEMES;
        AccessGrant grant = Credentials.of(request.header("Authorization"), schemes).flatMap(tokens::grantOf)
                .orElseThrow(PulumiError::unauthorized);
        if (guard == Guard.ADMIN && !grant.admin()) {
            throw PulumiError.forbidden();
        }
        return grant;
    }

    /**
     * The organization a call names: its {@code {org}} path parameter, else its {@code organization} query
     * parameter; {@code ""} for none (a listing across organizations, which its handler narrows to the grant).
     */
    private static String organization(Map<String, String> parameters, Map<String, String> query) {
        return parameters.getOrDefault("org", query.getOrDefault("organization", ""));
    }

    // checked before any lookup, so a store is never asked for such a name; 404, not 400, as it names nothing and
    // Pulumi's read routes answer no 400
    private static String parameter(String name, String segment) {
        String value;
        try {
            value = GoogleRouter.decodeOnce(segment);
        } catch (ApiError e) {
            throw new PulumiError(400, "invalid request path");
        }
        if (value.length() > MAX_PATH_PARAMETER_CHARS || hasControlCharacter(value)) {
            throw new PulumiError(404, "path parameter '" + name + "' is not a valid name");
        }
        return value;
    }

    /** True when {@code value} holds a control character (C0, DEL or C1). */
    static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    // first value wins; a key without "=" has the empty value, which callers treat as absent
    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return out;
        }
        try {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(key, value);
            }
        } catch (IllegalArgumentException e) {
            throw PulumiError.invalidQuery();
        }
        return out;
    }
}
