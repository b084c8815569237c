package dev.policyhub.http.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;

/** One matched Google API call: the path's captured parts, the query and the body. */
public final class GoogleCall {
    private final Matcher path;
    private final GoogleQuery query;
    private final byte[] body;
    private JsonNode parsed;

    GoogleCall(Matcher path, GoogleQuery query, byte[] body) {
        this.path = path;
        this.query = query;
        this.body = body;
    }

    /** The {@code i}-th captured group of the binding's pattern, matched on the path decoded once. */
    public String path(int i) {
        return path.group(i);
    }

    /** The query parameters. */
    public GoogleQuery query() {
        return query;
    }

    /** The request body as JSON (an empty body is {@code {}}); malformed JSON is a 400. */
    public JsonNode body() {
        if (parsed == null) {
            parsed = Json.parse(body);
        }
        return parsed;
    }

    /** How to print the response. */
    public WireFormat format() {
        return new WireFormat(query.enumsAsNumbers());
    }
}
