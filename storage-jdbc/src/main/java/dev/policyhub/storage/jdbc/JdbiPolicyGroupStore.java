package dev.policyhub.storage.jdbc;

import dev.policyhub.core.policygroups.AppliedPolicyPack;
import dev.policyhub.core.policygroups.EntityType;
import dev.policyhub.core.policygroups.Mode;
import dev.policyhub.core.policygroups.PolicyGroup;
import dev.policyhub.core.policygroups.StackRef;
import dev.policyhub.core.spi.PolicyGroupStore;
import dev.policyhub.core.spi.Versioned;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PolicyGroupStore} over the {@code policy_groups} table and its member tables {@code policy_group_stacks} and
 * {@code policy_group_accounts}, whose rows cascade with their group. A group's packs are JSON in its own row. A
 * replace rewrites the members; the group record sorts them, so they are read back in any order.
 */
public final class JdbiPolicyGroupStore implements PolicyGroupStore {
    private static final RowMapper<GroupRow> GROUP = (rs, ctx) -> new GroupRow(rs.getString("org"),
            rs.getString("name"), EntityType.valueOf(rs.getString("entity_type")), Mode.valueOf(rs.getString("mode")),
            rs.getBoolean("is_org_default"), AppliedPacks.read(rs.getString("applied_policy_packs")),
            rs.getString("agent_pool_id"), rs.getLong("row_version"));

    private static final RowMapper<Member<StackRef>> STACK = (rs, ctx) ->
            new Member<>(rs.getString("group_name"), new StackRef(rs.getString("project"), rs.getString("stack")));

    private static final RowMapper<Member<String>> ACCOUNT =
            (rs, ctx) -> new Member<>(rs.getString("group_name"), rs.getString("account"));

    private final JdbiSession session;

    /** The store on the connection of the given unit of work. */
    public JdbiPolicyGroupStore(JdbiSession session) {
        this.session = session;
    }

    @Override
    public Optional<Versioned<PolicyGroup>> get(String org, String name) {
        Handle handle = session.reading();
        return handle.createQuery("SELECT * FROM policy_groups WHERE org = :org AND name = :name")
                .bind("org", org)
                .bind("name", name)
                .map(GROUP)
                .findOne()
                .map(row -> row.withMembers(
                        members(handle, "SELECT * FROM policy_group_stacks WHERE org = :org AND group_name = :name",
                                org, name, STACK),
                        members(handle, "SELECT * FROM policy_group_accounts WHERE org = :org AND group_name = :name",
                                org, name, ACCOUNT)));
    }

    @Override
    public List<Versioned<PolicyGroup>> list(String org) {
        Handle handle = session.reading();
        List<GroupRow> rows = handle.createQuery("SELECT * FROM policy_groups WHERE org = :org ORDER BY name")
                .bind("org", org)
                .map(GROUP)
                .list();
        Map<String, List<StackRef>> stacks =
                members(handle, "SELECT * FROM policy_group_stacks WHERE org = :org", org, null, STACK);
        Map<String, List<String>> accounts =
                members(handle, "SELECT * FROM policy_group_accounts WHERE org = :org", org, null, ACCOUNT);
        List<Versioned<PolicyGroup>> out = new ArrayList<>();
        for (GroupRow row : rows) {
            out.add(row.withMembers(stacks, accounts));
        }
        return out;
    }

    @Override
    public boolean insert(PolicyGroup group) {
        Handle handle = session.writing();
        boolean inserted = bind(handle.createUpdate("INSERT INTO policy_groups (org, name, row_version,"
                + " entity_type, mode, is_org_default, applied_policy_packs, agent_pool_id)"
                + " VALUES (:org, :name, 1, :entityType, :mode, :isOrgDefault, :appliedPolicyPacks, :agentPoolId)"
                + " ON CONFLICT DO NOTHING"), group)
                .execute() == 1;
        if (inserted) {
            insertMembers(handle, group);
        }
        return inserted;
    }

