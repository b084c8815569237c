package dev.policyhub.storage.jdbc;

import dev.policyhub.core.policygroups.Stack;
import dev.policyhub.core.policygroups.StackRef;
import dev.policyhub.core.spi.StackStore;
import dev.policyhub.core.spi.Versioned;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

import java.util.List;
import java.util.Optional;

/**
 * {@link StackStore} over the {@code stacks} table, keyed by (org, project, name). The stack's own {@code version}
 * (how many times its state was imported) is the {@code import_count} column, apart from the row version.
 */
public final class JdbiStackStore implements StackStore {
    private static final RowMapper<Versioned<Stack>> STACK = (rs, ctx) -> new Versioned<>(
            new Stack(rs.getString("org"), rs.getString("project"), rs.getString("name"),
                    rs.getLong("resource_count"), rs.getInt("import_count"),
                    Columns.optionalInstant(rs, "last_update")),
            rs.getLong("row_version"));

    /** The key of one stack. */
    private static final String KEY = " org = :org AND project = :project AND name = :name";

    private final JdbiSession session;

    /** The store on the connection of the given unit of work. */
    public JdbiStackStore(JdbiSession session) {
        this.session = session;
    }

    @Override
    public Optional<Versioned<Stack>> get(String org, String project, String stack) {
        return session.reading().createQuery("SELECT * FROM stacks WHERE" + KEY)
                .bind("org", org)
                .bind("project", project)
                .bind("name", stack)
                .map(STACK)
                .findOne();
    }

    @Override
    public List<Versioned<Stack>> list(String org, StackRef after, int limit) {
        Query query;
        if (after == null) {
            query = session.reading().createQuery("SELECT * FROM stacks WHERE org = :org"
                    + " ORDER BY project, name LIMIT :limit");
        } else {
            query = session.reading().createQuery("SELECT * FROM stacks WHERE org = :org"
                            + " AND (project, name) > (:afterProject, :afterName) ORDER BY project, name LIMIT :limit")
                    .bind("afterProject", after.routingProject())
                    .bind("afterName", after.name());
        }
        return query.bind("org", org)
                .bind("limit", Columns.limit(limit))
                .map(STACK)
                .list();
    }

    @Override
    public boolean insert(Stack stack) {
        return bind(session.writing().createUpdate("INSERT INTO stacks (org, project, name, row_version,"
                + " resource_count, import_count, last_update)"
                + " VALUES (:org, :project, :name, 1, :resourceCount, :importCount, :lastUpdate)"
                + " ON CONFLICT DO NOTHING"), stack)
                .execute() == 1;
    }

    @Override
    public boolean replace(Stack stack, long expectedVersion) {
        return bind(session.writing().createUpdate("UPDATE stacks SET row_version = row_version + 1,"
                + " resource_count = :resourceCount, import_count = :importCount, last_update = :lastUpdate"
                + " WHERE" + KEY + " AND row_version = :expectedVersion"), stack)
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    @Override
    public boolean delete(String org, String project, String stack, long expectedVersion) {
        return session.writing().createUpdate("DELETE FROM stacks WHERE" + KEY + " AND row_version = :expectedVersion")
                .bind("org", org)
                .bind("project", project)
                .bind("name", stack)
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    private static <S extends SqlStatement<S>> S bind(S statement, Stack s) {
        return statement.bind("org", s.org())
                .bind("project", s.project())
                .bind("name", s.name())
                .bind("resourceCount", s.resourceCount())
                .bind("importCount", s.version())
                .bind("lastUpdate", Columns.text(s.lastUpdate()));
    }
}
