package dev.policyhub.storage.jdbc;

import org.jdbi.v3.core.Handle;

/** Ending a transaction or savepoint that failed, without hiding why it failed. */
public final class Transactions {
    private Transactions() {
    }

    /**
     * Runs {@code undo} ({@code ROLLBACK} or {@code ROLLBACK TO ...}) after {@code failure}; if that fails too, its
     * error is attached to {@code failure}, which the caller rethrows.
     */
    public static void rollback(Handle handle, String undo, Throwable failure) {
        try {
            handle.execute(undo);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
