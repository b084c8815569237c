package dev.policyhub.core.spi;

/** How many members a set has, and their resource counts added up. */
public record Tally(long count, long resources) {
    /** The empty set. */
    public static final Tally NONE = new Tally(0, 0);
}
