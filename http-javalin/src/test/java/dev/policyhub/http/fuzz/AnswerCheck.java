package dev.policyhub.http.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policyhub.core.error.ErrorCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every answer to a malformed request must be: no 5xx, no write accepted, no trace of the implementation in the
 * body, and an error in the native shape of the API the path belongs to, as JSON.
 */
final class AnswerCheck {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> LEAKS = List.of("Exception", "at dev.", "java.", "javax.", "jakarta.",
            "org.eclipse", "org.slf4j", "io.javalin", "com.fasterxml", "\tat ", "Caused by", "dev.policyhub", "Jetty",
            "jetty", "Javalin", "javalin", "<html", "<HTML", "<!DOCTYPE");
    /** Go's {@code http.StatusText} of the 4xx statuses an answer may have. */
    private static final Map<Integer, String> GO_REASONS = Map.ofEntries(Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"),
            Map.entry(411, "Length Required"), Map.entry(413, "Request Entity Too Large"),
            Map.entry(414, "Request URI Too Long"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(417, "Expectation Failed"), Map.entry(426, "Upgrade Required"),
            Map.entry(429, "Too Many Requests"), Map.entry(431, "Request Header Fields Too Large"));
    private static final Set<String> CODES = Arrays.stream(ErrorCode.values()).map(Enum::name)
            .collect(Collectors.toSet());

    private AnswerCheck() {
    }

    /** What is wrong with the answer, if anything. */
    static Optional<String> problem(FuzzRequest request, WireClient.Answer answer) {
        if (answer.status() < 0) {
            // a protocol error the server drops the connection on hides no answer
            return request.raw() != null ? Optional.empty() : Optional.of(answer.failure());
        }
        List<String> problems = new ArrayList<>();
        if (answer.status() >= 500) {
            problems.add("status " + answer.status());
        }
        if (request.effectiveWrite() && answer.status() >= 200 && answer.status() < 300) {
            problems.add("a write was accepted (" + answer.status() + ")");
        }
        String text = answer.text();
        LEAKS.stream().filter(text::contains).findFirst()
                .ifPresent(leak -> problems.add("the body shows \"" + leak + "\""));
        boolean head = request.raw() == null && request.method().equals("HEAD");
        if (answer.status() >= 400 && !head) {
            Optional<String> wrong = shape(Api.of(request.path()), answer);
            if (wrong.isPresent() && pathUnknownToServer(request, answer)) {
                wrong = shape(Api.of(request.path()) == Api.GOOGLE ? Api.PULUMI : Api.GOOGLE, answer);
            }
            wrong.ifPresent(problems::add);
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /**
     * Whether either dialect is right: the request line was broken on purpose (its path may have moved into the other
     * API's space or out of both), the URI was too long to be read (414), or Jetty's URI checks refused the path (an
     * escaped NUL, a broken escape) and replaced it before the error handler could see it, which then answers in
     * Google's envelope whatever the prefix was.
     */
    private static boolean pathUnknownToServer(FuzzRequest request, WireClient.Answer answer) {
        return request.raw() != null || answer.status() == 414 || answer.status() == 431 || answer.status() == 400
                && answer.text().contains("\"The request could not be read: Bad Request.\"");
    }

    private static Optional<String> shape(Api api, WireClient.Answer answer) {
        String type = answer.header("Content-Type").orElse("");
        if (!type.startsWith("application/json")) {
            return Optional.of("content type \"" + type + "\" is not JSON");
        }
        JsonNode body;
        try {
            body = MAPPER.readTree(answer.body());
        } catch (IOException e) {
            return Optional.of("the body is not JSON");
        }
        return api == Api.PULUMI ? pulumi(body, answer) : google(body, answer.status());
    }

    private static Optional<String> google(JsonNode body, int status) {
        JsonNode error = body == null ? null : body.get("error");
        if (error == null || !error.isObject() || body.size() != 1) {
            return Optional.of("not Google's error envelope");
        }
        Set<String> allowed = Set.of("code", "message", "status", "details");
        List<String> extra = new ArrayList<>();
        error.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                extra.add(f);
            }
        });
        if (!extra.isEmpty() || !error.path("code").isInt() || error.path("code").intValue() != status
                || !error.path("message").isTextual() || error.path("message").textValue().isEmpty()
                || !CODES.contains(error.path("status").asText())
                || error.has("details") && !error.get("details").isArray()) {
            return Optional.of("not Google's error envelope");
        }
        return Optional.empty();
    }

    private static Optional<String> pulumi(JsonNode body, WireClient.Answer answer) {
        int status = answer.status();
        if (body == null || !body.isObject() || body.size() != 2 || !body.path("code").isInt()
                || body.path("code").intValue() != status || !body.path("message").isTextual()
                || !body.path("message").textValue().startsWith(GO_REASONS.getOrDefault(status, "?") + ": ")) {
            return Optional.of("not Pulumi's error shape");
        }
        if (answer.header("X-Pulumi-Request-ID").isEmpty()) {
            return Optional.of("no X-Pulumi-Request-ID header");
        }
        return Optional.empty();
    }
}
