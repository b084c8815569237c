package dev.policyhub.core.spi;

import java.util.Objects;

/** A stored value and its version; the first stored version is 1 and each replace adds 1. */
public record Versioned<T>(T value, long version) {
    public Versioned {
        Objects.requireNonNull(value, "value");
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1: " + version);
        }
    }
}
