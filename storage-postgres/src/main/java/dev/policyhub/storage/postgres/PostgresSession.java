package dev.policyhub.storage.postgres;

import dev.policyhub.storage.jdbc.SqlDialect;
import dev.policyhub.storage.jdbc.UnitSession;
import org.jdbi.v3.core.Handle;

/** The stores of one unit of work on its PostgreSQL connection. */
final class PostgresSession extends UnitSession {
    PostgresSession(Handle handle, boolean writable) {
        super(handle, writable);
    }

    @Override
    public SqlDialect dialect() {
        return PostgresDialect.INSTANCE;
    }
}
