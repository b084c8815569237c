package dev.policyhub.storage.sqlite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to open a SQLite store: the database file, how long a unit waits for a lock held by another process before
 * failing, and how many read-only connections read units may use at once.
 */
public record SqliteSettings(Path path, Duration busyTimeout, int readConnections) {
    /** The default wait for another process's lock. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);
    /** The default number of read connections. */
    public static final int DEFAULT_READ_CONNECTIONS = 4;

    /** Checks the settings: a path, a busy timeout from 0 to {@code Integer.MAX_VALUE} ms, at least one reader. */
    public SqliteSettings {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busyTimeout must be from 0 to " + Integer.MAX_VALUE + " ms: "
                    + busyTimeout);
        }
        if (readConnections < 1) {
            throw new IllegalArgumentException("readConnections must be at least 1: " + readConnections);
        }
    }

    /** The database file {@code path} with the default busy timeout and number of read connections. */
    public static SqliteSettings of(Path path) {
        return new SqliteSettings(path, DEFAULT_BUSY_TIMEOUT, DEFAULT_READ_CONNECTIONS);
    }

    /** The same settings with another busy timeout. */
    public SqliteSettings withBusyTimeout(Duration value) {
        return new SqliteSettings(path, value, readConnections);
    }

    /** The same settings with another number of read connections. */
    public SqliteSettings withReadConnections(int value) {
        return new SqliteSettings(path, busyTimeout, value);
    }
}
