package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.SequenceStore;

import java.util.HashSet;
import java.util.Set;

/**
 * The id sequence, the claimed ids and the last update stamp. Like every other write, a rolled-back unit gives back
 * what it took: its sequence values are handed out again, its claims are forgotten and its stamps are withdrawn.
 * Values of a rolled-back unit were never stored anywhere, so reusing them cannot make a number name two things.
 */
final class Sequences {
    private long next = SequenceStore.FIRST_ID;
    private final Set<Long> claimed = new HashSet<>();
    /** The last stamp handed out; {@code Long.MIN_VALUE} until the first, so any candidate is then accepted. */
    private long lastStamp = Long.MIN_VALUE;

    /** Returns the next sequence value. */
    long next(Journal journal) {
        long value = next++;
        journal.record(() -> next = value);
        return value;
    }

    /** Records {@code id} as used; false if it already was. */
    boolean claim(Journal journal, long id) {
        if (!claimed.add(id)) {
            return false;
        }
        journal.record(() -> claimed.remove(id));
        return true;
    }

    /** Returns {@code max(candidateMicros, last + 1)} and remembers it. */
    long stamp(Journal journal, long candidateMicros) {
        long previous = lastStamp;
        lastStamp = previous == Long.MIN_VALUE ? candidateMicros : Math.max(candidateMicros, previous + 1);
        journal.record(() -> lastStamp = previous);
        return lastStamp;
    }
}
