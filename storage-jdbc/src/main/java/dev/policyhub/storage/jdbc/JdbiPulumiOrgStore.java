package dev.policyhub.storage.jdbc;

import dev.policyhub.core.spi.PulumiOrgStore;

import java.util.List;

/** {@link PulumiOrgStore} over the {@code pulumi_orgs} table; a delete leaves what the organization holds in place. */
public final class JdbiPulumiOrgStore implements PulumiOrgStore {
    private final JdbiSession session;

    /** The store on the connection of the given unit of work. */
    public JdbiPulumiOrgStore(JdbiSession session) {
        this.session = session;
    }

    @Override
    public boolean exists(String org) {
        return session.reading().createQuery("SELECT EXISTS (SELECT 1 FROM pulumi_orgs WHERE name = :org)")
                .bind("org", org)
                .mapTo(Boolean.class)
                .one();
    }

    @Override
    public List<String> list(String afterName, int limit) {
        return session.reading().createQuery("SELECT name FROM pulumi_orgs WHERE name > :afterName"
                        + " ORDER BY name LIMIT :limit")
                .bind("afterName", afterName)
                .bind("limit", Columns.limit(limit))
                .mapTo(String.class)
                .list();
    }

    @Override
    public boolean insert(String org) {
        return session.writing().createUpdate("INSERT INTO pulumi_orgs (name) VALUES (:org) ON CONFLICT DO NOTHING")
                .bind("org", org)
                .execute() == 1;
    }

    @Override
    public boolean delete(String org) {
        return session.writing().createUpdate("DELETE FROM pulumi_orgs WHERE name = :org")
                .bind("org", org)
                .execute() == 1;
    }
}
