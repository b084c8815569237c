package dev.policyhub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.policyhub.http.support.ServerJar;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the runnable jar writes while it serves: one access line per request, and no credential anywhere. */
@DisplayName("The server jar's output")
class ServerLogsIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @DisplayName("requests carrying tokens in headers and query strings leave access lines and no secret in the output")
    void noSecretsInOutput(@TempDir Path dir) throws Exception {
        try (ServerJar server = ServerJar.start(List.of("--port", "0", "--db", dir.resolve("hub.db").toString()))) {
            String url = server.url();
            assertEquals(200, send(url + "/admin/v1/health", "Authorization", "token s3cr3t-pulumi-token"));
            assertEquals(403, send(url + "/v3/organizations/1?access_token=s3cr3t-access&key=s3cr3t-key",
                    "Authorization", "Bearer s3cr3t-bearer"));
            assertEquals(404, send(url + "/blobs/policypacks/acme/pack/1.tgz?token=s3cr3t-upload",
                    "Authorization", "token s3cr3t-pulumi-token"));
            assertEquals(404, send(url + "/api/orgs/acme/policygroups?token=s3cr3t-query",
                    "Cookie", "session=s3cr3t-cookie"));
            // a line is written just after its answer is sent: wait for the last one before stopping the server
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && !server.output().contains("/api/orgs/acme/")) {
                Thread.sleep(50);
            }
            assertEquals(143, server.terminate(), "exit status after SIGTERM");
            String all = server.output();
            assertFalse(all.contains("s3cr3t"), all);
            List<String> lines = all.lines().toList();
            for (String expected : List.of("GET /admin/v1/health 200 ", "GET /v3/organizations/1 403 ",
                    "GET /blobs/policypacks/acme/pack/1.tgz 404 ", "GET /api/orgs/acme/policygroups 404 ")) {
                long count = lines.stream().filter(l -> l.contains(" policyhub.access - " + expected)).count();
                assertEquals(1, count, expected + " in " + all);
            }
        }
    }

    private static int send(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
