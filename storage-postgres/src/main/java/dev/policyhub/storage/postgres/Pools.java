package dev.policyhub.storage.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Opens the HikariCP pool of a store over the PostgreSQL driver's data source. Connections stay in auto-commit mode:
 * each unit of work starts and ends its own transaction with {@code BEGIN ... COMMIT}, naming its isolation level.
 */
final class Pools {
    /** Connections kept open while idle; more are opened on demand up to the pool's maximum. */
    private static final int MIN_IDLE = 1;

    private Pools() {
    }

    /** A started pool; fails with the driver's error (wrapped by HikariCP) if no connection can be made. */
    static HikariDataSource open(PostgresSettings settings) {
        PGSimpleDataSource driver = new PGSimpleDataSource();
        driver.setURL(settings.url());
        if (!settings.user().isEmpty()) {
            driver.setUser(settings.user());
        }
        if (!settings.password().isEmpty()) {
            driver.setPassword(settings.password());
        }
        driver.setApplicationName("policyhub");
        HikariConfig config = new HikariConfig();
        config.setDataSource(driver);
        config.setPoolName("policyhub-postgres");
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(Math.min(MIN_IDLE, settings.maxPoolSize()));
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }
}
