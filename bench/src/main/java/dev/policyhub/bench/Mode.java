package dev.policyhub.bench;

import java.util.Locale;

/** How long and on how much data a benchmark runs. */
public enum Mode {
    /** Once, fork-less, about 100 ms, tiny data: proves a benchmark runs and yields a figure (the build's check). */
    SMOKE,
    /** Seconds per benchmark, for a quick look. */
    SHORT,
    /** The documented figures: the full data sizes and longer measurement. */
    FULL;

    /** Parses {@code -smoke}, {@code -short} or {@code -full}. */
    public static Mode parse(String flag) {
        String name = flag.startsWith("-") ? flag.substring(1) : flag;
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mode " + flag + "; use -smoke, -short or -full", e);
        }
    }

    /** Picks the value of this mode. */
    public <T> T pick(T smoke, T shortRun, T full) {
        switch (this) {
            case SMOKE:
                return smoke;
            case SHORT:
                return shortRun;
            default:
                return full;
        }
    }
}
