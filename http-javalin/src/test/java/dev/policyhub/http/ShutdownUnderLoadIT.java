package dev.policyhub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.http.support.RawHttp;
import dev.policyhub.http.support.ServerJar;
import dev.policyhub.http.support.SqliteFile;
import dev.policyhub.http.support.WriteMix;
import dev.policyhub.http.support.WriteMix.Write;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while clients stream writes over keep-alive connections. The clients speak HTTP/1.1 on raw sockets so that
 * a response cut short (some bytes, then the end) is told apart from a connection closed or refused before any byte
 * of an answer, which a client may meet at shutdown and retry. No response may be cut, and every write answered with
 * a 2xx must be there after a restart.
 */
@DisplayName("Graceful shutdown under load: no cut response, nothing acknowledged lost")
class ShutdownUnderLoadIT {
    private static final int CLIENTS = 6;
    /** How long the clients write at least before SIGTERM. */
    private static final long WRITING_MILLIS = 1_000;
    private static final int MAX_WRITES_PER_CLIENT = 900;
    /** The fault waits for this many acknowledged writes (10 per client), however slow the machine. */
    private static final int MIN_ACKNOWLEDGED = 10 * CLIENTS;

    @TempDir
    Path dir;

    /** The end of a connection before any byte of the answer: the request may be retried. */
    private static final class NoResponse extends IOException {
        private static final long serialVersionUID = 1L;

        NoResponse(String message) {
            super(message);
        }
    }

