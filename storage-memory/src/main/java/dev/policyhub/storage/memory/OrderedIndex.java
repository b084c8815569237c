package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Versioned;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Rows grouped by a value-derived key (e.g. a folder's parent) and sorted inside each group by a position (e.g. its
 * (displayName, id)), so a child list is a range scan that follows replaces which move or rename a row.
 */
final class OrderedIndex<K, V, G, P> implements Index<K, V> {
    private final Function<? super V, ? extends G> group;
    private final BiFunction<? super K, ? super V, ? extends P> position;
    private final Comparator<? super P> order;
    private final Map<G, NavigableMap<P, Versioned<V>>> groups = new HashMap<>();

    OrderedIndex(Function<? super V, ? extends G> group, BiFunction<? super K, ? super V, ? extends P> position,
                 Comparator<? super P> order) {
        this.group = group;
        this.position = position;
        this.order = order;
    }

    /** Rows of {@code group} strictly after {@code after} that {@code include} accepts, at most {@code limit}. */
    List<Versioned<V>> list(G group, P after, int limit, Predicate<? super V> include) {
        List<Versioned<V>> out = new ArrayList<>();
        NavigableMap<P, Versioned<V>> rows = groups.get(group);
        if (rows == null) {
            return out;
        }
        for (Versioned<V> row : rows.tailMap(after, false).values()) {
            if (out.size() >= limit) {
                break;
            }
            if (include.test(row.value())) {
                out.add(row);
            }
        }
        return out;
    }

    /** Number of rows in {@code group}. */
    int count(G group) {
        NavigableMap<P, Versioned<V>> rows = groups.get(group);
        return rows == null ? 0 : rows.size();
    }

    @Override
    public void add(K key, Versioned<V> row) {
        groups.computeIfAbsent(group.apply(row.value()), g -> new TreeMap<>(order))
                .put(position.apply(key, row.value()), row);
    }

    @Override
    public void remove(K key, V value) {
        G g = group.apply(value);
        NavigableMap<P, Versioned<V>> rows = groups.get(g);
        rows.remove(position.apply(key, value));
        if (rows.isEmpty()) {
            groups.remove(g);
        }
    }
}
