package dev.policyhub.http.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** Parsing request bodies and printing responses the way Google's JSON front end does. */
public final class Json {
    /** Deepest nesting a request body may have; Policy JSON needs fewer than ten levels. */
    public static final int MAX_NESTING = 64;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    // Google prints an empty message as {} (a delete, an empty list), not Jackson's { }
                    .withObjectEmptySeparator("").withArrayEmptySeparator(""))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE));
    private static final ObjectWriter COMPACT = MAPPER.writer();

    private Json() {
    }

    /** A new empty JSON object. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A new empty JSON array. */
    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** Parses a request body; an empty body is an empty object, malformed JSON is Google's 400. */
    public static JsonNode parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return object();
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            return node == null ? object() : node;
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage();
            int newline = reason.indexOf('\n');
            reason = newline < 0 ? reason : reason.substring(0, newline);
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw ApiError.invalid("Invalid JSON payload received. " + sanitize(reason) + where + ".");
        }
    }

    /** Prints a response: two-space indented with a final newline, or compact for {@code prettyPrint=false}. */
    public static byte[] print(JsonNode node, boolean pretty) {
        try {
            // a pretty body ends with a newline, so that a terminal prompt starts on its own line
            return pretty ? (PRETTY.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8)
                    : COMPACT.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always prints", e);
        }
    }

    // Jackson's messages name Java types and methods now and then ("java.lang.String",
    // "from `StreamReadConstraints.getMaxNestingDepth()`"); the wire never shows a class name.
    private static String sanitize(String reason) {
        return reason.replaceAll("\\(?(class )?java\\.[\\w.$]+\\)?", "")
                .replaceAll(", from `[^`]*`", "")
                // a trailing token is reported with the Java type bound and the feature that refused it
                .replaceAll(" \\(bound as `[^`]*`\\)", "")
                .replaceAll(": not allowed as per `[^`]*`", "")
                .replace("  ", " ").trim();
    }

}
