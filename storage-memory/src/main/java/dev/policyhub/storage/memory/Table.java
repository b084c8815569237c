package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Versioned;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Versioned rows sorted by primary key, with secondary indexes kept in step. Every change is recorded in the unit's
 * {@link Journal}; undoing it goes through the same path, so the indexes are restored as well. Keys must have an
 * {@code equals} that agrees with the table's order (records of comparable fields do).
 */
final class Table<K, V> {
    /** The rows in key order, for paging. */
    private final NavigableMap<K, Versioned<V>> rows;
    /** The same rows by key: point reads are O(1) instead of a walk of comparisons down the tree. */
    private final Map<K, Versioned<V>> rowsByKey = new HashMap<>();
    private final List<Index<K, V>> indexes;

    Table(Comparator<? super K> order, List<Index<K, V>> indexes) {
        this.rows = new TreeMap<>(order);
        this.indexes = List.copyOf(indexes);
    }

    /** The row stored under {@code key}. */
    Optional<Versioned<V>> get(K key) {
        return Optional.ofNullable(rowsByKey.get(key));
    }

    /** Rows with a key strictly after {@code after}, ascending, while {@code within} holds, at most {@code limit}. */
    List<Versioned<V>> after(K after, Predicate<? super K> within, int limit) {
        List<Versioned<V>> out = new ArrayList<>();
        for (Map.Entry<K, Versioned<V>> e : rows.tailMap(after, false).entrySet()) {
            if (out.size() >= limit || !within.test(e.getKey())) {
                break;
            }
            out.add(e.getValue());
        }
        return out;
    }

    /** Stores {@code value} at version 1; false if the key is taken or an index refuses the value. */
    boolean insert(Journal journal, K key, V value) {
        if (rowsByKey.containsKey(key) || !admitted(key, value)) {
            return false;
        }
        change(journal, key, new Versioned<>(value, 1));
        return true;
    }

    /** Stores {@code value} at the next version; false if the row is gone, stale or an index refuses the value. */
    boolean replace(Journal journal, K key, V value, long expectedVersion) {
        if (!storedAt(key, expectedVersion) || !admitted(key, value)) {
            return false;
        }
        change(journal, key, new Versioned<>(value, expectedVersion + 1));
        return true;
    }

    /** Removes the row; false if it is gone or stale. */
    boolean delete(Journal journal, K key, long expectedVersion) {
        if (!storedAt(key, expectedVersion)) {
            return false;
        }
        change(journal, key, null);
        return true;
    }

    /** True if a row is stored under {@code key} at {@code expectedVersion}. */
    private boolean storedAt(K key, long expectedVersion) {
        Versioned<V> current = rowsByKey.get(key);
        return current != null && current.version() == expectedVersion;
    }

    private boolean admitted(K key, V value) {
        return indexes.stream().allMatch(index -> index.admits(key, value));
    }

    private void change(Journal journal, K key, Versioned<V> row) {
        Versioned<V> previous = set(key, row);
        journal.record(() -> set(key, previous));
    }

    /** Stores {@code row} under {@code key} ({@code null} removes it), updates the indexes, returns the old row. */
    private Versioned<V> set(K key, Versioned<V> row) {
        Versioned<V> previous;
        if (row == null) {
            rows.remove(key);
            previous = rowsByKey.remove(key);
        } else {
            rows.put(key, row);
            previous = rowsByKey.put(key, row);
        }
        for (Index<K, V> index : indexes) {
            if (previous != null) {
                index.remove(key, previous.value());
            }
            if (row != null) {
                index.add(key, row);
            }
        }
        return previous;
    }
}
