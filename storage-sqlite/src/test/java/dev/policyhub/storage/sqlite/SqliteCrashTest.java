package dev.policyhub.storage.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.Organization;
import dev.policyhub.core.spi.NodeStore.ChildCursor;
import dev.policyhub.core.spi.Versioned;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A writer process killed with SIGKILL loses nothing it acknowledged, and leaves a sound file. */
class SqliteCrashTest {
    /** How many acknowledged units to wait for before the kill. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 300;
    /** The marker the reader thread queues at the end of the child's output. */
    private static final String END = "end of output";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("after a SIGKILL mid-run, every acknowledged unit is stored whole and integrity_check says ok")
    void killedWriterLosesNoAcknowledgedUnit() throws Exception {
        Path file = dir.resolve("crash.db");
        Path errors = dir.resolve("writer.err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), file.toString())
                .redirectError(errors.toFile())
                .start();
        List<Long> acknowledged = new ArrayList<>();
        try {
            BlockingQueue<String> lines = readLines(writer);
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL) {
                String line = lines.poll(60, TimeUnit.SECONDS);
                assertNotNull(line, "the writer acknowledged nothing for 60 s");
                assertNotEquals(END, line, () -> "the writer stopped early: " + read(errors));
                acknowledged.add(Long.parseLong(line));
            }
            assertTrue(writer.isAlive(), "the writer is still writing when it is killed");
            // SIGKILL through the handle: Process.destroyForcibly() would also close our end of the writer's
            // output and lose the acknowledgements it printed just before dying.
            writer.toHandle().destroyForcibly();
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS), "the writer was killed");
            for (String line = lines.poll(30, TimeUnit.SECONDS); !END.equals(line);
                    line = lines.poll(30, TimeUnit.SECONDS)) {
                assertNotNull(line, "the output of the killed writer ended");
                acknowledged.add(Long.parseLong(line));
            }
        } finally {
            writer.destroyForcibly();
        }

        try (SqliteStorage reopened = SqliteStorage.open(file)) {
            List<Versioned<Organization>> organizations = reopened.read(s -> s.nodes().organizations(0, 1_000_000));
            for (long id : acknowledged) {
                assertTrue(reopened.read(s -> s.nodes().organization(id)).isPresent(), "organization " + id);
            }
            for (Versioned<Organization> org : organizations) {
                NodeKey key = org.value().key();
                assertEquals(List.of(CrashWriter.FOLDER_BASE + key.id()), reopened.read(s -> s.nodes()
                        .folders(key, ChildCursor.START, 10, true).stream().map(f -> f.value().id()).toList()),
                        "each stored unit is whole");
            }
            assertTrue(organizations.size() >= acknowledged.size());
            assertEquals("ok", reopened.read(s -> ((SqliteSession) s).reading()
                    .createQuery("PRAGMA integrity_check").mapTo(String.class).one()));
        }
    }

    /** The child's output lines, read on a thread of their own and queued, then {@link #END}. */
    private static BlockingQueue<String> readLines(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = process.inputReader()) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("unreadable output: " + e);
            } finally {
                lines.add(END);
            }
        }, "crash-writer-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no error output: " + e + ")";
        }
    }
}
