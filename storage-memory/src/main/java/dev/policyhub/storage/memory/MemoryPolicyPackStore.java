package dev.policyhub.storage.memory;

import dev.policyhub.core.policygroups.PolicyPackLedger;
import dev.policyhub.core.policygroups.PolicyPackVersion;
import dev.policyhub.core.spi.PolicyPackStore;
import dev.policyhub.core.spi.Versioned;
import dev.policyhub.storage.memory.MemoryData.OrgNameKey;
import dev.policyhub.storage.memory.MemoryData.PackVersionKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link PolicyPackStore} over a session's {@link MemoryData}: ledgers keyed by (org, name), versions and archives by
 * (org, name, number). Archives are copied on the way in and out, so callers never share the stored bytes.
 */
final class MemoryPolicyPackStore implements PolicyPackStore {
    private final MemorySession session;

    MemoryPolicyPackStore(MemorySession session) {
        this.session = session;
    }

    @Override
    public Optional<Versioned<PolicyPackLedger>> ledger(String org, String name) {
        return session.data().packLedgers.get(new OrgNameKey(org, name));
    }

    @Override
    public boolean insertLedger(PolicyPackLedger ledger) {
        return session.data().packLedgers.insert(session.journal(), new OrgNameKey(ledger.org(), ledger.name()),
                ledger);
    }

    @Override
    public boolean replaceLedger(PolicyPackLedger ledger, long expectedVersion) {
        return session.data().packLedgers.replace(session.journal(), new OrgNameKey(ledger.org(), ledger.name()),
                ledger, expectedVersion);
    }

    @Override
    public List<Versioned<PolicyPackLedger>> ledgers(String org, String afterName, int limit) {
        return session.data().packLedgers.after(new OrgNameKey(org, afterName), key -> key.org().equals(org), limit);
    }

    @Override
    public boolean deleteLedger(String org, String name, long expectedVersion) {
        return session.data().packLedgers.delete(session.journal(), new OrgNameKey(org, name), expectedVersion);
    }

    /** Jumps from name to name: each step is the first version after every version of the previous name. */
    @Override
    public List<String> names(String org, String afterName, int limit) {
        Table<PackVersionKey, PolicyPackVersion> versions = session.data().packVersions;
        List<String> out = new ArrayList<>();
        String last = afterName;
        while (out.size() < limit) {
            List<Versioned<PolicyPackVersion>> next =
                    versions.after(new PackVersionKey(org, last, Long.MAX_VALUE), key -> key.org().equals(org), 1);
            if (next.isEmpty()) {
                break;
            }
            last = next.get(0).value().name();
            out.add(last);
        }
        return out;
    }

    @Override
    public Optional<Versioned<PolicyPackVersion>> version(String org, String name, int version) {
        return session.data().packVersions.get(new PackVersionKey(org, name, version));
    }

    @Override
    public List<Versioned<PolicyPackVersion>> versions(String org, String name) {
        return session.data().packVersions.after(new PackVersionKey(org, name, Long.MIN_VALUE),
                key -> key.org().equals(org) && key.name().equals(name), Integer.MAX_VALUE);
    }

    @Override
    public boolean insertVersion(PolicyPackVersion version) {
        return session.data().packVersions.insert(session.journal(), key(version), version);
    }

    @Override
    public boolean replaceVersion(PolicyPackVersion version, long expectedVersion) {
        return session.data().packVersions.replace(session.journal(), key(version), version, expectedVersion);
    }

    @Override
    public boolean deleteVersion(String org, String name, int version, long expectedVersion) {
        MemoryData data = session.data();
        Journal journal = session.journal();
        PackVersionKey key = new PackVersionKey(org, name, version);
        if (!data.packVersions.delete(journal, key, expectedVersion)) {
            return false;
        }
        data.packArchives.get(key).ifPresent(archive -> data.packArchives.delete(journal, key, archive.version()));
        return true;
    }

    /** Stores a copy of {@code content}. */
    @Override
    public void putArchive(String org, String name, int version, byte[] content) {
        Table<PackVersionKey, byte[]> archives = session.data().packArchives;
        Journal journal = session.journal();
        PackVersionKey key = new PackVersionKey(org, name, version);
        byte[] copy = content.clone();
        Optional<Versioned<byte[]>> current = archives.get(key);
        if (current.isPresent()) {
            archives.replace(journal, key, copy, current.get().version());
        } else {
            archives.insert(journal, key, copy);
        }
    }

    @Override
    public Optional<byte[]> archive(String org, String name, int version) {
        return session.data().packArchives.get(new PackVersionKey(org, name, version))
                .map(archive -> archive.value().clone());
    }

    private static PackVersionKey key(PolicyPackVersion version) {
        return new PackVersionKey(version.org(), version.name(), version.version());
    }
}
