package dev.policyhub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policyhub.core.PolicyHub;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's curl examples, sent as written to a fresh server; the decision they end with is the one shown. */
class ReadmeCurlExamplesTest {
    private static final Pattern BLOCK = Pattern.compile(
            "### Try it with curl\\n.*?```sh\\n(.*?)```.*?```json\\n(.*?)```", Pattern.DOTALL);
    private static final String README_BASE = "localhost:8080";

    /** One curl command line: the method, the URL and the body it sends. */
    private record Curl(String method, String url, String body) {
        static Curl parse(String line) {
            List<String> words = words(line);
            assertEquals("curl", words.get(0), line);
            String method = "GET";
            String url = null;
            String body = null;
            for (int i = 1; i < words.size(); i++) {
                String word = words.get(i);
                if (word.equals("-X")) {
                    method = words.get(++i);
                } else if (word.equals("-d")) {
                    body = words.get(++i);
                } else if (!word.startsWith("-")) {
                    url = word;
                }
            }
            return new Curl(body != null && method.equals("GET") ? "POST" : method, url, body);
        }

        // shell words: spaces separate, single quotes keep everything up to the next quote
        private static List<String> words(String line) {
            List<String> words = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            for (char c : line.toCharArray()) {
                if (c == '\'') {
                    quoted = !quoted;
                    any = true;
                } else if (c == ' ' && !quoted) {
                    if (any) {
                        words.add(word.toString());
                        word.setLength(0);
                        any = false;
                    }
                } else {
                    word.append(c);
                    any = true;
                }
            }
            if (any) {
                words.add(word.toString());
            }
            return words;
        }
    }

    @Test
    @DisplayName("every curl example of the README succeeds on a fresh server, and the last answers the decision shown")
    void curlExamplesWorkAsWritten() throws Exception {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        Matcher block = BLOCK.matcher(readme);
        assertTrue(block.find(), "README.md has a 'Try it with curl' section with a sh block and a json block");
        List<Curl> commands = block.group(1).lines().filter(l -> !l.isBlank()).map(Curl::parse).toList();
        JsonNode shownDecision = new ObjectMapper().readTree(block.group(2));

        HttpClient http = HttpClient.newHttpClient();
        String last = null;
        try (PolicyHub hub = PolicyHub.builder().storage("memory", Map.of()).build();
             PolicyHubServer server = PolicyHubServer.start(hub, ServerOptions.ephemeral())) {
            for (Curl curl : commands) {
                HttpResponse<String> reply = send(http, curl, server.url());
                assertEquals(200, reply.statusCode(), curl + " answered " + reply.body());
                last = reply.body();
            }
        }
        assertEquals(7, commands.size());
        assertEquals(shownDecision, new ObjectMapper().readTree(last));
    }

    private static HttpResponse<String> send(HttpClient http, Curl curl, String serverUrl)
            throws IOException, InterruptedException {
        assertTrue(curl.url().startsWith(README_BASE), curl.url());
        URI uri = URI.create(serverUrl + curl.url().substring(README_BASE.length()));
        HttpRequest.BodyPublisher body = curl.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(curl.body());
        return http.send(HttpRequest.newBuilder(uri).method(curl.method(), body).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
