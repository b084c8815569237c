package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.PulumiOrgStore;
import dev.policyhub.core.spi.Versioned;

import java.util.List;

/** {@link PulumiOrgStore} over a session's {@link MemoryData}; a delete leaves what the organization holds in place. */
final class MemoryPulumiOrgStore implements PulumiOrgStore {
    private final MemorySession session;

    MemoryPulumiOrgStore(MemorySession session) {
        this.session = session;
    }

    @Override
    public boolean exists(String org) {
        return session.data().pulumiOrgs.get(org).isPresent();
    }

    @Override
    public List<String> list(String afterName, int limit) {
        return session.data().pulumiOrgs.after(afterName, name -> true, limit).stream()
                .map(Versioned::value)
                .toList();
    }

    @Override
    public boolean insert(String org) {
        return session.data().pulumiOrgs.insert(session.journal(), org, org);
    }

    @Override
    public boolean delete(String org) {
        Table<String, String> orgs = session.data().pulumiOrgs;
        Journal journal = session.journal();
        return orgs.get(org).map(row -> orgs.delete(journal, org, row.version())).orElse(false);
    }
}
