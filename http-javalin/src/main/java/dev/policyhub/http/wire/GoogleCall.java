package dev.policyhub.http.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.core.access.AccessGrant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/** One matched Google API call: the path's captured parts, the query, the body and what the caller may reach. */
public final class GoogleCall {
    private final Matcher path;
    private final GoogleQuery query;
    private final byte[] body;
    private final AccessGrant grant;
    private JsonNode parsed;

    GoogleCall(Matcher path, GoogleQuery query, byte[] body, AccessGrant grant) {
        this.path = path;
        this.query = query;
        this.body = body;
        this.grant = grant;
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

    /** What the caller's token reaches (everything when the server has no tokens). */
    public AccessGrant grant() {
        return grant;
    }

    /**
     * The text of a top-level body field in either spelling ({@code tagValue}, {@code tag_value}), each value given;
     * a value of another type is left out, as the handler refuses it.
     */
    public List<String> bodyTexts(String field) {
        List<String> texts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : bodyFields(field)) {
            if (entry.getValue().isTextual()) {
                texts.add(entry.getValue().textValue());
            }
        }
        return texts;
    }

    /** The namespaced names of the tag values a create body's {@code tags} map binds: {@code {key}/{value}}. */
    public List<String> bodyTags() {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : bodyFields("tags")) {
            for (Map.Entry<String, JsonNode> tag : entry.getValue().properties()) {
                names.add(tag.getKey() + "/" + tag.getValue().asText(""));
            }
        }
        return names;
    }

    private List<Map.Entry<String, JsonNode>> bodyFields(String field) {
        List<Map.Entry<String, JsonNode>> found = new ArrayList<>();
        if (body().isObject()) {
            for (Map.Entry<String, JsonNode> entry : body().properties()) {
                if (GoogleQuery.camel(entry.getKey()).equals(field)) {
                    found.add(entry);
                }
            }
        }
        return found;
    }

    /** How to print the response. */
    public WireFormat format() {
        return new WireFormat(query.enumsAsNumbers());
    }
}
