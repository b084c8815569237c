package dev.policyhub.storage.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The databases of one test class on the {@link EmbeddedServer}, registered as the class's extension so that their
 * pools close after its last test. The kit wants a new, empty store for every test: each store gets a database that
 * no open store uses (normally the class's one database, emptied with {@code clear()}; a test that opens a second
 * store at once gets a second database), over that database's pool. A new database or pool per test would cost far
 * more: creating a database copies files, and every new connection starts with cold catalog caches.
 */
final class TestDatabases implements AfterAllCallback {
    /** Pools of databases that no open store uses. */
    private final Deque<HikariDataSource> free = new ArrayDeque<>();
    private final List<HikariDataSource> all = new ArrayList<>();

    /** A store over an empty database of this class, which goes back to the class when the store is closed. */
    LeasedStorage emptyStore() {
        HikariDataSource pool = take();
        try {
            PostgresStorage storage = PostgresStorage.open(pool);
            storage.clear();
            return new LeasedStorage(storage, () -> give(pool));
        } catch (RuntimeException failure) {
            give(pool);
            throw failure;
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        all.forEach(HikariDataSource::close);
        all.clear();
        free.clear();
    }

    private synchronized HikariDataSource take() {
        if (!free.isEmpty()) {
            return free.pop();
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(EmbeddedServer.createDatabase());
        config.setUsername("postgres");
        config.setMaximumPoolSize(PostgresSettings.DEFAULT_MAX_POOL_SIZE);
        config.setMinimumIdle(1);
        HikariDataSource pool = new HikariDataSource(config);
        all.add(pool);
        return pool;
    }

    private synchronized void give(HikariDataSource pool) {
        free.push(pool);
    }
}
