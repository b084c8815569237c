package dev.policyhub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The runnable jar as users start it: a separate process, found healthy, used, and stopped with SIGTERM. */
class ServerJarIT {
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
    @DisplayName("the jar starts with --storage memory, answers health and a call, and stops on SIGTERM")
    void startsServesAndStops() throws Exception {
        String url = start("--storage", "memory", "--port", "0");

        assertEquals(200, get(url + "/admin/v1/health").statusCode());
        HttpResponse<String> created = post(url + "/admin/v1/organizations", "{\"organizationId\":\"123\"}");
        assertEquals(200, created.statusCode(), created.body());
        HttpResponse<String> org = get(url + "/v3/organizations/123");
        assertEquals(200, org.statusCode(), org.body());
        assertTrue(org.body().contains("\"name\": \"organizations/123\""), org.body());

        process.destroy();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the server did not stop within 20 s of SIGTERM");
    }

    @Test
    @DisplayName("SIGTERM lets a request that is still being received finish with a full response")
    void sigtermLetsInFlightRequestsFinish() throws Exception {
        String url = start("--storage", "memory", "--port", "0");
        URI uri = URI.create(url);
        byte[] body = "{\"organizationId\":\"456\",\"displayName\":\"example.org\"}".getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /admin/v1/organizations HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nContent-Type: "
                    + "application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();
            Thread.sleep(300);

            process.destroy();
            Thread.sleep(500);
            out.write(body, 10, body.length - 10);
            out.flush();

            String response = readAll(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            assertTrue(response.contains("\"organizations/456\""), response);
        }
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the server did not stop within 20 s of SIGTERM");
    }

    @Test
    @DisplayName("--help prints the options and exits 0; a bad flag exits 2 and says why")
    void helpAndBadFlags() throws Exception {
        Process help = command("--help").start();
        String helpText = readAll(help.getInputStream());
        assertTrue(help.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, help.exitValue());
        for (String flag : List.of("--port N", "--bind ADDR", "--storage sqlite|memory", "--db PATH", "--seed FILE")) {
            assertTrue(helpText.contains(flag), helpText);
        }

        Process bad = command("--port", "eighty").redirectErrorStream(true).start();
        String badText = readAll(bad.getInputStream());
        assertTrue(bad.waitFor(20, TimeUnit.SECONDS));
        assertEquals(2, bad.exitValue());
        assertTrue(badText.contains("port must be a number"), badText);
    }

    private String start(String... args) throws IOException {
        process = command(args).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> seen = new ArrayList<>();
        String line;
        while (System.nanoTime() < deadline && (line = lines.readLine()) != null) {
            seen.add(line);
            Matcher started = STARTED.matcher(line);
            if (started.matches()) {
                return started.group(1);
            }
        }
        throw new AssertionError("the server printed no start-up line; output: " + seen);
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

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
