package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Versioned;

/** A secondary index of a {@link Table}, updated whenever a row is stored or removed. */
interface Index<K, V> {

    /** False if storing {@code value} under {@code key} would break this index (a unique value owned elsewhere). */
    default boolean admits(K key, V value) {
        return true;
    }

    /** Indexes a row just stored under {@code key}. */
    void add(K key, Versioned<V> row);

    /** Forgets the row that was stored under {@code key} with this value. */
    void remove(K key, V value);
}
