package dev.policyhub.bench;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load driver: a fixed number of keep-alive connections, each sending its next GET as soon as the
 * previous response has arrived, until the time is up or the request budget is spent, whichever comes first. Talks to
 * loopback servers only.
 */
final class LoadDriver {
    private final URI base;
    private final String path;
    private final int connections;

    /** A driver of {@code connections} connections for GETs of {@code path} at {@code base} (loopback only). */
    LoadDriver(URI base, String path, int connections) throws IOException {
        HttpConnection.loopback(base);
        if (connections < 1) {
            throw new IllegalArgumentException("at least one connection is required");
        }
        this.base = base;
        this.path = path;
        this.connections = connections;
    }

    /** Runs for at most {@code millis} and at most {@code maxRequests} requests, then stops by itself. */
    LoadResult run(long millis, long maxRequests) throws InterruptedException {
        AtomicLong budget = new AtomicLong(maxRequests);
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + millis * 1_000_000L;
        List<long[]> latencies = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int perThread = (int) Math.min(Integer.MAX_VALUE - 8, maxRequests / connections + 1);
        for (int c = 0; c < connections; c++) {
            long[] mine = new long[Math.min(perThread, 1 << 22)];
            int[] count = new int[1];
            latencies.add(mine);
            counts.add(count);
            Thread t = new Thread(() -> drive(mine, count, budget, errors, deadline), "load-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = counts.stream().mapToInt(c -> c[0]).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(latencies.get(c), 0, all, at, counts.get(c)[0]);
            at += counts.get(c)[0];
        }
        Arrays.sort(all);
        return new LoadResult(total, errors.get(), seconds, total / seconds, percentile(all, 0.50) / 1e3,
                percentile(all, 0.99) / 1e3);
    }

    private void drive(long[] latencies, int[] count, AtomicLong budget, AtomicLong errors, long deadline) {
        try (HttpConnection connection = HttpConnection.open(base)) {
            while (System.nanoTime() < deadline && budget.getAndDecrement() > 0 && count[0] < latencies.length) {
                long t0 = System.nanoTime();
                HttpConnection.Response response = connection.get(path);
                long elapsed = System.nanoTime() - t0;
                if (response.status() == 200) {
                    latencies[count[0]++] = elapsed;
                } else {
                    errors.incrementAndGet();
                }
            }
        } catch (IOException e) {
            errors.incrementAndGet();
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
