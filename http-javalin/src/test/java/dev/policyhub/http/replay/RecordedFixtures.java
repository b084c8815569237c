package dev.policyhub.http.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The recorded fixtures shipped under the test resource folder {@code gcp-recorded/}, one folder per test. */
public final class RecordedFixtures {
    private static final String ROOT = "/gcp-recorded";
    private static final String LOG = "_http.log";

    private RecordedFixtures() {
    }

    /** Names of the fixture folders that hold a {@code _http.log}, sorted. */
    public static List<String> names() {
        try (Stream<Path> children = Files.list(root())) {
            return children.filter(dir -> Files.isRegularFile(dir.resolve(LOG)))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exchanges of one fixture's log, in recorded order. */
    public static List<RecordedExchange> exchanges(String fixture) {
        try {
            return HttpLogParser.parse(Files.readString(root().resolve(fixture).resolve(LOG), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Surefire runs tests from target/test-classes, so the resources are a plain folder.
    private static Path root() {
        URL url = RecordedFixtures.class.getResource(ROOT);
        if (url == null) {
            throw new IllegalStateException("test resource folder " + ROOT + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
