package dev.policyhub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.http.admin.SeedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed file given at start-up: at most 16 MiB, and any refusal stops the start with a one-line message. */
@DisplayName("The seed file given at start-up")
class StartupSeedFileTest {
    @Test
    @DisplayName("a seed file one byte over 16 MiB stops the start with exit status 1 and names the limit")
    void oversizeSeedStopsTheStart(@TempDir Path dir) throws IOException {
        Path seed = sized(dir.resolve("big.json"), SeedFile.MAX_BYTES + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = run(seed, out, err);

        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, said);
        assertEquals("policyhub: cannot read seed file " + seed + ": the file is 16777217 bytes; a seed file may be"
                + " at most 16777216 bytes (16 MiB)", said.strip());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("a seed file of exactly 16 MiB is read whole")
    void seedAtTheLimitIsRead(@TempDir Path dir) throws IOException {
        Path seed = sized(dir.resolve("full.json"), SeedFile.MAX_BYTES);

        assertEquals(SeedFile.MAX_BYTES, SeedFile.read(seed).length);
    }

    @Test
    @DisplayName("a seed file of the wrong shape stops the start with exit status 1 and a message, no stack trace")
    void malformedSeedStopsTheStart(@TempDir Path dir) throws IOException {
        Path seed = Files.writeString(dir.resolve("shape.json"), "{\"pulumi\": {\"organizations\": [\"acme\"]}}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = run(seed, out, err);

        String said = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(1, status, said);
        assertTrue(said.startsWith("policyhub: seed file " + seed + " refused: ") && !said.contains("\n"), said);
        assertTrue(said.contains("pulumi.organizations[0]"), said);
    }

    private static int run(Path seed, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return Main.run(new String[] {"--storage", "memory", "--port", "0", "--seed", seed.toString()}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static Path sized(Path file, long bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return file;
    }
}
