package dev.policyhub.storage.sqlite;

import dev.policyhub.core.error.StorageFailureException;
import dev.policyhub.core.spi.Storage;
import dev.policyhub.core.spi.StoreSession;
import org.jdbi.v3.core.Handle;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A durable store in one SQLite database file. Each write unit is one SQLite transaction on the single write
 * connection ({@code BEGIN IMMEDIATE ... COMMIT}, rolled back if the work throws), taken by one unit at a time; read
 * units run in parallel on a small pool of read-only connections, each in a transaction that sees one committed state
 * (WAL mode). Units started inside a unit on the same thread join it: a nested write is a savepoint, undone alone if it
 * throws; a write inside a read unit is refused. Opening a file migrates its schema to the newest version.
 *
 * <p>A full disk, a read-only file or an I/O error fails the unit with {@link StorageFailureException}; connections
 * that would not recover by themselves are replaced, so the store works again as soon as the condition clears.
 */
public final class SqliteStorage implements Storage {
    private final Writer writer;
    private final ReaderPool readers;
    /** The unit of work running on each thread, which units started inside it join. */
    private final ThreadLocal<Unit> running = new ThreadLocal<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private SqliteStorage(Writer writer, ReaderPool readers) {
        this.writer = writer;
        this.readers = readers;
    }

    /** Opens the database file with the default settings, creating it if it does not exist. */
    public static SqliteStorage open(Path file) {
        return open(SqliteSettings.of(file));
    }

    /**
     * Opens the database file, creating it if it does not exist, and migrates its schema to the newest version. Fails
     * with {@link IllegalStateException} on a file written by a newer PolicyHub or not written by PolicyHub at all.
     */
    public static SqliteStorage open(SqliteSettings settings) {
        Connections connections = new Connections(settings);
        Handle handle = connections.openWriter();
        try {
            Migrations.refuseIncompatible(handle, settings.path());
            connections.useWriteAheadLog(handle);
            Migrations.migrate(handle);
        } catch (RuntimeException failure) {
            handle.close();
            throw failure;
        }
        ReaderPool readers = new ReaderPool(connections::openReader, settings.readConnections());
        return new SqliteStorage(new Writer(handle, connections::openWriter, readers::closeIdle), readers);
    }

    /**
     * Runs {@code work} in one transaction of a read-only connection, or inside the unit this thread is running; its
     * session refuses writes.
     */
    @Override
    public <T> T read(Function<StoreSession, T> work) {
        checkOpen();
        Unit outer = running.get();
        if (outer != null) {
            return outer.run(false, work);
        }
        Handle handle;
        try {
            handle = readers.acquire();
        } catch (RuntimeException failure) {
            throw StorageFailures.translated(failure);
        }
        boolean replace = false;
        try {
            return outermost(new Unit(handle, false), work);
        } catch (RuntimeException failure) {
            if (StorageFailures.isWriteOnReadOnlyConnection(failure)) {
                throw failure;
            }
            replace = StorageFailures.needsNewConnection(failure);
            throw StorageFailures.translated(failure);
        } finally {
            if (replace) {
                readers.discard(handle);
            } else {
                readers.release(handle);
            }
        }
    }

    /** Runs {@code work} in one transaction of the write connection: kept if it returns, rolled back if it throws. */
    @Override
    public <T> T write(Function<StoreSession, T> work) {
        checkOpen();
        Unit outer = running.get();
        if (outer != null) {
            return outer.nestedWrite(work);
        }
        try {
            return writer.use(handle -> outermost(new Unit(handle, true), work));
        } catch (RuntimeException failure) {
            throw StorageFailures.translated(failure);
        }
    }

    /** Deletes every row of every table in one transaction, keeping the schema; refused inside a unit of work. */
    @Override
    public void clear() {
        checkOpen();
        if (running.get() != null) {
            throw new IllegalStateException("clear() cannot run inside a unit of work");
        }
        try {
            writer.use(handle -> outermost(new Unit(handle, true), SqliteStorage::deleteEverything));
        } catch (RuntimeException failure) {
            throw StorageFailures.translated(failure);
        }
    }

    /**
     * Closes the connections: idle ones at once, the write connection after its running unit, a read connection
     * when its unit ends. Later units fail; closing twice is harmless.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            readers.close();
            writer.close();
        }
    }

    private <T> T outermost(Unit unit, Function<? super SqliteSession, T> work) {
        running.set(unit);
        try {
            return unit.transaction(work);
        } finally {
            running.remove();
        }
    }

    private static Void deleteEverything(SqliteSession session) {
        Handle handle = session.writing();
        List<String> tables = handle.createQuery("SELECT name FROM sqlite_schema"
                        + " WHERE type = 'table' AND substr(name, 1, 7) <> 'sqlite_'")
                .mapTo(String.class)
                .list();
        tables.forEach(table -> handle.execute("DELETE FROM \"" + table + "\""));
        return null;
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the store is closed");
        }
    }
}
