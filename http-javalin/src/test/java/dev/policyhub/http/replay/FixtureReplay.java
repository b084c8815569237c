package dev.policyhub.http.replay;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policyhub.http.replay.RecordedExchange.Header;
import dev.policyhub.http.replay.ReplayPlan.Step;
import dev.policyhub.http.replay.ReplayClient.Answer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Replays one fixture's steps in order against the server, each step checked on its own: the status exactly, the
 * {@code Content-Type}, and the JSON body field by field, with the values (not the presence) of {@link #VALUE_IGNORED}
 * fields left out. The first step seeds a fresh store.
 */
public final class FixtureReplay {
    /** Fields whose values differ on every run or were normalized in the logs; they must still be present. */
    public static final Set<String> VALUE_IGNORED = Set.of("etag", "updateTime", "createTime", "deleteTime");
    /** What the server answers for a route it does not serve. */
    public static final String NOT_SERVED_BODY =
            "{\"error\":{\"code\":404,\"message\":\"Method not found.\",\"status\":\"NOT_FOUND\"}}";

    private static final String JSON = "application/json; charset=UTF-8";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int SHOWN_BODY = 1500;

    /** What a step must answer: status, content type, body (with placeholders) and paths it cannot know. */
    private record Expectation(int status, String contentType, String body, Set<String> uncheckedPaths) {
        static final Expectation NOT_SERVED = new Expectation(404, JSON, NOT_SERVED_BODY, Set.of());
    }

    private final ReplayPlan plan;
    private final Placeholders placeholders;
    private final UnaryOperator<String> canonicalNames;
    private final Runnable seed;
    private final ReplayClient client;
    private boolean seeded;

    /**
     * A replay of {@code plan}; {@code seed} resets the store and builds the hierarchy the placeholders name,
     * {@code canonicalNames} maps equivalent names to one spelling before strings are compared.
     */
    public FixtureReplay(ReplayPlan plan, Placeholders placeholders, UnaryOperator<String> canonicalNames,
                         Runnable seed, ReplayClient client) {
        this.plan = plan;
        this.placeholders = placeholders;
        this.canonicalNames = canonicalNames;
        this.seed = seed;
        this.client = client;
    }

    /** Sends the step's request and checks the answer; a step listed as not replayed is refused. */
    public void run(Step step) {
        if (!seeded) {
            seed.run();
            seeded = true;
        }
        Optional<Deviation> deviation = step.deviation();
        if (deviation.isPresent() && deviation.get().skipsExchange()) {
            throw new IllegalArgumentException("not replayed: " + deviation.get().reason());
        }
        RecordedExchange exchange = step.exchange();
        boolean notServed = deviation.isPresent() && deviation.get().treatment() == Deviation.Treatment.NOT_SERVED;
        String where = plan.fixture() + " " + exchange.label();
        Answer answer = send(where, exchange, notServed);
        Expectation expectation = notServed ? Expectation.NOT_SERVED : expectation(exchange);
        Set<String> unchecked = new HashSet<>(expectation.uncheckedPaths());
        deviation.ifPresent(d -> unchecked.addAll(d.ignoredPaths()));
        check(where, expectation, unchecked, answer);
    }

    private Expectation expectation(RecordedExchange exchange) {
        String contentType = exchange.responseHeader("Content-Type").orElse(JSON);
        return CompletedOperations.expected(plan.log(), exchange)
                .map(c -> new Expectation(exchange.status(), contentType, c.body(), c.uncheckedPaths()))
                .orElseGet(() -> new Expectation(exchange.status(), contentType, exchange.responseBody(), Set.of()));
    }

    private Answer send(String where, RecordedExchange exchange, boolean notServed) {
        List<Header> headers = exchange.requestHeaders().stream()
                .map(h -> new Header(h.name(), request(where, h.value(), notServed))).toList();
        return client.send(exchange.method(), request(where, exchange.pathAndQuery(), notServed), headers,
                request(where, exchange.requestBody(), notServed));
    }

    private void check(String where, Expectation expectation, Set<String> unchecked, Answer answer) {
        if (answer.status() != expectation.status()) {
            fail(where + ": status " + answer.status() + ", expected " + expectation.status() + shownBody(answer));
        }
        if (!sameMediaType(expectation.contentType(), answer.contentType())) {
            fail(where + ": Content-Type '" + answer.contentType() + "', expected '" + expectation.contentType() + "'");
        }
        JsonNode actual = json(answer.body()).orElseGet(() -> fail(where + ": answer is not JSON" + shownBody(answer)));
        placeholders.capture(parseRecorded(placeholders.fillExpected(expectation.body())), actual);
        JsonNode expected = parseRecorded(placeholders.fill(expectation.body()));
        new JsonDiff(VALUE_IGNORED, unchecked, canonicalNames).firstDifference(expected, actual)
                .ifPresent(difference -> fail(where + ": body differs at " + difference + shownBody(answer)));
    }

    // A placeholder no earlier answer supplied: the route of a not-served call is missing whatever the id, so any
    // text does; anywhere else the exchange cannot be sent as recorded.
    private String request(String where, String recorded, boolean notServed) {
        String text = placeholders.fill(recorded);
        List<String> unbound = Placeholders.remaining(text);
        if (unbound.isEmpty()) {
            return text;
        }
        if (notServed) {
            return text.replaceAll("\\$\\{([A-Za-z0-9]+)}", "$1");
        }
        return fail(where + ": no value for ${" + unbound.get(0) + "}: no earlier answer of this fixture supplied it"
                + " (an earlier exchange failed or did not return it)");
    }

    private static boolean sameMediaType(String expected, String actual) {
        return normalized(expected).equals(normalized(actual));
    }

    private static String normalized(String contentType) {
        return contentType.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static Optional<JsonNode> json(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return Optional.ofNullable(node).filter(n -> !n.isMissingNode());
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static JsonNode parseRecorded(String text) {
        return json(text.isEmpty() ? "{}" : text)
                .orElseThrow(() -> new IllegalStateException("recorded body is not JSON: " + text));
    }

    private static String shownBody(Answer answer) {
        String body = answer.body().replaceAll("\\s*\n\\s*", " ");
        return "\n    answer: " + answer.status() + " "
                + (body.length() > SHOWN_BODY ? body.substring(0, SHOWN_BODY) + "…" : body);
    }
}
