package dev.policyhub.bench;

/** One measured figure, e.g. {@code P2 sqlite/1000000 = 181.2 us/op}. */
public record Figure(String id, String label, double value, String unit) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s %-40s %14.3f %s", id, label, value, unit);
    }
}
