package dev.policyhub.http.resourcemanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Raw HTTP against a running server: paths are sent exactly as given (escapes included), replies parsed as JSON. */
public final class RawHttp {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A reply: the status, the body parsed as JSON, and the body as text. */
    public record Reply(int status, JsonNode json, String text) {
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;

    /** A client for the server at {@code baseUrl}. */
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
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Reply(response.statusCode(), text.isEmpty() ? null : MAPPER.readTree(text), text);
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
