package dev.policyhub.http.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.Set;

/**
 * Google answers a long-running call with a pending operation ({@code {"name": "operations/…"}}) and the client polls
 * it; PolicyHub answers with the finished operation at once. So the expected answer to such a call is what the log's
 * first later poll of that operation shows once it is {@code done}, printed in the call's own enum encoding. When the
 * log never polls it, the answer is the recorded one plus {@code "done": true}, with {@code response} unchecked.
 */
public final class CompletedOperations {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    // The only enum inside the operations of these logs: Folder.state (numbers follow the proto).
    private static final Map<String, List<String>> ENUMS =
            Map.of("state", List.of("STATE_UNSPECIFIED", "ACTIVE", "DELETE_REQUESTED"));

    private CompletedOperations() {
    }

    /** What to expect instead of a pending operation: a body, and JSON paths it cannot know. */
    public record Completion(String body, Set<String> uncheckedPaths) {
        public Completion {
            uncheckedPaths = Set.copyOf(uncheckedPaths);
        }
    }

    /** The completed form of {@code call}'s answer if it was a pending operation; empty for any other answer. */
    public static Optional<Completion> expected(List<RecordedExchange> log, RecordedExchange call) {
        Optional<String> operation = pendingOperation(call);
        if (operation.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> polled = polledBody(log, call, operation.get());
        if (polled.isPresent()) {
            return Optional.of(new Completion(polled.get(), Set.of()));
        }
        ObjectNode done = (ObjectNode) parse(call.responseBody());
        done.put("done", true);
        return Optional.of(new Completion(done.toString(), Set.of("$.response")));
    }

    private static Optional<String> polledBody(List<RecordedExchange> log, RecordedExchange call, String operation) {
        for (RecordedExchange poll : log) {
            if (poll.index() > call.index() && poll.method().equals("GET")
                    && poll.path().endsWith("/" + operation) && poll.status() == 200) {
                JsonNode body = parse(poll.responseBody());
                if (body.path("done").asBoolean(false)) {
                    boolean numbers = enumsAsNumbers(call.query());
                    if (numbers != enumsAsNumbers(poll.query())) {
                        recode(body, numbers);
                    }
                    return Optional.of(body.toString());
                }
            }
        }
        return Optional.empty();
    }

    /** True when a raw query asks for enums as numbers ({@code $alt=json;enum-encoding=int}, in any escaping). */
    public static boolean enumsAsNumbers(String rawQuery) {
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = decode(pair.substring(0, eq));
            if (key.equals("alt") || key.equals("$alt")) {
                for (String token : decode(pair.substring(eq + 1)).split(";")) {
                    if (token.trim().equalsIgnoreCase("enum-encoding=int")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Optional<String> pendingOperation(RecordedExchange call) {
        if (call.status() != 200 || call.responseBody().isEmpty()) {
            return Optional.empty();
        }
        JsonNode body = parse(call.responseBody());
        String name = body.path("name").asText("");
        return name.startsWith("operations/") && !body.has("done") ? Optional.of(name) : Optional.empty();
    }

    private static void recode(JsonNode node, boolean toNumbers) {
        if (node.isArray()) {
            node.forEach(element -> recode(element, toNumbers));
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        for (Entry<String, JsonNode> field : object.properties()) {
            List<String> names = ENUMS.get(field.getKey());
            JsonNode value = field.getValue();
            if (names != null && toNumbers && value.isTextual()) {
                field.setValue(IntNode.valueOf(names.indexOf(value.textValue())));
            } else if (names != null && !toNumbers && value.isInt()) {
                field.setValue(TextNode.valueOf(names.get(value.intValue())));
            } else {
                recode(value, toNumbers);
            }
        }
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("recorded body is not JSON: " + json, e);
        }
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
