package dev.policyhub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the runnable jar writes while it serves: one access line per request, and no credential anywhere. */
@DisplayName("The server jar's output")
class ServerLogsIT {
    private static final Pattern STARTED = Pattern.compile("PolicyHub serving (http://\\S+) \\(storage: (.+)\\)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Process process;

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    @DisplayName("requests carrying tokens in headers and query strings leave access lines and no secret in the output")
    void noSecretsInOutput(@TempDir Path dir) throws Exception {
        BlockingQueue<String> output = new LinkedBlockingQueue<>();
        String url = start(output, "--port", "0", "--db", dir.resolve("hub.db").toString());

        assertEquals(200, send(url + "/admin/v1/health", "Authorization", "token s3cr3t-pulumi-token"));
        assertEquals(403, send(url + "/v3/organizations/1?access_token=s3cr3t-access&key=s3cr3t-key",
                "Authorization", "Bearer s3cr3t-bearer"));
        assertEquals(404, send(url + "/blobs/policypacks/acme/pack/1.tgz?token=s3cr3t-upload",
                "Authorization", "token s3cr3t-pulumi-token"));
        assertEquals(404, send(url + "/api/orgs/acme/policygroups?token=s3cr3t-query",
                "Cookie", "session=s3cr3t-cookie"));
        // a line is written just after its answer is sent: wait for the last one before stopping the server
        List<String> lines = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && lines.stream().noneMatch(l -> l.contains("/api/orgs/acme/"))) {
            String line = output.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                lines.add(line);
            }
        }
        process.destroy();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the server did not stop within 20 s of SIGTERM");
        lines.addAll(drain(output));
        String all = String.join("\n", lines);
        assertFalse(all.contains("s3cr3t"), all);
        for (String expected : List.of("GET /admin/v1/health 200 ", "GET /v3/organizations/1 403 ",
                "GET /blobs/policypacks/acme/pack/1.tgz 404 ", "GET /api/orgs/acme/policygroups 404 ")) {
            long count = lines.stream().filter(l -> l.contains(" policyhub.access - " + expected)).count();
            assertEquals(1, count, expected + " in " + all);
        }
    }

    private String start(BlockingQueue<String> output, String... args) throws IOException, InterruptedException {
        process = command(args).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = output.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                seen.add(line);
                Matcher started = STARTED.matcher(line);
                if (started.matches()) {
                    output.addAll(seen);
                    return started.group(1);
                }
            }
        }
        throw new AssertionError("the server printed no start-up line; output: " + seen);
    }

    // everything the process wrote until it ended: the reader stops at end of stream
    private static List<String> drain(BlockingQueue<String> output) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        for (String line = output.poll(5, TimeUnit.SECONDS); line != null; line = output.poll(1, TimeUnit.SECONDS)) {
            lines.add(line);
        }
        return lines;
    }

    private static ProcessBuilder command(String... args) {
        Path jar = Path.of(System.getProperty("policyhub.server.jar", "target/policyhub-server.jar"));
        assertTrue(Files.isRegularFile(jar), "build the jar first: " + jar.toAbsolutePath());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static int send(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
