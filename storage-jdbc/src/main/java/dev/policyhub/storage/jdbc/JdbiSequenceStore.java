package dev.policyhub.storage.jdbc;

import dev.policyhub.core.spi.SequenceStore;

/**
 * {@link SequenceStore} over the {@code counters} and {@code claimed_ids} tables. Each counter is one upsert that
 * returns its new value, so it is read and advanced in one statement of the unit's transaction, which holds the
 * counter's row (or the whole database) until it ends: two units never get the same value, and a rolled-back unit
 * gives back what it took.
 */
public final class JdbiSequenceStore implements SequenceStore {
    private final JdbiSession session;

    /** The store on the connection of the given unit of work. */
    public JdbiSequenceStore(JdbiSession session) {
        this.session = session;
    }

    /** The counter {@code next_id} holds the last value handed out. */
    @Override
    public long nextSequenceValue() {
        return session.writing().createQuery("INSERT INTO counters (name, value) VALUES ('next_id', :first)"
                        + " ON CONFLICT (name) DO UPDATE SET value = " + session.dialect().counterPlusOne()
                        + " RETURNING value")
                .bind("first", FIRST_ID)
                .mapTo(Long.class)
                .one();
    }

    @Override
    public boolean claimId(long id) {
        return session.writing().createUpdate("INSERT INTO claimed_ids (id) VALUES (:id) ON CONFLICT DO NOTHING")
                .bind("id", id)
                .execute() == 1;
    }

    /** The counter {@code last_stamp} holds the last stamp; until the first one, any candidate is taken as is. */
    @Override
    public long stampMicros(long candidateMicros) {
        return session.writing().createQuery("INSERT INTO counters (name, value) VALUES ('last_stamp', :candidate)"
                        + " ON CONFLICT (name) DO UPDATE SET value = " + session.dialect().counterAtLeastInserted()
                        + " RETURNING value")
                .bind("candidate", candidateMicros)
                .mapTo(Long.class)
                .one();
    }
}
