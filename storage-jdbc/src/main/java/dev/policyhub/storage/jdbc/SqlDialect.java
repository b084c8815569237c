package dev.policyhub.storage.jdbc;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

import java.util.function.UnaryOperator;

/** The statements, or parts of statements, that the Jdbi stores say differently to each database: one method each. */
public interface SqlDialect {
    /**
     * Runs {@code UPDATE <table> <changes>} with the values {@code bindings} binds: a versioned replace that may give
     * the row a unique key another row holds (a project id, a namespaced tag name). True if it changed one row; false
     * if it changed none or would have taken a key another row holds, in which case the unit goes on unharmed.
     */
    boolean updateUnlessKeyTaken(Handle handle, String table, String changes, UnaryOperator<Update> bindings);

    /** The new value of a {@code counters} row advanced by one, as an upsert's {@code DO UPDATE SET value = ...}. */
    String counterPlusOne();

    /**
     * The new value of a {@code counters} row advanced to the value the upsert inserts, or by one if that is not
     * larger, as an upsert's {@code DO UPDATE SET value = ...}.
     */
    String counterAtLeastInserted();
}
