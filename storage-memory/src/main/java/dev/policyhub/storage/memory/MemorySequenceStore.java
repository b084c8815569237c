package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.SequenceStore;

/** {@link SequenceStore} over a session's {@link MemoryData}; every call is a write. */
final class MemorySequenceStore implements SequenceStore {
    private final MemorySession session;

    MemorySequenceStore(MemorySession session) {
        this.session = session;
    }

    @Override
    public long nextSequenceValue() {
        return session.data().sequences.next(session.journal());
    }

    @Override
    public boolean claimId(long id) {
        return session.data().sequences.claim(session.journal(), id);
    }

    @Override
    public long stampMicros(long candidateMicros) {
        return session.data().sequences.stamp(session.journal(), candidateMicros);
    }
}
