package dev.policyhub.core.internal;

import dev.policyhub.core.spi.StoreSession;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Update times: the injected clock at microsecond precision, strictly increasing per store. */
public final class Stamps {
    private final Clock clock;

    public Stamps(Clock clock) {
        this.clock = clock;
    }

    public Instant next(StoreSession session) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long micros = Math.multiplyExact(now.getEpochSecond(), 1_000_000L) + now.getNano() / 1_000;
        long stamped = session.sequences().stampMicros(micros);
        return Instant.ofEpochSecond(Math.floorDiv(stamped, 1_000_000L), Math.floorMod(stamped, 1_000_000L) * 1_000L);
    }
}
