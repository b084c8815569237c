package dev.policyhub.storage.postgres;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach a PostgreSQL store: the JDBC URL ({@code jdbc:postgresql://host:port/database}), the user and password
 * (either may be empty, when the URL or the server's authentication needs none) and the most connections the pool
 * opens. {@link #toString()} and {@link #describe()} never show the password.
 */
public record PostgresSettings(String url, String user, String password, int maxPoolSize) {
    /** The default size of the connection pool. */
    public static final int DEFAULT_MAX_POOL_SIZE = 10;
    /** The prefix every URL starts with. */
    public static final String URL_PREFIX = "jdbc:postgresql:";

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&]*");

    /** Checks the settings: a PostgreSQL JDBC URL and a pool of at least one connection. */
    public PostgresSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!url.startsWith(URL_PREFIX)) {
            throw new IllegalArgumentException("the url must be a PostgreSQL JDBC URL starting with " + URL_PREFIX
                    + ", e.g. jdbc:postgresql://localhost:5432/policyhub: " + withoutPassword(url));
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1: " + maxPoolSize);
        }
    }

    /** The database at {@code url} as {@code user}, with the default pool size. */
    public static PostgresSettings of(String url, String user, String password) {
        return new PostgresSettings(url, user, password, DEFAULT_MAX_POOL_SIZE);
    }

    /** The same settings with another pool size. */
    public PostgresSettings withMaxPoolSize(int value) {
        return new PostgresSettings(url, user, password, value);
    }

    /** The URL and user, for messages and logs; a password given in the URL is masked. */
    public String describe() {
        return withoutPassword(url) + (user.isEmpty() ? "" : " as " + user);
    }

    /** The settings without the password. */
    @Override
    public String toString() {
        return "PostgresSettings[url=" + withoutPassword(url) + ", user=" + user + ", password="
                + (password.isEmpty() ? "" : "***") + ", maxPoolSize=" + maxPoolSize + "]";
    }

    /** The URL with the value of a {@code password} parameter masked. */
    public static String withoutPassword(String url) {
        return PASSWORD_IN_URL.matcher(url).replaceAll("$1***");
    }
}
