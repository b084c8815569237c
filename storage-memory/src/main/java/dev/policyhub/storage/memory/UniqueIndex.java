package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Versioned;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A unique secondary key of a table (a project id, a namespaced name) and the primary key that owns it. */
final class UniqueIndex<K, V, U> implements Index<K, V> {
    private final Function<? super V, ? extends U> uniqueKey;
    private final Map<U, K> owners = new HashMap<>();

    UniqueIndex(Function<? super V, ? extends U> uniqueKey) {
        this.uniqueKey = uniqueKey;
    }

    /** The primary key of the row holding {@code unique}. */
    Optional<K> owner(U unique) {
        return Optional.ofNullable(owners.get(unique));
    }

    @Override
    public boolean admits(K key, V value) {
        K owner = owners.get(uniqueKey.apply(value));
        return owner == null || owner.equals(key);
    }

    @Override
    public void add(K key, Versioned<V> row) {
        owners.put(uniqueKey.apply(row.value()), key);
    }

    @Override
    public void remove(K key, V value) {
        owners.remove(uniqueKey.apply(value));
    }
}
