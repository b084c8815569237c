package dev.policyhub.http.pulumi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.http.support.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 written byte for byte on a socket, for what a regular client refuses to send (broken escapes, bodies in
 * a chosen encoding, any verb, over-long headers); the answer is read whole, with its headers.
 */
final class SocketHttp {
    /** An answer: status, header lines as sent, body bytes (de-chunked). */
    record Answer(int status, List<String> headerLines, byte[] body) {
        /** The first value of a header, by case-insensitive name. */
        Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headerLines.stream().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).trim()).findFirst();
        }

        /** The body as UTF-8 text. */
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body as JSON. */
        JsonNode json() {
            return RawHttp.json(text());
        }
    }

    private final URI base;

    /** A client for the server at {@code baseUrl}. */
    SocketHttp(String baseUrl) {
        this.base = URI.create(baseUrl);
    }

    /**
     * Sends {@code method target} with the given headers (name, value pairs), {@code Host}, {@code Connection: close}
     * and, when {@code body} is not null, its {@code Content-Length}.
     */
    Answer send(String method, String target, byte[] body, String... headers) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Connection: close\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            request.writeBytes(body);
        }
        return exchange(request.toByteArray(), !method.equals("HEAD"));
    }

    private Answer exchange(byte[] request, boolean mayHaveBody) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // the server may answer a refused body and stop reading before all of it is sent
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(bytes);
            } catch (IOException e) {
                // the server may reset the connection after answering a refused body; the answer is already read
            }
            return parse(bytes.toByteArray(), mayHaveBody);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer parse(byte[] raw, boolean mayHaveBody) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            throw new IllegalStateException("no complete answer: " + text);
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.substring(0, split).split("\r\n")));
        int status = Integer.parseInt(lines.remove(0).substring(9, 12));
        byte[] body = Arrays.copyOfRange(raw, split + 4, raw.length);
        Answer answer = new Answer(status, lines, body);
        if (mayHaveBody && answer.header("Transfer-Encoding").map(v -> v.equalsIgnoreCase("chunked")).orElse(false)) {
            return new Answer(status, lines, dechunk(body));
        }
        return mayHaveBody ? answer : new Answer(status, lines, new byte[0]);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int eol = indexOfCrlf(chunked, at);
            String sizeLine = new String(chunked, at, eol - at, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(chunked, eol + 2, size);
            at = eol + 2 + size + 2;
        }
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("truncated chunked body");
    }
}
