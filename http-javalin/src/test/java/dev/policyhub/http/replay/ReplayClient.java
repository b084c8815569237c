package dev.policyhub.http.replay;

import dev.policyhub.http.replay.RecordedExchange.Header;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sends a recorded request to the server under test: same method (a real {@code PATCH}), the recorded path and query
 * byte for byte, the recorded headers except those the transport sets itself, and the recorded body.
 */
public final class ReplayClient {
    private static final Set<String> TRANSPORT_HEADERS = Set.of("host", "content-length");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What came back: status, content type ({@code ""} when none) and body text. */
    public record Answer(int status, String contentType, String body) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final String baseUrl;

    /** A client for the server at {@code baseUrl} ({@code http://127.0.0.1:port}). */
    public ReplayClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Sends {@code method pathAndQuery} with the headers and body ({@code ""} = none). */
    public Answer send(String method, String pathAndQuery, List<Header> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(TIMEOUT)
                .method(method, body.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        for (Header header : headers) {
            if (!TRANSPORT_HEADERS.contains(header.name().toLowerCase(Locale.ROOT))) {
                request.header(header.name(), header.value());
            }
        }
        try {
            HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + method + " " + pathAndQuery, e);
        }
    }
}
