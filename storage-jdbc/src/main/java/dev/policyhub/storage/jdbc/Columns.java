package dev.policyhub.storage.jdbc;

import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.NodeType;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Column encodings shared by the stores: instants as ISO-8601 text (exact to the nanosecond, and readable), an absent
 * instant as {@code NULL}, and a node as its type name plus its id.
 */
final class Columns {
    private Columns() {
    }

    static String text(Instant instant) {
        return instant.toString();
    }

    static String text(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return Instant.parse(rs.getString(column));
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column)).map(Instant::parse);
    }

    /** The node stored in {@code <prefix>_type} and {@code <prefix>_id}. */
    static NodeKey node(ResultSet rs, String prefix) throws SQLException {
        return new NodeKey(NodeType.valueOf(rs.getString(prefix + "_type")), rs.getLong(prefix + "_id"));
    }

    /** A limit as {@code LIMIT} must see it: SQLite reads a negative one as "no limit", PostgreSQL refuses it. */
    static int limit(int limit) {
        return Math.max(limit, 0);
    }
}
