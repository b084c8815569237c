package dev.policyhub.storage.sqlite;

import dev.policyhub.storage.jdbc.SqlDialect;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

import java.util.function.UnaryOperator;

/** How SQLite says the statements that SQL databases say differently. */
final class SqliteDialect implements SqlDialect {
    static final SqliteDialect INSTANCE = new SqliteDialect();

    private SqliteDialect() {
    }

    /** {@code OR IGNORE} skips a row whose new content would take a unique key another row holds. */
    @Override
    public boolean updateUnlessKeyTaken(Handle handle, String table, String changes, UnaryOperator<Update> bindings) {
        return bindings.apply(handle.createUpdate("UPDATE OR IGNORE " + table + " " + changes)).execute() == 1;
    }

    @Override
    public String counterPlusOne() {
        return "value + 1";
    }

    /** SQLite's two-argument {@code max} is the larger of its arguments. */
    @Override
    public String counterAtLeastInserted() {
        return "max(excluded.value, value + 1)";
    }
}
