package dev.policyhub.storage.memory;

import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.eval.Outcome;
import dev.policyhub.core.policygroups.RequiredPolicy;
import dev.policyhub.core.policygroups.StackRef;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the README's embedding example and checks that the README shows exactly this code. */
class ReadmeExampleTest {

    @Test
    @DisplayName("the README's embedding example runs and decides as its comments say")
    void exampleRuns() {
        EmbeddingExample.Result result = EmbeddingExample.run();

        PolicyRule rule = result.effective().spec().orElseThrow().rules().get(0);
        PolicyRule.Values values = (PolicyRule.Values) rule.kind();
        assertEquals(List.of("europe-west3", "europe-west3-a", "europe-west3-b", "europe-west3-c"),
                values.values().deniedValues());
        assertTrue(values.values().allowedValues().contains("europe-west1-b"));
        assertEquals(Outcome.ALLOW, result.allowed().outcome());
        assertEquals(Outcome.DENY, result.denied().outcome());
        assertEquals(result.project().name(), result.denied().decidingResource());
        assertEquals(List.of(result.project().parent().name(), result.project().name()),
                result.denied().levels().stream().skip(1).map(l -> l.resource()).toList());
    }

    @Test
    @DisplayName("the README's policy-groups example resolves the pack it applies")
    void policyGroupsExampleRuns() {
        PolicyGroupsExample.Result result = PolicyGroupsExample.run();

        assertEquals(List.of(new RequiredPolicy("acme", "aws-guard", 1, "1.0.0", "AWS guard",
                Map.of("all", Map.of("enforcementLevel", "mandatory")), List.of())), result.required());
        assertEquals(List.of(new StackRef("web", "prod")), result.group().stacks());
    }

    @ParameterizedTest(name = "README.md shows {0} verbatim")
    @ValueSource(strings = {"EmbeddingExample.java", "PolicyGroupsExample.java"})
    void readmeShowsTheExample(String file) throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/policyhub/storage/memory/" + file),
                StandardCharsets.UTF_8);
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        String snippet = between(source, "// example:start\n", "        // example:end");
        assertTrue(readme.contains(dedent(snippet, 8)), "README.md must contain the example of " + file);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static String dedent(String block, int columns) {
        StringBuilder out = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            out.append(line.length() >= columns ? line.substring(columns) : line.strip()).append('\n');
        }
        return out.toString().stripTrailing();
    }
}
