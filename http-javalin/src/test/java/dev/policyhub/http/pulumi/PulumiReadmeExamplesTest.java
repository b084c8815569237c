package dev.policyhub.http.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.http.support.Gzip;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's Pulumi examples (inventory, then policy groups), run as written, in order, on a fresh server: the few
 * shell forms they use are interpreted here (curl, a variable set from {@code curl … | jq -r .field},
 * {@code echo '…' | gzip > file}), every call must succeed, and a {@code # → JSON} line after a call is the answer it
 * must give (links in it name the README's {@code localhost:8080}, here the test server).
 */
@DisplayName("README: the Pulumi curl examples")
class PulumiReadmeExamplesTest extends PulumiAdminTestBase {
    private static final List<String> SECTIONS = List.of("### Pulumi inventory: stacks, accounts, packs",
            "### Pulumi policy groups");
    private static final Pattern ASSIGN = Pattern.compile("(\\w+)=\\$\\((curl .*) \\| jq -r \\.(\\w+)\\)");
    private static final Pattern GZIP = Pattern.compile("echo '(.*)' \\| gzip > (\\S+)");
    private static final String README_BASE = "localhost:8080";

    private final Map<String, String> variables = new HashMap<>();
    private final Map<String, byte[]> files = new HashMap<>();

    @Test
    @DisplayName("every example succeeds on a fresh server and answers what its comment shows")
    void examplesWorkAsWritten() throws Exception {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (String section : SECTIONS) {
            Matcher block = Pattern.compile(Pattern.quote(section) + "\\n.*?```sh\\n(.*?)```", Pattern.DOTALL)
                    .matcher(readme);
            assertTrue(block.find(), () -> "README.md has the section '" + section + "' with a sh block");
            block.group(1).lines().filter(l -> !l.isBlank()).forEach(lines::add);
        }
        BlobHttp.Reply last = null;
        int calls = 0;
        for (String line : lines) {
            Matcher assign = ASSIGN.matcher(line);
            Matcher gzip = GZIP.matcher(line);
            if (line.startsWith("# → ")) {
                String expected = line.substring(4).replace("http://" + README_BASE, server.url());
                assertEquals(BlobHttp.json(expected), last.json(), line);
            } else if (assign.matches()) {
                last = curl(assign.group(2));
                variables.put(assign.group(1), last.json().path(assign.group(3)).asText());
                calls++;
            } else if (gzip.matches()) {
                files.put(gzip.group(2), Gzip.of((gzip.group(1) + "\n").getBytes(StandardCharsets.UTF_8)));
            } else {
                last = curl(line);
                calls++;
            }
        }
        assertEquals(23, calls);
        assertEquals(200, http.get("/blobs/policypacks/acme/aws-guard/1.tgz").status());
    }

    private BlobHttp.Reply curl(String line) {
        List<String> words = words(line);
        assertEquals("curl", words.get(0), line);
        String method = null;
        byte[] body = null;
        String url = null;
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("-X")) {
                method = words.get(++i);
            } else if (word.equals("-d")) {
                body = words.get(++i).getBytes(StandardCharsets.UTF_8);
            } else if (word.equals("--data-binary")) {
                body = files.get(words.get(++i).substring(1));
            } else if (!word.startsWith("-")) {
                url = word;
            }
        }
        String target = url.startsWith(README_BASE) ? server.url() + url.substring(README_BASE.length()) : url;
        BlobHttp.Reply reply = http.send(method == null ? (body == null ? "GET" : "POST") : method, target, body);
        assertTrue(reply.status() >= 200 && reply.status() < 300, line + " answered " + reply.text());
        return reply;
    }

    // shell words: spaces separate; single quotes keep everything up to the next one; "$NAME" is substituted
    private List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
                any = true;
            } else if (c == quote) {
                quote = 0;
            } else if (c == '$' && quote != '\'') {
                Matcher name = Pattern.compile("\\w+").matcher(line).region(i + 1, line.length());
                assertTrue(name.lookingAt(), line);
                word.append(variables.get(name.group()));
                i = name.end() - 1;
                any = true;
            } else if (c == ' ' && quote == 0) {
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
