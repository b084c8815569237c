package dev.policyhub.storage.postgres;

import dev.policyhub.storage.jdbc.SqlDialect;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

import java.util.function.UnaryOperator;

/** How PostgreSQL says the statements that SQL databases say differently. */
final class PostgresDialect implements SqlDialect {
    static final PostgresDialect INSTANCE = new PostgresDialect();

    private PostgresDialect() {
    }

    /**
     * PostgreSQL fails the whole transaction on a unique violation, so the statement runs in a savepoint that is
     * undone alone.
     */
    @Override
    public boolean updateUnlessKeyTaken(Handle handle, String table, String changes, UnaryOperator<Update> bindings) {
        Update update = bindings.apply(handle.createUpdate("UPDATE " + table + " " + changes));
        handle.execute("SAVEPOINT replace_unless_key_taken");
        try {
            int rows = update.execute();
            handle.execute("RELEASE SAVEPOINT replace_unless_key_taken");
            return rows == 1;
        } catch (RuntimeException failure) {
            if (!SqlStates.isUniqueViolation(failure)) {
                throw failure;
            }
            handle.execute("ROLLBACK TO SAVEPOINT replace_unless_key_taken");
            handle.execute("RELEASE SAVEPOINT replace_unless_key_taken");
            return false;
        }
    }

    /** The counter is named: in an upsert a bare {@code value} could be the row's or the inserted one. */
    @Override
    public String counterPlusOne() {
        return "counters.value + 1";
    }

    @Override
    public String counterAtLeastInserted() {
        return "GREATEST(EXCLUDED.value, counters.value + 1)";
    }
}
