package dev.policyhub.http.pulumi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.http.wire.Json;
import java.util.Objects;

/** What a Pulumi route answers: a status and, unless the answer is empty, a content type and a body. */
public record PulumiResponse(int status, String contentType, byte[] body) {
    /** The media type of every JSON answer. */
    public static final String JSON = "application/json";

    public PulumiResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    /** A compact JSON body. */
    public static PulumiResponse json(int status, JsonNode body) {
        return new PulumiResponse(status, JSON, Json.print(body, false));
    }

    /** 200 with a JSON body. */
    public static PulumiResponse ok(JsonNode body) {
        return json(200, body);
    }

    /** 204 No Content. */
    public static PulumiResponse noContent() {
        return new PulumiResponse(204, "", new byte[0]);
    }

    /** 200 with no body (the deletes of the registry, an upload). */
    public static PulumiResponse emptyOk() {
        return new PulumiResponse(200, "", new byte[0]);
    }

    /** 200 with bytes of the given media type. */
    public static PulumiResponse bytes(String contentType, byte[] body) {
        return new PulumiResponse(200, contentType, body);
    }

    /** True when there is a body to send. */
    public boolean hasBody() {
        return !contentType.isEmpty();
    }
}
