package dev.policyhub.storage.jdbc;

import dev.policyhub.core.orgpolicy.ActionType;
import dev.policyhub.core.orgpolicy.CustomConstraint;
import dev.policyhub.core.orgpolicy.MethodType;
import dev.policyhub.core.spi.CustomConstraintStore;
import dev.policyhub.core.spi.Versioned;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

import java.util.List;
import java.util.Optional;

/** {@link CustomConstraintStore} over the {@code custom_constraints} table, keyed by (organization, constraint id). */
public final class JdbiCustomConstraintStore implements CustomConstraintStore {
    private static final RowMapper<Versioned<CustomConstraint>> CONSTRAINT = (rs, ctx) -> new Versioned<>(
            new CustomConstraint(rs.getString("name"),
                    JsonFields.strings(Json.read(rs.getString("resource_types"))),
                    JsonFields.strings(Json.read(rs.getString("method_types"))).stream()
                            .map(MethodType::valueOf)
                            .toList(),
                    rs.getString("condition"), ActionType.valueOf(rs.getString("action_type")),
                    rs.getString("display_name"), rs.getString("description"),
                    Columns.optionalInstant(rs, "update_time")),
            rs.getLong("row_version"));

    private final JdbiSession session;

    /** The store on the connection of the given unit of work. */
    public JdbiCustomConstraintStore(JdbiSession session) {
        this.session = session;
    }

    @Override
    public Optional<Versioned<CustomConstraint>> get(long organizationId, String constraintId) {
        return session.reading().createQuery("SELECT * FROM custom_constraints"
                        + " WHERE organization_id = :organizationId AND constraint_id = :constraintId")
                .bind("organizationId", organizationId)
                .bind("constraintId", constraintId)
                .map(CONSTRAINT)
                .findOne();
    }

    @Override
    public List<Versioned<CustomConstraint>> list(long organizationId, String afterId, int limit) {
        return session.reading().createQuery("SELECT * FROM custom_constraints WHERE organization_id = :organizationId"
                        + " AND constraint_id > :afterId ORDER BY constraint_id LIMIT :limit")
                .bind("organizationId", organizationId)
                .bind("afterId", afterId)
                .bind("limit", Columns.limit(limit))
                .map(CONSTRAINT)
                .list();
    }

    @Override
    public boolean insert(long organizationId, CustomConstraint constraint) {
        return bind(session.writing().createUpdate("INSERT INTO custom_constraints (organization_id, constraint_id,"
                + " row_version, name, resource_types, method_types, condition, action_type, display_name,"
                + " description, update_time)"
                + " VALUES (:organizationId, :constraintId, 1, :name, :resourceTypes, :methodTypes, :condition,"
                + " :actionType, :displayName, :description, :updateTime)"
                + " ON CONFLICT DO NOTHING"), organizationId, constraint)
                .execute() == 1;
    }

    @Override
    public boolean replace(long organizationId, CustomConstraint constraint, long expectedVersion) {
        return bind(session.writing().createUpdate("UPDATE custom_constraints SET row_version = row_version + 1,"
                + " name = :name, resource_types = :resourceTypes, method_types = :methodTypes,"
                + " condition = :condition, action_type = :actionType, display_name = :displayName,"
                + " description = :description, update_time = :updateTime"
                + " WHERE organization_id = :organizationId AND constraint_id = :constraintId"
                + " AND row_version = :expectedVersion"), organizationId, constraint)
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    @Override
    public boolean delete(long organizationId, String constraintId, long expectedVersion) {
        return session.writing().createUpdate("DELETE FROM custom_constraints WHERE organization_id = :organizationId"
                        + " AND constraint_id = :constraintId AND row_version = :expectedVersion")
                .bind("organizationId", organizationId)
                .bind("constraintId", constraintId)
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    /** Binds the constraint under the id segment of its name, as the store contract keys it. */
    private static <S extends SqlStatement<S>> S bind(S statement, long organizationId, CustomConstraint c) {
        return statement.bind("organizationId", organizationId)
                .bind("constraintId", c.id())
                .bind("name", c.name())
                .bind("resourceTypes", Json.write(c.resourceTypes()))
                .bind("methodTypes", Json.write(c.methodTypes().stream().map(MethodType::name).toList()))
                .bind("condition", c.condition())
                .bind("actionType", c.actionType().name())
                .bind("displayName", c.displayName())
                .bind("description", c.description())
                .bind("updateTime", Columns.text(c.updateTime()));
    }
}
