package dev.policyhub.http.pulumi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policyhub.http.pulumi.contract.OpenApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw HTTP for the Pulumi routes, JSON and archive bytes alike: paths are sent exactly as given (escapes included),
 * every request carries the client's fixed headers (e.g. {@code Authorization}), replies keep their bytes.
 */
final class BlobHttp {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A reply: status, content type (empty when none) and body bytes. */
    record Reply(int status, String contentType, byte[] bytes) {
        /** The body as UTF-8 text. */
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** The body parsed as JSON. */
        JsonNode json() {
            return BlobHttp.json(text());
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;
    private final List<String> fixedHeaders;

    /** A client for the server at {@code baseUrl}; {@code headers} (name, value pairs) go with every request. */
    BlobHttp(String baseUrl, String... headers) {
        this.baseUrl = baseUrl;
        this.fixedHeaders = List.of(headers);
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply post(String path, String json) {
        return send("POST", path, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    Reply put(String path, byte[] body) {
        return send("PUT", path, body);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /** Any request; {@code headers} are name, value pairs added to the fixed ones. */
    Reply send(String method, String path, byte[] body, String... headers) {
        String url = path.startsWith("http") ? path : baseUrl + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        List<String> all = new ArrayList<>(fixedHeaders);
        all.addAll(List.of(headers));
        for (int i = 0; i < all.size(); i += 2) {
            request.header(all.get(i), all.get(i + 1));
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Reply reply = new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
            // every answer must be one Pulumi's document (or PolicyHub's schemas for its own routes) allows
            String rawPath = URI.create(url).getRawPath();
            if (PulumiApi.serves(rawPath)) {
                OpenApiContract.pulumi().check(method, rawPath, reply.status(),
                        reply.contentType().isEmpty() ? null : reply.contentType(), reply.bytes());
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Parses JSON text. */
    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
