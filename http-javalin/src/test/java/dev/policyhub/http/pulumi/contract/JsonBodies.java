package dev.policyhub.http.pulumi.contract;

import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Strict reading of response bodies: one JSON value, no duplicate keys, compact. */
final class JsonBodies {
    static final String JSON = "application/json";
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonBodies() {
    }

    /** The body as a tree; throws {@link IllegalArgumentException} naming the defect when it is not one JSON value. */
    static JsonNode parse(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("body is not a single JSON value: " + e.getOriginalMessage(), e);
        }
    }

    /** The media type of a Content-Type value, without parameters, lower case; empty when absent. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** Whether the JSON text has no whitespace outside strings, as PolicyHub writes it. */
    static boolean compact(byte[] body) {
        boolean inString = false;
        boolean escaped = false;
        for (byte b : body) {
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                return false;
            }
        }
        return true;
    }
}
