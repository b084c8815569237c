package dev.policyhub.http.pulumi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.core.access.AccessGrant;
import dev.policyhub.http.wire.ApiError;
import dev.policyhub.http.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * One matched Pulumi call: its path parameters (decoded), query parameters, body, the base URL it came in on and what
 * the caller's token reaches.
 */
public final class PulumiCall {
    private final Map<String, String> pathParameters;
    private final Map<String, String> query;
    private final byte[] body;
    private final String baseUrl;
    private final AccessGrant grant;

    PulumiCall(Map<String, String> pathParameters, Map<String, String> query, byte[] body, String baseUrl,
               AccessGrant grant) {
        this.pathParameters = Map.copyOf(pathParameters);
        this.query = Map.copyOf(query);
        this.body = body;
        this.baseUrl = baseUrl;
        this.grant = grant;
    }

    /** A path parameter of the route template, decoded once ({@code a%2Fb} → {@code a/b}). */
    public String path(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no parameter " + name);
        }
        return value;
    }

    /**
     * A query parameter; an empty value ({@code ?mode=}) counts as absent. A value over
     * {@link PulumiRouter#MAX_QUERY_VALUE_CHARS} or with a control character is 400 {@code invalid query parameter}:
     * checked when a route reads it, so parameters no route reads stay ignored.
     */
    public Optional<String> query(String name) {
        Optional<String> value = Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty());
        if (value.isPresent() && (value.get().length() > PulumiRouter.MAX_QUERY_VALUE_CHARS
                || PulumiRouter.hasControlCharacter(value.get()))) {
            throw PulumiError.invalidQuery();
        }
        return value;
    }

    /** The body as sent (inflated if it was gzipped). */
    public byte[] body() {
        return body;
    }

    /** The body as JSON; an empty or malformed body is 400 {@code invalid request body}. */
    public JsonNode json() {
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw PulumiError.invalidBody();
        }
        try {
            return Json.parse(body);
        } catch (ApiError e) {
            throw PulumiError.invalidBody();
        }
    }

    /** What the caller's token reaches (everything when the server has no tokens). */
    public AccessGrant grant() {
        return grant;
    }

    /** The base URL ({@code http://127.0.0.1:8080}) links in answers start with. */
    public String baseUrl() {
        return baseUrl;
    }
}
