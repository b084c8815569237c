package dev.policyhub.storage.sqlite;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the prepared statements of one connection for reuse, by SQL text. Preparing is a large share of a small
 * query's cost in SQLite (parsing and planning), and this store runs a small fixed set of statements over long-lived
 * connections. Every result is read whole before the next statement runs, so a statement is never in use twice at
 * once. The least recently used statement beyond {@link #CAPACITY} is closed; all close with the connection.
 */
final class CachedStatements implements StatementBuilder {
    /** Far more than the distinct statements of the store, so that eviction is a safety net only. */
    private static final int CAPACITY = 512;

    private final StatementBuilder plain = new DefaultStatementBuilder();
    /** The cached statements by identity: Jdbi names a statement by its source SQL when closing it. */
    private final Set<Statement> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, PreparedStatement> cache = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= CAPACITY) {
                return false;
            }
            kept.remove(eldest.getValue());
            closeQuietly(eldest.getValue());
            return true;
        }
    };

    @Override
    public Statement create(Connection connection, StatementContext ctx) throws SQLException {
        return plain.create(connection, ctx);
    }

    @Override
    public PreparedStatement create(Connection connection, String sql, StatementContext ctx) throws SQLException {
        if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) {
            return plain.create(connection, sql, ctx);
        }
        PreparedStatement cached = cache.get(sql);
        if (cached != null && !cached.isClosed()) {
            cached.clearParameters();
            return cached;
        }
        PreparedStatement prepared = connection.prepareStatement(sql);
        cache.put(sql, prepared);
        kept.add(prepared);
        return prepared;
    }

    @Override
    public CallableStatement createCall(Connection connection, String sql, StatementContext ctx) throws SQLException {
        return plain.createCall(connection, sql, ctx);
    }

    /** Keeps a cached statement open for its next use; closes any other. */
    @Override
    public void close(Connection connection, String sql, Statement statement) throws SQLException {
        if (!kept.contains(statement)) {
            plain.close(connection, sql, statement);
        }
    }

    /** The connection is closing: so do its statements. */
    @Override
    public void close(Connection connection) {
        forget();
    }

    /**
     * Makes the connection of {@code handle} prepare its statements afresh if {@code failure} came from SQLite: a
     * statement whose execution failed stays unusable in sqlite-jdbc ("statement is not executing"), a failed
     * {@code ROLLBACK} or {@code COMMIT} included, and which statement failed is not known here.
     */
    static void afterFailure(Handle handle, Throwable failure) {
        if (handle.getStatementBuilder() instanceof CachedStatements && fromSqlite(failure)) {
            ((CachedStatements) handle.getStatementBuilder()).forget();
        }
    }

    private static boolean fromSqlite(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return true;
            }
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (fromSqlite(suppressed)) {
                return true;
            }
        }
        return false;
    }

    private void forget() {
        cache.values().forEach(CachedStatements::closeQuietly);
        cache.clear();
        kept.clear();
    }

    private static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // the statement belongs to a connection being discarded; nothing is left to release
        }
    }
}
