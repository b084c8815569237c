package dev.policyhub.http.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Raw HTTP against a running server: paths are sent exactly as given (escapes included), replies parsed as JSON. */
public final class RawHttp {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * A reply: the status, the content type, the body as text and parsed as JSON (null when empty), and the
     * {@code WWW-Authenticate} challenge ({@code ""} when none).
     */
    public record Reply(int status, String contentType, String text, JsonNode json, String challenge) {
        /** The error envelope's {@code error} object. */
        public JsonNode error() {
            return json.path("error");
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;

    /** A client for the server at {@code baseUrl}, e.g. {@code http://127.0.0.1:8080}. */
    public RawHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** GET. */
    public Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    /** POST with a JSON body. */
    public Reply post(String pathAndQuery, String body) {
        return send("POST", pathAndQuery, body);
    }

    /** PATCH with a JSON body. */
    public Reply patch(String pathAndQuery, String body) {
        return send("PATCH", pathAndQuery, body);
    }

    /** POST with {@code X-HTTP-Method-Override: PATCH}, as Google's Java client sends an update. */
    public Reply patchByOverride(String pathAndQuery, String body) {
        return send("POST", pathAndQuery, body, "X-HTTP-Method-Override", "PATCH");
    }

    /** DELETE. */
    public Reply delete(String pathAndQuery) {
        return send("DELETE", pathAndQuery, null);
    }

    /** Any request; {@code headers} are name, value pairs. */
    public Reply send(String method, String pathAndQuery, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String text = response.body();
            String type = response.headers().firstValue("Content-Type").orElse("");
            return new Reply(response.statusCode(), type, text, text.isEmpty() ? null : MAPPER.readTree(text),
                    response.headers().firstValue("WWW-Authenticate").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Parses JSON text, e.g. an expected body. */
    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
