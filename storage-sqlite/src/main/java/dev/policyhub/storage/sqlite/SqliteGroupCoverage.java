package dev.policyhub.storage.sqlite;

import dev.policyhub.core.spi.GroupCoverage;
import dev.policyhub.core.spi.Tally;
import org.jdbi.v3.core.Handle;

/**
 * {@link GroupCoverage} computed by SQLite from the membership tables: aggregates over the rows, so that no stack,
 * account or group is read into the JVM.
 */
final class SqliteGroupCoverage {
    /** Groups with at least one pack applied. */
    private static final String ACTIVE = "g.org = :org AND json_array_length(g.applied_policy_packs) > 0";
    private static final String ALL_STACKS =
            "SELECT count(*) AS n, coalesce(sum(resource_count), 0) AS r FROM stacks WHERE org = :org";
    /**
     * The distinct member stacks of active groups, joined to the stacks that exist. The active groups are picked
     * first (their pack lists are parsed once each, not once per member), then their members are read by key.
     */
    private static final String MEMBER_STACKS = "WITH active AS MATERIALIZED (SELECT g.name, g.mode"
            + " FROM policy_groups g WHERE " + ACTIVE + "),"
            + " m AS MATERIALIZED (SELECT gs.project, gs.stack, max(a.mode = 'PREVENTATIVE') AS preventative,"
            + " max(a.mode = 'AUDIT') AS audit"
            + " FROM active a JOIN policy_group_stacks gs ON gs.org = :org AND gs.group_name = a.name"
            + " GROUP BY gs.project, gs.stack)"
            + " SELECT count(*) AS n, coalesce(sum(s.resource_count), 0) AS r,"
            + " coalesce(sum(m.preventative), 0) AS pn,"
            + " coalesce(sum(CASE WHEN m.preventative THEN s.resource_count END), 0) AS pr,"
            + " coalesce(sum(m.audit), 0) AS an,"
            + " coalesce(sum(CASE WHEN m.audit THEN s.resource_count END), 0) AS ar"
            + " FROM m JOIN stacks s ON s.org = :org AND s.project = m.project AND s.name = m.stack";
    private static final String ALL_ACCOUNTS =
            "SELECT count(*) AS n, coalesce(sum(resource_count), 0) AS r FROM insights_accounts WHERE org = :org";
    private static final String MEMBER_ACCOUNTS = "SELECT count(*) AS n, coalesce(sum(a.resource_count), 0) AS r"
            + " FROM insights_accounts a WHERE a.org = :org AND a.name IN (SELECT ga.account FROM policy_groups g"
            + " JOIN policy_group_accounts ga ON ga.org = g.org AND ga.group_name = g.name WHERE " + ACTIVE + ")";

    private SqliteGroupCoverage() {
    }

    static GroupCoverage of(Handle handle, String org) {
        Tally[] members = handle.createQuery(MEMBER_STACKS).bind("org", org)
                .map((rs, ctx) -> new Tally[] {
                    new Tally(rs.getLong("n"), rs.getLong("r")),
                    new Tally(rs.getLong("pn"), rs.getLong("pr")),
                    new Tally(rs.getLong("an"), rs.getLong("ar"))})
                .one();
        return new GroupCoverage(tally(handle, ALL_STACKS, org), members[0], members[1], members[2],
                tally(handle, ALL_ACCOUNTS, org), tally(handle, MEMBER_ACCOUNTS, org));
    }

    private static Tally tally(Handle handle, String sql, String org) {
        return handle.createQuery(sql).bind("org", org)
                .map((rs, ctx) -> new Tally(rs.getLong("n"), rs.getLong("r")))
                .one();
    }
}
