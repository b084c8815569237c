package dev.policyhub.http.pulumi.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * HTTP against PolicyHub's Pulumi-side routes. Paths are sent exactly as given (escapes included), and every response
 * is checked with {@link OpenApiContract} before it is returned, so a test cannot skip the wire-contract check.
 */
public final class PulumiHttp {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A response: status, headers and the raw body. */
    public record Reply(int status, HttpHeaders headers, byte[] body) {
        /** The body as UTF-8 text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body parsed as JSON, or null when it is empty. */
        public JsonNode json() {
            try {
                return body.length == 0 ? null : MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The first value of header {@code name}, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String token;

    /** A client for the server at {@code baseUrl} (e.g. {@code http://127.0.0.1:8080}) that sends no token. */
    public PulumiHttp(String baseUrl) {
        this(baseUrl, null);
    }

    private PulumiHttp(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** The same client sending {@code Authorization: token <token>} on every request. */
    public PulumiHttp withToken(String token) {
        return new PulumiHttp(baseUrl, token);
    }

    /** GET. */
    public Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    /** DELETE. */
    public Reply delete(String pathAndQuery) {
        return send("DELETE", pathAndQuery, null);
    }

    /** POST with a JSON body, or none when {@code json} is null. */
    public Reply post(String pathAndQuery, String json) {
        return send("POST", pathAndQuery, utf8(json));
    }

    /** PATCH with a JSON body. */
    public Reply patch(String pathAndQuery, String json) {
        return send("PATCH", pathAndQuery, utf8(json));
    }

    /** PUT with a JSON body. */
    public Reply put(String pathAndQuery, String json) {
        return send("PUT", pathAndQuery, utf8(json));
    }

    /**
     * Any request. A body is sent as {@code application/json} unless {@code headers} (name, value pairs, applied last)
     * set another Content-Type; they can also replace or add Authorization.
     */
    public Reply send(String method, String pathAndQuery, byte[] body, String... headers) {
        URI uri = URI.create(baseUrl + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.setHeader("Content-Type", "application/json");
        }
        if (token != null) {
            request.setHeader("Authorization", "token " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        Reply reply = exchange(request.build());
        OpenApiContract.pulumi().check(method, uri.getRawPath(), reply.status(),
                reply.headers().firstValue("Content-Type").orElse(null), reply.body());
        return reply;
    }

    private Reply exchange(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
