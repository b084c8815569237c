package dev.policyhub.storage.memory;

import dev.policyhub.core.policygroups.InsightsAccount;
import dev.policyhub.core.spi.AccountStore;
import dev.policyhub.core.spi.Versioned;
import dev.policyhub.storage.memory.MemoryData.OrgNameKey;

import java.util.List;
import java.util.Optional;

/** {@link AccountStore} over a session's {@link MemoryData}; an account is keyed by (org, name). */
final class MemoryAccountStore implements AccountStore {
    private final MemorySession session;

    MemoryAccountStore(MemorySession session) {
        this.session = session;
    }

    @Override
    public Optional<Versioned<InsightsAccount>> get(String org, String name) {
        return session.data().accounts.get(new OrgNameKey(org, name));
    }

    @Override
    public List<Versioned<InsightsAccount>> list(String org, String afterName, int limit) {
        return session.data().accounts.after(new OrgNameKey(org, afterName), key -> key.org().equals(org), limit);
    }

    @Override
    public boolean insert(InsightsAccount account) {
        return session.data().accounts.insert(session.journal(), key(account), account);
    }

    @Override
    public boolean replace(InsightsAccount account, long expectedVersion) {
        return session.data().accounts.replace(session.journal(), key(account), account, expectedVersion);
    }

    @Override
    public boolean delete(String org, String name, long expectedVersion) {
        return session.data().accounts.delete(session.journal(), new OrgNameKey(org, name), expectedVersion);
    }

    private static OrgNameKey key(InsightsAccount account) {
        return new OrgNameKey(account.org(), account.name());
    }
}
