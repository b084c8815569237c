package dev.policyhub.storage.jdbc;

import dev.policyhub.core.policygroups.InsightsAccount;
import dev.policyhub.core.spi.AccountStore;
import dev.policyhub.core.spi.Versioned;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

import java.util.List;
import java.util.Optional;

/** {@link AccountStore} over the {@code insights_accounts} table, keyed by (org, name). */
public final class JdbiAccountStore implements AccountStore {
    private static final RowMapper<Versioned<InsightsAccount>> ACCOUNT = (rs, ctx) -> new Versioned<>(
            new InsightsAccount(rs.getString("org"), rs.getString("name"), rs.getString("id"),
                    rs.getString("provider"), rs.getString("environment"), rs.getString("scan_schedule"),
                    JsonFields.of(Json.read(rs.getString("provider_config"))).map(), rs.getString("agent_pool_id"),
                    rs.getLong("resource_count")),
            rs.getLong("row_version"));

    private final JdbiSession session;

    /** The store on the connection of the given unit of work. */
    public JdbiAccountStore(JdbiSession session) {
        this.session = session;
    }

    @Override
    public Optional<Versioned<InsightsAccount>> get(String org, String name) {
        return session.reading().createQuery("SELECT * FROM insights_accounts WHERE org = :org AND name = :name")
                .bind("org", org)
                .bind("name", name)
                .map(ACCOUNT)
                .findOne();
    }

    @Override
    public List<Versioned<InsightsAccount>> list(String org, String afterName, int limit) {
        return session.reading().createQuery("SELECT * FROM insights_accounts WHERE org = :org AND name > :afterName"
                        + " ORDER BY name LIMIT :limit")
                .bind("org", org)
                .bind("afterName", afterName)
                .bind("limit", Columns.limit(limit))
                .map(ACCOUNT)
                .list();
    }

    @Override
    public boolean insert(InsightsAccount account) {
        return bind(session.writing().createUpdate("INSERT INTO insights_accounts (org, name, row_version, id,"
                + " provider, environment, scan_schedule, provider_config, agent_pool_id, resource_count)"
                + " VALUES (:org, :name, 1, :id, :provider, :environment, :scanSchedule, :providerConfig,"
                + " :agentPoolId, :resourceCount)"
                + " ON CONFLICT DO NOTHING"), account)
                .execute() == 1;
    }

    @Override
    public boolean replace(InsightsAccount account, long expectedVersion) {
        return bind(session.writing().createUpdate("UPDATE insights_accounts SET row_version = row_version + 1,"
                + " id = :id, provider = :provider, environment = :environment, scan_schedule = :scanSchedule,"
                + " provider_config = :providerConfig, agent_pool_id = :agentPoolId, resource_count = :resourceCount"
                + " WHERE org = :org AND name = :name AND row_version = :expectedVersion"), account)
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    @Override
    public boolean delete(String org, String name, long expectedVersion) {
        return session.writing().createUpdate("DELETE FROM insights_accounts"
                        + " WHERE org = :org AND name = :name AND row_version = :expectedVersion")
                .bind("org", org)
                .bind("name", name)
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    private static <S extends SqlStatement<S>> S bind(S statement, InsightsAccount a) {
        return statement.bind("org", a.org())
                .bind("name", a.name())
                .bind("id", a.id())
                .bind("provider", a.provider())
                .bind("environment", a.environment())
                .bind("scanSchedule", a.scanSchedule())
                .bind("providerConfig", Json.write(a.providerConfig()))
                .bind("agentPoolId", a.agentPoolId())
                .bind("resourceCount", a.resourceCount());
    }
}
