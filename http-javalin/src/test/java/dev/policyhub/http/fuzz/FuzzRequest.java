package dev.policyhub.http.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One generated request: the route and mutation family it came from, the request line and headers, the body (null
 * for none) and, for the protocol family, the exact bytes to send instead. {@code path} is the path as the server
 * routes it (to pick the error dialect); {@code effectiveWrite} says whether a 2xx would mean a changed store.
 */
record FuzzRequest(long seed, int index, String route, String family, String method, String target,
                   List<String> headers, byte[] body, byte[] raw, String path, boolean effectiveWrite) {
    private static final int SHOWN_BODY = 1_500;

    /** The bytes to write on the connection. */
    byte[] bytes(String host) {
        if (raw != null) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        for (String header : headers) {
            out.writeBytes((header + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (body != null) {
            out.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** The same request with one more header line; raw protocol bytes are sent as they are. */
    FuzzRequest withHeader(String header) {
        if (raw != null) {
            return this;
        }
        List<String> more = new ArrayList<>(headers);
        more.add(header);
        return new FuzzRequest(seed, index, route, family, method, target, List.copyOf(more), body, raw, path,
                effectiveWrite);
    }

    /** True when the server is expected to end the connection after answering. */
    boolean closes() {
        return raw != null || headers.contains("Connection: close");
    }

    /** The request as a replayable description: seed, index, route, family and the request, escaped. */
    String describe() {
        StringBuilder out = new StringBuilder();
        out.append("seed ").append(seed).append(", index ").append(index).append(" (replay with -Dpolicyhub.fuzz.seed=")
                .append(seed).append(" -Dpolicyhub.fuzz.only=").append(index).append(")\n")
                .append("route ").append(route).append(", family ").append(family).append('\n');
        if (raw != null) {
            out.append("raw bytes: ").append(escape(raw, SHOWN_BODY * 4)).append('\n');
            return out.toString();
        }
        out.append(escape((method + " " + target).getBytes(StandardCharsets.UTF_8), 2_000)).append('\n');
        for (String header : headers) {
            out.append(escape(header.getBytes(StandardCharsets.UTF_8), 300)).append('\n');
        }
        if (body != null) {
            out.append("body (").append(body.length).append(" bytes): ").append(escape(body, SHOWN_BODY)).append('\n');
        }
        return out.toString();
    }

    /** Printable ASCII as is, everything else as {@code \xNN}, cut after {@code limit} bytes. */
    static String escape(byte[] bytes, int limit) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, limit); i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '\\') {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02X", b));
            }
        }
        if (bytes.length > limit) {
            out.append("… (").append(bytes.length - limit).append(" more bytes)");
        }
        return out.toString();
    }
}