    /** One complete answer: status, header lines, body. */
    private record Answer(int status, List<String> headers, byte[] body) {
        Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).trim()).findFirst();
        }
    }

    /** What the clients met besides complete answers. */
    private static final class Tally {
        final List<String> cut = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger closedBeforeAnswer = new AtomicInteger();
        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger answers = new AtomicInteger();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("6 keep-alive clients write while the server gets SIGTERM: every answer is whole, every"
            + " 2xx-acknowledged write is there after a restart, integrity_check is ok")
    void sigtermUnderLoad() throws Exception {
        Path db = dir.resolve("hub.db");
        WriteMix mix = new WriteMix(CLIENTS);
        Tally tally = new Tally();
        int exit;
        long stopMillis;
        try (ServerJar server = ServerJar.start(List.of("--port", "0", "--db", db.toString()))) {
            mix.setUp(new RawHttp(server.url()));
            URI uri = URI.create(server.url());
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<?>> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    clients.add(pool.submit(() -> {
                        writeUntilRefused(uri, mix, client, tally);
                        return null;
                    }));
                }
                mix.awaitAcknowledged(MIN_ACKNOWLEDGED, WRITING_MILLIS);
                assertTrue(clients.stream().noneMatch(Future::isDone), "every client is still writing at SIGTERM");
                long started = System.nanoTime();
                exit = server.terminate();
                stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                for (Future<?> client : clients) {
                    client.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        String counts = mix.summary() + "; answers " + tally.answers + " on " + tally.connections
                + " connections; closed before an answer " + tally.closedBeforeAnswer + "; refused statuses "
                + mix.refused() + "; stop took " + stopMillis + " ms";
        System.out.println("shutdown: exit " + exit + ", " + counts);
        assertEquals(143, exit, "SIGTERM ends the process through its shutdown hook with 128 + 15");
        assertEquals(List.of(), tally.cut, "responses cut short; " + counts);

        try (ServerJar again = ServerJar.start(List.of("--port", "0", "--db", db.toString()))) {
            assertEquals(List.of(), mix.problems(new RawHttp(again.url())), counts);
            assertEquals(143, again.terminate(), again::output);
        }
        assertEquals(List.of(), SqliteFile.problems(db), counts);
    }

    /**
     * Sends the client's writes one after another on a keep-alive connection, opening a new one when the server
     * closes it, until the server refuses connections.
     */
    private static void writeUntilRefused(URI uri, WriteMix mix, int client, Tally tally) throws IOException {
        Socket socket = null;
        try {
            for (int sequence = 0; sequence < MAX_WRITES_PER_CLIENT; sequence++) {
                Write write = mix.write(client, sequence);
                if (socket == null) {
                    socket = new Socket();
                    try {
                        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
                    } catch (ConnectException refused) {
                        return;
                    }
                    socket.setSoTimeout(30_000);
                    tally.connections.incrementAndGet();
                }
                try {
                    socket.getOutputStream().write(request(uri, write));
                    socket.getOutputStream().flush();
                    Answer answer = read(socket.getInputStream(), write.toString());
                    tally.answers.incrementAndGet();
                    mix.answered(write, answer.status());
                    if (answer.header("Connection").filter(v -> v.equalsIgnoreCase("close")).isPresent()) {
                        socket.close();
                        socket = null;
                    }
                } catch (NoResponse | SocketException closed) {
                    // closed, reset or refused before any byte of an answer: the write may or may not have landed
                    tally.closedBeforeAnswer.incrementAndGet();
                    mix.unanswered(write);
                    socket.close();
                    socket = null;
                } catch (IOException cut) {
                    tally.cut.add(cut.getMessage());
                    mix.unanswered(write);
                    return;
                }
            }
        } finally {
            if (socket != null) {
                socket.close();
            }
        }
    }

    private static byte[] request(URI uri, Write write) {
        byte[] body = write.body().getBytes(StandardCharsets.UTF_8);
        byte[] head = (write.method() + " " + write.path() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                + uri.getPort() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /**
     * Reads one whole answer, framed by Content-Length or chunked encoding. The end of the stream or a reset before
     * its first byte is {@link NoResponse}; after it, any end is a cut answer, an {@link IOException} that says what
     * had arrived.
     */
    private static Answer read(InputStream in, String what) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();
        try {
            String line;
            while (!(line = line(in, received)).isEmpty()) {
                lines.add(line);
            }
        } catch (IOException e) {
            if (received.size() == 0) {
                throw new NoResponse(String.valueOf(e.getMessage()));
            }
            throw cut(what, received, e);
        }
        try {
            int status = Integer.parseInt(lines.get(0).split(" ")[1]);
            Answer head = new Answer(status, lines.subList(1, lines.size()), new byte[0]);
            byte[] body;
            if (head.header("Transfer-Encoding").filter(v -> v.equalsIgnoreCase("chunked")).isPresent()) {
                ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                int size;
                while ((size = Integer.parseInt(line(in, received).split(";")[0].trim(), 16)) > 0) {
                    chunks.write(exactly(in, size, received));
                    expectEmptyLine(in, received);
                }
                expectEmptyLine(in, received);
                body = chunks.toByteArray();
            } else if (head.header("Content-Length").isPresent()) {
                body = exactly(in, Integer.parseInt(head.header("Content-Length").get()), received);
            } else if (status == 204 || status == 304) {
                body = new byte[0];
            } else {
                throw new IOException("an answer without Content-Length or chunked encoding");
            }
            if (status == 200) {
                RawHttp.json(new String(body, StandardCharsets.UTF_8));
            }
            return new Answer(status, head.headers(), body);
        } catch (IOException | RuntimeException e) {
            throw cut(what, received, e);
        }
    }

    private static IOException cut(String what, ByteArrayOutputStream received, Exception e) {
        return new IOException("answer to " + what + " cut after " + received.size() + " bytes (" + e + "): "
                + received.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in, ByteArrayOutputStream received) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("the stream ended inside a line");
            }
            received.write(b);
            if (b != '\r') {
                line.write(b);
            }
        }
        received.write(b);
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static byte[] exactly(InputStream in, int length, ByteArrayOutputStream received) throws IOException {
        byte[] bytes = in.readNBytes(length);
        received.write(bytes);
        if (bytes.length < length) {
            throw new IOException("the body ended after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }

    private static void expectEmptyLine(InputStream in, ByteArrayOutputStream received) throws IOException {
        if (!line(in, received).isEmpty()) {
            throw new IOException("a chunk not followed by CRLF");
        }
    }
}
