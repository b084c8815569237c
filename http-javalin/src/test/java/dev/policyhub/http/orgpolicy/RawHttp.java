package dev.policyhub.http.orgpolicy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Raw HTTP calls with {@code java.net.http}: the path and query are sent exactly as written. */
final class RawHttp {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A response: status, content type, the body as text and as JSON. */
    record Reply(int status, String contentType, String text, JsonNode json) {
        /** The error envelope's {@code error} object. */
        JsonNode error() {
            return json.path("error");
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    RawHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    Reply delete(String pathAndQuery) {
        return send("DELETE", pathAndQuery, null);
    }

    Reply post(String pathAndQuery, String body) {
        return send("POST", pathAndQuery, body);
    }

    Reply patch(String pathAndQuery, String body) {
        return send("PATCH", pathAndQuery, body);
    }

    /** Sends a request; {@code headers} alternate names and values. */
    Reply send(String method, String pathAndQuery, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String type = response.headers().firstValue("Content-Type").orElse("");
            return new Reply(response.statusCode(), type, response.body(), MAPPER.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Parses JSON written in a test, for comparing whole bodies. */
    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
