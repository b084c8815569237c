package dev.policyhub.storage.sqlite;

import dev.policyhub.storage.jdbc.Transactions;
import org.jdbi.v3.core.Handle;

import java.util.function.Function;

/**
 * A unit of work running on one thread over one connection: a read unit in a deferred transaction (its snapshot is
 * taken by its first read, and WAL keeps it stable until the end), a write unit in an immediate one (it holds
 * SQLite's write lock from the start, so nothing it read can change under it). Units started inside it join it: a
 * read shares its transaction, a write becomes a savepoint that is rolled back alone if its work throws.
 */
final class Unit {
    private final Handle handle;
    private final boolean write;
    /** How many nested write units are open. */
    private int savepoints;

    Unit(Handle handle, boolean write) {
        this.handle = handle;
        this.write = write;
    }

    /** Runs the work as a whole transaction: committed if it returns, rolled back if it throws. */
    <T> T transaction(Function<? super SqliteSession, T> work) {
        try {
            handle.execute(write ? "BEGIN IMMEDIATE" : "BEGIN");
        } catch (RuntimeException failure) {
            CachedStatements.afterFailure(handle, failure);
            throw failure;
        }
        T result;
        try {
            result = run(write, work);
        } catch (Throwable failure) {
            Transactions.rollback(handle, "ROLLBACK", failure);
            CachedStatements.afterFailure(handle, failure);
            throw failure;
        }
        try {
            handle.execute("COMMIT");
        } catch (RuntimeException failure) {
            Transactions.rollback(handle, "ROLLBACK", failure);
            CachedStatements.afterFailure(handle, failure);
            throw failure;
        }
        return result;
    }

    /** Runs a write unit started inside this one, as a savepoint; refused inside a read unit. */
    <T> T nestedWrite(Function<? super SqliteSession, T> work) {
        if (!write) {
            throw new IllegalStateException("a write unit cannot start inside a read unit");
        }
        String savepoint = "nested_unit_" + ++savepoints;
        try {
            handle.execute("SAVEPOINT " + savepoint);
            T result;
            try {
                result = run(true, work);
            } catch (Throwable failure) {
                Transactions.rollback(handle, "ROLLBACK TO " + savepoint, failure);
                Transactions.rollback(handle, "RELEASE " + savepoint, failure);
                CachedStatements.afterFailure(handle, failure);
                throw failure;
            }
            handle.execute("RELEASE " + savepoint);
            return result;
        } finally {
            savepoints--;
        }
    }

    /** Runs the work in a session of this unit's connection, which ends with the work. */
    <T> T run(boolean writable, Function<? super SqliteSession, T> work) {
        SqliteSession session = new SqliteSession(handle, writable);
        try {
            return work.apply(session);
        } finally {
            session.end();
        }
    }
}
