package dev.policyhub.http.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends requests byte for byte over one kept-alive connection, opening a new one when the server ended the last;
 * answers are read by their length, chunks, or to the end of the connection.
 */
final class WireClient implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 20_000;

    /** An answer: status, header lines, body; {@code status} is -1 when the server closed without answering. */
    record Answer(int status, List<String> headers, byte[] body, String failure) {
        Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).trim()).findFirst();
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private String unsolicited;

    WireClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Bytes the server had sent past the end of the previous answer when this request was about to go out (an
     * answer no request asked for, which would shift every later answer by one); empty when there were none. The
     * connection is then replaced, so the next answers still match their requests.
     */
    Optional<String> unsolicited() {
        return Optional.ofNullable(unsolicited);
    }

    Answer send(FuzzRequest request) {
        unsolicited = null;
        if (socket != null) {
            try {
                int waiting = in.available();
                if (waiting > 0) {
                    unsolicited = FuzzRequest.escape(in.readNBytes(waiting), 600);
                    close();
                }
            } catch (IOException e) {
                close();
            }
        }
        byte[] bytes = request.bytes(host + ":" + port);
        boolean head = request.raw() == null && request.method().equals("HEAD");
        boolean reused = socket != null;
        Answer answer = exchange(bytes, head);
        if (answer.status() < 0 && reused) {
            // a kept-alive connection the server had already ended: try once on a fresh one
            close();
            answer = exchange(bytes, head);
        }
        if (answer.status() < 0 || request.closes() || answer.header("Connection").map(v -> v.equalsIgnoreCase(
                "close")).orElse(false)) {
            close();
        }
        return answer;
    }

    private Answer exchange(byte[] bytes, boolean head) {
        try {
            if (socket == null) {
                socket = new Socket(host, port);
                socket.setSoTimeout(TIMEOUT_MILLIS);
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 65536);
            }
            OutputStream out = socket.getOutputStream();
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                // the server may answer a refused request and stop reading before all of it is sent
            }
            return read(head);
        } catch (SocketTimeoutException e) {
            close();
            return new Answer(-1, List.of(), new byte[0], "no answer within " + TIMEOUT_MILLIS + " ms");
        } catch (IOException e) {
            close();
            return new Answer(-1, List.of(), new byte[0], "connection failed: " + e.getMessage());
        }
    }

    private Answer read(boolean head) throws IOException {
        while (true) {
            String statusLine = line();
            if (statusLine == null) {
                return new Answer(-1, List.of(), new byte[0], "connection closed without an answer");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            List<String> headers = new ArrayList<>();
            for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                headers.add(h);
            }
            if (status >= 100 && status < 200) {
                continue;
            }
            Answer bare = new Answer(status, headers, new byte[0], null);
            if (head || status == 204 || status == 304) {
                return bare;
            }
            if (bare.header("Transfer-Encoding").map(v -> v.equalsIgnoreCase("chunked")).orElse(false)) {
                return new Answer(status, headers, chunks(), null);
            }
            Optional<String> length = bare.header("Content-Length");
            if (length.isPresent()) {
                return new Answer(status, headers, in.readNBytes(Integer.parseInt(length.get())), null);
            }
            return new Answer(status, headers, in.readAllBytes(), null);
        }
    }

    private byte[] chunks() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int n = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (n == 0) {
                // skip the trailers up to the empty line: they carry nothing the checks need
                String trailer = line();
                while (trailer != null && !trailer.isEmpty()) {
                    trailer = line();
                }
                return out.toByteArray();
            }
            out.write(in.readNBytes(n));
            line();
        }
    }

    /** A line without its CRLF, or null at the end of the connection before any byte. */
    private String line() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            if (b != '\r') {
                out.write(b);
            }
            b = in.read();
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
        socket = null;
        in = null;
    }
}
