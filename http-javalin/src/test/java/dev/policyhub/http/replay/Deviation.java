package dev.policyhub.http.replay;

import java.util.List;
import java.util.Objects;

/** Recorded exchanges the replay deliberately does not match as recorded: what it does instead, and why. */
public record Deviation(ExchangeSelector which, Treatment treatment, List<String> ignoredPaths, int replayedBefore,
                        String reason) {

    /** What the replay does with a selected exchange. */
    public enum Treatment {
        /** Sent as recorded; the server must answer 404 {@code NOT_FOUND} {@code Method not found.}. */
        NOT_SERVED,
        /** Not sent; reported as skipped with the reason. */
        SKIPPED,
        /** Sent and compared, except the listed JSON paths (presence and value). */
        FIELDS_IGNORED,
        /** Sent and compared, but before the exchange numbered {@code replayedBefore}. */
        REPLAYED_EARLIER
    }

    public Deviation {
        Objects.requireNonNull(which, "which");
        Objects.requireNonNull(treatment, "treatment");
        ignoredPaths = List.copyOf(ignoredPaths);
        Objects.requireNonNull(reason, "reason");
    }

    /** Calls of a surface PolicyHub does not serve: asserted to be 404 {@code Method not found.}. */
    public static Deviation notServed(ExchangeSelector which, String reason) {
        return new Deviation(which, Treatment.NOT_SERVED, List.of(), 0, reason);
    }

    /** Exchanges not sent at all. */
    public static Deviation skipped(ExchangeSelector which, String reason) {
        return new Deviation(which, Treatment.SKIPPED, List.of(), 0, reason);
    }

    /** Exchanges compared without the given JSON paths ({@code $.metadata}, {@code $.response.deleteTime}). */
    public static Deviation fieldsIgnored(ExchangeSelector which, List<String> paths, String reason) {
        return new Deviation(which, Treatment.FIELDS_IGNORED, paths, 0, reason);
    }

    /** An exchange replayed just before the exchange numbered {@code before} of the same fixture. */
    public static Deviation replayedEarlier(ExchangeSelector which, int before, String reason) {
        return new Deviation(which, Treatment.REPLAYED_EARLIER, List.of(), before, reason);
    }

    /** True when the exchange is not sent to the server. */
    public boolean skipsExchange() {
        return treatment == Treatment.SKIPPED;
    }
}
