package dev.policyhub.http.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.List;

/** How a response prints what the caller chose: enums as names, or as numbers ({@code enum-encoding=int}). */
public record WireFormat(boolean enumsAsNumbers) {

    /** Enums printed as names. */
    public static final WireFormat NAMES = new WireFormat(false);

    /** An enum value; {@code values} lists the enum's names in number order. */
    public JsonNode enumValue(String name, List<String> values) {
        if (!enumsAsNumbers) {
            return TextNode.valueOf(name);
        }
        int number = values.indexOf(name);
        if (number < 0) {
            throw new IllegalArgumentException(name + " is not one of " + values);
        }
        return IntNode.valueOf(number);
    }

    /** A timestamp in RFC 3339 with 0, 3, 6 or 9 fraction digits, as protobuf JSON prints it. */
    public static String timestamp(Instant instant) {
        return instant.toString();
    }
}
