package dev.policyhub.http.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.access.AccessTokens;
import dev.policyhub.http.PolicyHubServer;
import dev.policyhub.http.ServerOptions;
import dev.policyhub.http.support.RawHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sends malformed requests to every route of both APIs and checks each answer (no 5xx, no accepted write, no
 * implementation detail, the API's own error shape) and that the store, exported whole, is unchanged. The memory
 * store takes the full run (fast, and its rollback gives back even sequence values, so the id counter must match
 * exactly); a SQLite store takes a shorter one over its real transactions, and a server with tokens another, each
 * request carrying a token that reaches one Google and one Pulumi organization, so the access checks meet every
 * mutated name.
 *
 * <p>Request {@code i} depends only on the seed and {@code i}: {@code -Dpolicyhub.fuzz.seed=S
 * -Dpolicyhub.fuzz.only=i[,j…]} replays single requests and prints them with their answers. Also:
 * {@code policyhub.fuzz.count} (default 10,000), {@code policyhub.fuzz.sqliteCount} (2,000), {@code policyhub.fuzz.tokensCount} (3,000),
 * {@code policyhub.fuzz.seconds} (50: the time a run must send them in), {@code policyhub.fuzz.checkEvery} (500:
 * requests between store comparisons) and {@code policyhub.fuzz.shown} (20: failures printed).
 */
@DisplayName("Malformed requests: a seeded fuzz run over every route of both APIs")
class MalformedRequestFuzzTest {
    private static final long SEED = Long.getLong("policyhub.fuzz.seed", 20_261_123L);
    private static final int COUNT = Integer.getInteger("policyhub.fuzz.count", 10_000);
    private static final int SQLITE_COUNT = Integer.getInteger("policyhub.fuzz.sqliteCount", 2_000);
    private static final long SECONDS = Long.getLong("policyhub.fuzz.seconds", 50L);
    private static final String ONLY = System.getProperty("policyhub.fuzz.only", "");
    /** How often the store is compared with its state before the run, to name the window a change happened in. */
    private static final int STATE_CHECK_EVERY = Integer.getInteger("policyhub.fuzz.checkEvery", 500);
    private static final int SHOWN_FAILURES = Integer.getInteger("policyhub.fuzz.shown", 20);
    private static final int TOKENS_COUNT = Integer.getInteger("policyhub.fuzz.tokensCount", 3_000);
    private static final String ADMIN_TOKEN = "fuzz-setup-token-0123456789";
    private static final String SCOPED_TOKEN = "fuzz-scoped-token-0123456789";
    private static final Pattern ROUTE_REGISTRATION = Pattern.compile("router\\.add\\(\"([A-Z]+)\"");

    @Test
    @DisplayName("every route the server registers has fuzz cases")
    void everyRouteIsFuzzed() throws IOException {
        Map<String, Long> table = FuzzRoutes.all("cf.1").stream()
                .collect(Collectors.groupingBy(FuzzRoute::source, TreeMap::new, Collectors.counting()));
        Map<String, Long> registered = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = ROUTE_REGISTRATION.matcher(Files.readString(file, StandardCharsets.UTF_8));
                long count = m.results().count();
                if (count > 0) {
                    registered.put(file.getFileName().toString().replace(".java", ""), count);
                }
            }
        }
        assertEquals(registered, table, "routes registered per class vs routes in the fuzz table");
    }

    @Test
    @DisplayName("malformed requests get 4xx in the API's shape, never a trace, and leave the store unchanged")
    void malformedRequests() {
        fuzz("memory", FuzzFixture.hub("memory", Map.of()), COUNT);
    }

    @Test
    @DisplayName("the same requests over a SQLite store, whose transactions undo what a refused request began")
    void malformedRequestsOverSqlite(@TempDir Path dir) {
        fuzz("sqlite", FuzzFixture.hub("sqlite", Map.of("path", dir.resolve("fuzz.db").toString())), SQLITE_COUNT);
    }

    @Test
    @DisplayName("with tokens, a grant of one Google and one Pulumi organization: names are resolved, never a 5xx")
    void malformedRequestsWithTokens() {
        AccessTokens tokens = AccessTokens.parse("fuzz", ADMIN_TOKEN + " *\n" + SCOPED_TOKEN
                + " google:organizations/1 pulumi:acme");
        fuzz("memory with tokens", FuzzFixture.hub("memory", Map.of()), TOKENS_COUNT,
                ServerOptions.ephemeral().withTokens(tokens), MalformedRequestFuzzTest::scoped);
    }

    // the scoped token in the header each API reads: the access checks run on every mutated name; admin routes 403
    private static FuzzRequest scoped(FuzzRequest request) {
        String scheme = Api.of(request.path()) == Api.PULUMI ? "token " : "Bearer ";
        return request.withHeader("Authorization: " + scheme + SCOPED_TOKEN);
    }

    private static void fuzz(String store, PolicyHub hub, int count) {
        fuzz(store, hub, count, ServerOptions.ephemeral(), request -> request);
    }

    private static void fuzz(String store, PolicyHub hub, int count, ServerOptions options,
                             UnaryOperator<FuzzRequest> credentials) {
        try (PolicyHubServer server = PolicyHubServer.start(hub, options)) {
            RawHttp.Reply created = new RawHttp(server.url()).send("POST", "/v3/folders",
                    "{\"parent\": \"folders/11\", \"displayName\": \"made-over-http\"}",
                    "Authorization", "Bearer " + ADMIN_TOKEN);
            assertEquals(200, created.status(), created.text());
            String operation = created.json().path("name").asText().substring("operations/".length());
            List<FuzzRoute> routes = FuzzRoutes.all(operation);
            RequestGenerator generator = new RequestGenerator(SEED, routes);
            Run run = new Run(store, hub, routes);
            try (WireClient client = new WireClient("127.0.0.1", server.port())) {
                IntFunction<FuzzRequest> requests = i -> credentials.apply(generator.generate(i));
                if (!ONLY.isBlank()) {
                    replay(requests, client, run);
                } else {
                    fuzz(requests, client, run, count);
                }
            }
            run.assertClean(ONLY.isBlank() ? count : 0);
        } finally {
            hub.close();
        }
    }

    private static void fuzz(IntFunction<FuzzRequest> requests, WireClient client, Run run, int count) {
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
            FuzzRequest request = requests.apply(i);
            run.record(request, client.send(request));
            client.unsolicited().ifPresent(bytes -> run.fail("the server sent more than one answer to the request "
                    + "before this one; the extra bytes: " + bytes + "\n" + request.describe()));
            if ((i + 1) % STATE_CHECK_EVERY == 0) {
                run.checkState(i);
            }
        }
        run.checkState(run.sent - 1);
        System.out.println(run.summary());
    }

    private static void replay(IntFunction<FuzzRequest> requests, WireClient client, Run run) {
        for (int i : Arrays.stream(ONLY.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray()) {
            FuzzRequest request = requests.apply(i);
            WireClient.Answer answer = client.send(request);
            System.out.println(request.describe() + "-> " + answer.status() + " " + answer.headers() + "\n"
                    + FuzzRequest.escape(answer.body(), 4_000) + "\n");
            run.record(request, answer);
        }
        run.checkState(run.sent - 1);
    }

    /** What a run saw: counts per route, family and status, the failures and the store's state before it. */
    private static final class Run {
        private final String store;
        private final PolicyHub hub;
        private final List<FuzzRoute> routes;
        private final String before;
        private final long started = System.nanoTime();
        private final Map<String, Integer> perRoute = new TreeMap<>();
        private final Map<String, Integer> perFamily = new TreeMap<>();
        private final Map<Integer, Integer> perStatus = new TreeMap<>();
        private final List<String> failures = new ArrayList<>();
        private int failed;
        private int sent;
        private int lastChecked = -1;

        Run(String store, PolicyHub hub, List<FuzzRoute> routes) {
            this.store = store;
            this.hub = hub;
            this.routes = routes;
            this.before = StoreExport.of(hub);
            routes.forEach(r -> perRoute.put(r.key(), 0));
        }

        void record(FuzzRequest request, WireClient.Answer answer) {
            sent++;
            perRoute.merge(request.route(), 1, Integer::sum);
            perFamily.merge(request.family(), 1, Integer::sum);
            perStatus.merge(answer.status(), 1, Integer::sum);
            AnswerCheck.problem(request, answer).ifPresent(problem -> fail(problem + "\n" + request.describe()
                    + "answer: " + answer.status() + " " + FuzzRequest.escape(answer.body(), 600)));
        }

        void checkState(int index) {
            String now = StoreExport.of(hub);
            if (!now.equals(before)) {
                throw new AssertionError("the store changed between requests " + (lastChecked + 1) + " and "
                        + index + " (seed " + SEED + "):\nbefore:\n" + before + "after:\n" + now + "\n\n"
                        + String.join("\n\n", failures));
            }
            lastChecked = index;
        }

        void fail(String message) {
            failed++;
            if (failures.size() < SHOWN_FAILURES) {
                failures.add(message);
            }
        }

        void assertClean(int required) {
            assertTrue(failures.isEmpty(), failed + " of " + sent + " answers failed; the first ones:\n\n"
                    + String.join("\n\n", failures));
            assertTrue(sent >= required, "only " + sent + " of " + required + " requests were sent in " + SECONDS
                    + " s");
            if (required > 0) {
                int minimum = Math.max(1, required / routes.size() / 3);
                List<String> thin = perRoute.entrySet().stream().filter(e -> e.getValue() < minimum)
                        .map(e -> e.getKey() + ": " + e.getValue()).toList();
                assertTrue(thin.isEmpty(), "routes with fewer than " + minimum + " requests: " + thin);
                int familyMinimum = Math.max(1, required / 200);
                List<String> rare = perFamily.entrySet().stream().filter(e -> e.getValue() < familyMinimum)
                        .map(e -> e.getKey() + ": " + e.getValue()).toList();
                assertTrue(rare.isEmpty() && perFamily.size() == RequestGenerator.FAMILIES,
                        "families with fewer than " + familyMinimum + " requests: " + rare + " of " + perFamily);
            }
        }

        String summary() {
            double seconds = (System.nanoTime() - started) / 1e9;
            return String.format("fuzz seed %d, %s store: %d requests in %.1f s%nstatuses %s%nfamilies %s%nroutes%n%s",
                    SEED, store, sent, seconds, perStatus, perFamily, perRoute.entrySet().stream()
                            .map(e -> String.format("  %5d  %s", e.getValue(), e.getKey()))
                            .collect(Collectors.joining("\n")));
        }
    }

}
