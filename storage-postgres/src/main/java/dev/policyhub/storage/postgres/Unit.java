package dev.policyhub.storage.postgres;

import dev.policyhub.storage.jdbc.Transactions;
import org.jdbi.v3.core.Handle;

import java.util.function.Function;

/**
 * A unit of work running on one thread over one pooled connection, as one transaction: a read unit in a
 * {@code REPEATABLE READ READ ONLY} one (one snapshot for all its reads), a write unit in a {@code SERIALIZABLE} one
 * (PostgreSQL commits it only if the outcome is that of some serial order of the committed units, whichever server
 * ran them). Units started inside it join it: a read shares its transaction, a write becomes a savepoint that is
 * rolled back alone if its work throws.
 */
final class Unit {
    private static final String BEGIN_READ = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY";
    private static final String BEGIN_WRITE = "BEGIN ISOLATION LEVEL SERIALIZABLE, READ WRITE";

    private final Handle handle;
    private final boolean write;
    /** How many nested write units are open. */
    private int savepoints;
    /** Set when a nested unit met a concurrency failure, even if the work caught it: the unit must run again. */
    private boolean lostRace;

    Unit(Handle handle, boolean write) {
        this.handle = handle;
        this.write = write;
    }

    /** Runs the work as a whole transaction: committed if it returns, rolled back if it throws. */
    <T> T transaction(Function<? super PostgresSession, T> work) {
        handle.execute(write ? BEGIN_WRITE : BEGIN_READ);
        T result;
        try {
            result = run(write, work);
        } catch (Throwable failure) {
            Transactions.rollback(handle, "ROLLBACK", failure);
            throw failure;
        }
        if (lostRace) {
            RaceLost lost = new RaceLost();
            Transactions.rollback(handle, "ROLLBACK", lost);
            throw lost;
        }
        try {
            handle.execute("COMMIT");
        } catch (RuntimeException failure) {
            Transactions.rollback(handle, "ROLLBACK", failure);
            throw failure;
        }
        return result;
    }

    /** Runs a write unit started inside this one, as a savepoint; refused inside a read unit. */
    <T> T nestedWrite(Function<? super PostgresSession, T> work) {
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
                lostRace |= SqlStates.isConcurrencyFailure(failure);
                Transactions.rollback(handle, "ROLLBACK TO SAVEPOINT " + savepoint, failure);
                Transactions.rollback(handle, "RELEASE SAVEPOINT " + savepoint, failure);
                throw failure;
            }
            handle.execute("RELEASE SAVEPOINT " + savepoint);
            return result;
        } finally {
            savepoints--;
        }
    }

    /** Runs the work in a session of this unit's connection, which ends with the work. */
    <T> T run(boolean writable, Function<? super PostgresSession, T> work) {
        PostgresSession session = new PostgresSession(handle, writable);
        try {
            return work.apply(session);
        } finally {
            session.end();
        }
    }

    /** A unit whose nested unit lost a race (and whose work went on regardless) is rolled back and run again. */
    static final class RaceLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RaceLost() {
            super("a nested unit lost a race with a concurrent transaction", null, false, false);
        }
    }
}
