package dev.policyhub.bench;

import dev.policyhub.bench.bare.BareJavalin;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * P7: from starting a server jar as a new process to its first successful response: the PolicyHub server jar (memory
 * store; SQLite creating a new file; SQLite opening an existing file) against the bare Javalin jar, in alternating
 * runs; the median of each.
 */
final class ColdStart {
    private static final String JAVA = Paths.get(System.getProperty("java.home"), "bin", "java").toString();

    /** A call that any empty PolicyHub server answers with 200. */
    private static final String SEARCH = "/v3/organizations:search";

    private ColdStart() {
    }

    /** Where the server jar is: {@code -Dpolicyhub.server.jar}, else the reactor's build output. */
    static Path serverJar() {
        return jar("policyhub.server.jar", "http-javalin/target/policyhub-server.jar");
    }

    /** Where the bare Javalin jar is: {@code -Dpolicyhub.bare.jar}, else this module's build output. */
    static Path bareJar() {
        return jar("policyhub.bare.jar", "bench/target/bare-javalin.jar");
    }

    /**
     * Starts each jar {@code runs} times and returns the medians and the ratios to the bare jar. Smoke mode starts
     * only the bare jar and the memory server, once each.
     */
    static List<Figure> run(Mode mode) throws IOException, InterruptedException {
        int runs = mode.pick(1, 5, 11);
        Path dir = Hubs.scratch();
        try {
            Map<String, List<Double>> times = new LinkedHashMap<>();
            Path existing = dir.resolve("existing.db");
            Command onExisting = port -> List.of(JAVA, "-jar", serverJar().toString(), "--port", port, "--storage",
                    "sqlite", "--db", existing.toString(), "--no-admin");
            boolean sqlite = mode != Mode.SMOKE;
            if (sqlite) {
                // the first start creates the file; the timed ones open it, as a restarted server does
                time(new LinkedHashMap<>(), "policyhub-sqlite-existing", SEARCH, onExisting);
            }
            for (int r = 0; r < runs; r++) {
                Path db = dir.resolve("run-" + r + ".db");
                time(times, "bare-javalin", BareJavalin.PATH,
                        port -> List.of(JAVA, "-jar", bareJar().toString(), port));
                time(times, "policyhub-memory", SEARCH, port -> List.of(JAVA, "-jar",
                        serverJar().toString(), "--port", port, "--storage", "memory", "--no-admin"));
                if (sqlite) {
                    time(times, "policyhub-sqlite", SEARCH, port -> List.of(JAVA, "-jar",
                            serverJar().toString(), "--port", port, "--storage", "sqlite", "--db", db.toString(),
                            "--no-admin"));
                    time(times, "policyhub-sqlite-existing", SEARCH, onExisting);
                }
            }
            List<Figure> out = new ArrayList<>();
            Map<String, Double> medians = new LinkedHashMap<>();
            times.forEach((k, v) -> {
                List<Double> sorted = new ArrayList<>(v);
                sorted.sort(Double::compare);
                double median = sorted.get(sorted.size() / 2);
                medians.put(k, median);
                System.out.println("P7 " + k + " start-to-first-response runs (ms): " + sorted);
                out.add(new Figure("P7", k + " start to first response (median of " + v.size() + ")", median, "ms"));
            });
            for (String k : medians.keySet()) {
                if (k.equals("bare-javalin")) {
                    continue;
                }
                out.add(new Figure("P7", "ratio " + k + "/bare-javalin", medians.get(k) / medians.get("bare-javalin"),
                        "x"));
            }
            return out;
        } finally {
            Hubs.delete(dir);
        }
    }

    /** A command for a given port. */
    private interface Command {
        List<String> at(String port);
    }

    private static void time(Map<String, List<Double>> times, String name, String path, Command command)
            throws IOException, InterruptedException {
        int port = freePort();
        URI base = URI.create("http://127.0.0.1:" + port);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command.at(Integer.toString(port)))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            long deadline = start + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + " before answering");
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " did not answer within 60 s");
                }
                if (answers(base, path)) {
                    break;
                }
                Thread.sleep(2);
            }
            times.computeIfAbsent(name, k -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
        } finally {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static boolean answers(URI base, String path) {
        try (HttpConnection c = HttpConnection.open(base)) {
            return c.get(path).status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path jar(String property, String fallback) {
        Path path = Paths.get(System.getProperty(property, fallback));
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("no jar at " + path.toAbsolutePath() + " (build it with mvn package, or"
                    + " set -D" + property + "=...)");
        }
        return path;
    }
}
