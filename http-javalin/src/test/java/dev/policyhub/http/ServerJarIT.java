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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar as users start it: a separate process, found healthy, used, and stopped with SIGTERM. */
@DisplayName("The runnable server jar, started as users start it")
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
    @DisplayName("by default data lives in SQLite: written before SIGTERM, it is there after a restart")
    void sqliteSurvivesRestart(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("hub.db");
        String url = start("--port", "0", "--db", db.toString());
        assertEquals(200, post(url + "/admin/v1/organizations", "{\"organizationId\":\"789\"}").statusCode());
        HttpResponse<String> folder = post(url + "/v3/folders",
                "{\"parent\":\"organizations/789\",\"displayName\":\"prod\"}");
        assertEquals(200, folder.statusCode(), folder.body());
        process.destroy();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the server did not stop within 20 s of SIGTERM");

        String again = start("--port", "0", "--db", db.toString());
        HttpResponse<String> folders = get(again + "/v3/folders?parent=organizations/789");
        assertEquals(200, folders.statusCode(), folders.body());
        assertTrue(folders.body().contains("\"displayName\": \"prod\""), folders.body());
    }

    @Test
    @DisplayName("--seed loads a seed file at start-up; a refused seed stops the start with a message")
    void seedAtStartUp(@TempDir Path dir) throws Exception {
        Path seed = Files.writeString(dir.resolve("seed.json"), """
                {"organizations": [{"name": "organizations/1", "displayName": "example.com"}],
                 "folders": [{"name": "folders/11", "parent": "organizations/1", "displayName": "prod"}],
                 "projects": [{"name": "projects/101", "projectId": "web-prod", "parent": "folders/11"}],
                 "policies": [{"name": "projects/web-prod/policies/compute.disableSerialPortAccess",
                               "spec": {"rules": [{"enforce": true}]}}]}""");
        String url = start("--storage", "memory", "--port", "0", "--seed", seed.toString());
        HttpResponse<String> policy = get(url + "/v2/projects/web-prod/policies/compute.disableSerialPortAccess");
        assertEquals(200, policy.statusCode(), policy.body());
        assertTrue(policy.body().contains("projects/101/policies/compute.disableSerialPortAccess"), policy.body());
        process.destroy();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));

        Path bad = Files.writeString(dir.resolve("bad.json"), """
                {"projects": [{"projectId": "X", "parent": "organizations/1"}]}""");
        Process refused = command("--storage", "memory", "--port", "0", "--seed", bad.toString())
                .redirectErrorStream(true).start();
        String output = readAll(refused.getInputStream());
        assertTrue(refused.waitFor(20, TimeUnit.SECONDS));
        assertEquals(1, refused.exitValue(), output);
        assertTrue(output.contains("refused: projects[0]"), output);
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

    @Test
    @DisplayName("--bind 0.0.0.0 without tokens exits 2 saying why; with tokens it serves and asks for them, never"
            + " printing one; --insecure serves with a warning")
    void nonLoopbackBind() throws Exception {
        Process refused = command("--storage", "memory", "--port", "0", "--bind", "0.0.0.0")
                .redirectErrorStream(true).start();
        String refusal = readAll(refused.getInputStream());
        assertTrue(refused.waitFor(20, TimeUnit.SECONDS));
        assertEquals(2, refused.exitValue(), refusal);
        assertTrue(refusal.contains("refusing to listen on 0.0.0.0 without access tokens"), refusal);
        assertTrue(refusal.contains("--insecure"), refusal);

        String token = "jar-0123456789abcdef";
        List<String> seen = new ArrayList<>();
        String url = start(Map.of("POLICYHUB_TOKENS", token + " *"), seen, "--storage", "memory", "--port", "0",
                "--bind", "0.0.0.0");
        assertEquals(401, get(url + "/admin/v1/health").statusCode());
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(url + "/admin/v1/health"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode());
        assertTrue(seen.stream().noneMatch(line -> line.contains(token)), seen.toString());
        process.destroy();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));

        seen.clear();
        url = start(Map.of(), seen, "--storage", "memory", "--port", "0", "--bind", "0.0.0.0", "--insecure");
        assertEquals(200, get(url + "/admin/v1/health").statusCode());
        assertTrue(seen.stream().anyMatch(line -> line.startsWith("policyhub: warning: --insecure: serving 0.0.0.0"
                + " without authentication")), seen.toString());
    }

    private String start(String... args) throws IOException {
        process = command(args).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return startupUrl(new ArrayList<>());
    }

    /** Starts with extra environment variables, collecting every line printed (stderr too) until the start-up line. */
    private String start(Map<String, String> env, List<String> seen, String... args) throws IOException {
        ProcessBuilder builder = command(args).redirectErrorStream(true);
        builder.environment().putAll(env);
        process = builder.start();
        return startupUrl(seen);
    }

    private String startupUrl(List<String> seen) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
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
