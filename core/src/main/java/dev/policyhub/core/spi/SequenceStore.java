package dev.policyhub.core.spi;

/** Store-wide counters: numeric ids and strictly increasing update times. */
public interface SequenceStore {

    /** First value of the id sequence. */
    long FIRST_ID = 100_000_000_001L;

    /** Returns the next value of the store-wide id sequence, starting at {@link #FIRST_ID}; never repeats. */
    long nextSequenceValue();

    /** Records {@code id} as used; false if it already was. Every assigned or explicit id is claimed once. */
    boolean claimId(long id);

    /** Returns {@code max(candidateMicros, last + 1)} and remembers it as the last stamp. */
    long stampMicros(long candidateMicros);
}
