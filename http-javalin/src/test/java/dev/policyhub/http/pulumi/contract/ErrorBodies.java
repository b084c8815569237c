package dev.policyhub.http.pulumi.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** PolicyHub's Pulumi error body, which neither document describes: exactly {@code {"code","message"}}. */
final class ErrorBodies {
    /** Go's {@code http.StatusText} for the error statuses PolicyHub uses; messages start with it. */
    private static final Map<Integer, String> REASONS = Map.of(
            400, "Bad Request",
            401, "Unauthorized",
            403, "Forbidden",
            404, "Not Found",
            409, "Conflict",
            413, "Request Entity Too Large",
            500, "Internal Server Error");

    private ErrorBodies() {
    }

    /** What is wrong with an error response; empty when it is well formed. */
    static List<String> problems(int status, String contentType, byte[] body) {
        String reason = REASONS.get(status);
        if (reason == null) {
            return List.of("PolicyHub never answers status " + status);
        }
        List<String> problems = new ArrayList<>();
        if (!JsonBodies.JSON.equals(JsonBodies.mediaType(contentType))) {
            problems.add("error Content-Type is '" + contentType + "', not " + JsonBodies.JSON);
        }
        JsonNode error;
        try {
            error = JsonBodies.parse(body);
        } catch (IllegalArgumentException e) {
            problems.add("error " + e.getMessage());
            return problems;
        }
        if (!error.isObject() || !Set.copyOf(error.propertyNames()).equals(Set.of("code", "message"))) {
            problems.add("error body must be exactly {\"code\",\"message\"}");
        }
        if (!error.path("code").isInt() || error.path("code").intValue() != status) {
            problems.add("error code " + error.path("code") + " is not the int " + status);
        }
        JsonNode message = error.path("message");
        String prefix = reason + ": ";
        if (!message.isString() || !message.stringValue().startsWith(prefix) || message.stringValue().length() == prefix.length()) {
            problems.add("error message " + message + " does not read '" + prefix + "<detail>'");
        }
        return problems;
    }

    /** Whether the response is PolicyHub's answer to a path or method it does not route. */
    static boolean routeNotFound(int status, String contentType, byte[] body) {
        if (status != 404 || !problems(status, contentType, body).isEmpty()) {
            return false;
        }
        return "Not Found: route not found".equals(JsonBodies.parse(body).path("message").stringValue());
    }
}
