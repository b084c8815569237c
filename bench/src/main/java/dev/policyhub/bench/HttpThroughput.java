package dev.policyhub.bench;

import dev.policyhub.bench.bare.BareJavalin;
import dev.policyhub.core.PolicyHub;
import dev.policyhub.http.PolicyHubServer;
import dev.policyhub.http.ServerOptions;
import io.javalin.Javalin;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * P1: {@code getEffectivePolicy} over HTTP with 16 connections on the three-level fixture (memory and SQLite
 * stores), against a bare Javalin route returning the same bytes, all driven by the same {@link LoadDriver} in
 * alternating rounds so that the shared machine's noise hits every target alike.
 */
final class HttpThroughput {
    private static final int CONNECTIONS = 16;

    private HttpThroughput() {
    }

    /** Runs the rounds and returns each target's median round and the ratios to the baseline. */
    static List<Figure> run(Mode mode) throws IOException, InterruptedException {
        long warmupMillis = mode.pick(100L, 3000L, 5000L);
        long measureMillis = mode.pick(100L, 5000L, 10_000L);
        int rounds = mode.pick(1, 2, 3);
        long maxRequests = mode.pick(2_000L, 2_000_000L, 5_000_000L);
        Path dir = Hubs.scratch();
        PolicyHub memory = Hubs.open("memory", dir);
        PolicyHub sqlite = Hubs.open("sqlite", dir);
        String project = Fixtures.threeLevels(memory);
        Fixtures.threeLevels(sqlite);
        String path = "/v2/" + project + "/policies/" + Fixtures.LIST_CONSTRAINT + ":getEffectivePolicy";
        ServerOptions options = new ServerOptions("127.0.0.1", 0, false);
        PolicyHubServer memoryServer = PolicyHubServer.start(memory, options);
        PolicyHubServer sqliteServer = PolicyHubServer.start(sqlite, options);
        Javalin bare = null;
        try {
            byte[] body = fetch(URI.create(memoryServer.url()), path);
            if (!Arrays.equals(body, fetch(URI.create(sqliteServer.url()), path))) {
                throw new IllegalStateException("the two stores answer differently");
            }
            bare = BareJavalin.start(0, body);
            Map<String, LoadDriver> targets = new LinkedHashMap<>();
            targets.put("bare-javalin", new LoadDriver(URI.create("http://127.0.0.1:" + bare.port()),
                    BareJavalin.PATH, CONNECTIONS));
            targets.put("policyhub-memory", new LoadDriver(URI.create(memoryServer.url()), path, CONNECTIONS));
            targets.put("policyhub-sqlite", new LoadDriver(URI.create(sqliteServer.url()), path, CONNECTIONS));
            System.out.println("P1: response of " + body.length + " bytes; " + CONNECTIONS + " connections");
            for (Map.Entry<String, LoadDriver> t : targets.entrySet()) {
                System.out.println("P1 warm-up " + t.getKey() + ": " + t.getValue().run(warmupMillis, maxRequests));
            }
            Map<String, List<LoadResult>> results = new LinkedHashMap<>();
            for (int r = 0; r < rounds; r++) {
                for (Map.Entry<String, LoadDriver> t : targets.entrySet()) {
                    LoadResult result = t.getValue().run(measureMillis, maxRequests);
                    System.out.println("P1 round " + (r + 1) + " " + t.getKey() + ": " + result);
                    results.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(result);
                }
            }
            return figures(results);
        } finally {
            if (bare != null) {
                bare.stop();
            }
            memoryServer.close();
            sqliteServer.close();
            memory.close();
            sqlite.close();
            Hubs.delete(dir);
        }
    }

    /**
     * Each target's median round, and the median over rounds of each store's ratio to the baseline of the same round
     * (rounds a few seconds apart can see very different load on a shared machine).
     */
    private static List<Figure> figures(Map<String, List<LoadResult>> results) {
        List<Figure> out = new ArrayList<>();
        results.forEach((target, list) -> {
            List<LoadResult> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingDouble(LoadResult::throughput));
            LoadResult m = sorted.get(sorted.size() / 2);
            out.add(new Figure("P1", target + " throughput (median round)", m.throughput(), "req/s"));
            out.add(new Figure("P1", target + " p50", m.p50Micros(), "us"));
            out.add(new Figure("P1", target + " p99", m.p99Micros(), "us"));
        });
        List<LoadResult> base = results.get("bare-javalin");
        for (String store : List.of("policyhub-memory", "policyhub-sqlite")) {
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < base.size(); r++) {
                ratios.add(results.get(store).get(r).throughput() / base.get(r).throughput());
            }
            ratios.sort(Double::compare);
            System.out.println("P1 " + store + "/bare-javalin ratio per round: " + ratios);
            out.add(new Figure("P1", "ratio " + store + "/bare-javalin (median of rounds)",
                    ratios.get(ratios.size() / 2), "x"));
        }
        return out;
    }

    private static byte[] fetch(URI base, String path) throws IOException {
        try (HttpConnection c = HttpConnection.open(base)) {
            HttpConnection.Response r = c.get(path);
            if (r.status() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + r.status() + ": "
                        + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return r.body();
        }
    }
}
