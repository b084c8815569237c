package dev.policyhub.core;

import dev.policyhub.core.spi.SequenceStore;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the numeric ids PolicyHub assigns come from (organizations, folders, project numbers, tag keys and values,
 * and the numbers {@link PolicyHub#newId()} hands out).
 * PolicyHub skips a candidate that is already in use, so a number always names exactly one thing.
 */
@FunctionalInterface
public interface IdSource {

    /** Returns the next candidate id; {@code sequences} is the store's own persistent sequence. */
    long next(SequenceStore sequences);

    /** The default: the store-wide sequence starting at 100000000001, which survives restarts of a durable store. */
    static IdSource storeSequence() {
        return SequenceStore::nextSequenceValue;
    }

    /** An in-process counter starting at {@code first}; for tests that want small, predictable numbers. */
    static IdSource counter(long first) {
        AtomicLong next = new AtomicLong(first);
        return sequences -> next.getAndIncrement();
    }
}
