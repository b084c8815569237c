package dev.policyhub.storage.postgres;

import dev.policyhub.core.error.ErrorCode;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.spi.Storage;
import dev.policyhub.core.spi.StoreSession;
import com.zaxxer.hikari.HikariDataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Batch;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A store in a PostgreSQL database that several PolicyHub servers may share. Each unit of work is one transaction on
 * a connection of a HikariCP pool: read units in {@code REPEATABLE READ READ ONLY} (one consistent snapshot), write
 * units in {@code SERIALIZABLE}, run again from the start when PostgreSQL reports that they lost a race with a
 * concurrent transaction (of this server or another). Units started inside a unit on the same thread join it: a
 * nested write is a savepoint, undone alone if it throws; a write inside a read unit is refused. Opening a database
 * migrates its schema to the newest version, once, however many servers start at the same time.
 */
public final class PostgresStorage implements Storage {
    /** How many times a write unit runs before a lost race is reported as ABORTED. */
    static final int WRITE_ATTEMPTS = 30;
    /** The message of that ABORTED error. */
    static final String TOO_MANY_CONFLICTS =
            "The resource was modified concurrently too many times; retry the request.";
    /** The longest pause between two runs of a write unit, in milliseconds. */
    private static final int MAX_BACKOFF_MILLIS = 50;

    /** The pool this store opened and closes; {@code null} when the caller's data source is used. */
    private final HikariDataSource ownPool;
    private final Jdbi jdbi;
    /** The unit of work running on each thread, which units started inside it join. */
    private final ThreadLocal<Unit> running = new ThreadLocal<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private PostgresStorage(DataSource connections, HikariDataSource ownPool) {
        this.ownPool = ownPool;
        this.jdbi = Jdbi.create(connections);
    }

    /**
     * Connects to the database and migrates its schema to the newest version. Fails with
     * {@link IllegalStateException} on a database written by a newer PolicyHub or whose schema holds tables that
     * PolicyHub did not create, and with the driver's error if the database cannot be reached.
     */
    public static PostgresStorage open(PostgresSettings settings) {
        HikariDataSource pool = Pools.open(settings);
        try {
            Migrations.migrate(Jdbi.create(pool), settings.describe());
        } catch (RuntimeException failure) {
            pool.close();
            throw failure;
        }
        return new PostgresStorage(pool, pool);
    }

    /**
     * A store over connections of the caller's pool (e.g. one an application already has), migrated like
     * {@link #open(PostgresSettings)}. The connections must be in auto-commit mode between units; closing the store
     * leaves the pool open.
     */
    public static PostgresStorage open(DataSource connections) {
        Migrations.migrate(Jdbi.create(connections), "of the given data source");
        return new PostgresStorage(connections, null);
    }

    /** Runs {@code work} in one read-only transaction, or inside the unit this thread is running. */
    @Override
    public <T> T read(Function<StoreSession, T> work) {
        checkOpen();
        Unit outer = running.get();
        if (outer != null) {
            return outer.run(false, work);
        }
        try (Handle handle = jdbi.open()) {
            return outermost(new Unit(handle, false), work);
        }
    }

    /**
     * Runs {@code work} in one serializable transaction: kept if it returns, rolled back if it throws. A unit that
     * loses a race with a concurrent transaction is rolled back and run again, with a short random pause, up to
     * {@value #WRITE_ATTEMPTS} times; then it fails as ABORTED. Inside a unit of this thread it joins that unit.
     */
    @Override
    public <T> T write(Function<StoreSession, T> work) {
        checkOpen();
        Unit outer = running.get();
        if (outer != null) {
            return outer.nestedWrite(work);
        }
        return retried(work);
    }

    /** Deletes every row of every PolicyHub table in one transaction, keeping the schema; refused inside a unit. */
    @Override
    public void clear() {
        checkOpen();
        if (running.get() != null) {
            throw new IllegalStateException("clear() cannot run inside a unit of work");
        }
        retried(PostgresStorage::deleteEverything);
    }

    /**
     * Closes the pool the store opened (HikariCP aborts connections still in use, so close the store after its
     * units); later units fail. Closing twice is harmless.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownPool != null) {
            ownPool.close();
        }
    }

    private <T> T retried(Function<? super PostgresSession, T> work) {
        try (Handle handle = jdbi.open()) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return outermost(new Unit(handle, true), work);
                } catch (RuntimeException failure) {
                    if (!(failure instanceof Unit.RaceLost) && !SqlStates.isConcurrencyFailure(failure)) {
                        throw failure;
                    }
                    if (attempt >= WRITE_ATTEMPTS) {
                        throw PolicyHubException.of(ErrorCode.ABORTED, TOO_MANY_CONFLICTS);
                    }
                    pause(attempt);
                }
            }
        }
    }

    private <T> T outermost(Unit unit, Function<? super PostgresSession, T> work) {
        running.set(unit);
        try {
            return unit.transaction(work);
        } finally {
            running.remove();
        }
    }

    /** Spreads the next runs of units that lost a race to each other; the first rerun starts at once. */
    private static void pause(int attempt) {
        if (attempt == 1) {
            return;
        }
        int bound = Math.min(1 << Math.min(attempt, 6), MAX_BACKOFF_MILLIS);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to run a write unit again", e);
        }
    }

    /**
     * Deletes the rows rather than truncating the tables: the tables of an emulator are small, and a {@code DELETE}
     * of a small table costs a fraction of a {@code TRUNCATE}, which makes new files for every table and index. The
     * statements go to the server in one batch; cascading keys empty the member and archive tables either way.
     */
    private static Void deleteEverything(PostgresSession session) {
        Handle handle = session.writing();
        List<String> tables = handle.createQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                        + " AND tablename <> :versions ORDER BY tablename")
                .bind("versions", Migrations.VERSION_TABLE)
                .mapTo(String.class)
                .list();
        Batch batch = handle.createBatch();
        tables.forEach(table -> batch.add("DELETE FROM \"" + table + "\""));
        batch.execute();
        return null;
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the store is closed");
        }
    }
}