    @Override
    public boolean replace(PolicyGroup group, long expectedVersion) {
        Handle handle = session.writing();
        boolean replaced = bind(handle.createUpdate("UPDATE policy_groups SET row_version = row_version + 1,"
                + " entity_type = :entityType, mode = :mode, is_org_default = :isOrgDefault,"
                + " applied_policy_packs = :appliedPolicyPacks, agent_pool_id = :agentPoolId"
                + " WHERE org = :org AND name = :name AND row_version = :expectedVersion"), group)
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
        if (replaced) {
            for (String table : List.of("policy_group_stacks", "policy_group_accounts")) {
                handle.createUpdate("DELETE FROM " + table + " WHERE org = :org AND group_name = :name")
                        .bind("org", group.org())
                        .bind("name", group.name())
                        .execute();
            }
            insertMembers(handle, group);
        }
        return replaced;
    }

    /** The members go with the group: their foreign keys cascade the delete. */
    @Override
    public boolean delete(String org, String name, long expectedVersion) {
        return session.writing().createUpdate("DELETE FROM policy_groups"
                        + " WHERE org = :org AND name = :name AND row_version = :expectedVersion")
                .bind("org", org)
                .bind("name", name)
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    private static void insertMembers(Handle handle, PolicyGroup group) {
        PreparedBatch stacks = handle.prepareBatch("INSERT INTO policy_group_stacks (org, group_name, project, stack)"
                + " VALUES (:org, :name, :project, :stack)");
        for (StackRef stack : group.stacks()) {
            stacks.bind("org", group.org())
                    .bind("name", group.name())
                    .bind("project", stack.routingProject())
                    .bind("stack", stack.name())
                    .add();
        }
        PreparedBatch accounts = handle.prepareBatch("INSERT INTO policy_group_accounts (org, group_name, account)"
                + " VALUES (:org, :name, :account)");
        for (String account : group.accounts()) {
            accounts.bind("org", group.org())
                    .bind("name", group.name())
                    .bind("account", account)
                    .add();
        }
        for (PreparedBatch batch : List.of(stacks, accounts)) {
            if (batch.size() > 0) {
                batch.execute();
            }
        }
    }

    /** Members of the organization's groups by group name; only those of group {@code name} unless it is null. */
    private static <M> Map<String, List<M>> members(Handle handle, String sql, String org, String name,
                                                    RowMapper<Member<M>> mapper) {
        var query = handle.createQuery(sql).bind("org", org);
        if (name != null) {
            query.bind("name", name);
        }
        Map<String, List<M>> byGroup = new HashMap<>();
        query.map(mapper).forEach(m -> byGroup.computeIfAbsent(m.group(), g -> new ArrayList<>()).add(m.member()));
        return byGroup;
    }

    private static <S extends SqlStatement<S>> S bind(S statement, PolicyGroup g) {
        return statement.bind("org", g.org())
                .bind("name", g.name())
                .bind("entityType", g.entityType().name())
                .bind("mode", g.mode().name())
                .bind("isOrgDefault", g.isOrgDefault())
                .bind("appliedPolicyPacks", AppliedPacks.write(g.appliedPolicyPacks()))
                .bind("agentPoolId", g.agentPoolId());
    }

    /** A member row: the group it belongs to and the member. */
    private record Member<M>(String group, M member) {
    }

    /** A group row without its members. */
    private record GroupRow(String org, String name, EntityType entityType, Mode mode, boolean isOrgDefault,
                            List<AppliedPolicyPack> packs, String agentPoolId, long version) {

        /** The whole group, with its members found in the maps by group name. */
        Versioned<PolicyGroup> withMembers(Map<String, List<StackRef>> stacks, Map<String, List<String>> accounts) {
            return new Versioned<>(new PolicyGroup(org, name, entityType, mode, isOrgDefault,
                    stacks.getOrDefault(name, List.of()), packs, accounts.getOrDefault(name, List.of()), agentPoolId),
                    version);
        }
    }
}
