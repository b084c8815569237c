package dev.policyhub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.http.support.RawHttp;
import dev.policyhub.http.support.ServerJar;
import dev.policyhub.http.support.SqliteFile;
import dev.policyhub.http.support.WriteMix;
import dev.policyhub.http.support.WriteMix.Write;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server jar on SQLite killed with SIGKILL while clients stream writes: the store commits (synchronous=FULL, WAL)
 * before a handler answers, so every write answered with a 2xx must be there after a restart on the same file, and
 * the file must pass SQLite's own checks.
 */
@DisplayName("Crash: SIGKILL during a stream of writes loses nothing acknowledged")
class CrashRecoveryIT {
    private static final int CLIENTS = 6;
    /** How long the clients write at least before the kill. */
    private static final long WRITING_MILLIS = 1_500;
    /** Tag keys are limited to 1000 per parent: no client sends more writes than this. */
    private static final int MAX_WRITES_PER_CLIENT = 900;
    /** The fault waits for this many acknowledged writes (10 per client), however slow the machine. */
    private static final int MIN_ACKNOWLEDGED = 10 * CLIENTS;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("6 clients write tag keys, policy updates and Pulumi groups; after SIGKILL and a restart every"
            + " 2xx-acknowledged write is stored as sent and integrity_check is ok")
    void sigkillMidStream() throws Exception {
        Path db = dir.resolve("hub.db");
        WriteMix mix = new WriteMix(CLIENTS);
        int exit;
        try (ServerJar server = ServerJar.start(List.of("--port", "0", "--db", db.toString()))) {
            mix.setUp(new RawHttp(server.url()));
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<?>> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    clients.add(pool.submit(() -> writeUntilRefused(new RawHttp(server.url()), mix, client)));
                }
                mix.awaitAcknowledged(MIN_ACKNOWLEDGED, WRITING_MILLIS);
                assertTrue(clients.stream().noneMatch(Future::isDone), "every client is still writing at the kill");
                exit = server.kill();
                for (Future<?> client : clients) {
                    client.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        String counts = mix.summary();
        System.out.println("crash: exit " + exit + ", " + counts);
        assertEquals(137, exit, "SIGKILL ends the process with 128 + 9");
        assertEquals(List.of(), mix.refused(), "every write answered before the kill succeeded");
        assertEquals(List.of(), SqliteFile.problems(db), "the file as the crash left it; " + counts);

        try (ServerJar again = ServerJar.start(List.of("--port", "0", "--db", db.toString()))) {
            assertEquals(List.of(), mix.problems(new RawHttp(again.url())), counts);
            assertEquals(143, again.terminate(), again::output);
        }
        assertEquals(List.of(), SqliteFile.problems(db), "the file after the restart; " + counts);
    }

    /** Sends the client's writes one after another until the server stops answering. */
    private static void writeUntilRefused(RawHttp http, WriteMix mix, int client) {
        for (int sequence = 0; sequence < MAX_WRITES_PER_CLIENT; sequence++) {
            Write write = mix.write(client, sequence);
            try {
                mix.answered(write, http.send(write.method(), write.path(), write.body()).status());
            } catch (UncheckedIOException e) {
                mix.unanswered(write);
                return;
            }
        }
    }
}
