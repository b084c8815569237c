package dev.policyhub.bench;

/** What a load run measured: successful requests per second and their latency percentiles. */
record LoadResult(long requests, long errors, double seconds, double throughput, double p50Micros, double p99Micros) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%,d requests (%d errors) in %.2f s: %,.0f req/s, p50 %.0f us,"
                + " p99 %.0f us", requests, errors, seconds, throughput, p50Micros, p99Micros);
    }
}
