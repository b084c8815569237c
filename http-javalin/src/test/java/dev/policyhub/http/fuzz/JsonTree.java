package dev.policyhub.http.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Mutations of a JSON body as a tree: every node (but the root) is a slot addressed by its path of keys and
 * indexes; a slot can be given a value of another JSON type or a text. Nodes under keys the server reads as free
 * JSON (a Pulumi deployment) are never slots, since anything is valid there.
 */
final class JsonTree {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Keys whose value the server takes as any JSON: the key itself is a slot, what lies under it is not. */
    private static final Set<String> FREE_JSON = Set.of("deployment");

    private JsonTree() {
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] print(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every slot of the tree, depth first. */
    static List<List<Object>> slots(JsonNode root) {
        List<List<Object>> out = new ArrayList<>();
        collect(root, new ArrayList<>(), out);
        return out;
    }

    private static void collect(JsonNode node, List<Object> path, List<List<Object>> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                List<Object> child = append(path, field.getKey());
                out.add(child);
                if (!FREE_JSON.contains(field.getKey())) {
                    collect(field.getValue(), child, out);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> child = append(path, i);
                out.add(child);
                collect(node.get(i), child, out);
            }
        }
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> out = new ArrayList<>(path);
        out.add(step);
        return out;
    }

    /** The slots whose value is a text. */
    static List<List<Object>> textSlots(JsonNode root) {
        return slots(root).stream().filter(p -> get(root, p).isTextual()).toList();
    }

    static JsonNode get(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof String key ? node.get(key) : node.get((Integer) step);
        }
        return node;
    }

    static void set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = get(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (last instanceof String key) {
            ((ObjectNode) parent).set(key, value);
        } else {
            ((ArrayNode) parent).set((Integer) last, value);
        }
    }

    /** A value, never null, of a JSON type other than {@code original}'s. */
    static JsonNode otherType(JsonNode original, SplittableRandom rnd) {
        List<JsonNode> candidates = new ArrayList<>();
        if (!original.isTextual()) {
            candidates.add(NODES.textNode("fuzz"));
            candidates.add(NODES.textNode(""));
        }
        if (!original.isNumber()) {
            candidates.add(NODES.numberNode(42));
            candidates.add(NODES.numberNode(-1L));
            candidates.add(NODES.numberNode(new BigInteger("123456789012345678901234567890")));
        }
        if (original.isTextual() || original.isIntegralNumber() || !original.isNumber()) {
            candidates.add(NODES.numberNode(3.5));
        }
        if (!original.isBoolean()) {
            candidates.add(NODES.booleanNode(true));
        }
        if (!original.isArray()) {
            candidates.add(NODES.arrayNode());
            candidates.add(NODES.arrayNode().add(1).add("x"));
        }
        if (!original.isObject()) {
            candidates.add(NODES.objectNode());
            candidates.add(NODES.objectNode().put("k", "v"));
        }
        return candidates.get(rnd.nextInt(candidates.size())).deepCopy();
    }

    /** Nested arrays {@code depth} deep around a number. */
    static JsonNode nested(int depth) {
        JsonNode node = NODES.numberNode(1);
        for (int i = 0; i < depth; i++) {
            node = NODES.arrayNode().add(node);
        }
        return node;
    }

    static JsonNode text(String value) {
        return NODES.textNode(value);
    }
}
