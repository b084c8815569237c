package dev.policyhub.storage.jdbc;

import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicySpec;
import dev.policyhub.core.spi.PolicyStore;
import dev.policyhub.core.spi.Versioned;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;

/** {@link PolicyStore} over the {@code policies} table, keyed by (resource type, resource id, constraint id). */
public final class JdbiPolicyStore implements PolicyStore {
    private static final RowMapper<Versioned<Policy>> POLICY = (rs, ctx) -> new Versioned<>(
            new Policy(rs.getString("name"),
                    Optional.ofNullable(rs.getString("spec")).map(PolicySpecs::read),
                    Optional.ofNullable(rs.getString("dry_run_spec")).map(PolicySpecs::read),
                    rs.getString("etag")),
            rs.getLong("row_version"));

    /** The key of one policy. */
    private static final String KEY =
            " resource_type = :resourceType AND resource_id = :resourceId AND constraint_id = :constraintId";

    private final JdbiSession session;

    /** The store on the connection of the given unit of work. */
    public JdbiPolicyStore(JdbiSession session) {
        this.session = session;
    }

    @Override
    public Optional<Versioned<Policy>> get(NodeKey resource, String constraint) {
        return session.reading().createQuery("SELECT * FROM policies WHERE" + KEY)
                .bind("resourceType", resource.type().name())
                .bind("resourceId", resource.id())
                .bind("constraintId", constraint)
                .map(POLICY)
                .findOne();
    }

    @Override
    public List<Versioned<Policy>> list(NodeKey resource, String afterConstraint, int limit) {
        return session.reading().createQuery("SELECT * FROM policies"
                        + " WHERE resource_type = :resourceType AND resource_id = :resourceId"
                        + " AND constraint_id > :afterConstraint ORDER BY constraint_id LIMIT :limit")
                .bind("resourceType", resource.type().name())
                .bind("resourceId", resource.id())
                .bind("afterConstraint", afterConstraint)
                .bind("limit", Columns.limit(limit))
                .map(POLICY)
                .list();
    }

    @Override
    public boolean insert(NodeKey resource, String constraint, Policy policy) {
        return session.writing().createUpdate("INSERT INTO policies (resource_type, resource_id, constraint_id,"
                        + " row_version, name, spec, dry_run_spec, etag)"
                        + " VALUES (:resourceType, :resourceId, :constraintId, 1, :name, :spec, :dryRunSpec, :etag)"
                        + " ON CONFLICT DO NOTHING")
                .bind("resourceType", resource.type().name())
                .bind("resourceId", resource.id())
                .bind("constraintId", constraint)
                .bind("name", policy.name())
                .bind("spec", spec(policy.spec()))
                .bind("dryRunSpec", spec(policy.dryRunSpec()))
                .bind("etag", policy.etag())
                .execute() == 1;
    }

    @Override
    public boolean replace(NodeKey resource, String constraint, Policy policy, long expectedVersion) {
        return session.writing().createUpdate("UPDATE policies SET row_version = row_version + 1, name = :name,"
                        + " spec = :spec, dry_run_spec = :dryRunSpec, etag = :etag"
                        + " WHERE" + KEY + " AND row_version = :expectedVersion")
                .bind("resourceType", resource.type().name())
                .bind("resourceId", resource.id())
                .bind("constraintId", constraint)
                .bind("name", policy.name())
                .bind("spec", spec(policy.spec()))
                .bind("dryRunSpec", spec(policy.dryRunSpec()))
                .bind("etag", policy.etag())
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    @Override
    public boolean delete(NodeKey resource, String constraint, long expectedVersion) {
        return session.writing().createUpdate("DELETE FROM policies WHERE" + KEY
                        + " AND row_version = :expectedVersion")
                .bind("resourceType", resource.type().name())
                .bind("resourceId", resource.id())
                .bind("constraintId", constraint)
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    /** The JSON of a spec, {@code NULL} when there is none. */
    private static String spec(Optional<PolicySpec> spec) {
        return spec.map(PolicySpecs::write).orElse(null);
    }
}
