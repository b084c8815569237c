package dev.policyhub.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Runs the embedding example of this module's README and checks that the README shows exactly this code. */
class PostgresReadmeTest {

    @Test
    @DisplayName("the README's embedding example runs and leaves its organization in the database")
    void exampleRuns() {
        String url = EmbeddedServer.createDatabase();

        PostgresEmbeddingExample.run(url, "postgres", "");

        try (PostgresStorage storage = PostgresStorage.open(EmbeddedServer.settings(url))) {
            assertEquals("example.com", storage.read(s -> s.nodes().organization(123)).orElseThrow().value()
                    .displayName());
        }
    }

    @Test
    @DisplayName("README.md shows the embedding example verbatim")
    void readmeShowsTheExample() throws IOException {
        String source = Files.readString(
                Path.of("src/test/java/dev/policyhub/storage/postgres/PostgresEmbeddingExample.java"),
                StandardCharsets.UTF_8);
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String start = "// example:start\n";
        int from = source.indexOf(start) + start.length();
        String snippet = source.substring(from, source.indexOf("        // example:end", from));

        StringBuilder dedented = new StringBuilder();
        for (String line : snippet.split("\n", -1)) {
            dedented.append(line.length() >= 8 ? line.substring(8) : line.strip()).append('\n');
        }
        assertTrue(readme.contains(dedented.toString().stripTrailing()), "README.md must contain the example");
    }
}
