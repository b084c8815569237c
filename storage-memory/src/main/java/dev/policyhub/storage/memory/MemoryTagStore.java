package dev.policyhub.storage.memory;

import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.TagBinding;
import dev.policyhub.core.hierarchy.TagKey;
import dev.policyhub.core.hierarchy.TagValue;
import dev.policyhub.core.spi.TagStore;
import dev.policyhub.core.spi.Versioned;

import java.util.List;
import java.util.Optional;

/** {@link TagStore} over a session's {@link MemoryData}. */
final class MemoryTagStore implements TagStore {
    private final MemorySession session;

    MemoryTagStore(MemorySession session) {
        this.session = session;
    }

    @Override
    public Optional<Versioned<TagKey>> key(long id) {
        return session.data().tagKeys.get(id);
    }

    @Override
    public Optional<Versioned<TagKey>> keyByNamespacedName(String namespacedName) {
        MemoryData data = session.data();
        return data.tagKeysByName.owner(namespacedName).flatMap(data.tagKeys::get);
    }

    @Override
    public List<Versioned<TagKey>> keys(NodeKey parent, long afterId, int limit) {
        return session.data().tagKeysByParent.list(parent, afterId, limit, key -> true);
    }

    @Override
    public int countKeys(NodeKey parent) {
        return session.data().tagKeysByParent.count(parent);
    }

    @Override
    public boolean insertKey(TagKey key) {
        return session.data().tagKeys.insert(session.journal(), key.id(), key);
    }

    /** Also false if the new content takes a namespaced name another key holds. */
    @Override
    public boolean replaceKey(TagKey key, long expectedVersion) {
        return session.data().tagKeys.replace(session.journal(), key.id(), key, expectedVersion);
    }

    @Override
    public boolean deleteKey(long id, long expectedVersion) {
        return session.data().tagKeys.delete(session.journal(), id, expectedVersion);
    }

    @Override
    public Optional<Versioned<TagValue>> value(long id) {
        return session.data().tagValues.get(id);
    }

    @Override
    public Optional<Versioned<TagValue>> valueByNamespacedName(String namespacedName) {
        MemoryData data = session.data();
        return data.tagValuesByName.owner(namespacedName).flatMap(data.tagValues::get);
    }

    @Override
    public List<Versioned<TagValue>> values(long keyId, long afterId, int limit) {
        return session.data().tagValuesByKey.list(keyId, afterId, limit, value -> true);
    }

    @Override
    public boolean insertValue(TagValue value) {
        return session.data().tagValues.insert(session.journal(), value.id(), value);
    }

    /** Also false if the new content takes a namespaced name another value holds. */
    @Override
    public boolean replaceValue(TagValue value, long expectedVersion) {
        return session.data().tagValues.replace(session.journal(), value.id(), value, expectedVersion);
    }

    @Override
    public boolean deleteValue(long id, long expectedVersion) {
        return session.data().tagValues.delete(session.journal(), id, expectedVersion);
    }

    @Override
    public List<TagBinding> bindings(NodeKey resource, long afterValueId, int limit) {
        return session.data().bindings.list(resource, afterValueId, limit);
    }

    @Override
    public boolean isBound(long valueId) {
        return session.data().bindings.isBound(valueId);
    }

    @Override
    public boolean insertBinding(TagBinding binding) {
        return session.data().bindings.insert(session.journal(), binding);
    }

    @Override
    public boolean deleteBinding(TagBinding binding) {
        return session.data().bindings.delete(session.journal(), binding);
    }
}
