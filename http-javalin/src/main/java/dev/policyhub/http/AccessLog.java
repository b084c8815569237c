package dev.policyhub.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request, {@code GET /v2/projects/p/policies 200 3ms}: method, path as sent, status, elapsed
 * milliseconds. Hooked into Jetty rather than the routes, so requests Jetty refuses itself (bad request lines,
 * oversized URIs or headers) and those no route has are logged too. The query string is left out, as it may carry
 * credentials ({@code ?token=}, {@code access_token}, {@code key}); headers are never logged; bytes outside printable
 * ASCII are percent-escaped so a request cannot forge a log line.
 */
final class AccessLog implements RequestLog {
    /** The logger the lines go to, so they can be routed or silenced apart from the server's own messages. */
    static final String LOGGER_NAME = "policyhub.access";
    /** Longest path written; a longer one is cut, so a line stays readable whatever the request. */
    static final int MAX_LOGGED_PATH_CHARS = 2048;

    private final Consumer<String> sink;

    /** A log that hands every line to {@code sink}. */
    AccessLog(Consumer<String> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** The log that writes to the {@value #LOGGER_NAME} logger at info level. */
    static AccessLog toLogger() {
        Logger logger = LoggerFactory.getLogger(LOGGER_NAME);
        return new AccessLog(logger::info);
    }

    @Override
    public void log(Request request, Response response) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.getBeginNanoTime());
        HttpURI uri = request.getHttpURI();
        String path = uri == null || uri.getPath() == null ? "" : uri.getPath();
        sink.accept(line(request.getMethod(), path, response.getStatus(), millis));
    }

    /** The line for one request; {@code path} must not hold the query string. */
    static String line(String method, String path, int status, long millis) {
        String verb = method == null || method.isEmpty() ? "-" : escape(method);
        String shown = path.isEmpty() ? "-" : escape(path);
        return verb + " " + shown + " " + status + " " + Math.max(0, millis) + "ms";
    }

    /** The text with every byte outside printable ASCII (controls, spaces, non-ASCII) as {@code %XX}, cut to length. */
    static String escape(String text) {
        String cut = text.length() > MAX_LOGGED_PATH_CHARS ? text.substring(0, MAX_LOGGED_PATH_CHARS) : text;
        StringBuilder out = new StringBuilder(cut.length());
        for (byte b : cut.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        if (cut.length() < text.length()) {
            out.append("...");
        }
        return out.toString();
    }
}
