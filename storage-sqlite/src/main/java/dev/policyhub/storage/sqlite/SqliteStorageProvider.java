package dev.policyhub.storage.sqlite;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.core.spi.StorageProvider;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Provides {@link SqliteStorage} under the name {@code sqlite}. Settings: {@code path}, the database file (required;
 * created if it does not exist); {@code busyTimeoutMillis}, how long to wait for another process's lock (default
 * 5000); {@code readConnections}, how many read units may run at once (default 4). Other keys are refused.
 */
public final class SqliteStorageProvider implements StorageProvider {
    /** The setting naming the database file. */
    public static final String PATH = "path";
    /** The setting giving the busy timeout in milliseconds. */
    public static final String BUSY_TIMEOUT_MILLIS = "busyTimeoutMillis";
    /** The setting giving the number of read connections. */
    public static final String READ_CONNECTIONS = "readConnections";

    private static final Set<String> KNOWN = Set.of(PATH, BUSY_TIMEOUT_MILLIS, READ_CONNECTIONS);

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public SqliteStorageProvider() {
    }

    /** {@code sqlite}. */
    @Override
    public String name() {
        return "sqlite";
    }

    /** Opens the database file named by the {@code path} setting; see the class comment for every setting. */
    @Override
    public Storage open(Map<String, String> settings) {
        return SqliteStorage.open(settings(settings));
    }

    /** The settings the map describes; fails with {@link IllegalArgumentException} on a missing path or a bad value. */
    static SqliteSettings settings(Map<String, String> settings) {
        for (String key : settings.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("unknown sqlite setting '" + key + "'; the settings are " + PATH
                        + ", " + BUSY_TIMEOUT_MILLIS + " and " + READ_CONNECTIONS);
            }
        }
        String path = settings.get(PATH);
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("the sqlite store needs the setting '" + PATH
                    + "': the database file, e.g. Map.of(\"path\", \"policyhub.db\")");
        }
        SqliteSettings parsed = SqliteSettings.of(Path.of(path));
        if (settings.containsKey(BUSY_TIMEOUT_MILLIS)) {
            parsed = parsed.withBusyTimeout(Duration.ofMillis(number(settings, BUSY_TIMEOUT_MILLIS)));
        }
        if (settings.containsKey(READ_CONNECTIONS)) {
            parsed = parsed.withReadConnections(number(settings, READ_CONNECTIONS));
        }
        return parsed;
    }

    private static int number(Map<String, String> settings, String key) {
        try {
            return Integer.parseInt(settings.get(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the sqlite setting '" + key + "' must be a whole number: "
                    + settings.get(key), e);
        }
    }
}
