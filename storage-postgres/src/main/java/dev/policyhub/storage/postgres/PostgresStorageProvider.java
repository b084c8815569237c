package dev.policyhub.storage.postgres;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.core.spi.StorageProvider;

import java.util.Map;
import java.util.Set;

/**
 * Provides {@link PostgresStorage} under the name {@code postgres}. Settings: {@code url}, the JDBC URL
 * ({@code jdbc:postgresql://host:port/database}, required); {@code user} and {@code password} (optional: the URL or
 * the server's authentication may do without); {@code maxPoolSize}, the most connections of the pool (default 10).
 * Other keys are refused.
 */
public final class PostgresStorageProvider implements StorageProvider {
    /** The setting giving the JDBC URL. */
    public static final String URL = "url";
    /** The setting giving the database user. */
    public static final String USER = "user";
    /** The setting giving the user's password. */
    public static final String PASSWORD = "password";
    /** The setting giving the most connections of the pool. */
    public static final String MAX_POOL_SIZE = "maxPoolSize";

    private static final Set<String> KNOWN = Set.of(URL, USER, PASSWORD, MAX_POOL_SIZE);

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public PostgresStorageProvider() {
    }

    /** {@code postgres}. */
    @Override
    public String name() {
        return "postgres";
    }

    /** Connects to the database named by the {@code url} setting; see the class comment for every setting. */
    @Override
    public Storage open(Map<String, String> settings) {
        return PostgresStorage.open(settings(settings));
    }

    /** The settings the map describes; fails with {@link IllegalArgumentException} on a missing url or a bad value. */
    static PostgresSettings settings(Map<String, String> settings) {
        for (String key : settings.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("unknown postgres setting '" + key + "'; the settings are " + URL
                        + ", " + USER + ", " + PASSWORD + " and " + MAX_POOL_SIZE);
            }
        }
        String url = settings.get(URL);
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the postgres store needs the setting '" + URL
                    + "': the JDBC URL, e.g. Map.of(\"url\", \"jdbc:postgresql://localhost:5432/policyhub\")");
        }
        PostgresSettings parsed = PostgresSettings.of(url.trim(), settings.getOrDefault(USER, ""),
                settings.getOrDefault(PASSWORD, ""));
        if (settings.containsKey(MAX_POOL_SIZE)) {
            parsed = parsed.withMaxPoolSize(number(settings, MAX_POOL_SIZE));
        }
        return parsed;
    }

    private static int number(Map<String, String> settings, String key) {
        try {
            return Integer.parseInt(settings.get(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the postgres setting '" + key + "' must be a whole number: "
                    + settings.get(key), e);
        }
    }
}
