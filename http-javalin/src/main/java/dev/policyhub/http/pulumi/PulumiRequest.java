package dev.policyhub.http.pulumi;

import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A request as the web stack hands it over: the verb, the path and query as sent (still percent-encoded), a header
 * lookup, the body stream (read only once a route has matched, with that route's size limit) and the base URL the
 * client used ({@code http://host:port}).
 */
public record PulumiRequest(String method, String rawPath, String rawQuery, Function<String, Optional<String>> headers,
                            InputStream body, String baseUrl) {
    public PulumiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        rawQuery = rawQuery == null ? "" : rawQuery;
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(baseUrl, "baseUrl");
    }

    /** A header's value, if sent. */
    public Optional<String> header(String name) {
        return headers.apply(name);
    }
}
