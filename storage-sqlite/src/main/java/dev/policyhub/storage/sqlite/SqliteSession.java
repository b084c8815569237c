package dev.policyhub.storage.sqlite;

import dev.policyhub.core.spi.GroupCoverage;
import dev.policyhub.storage.jdbc.SqlDialect;
import dev.policyhub.storage.jdbc.UnitSession;
import org.jdbi.v3.core.Handle;

/** The stores of one unit of work on its SQLite connection. */
final class SqliteSession extends UnitSession {
    SqliteSession(Handle handle, boolean writable) {
        super(handle, writable);
    }

    /** Answered by aggregates over the membership tables, without reading the members. */
    @Override
    public GroupCoverage groupCoverage(String org) {
        return SqliteGroupCoverage.of(reading(), org);
    }

    @Override
    public SqlDialect dialect() {
        return SqliteDialect.INSTANCE;
    }
}
