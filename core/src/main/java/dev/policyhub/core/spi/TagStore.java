package dev.policyhub.core.spi;

import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.TagBinding;
import dev.policyhub.core.hierarchy.TagKey;
import dev.policyhub.core.hierarchy.TagValue;

import java.util.List;
import java.util.Optional;

/** Persistence of tag keys, tag values and tag bindings, with the same version rules as {@link NodeStore}. */
public interface TagStore {

    /** The key with this id. */
    Optional<Versioned<TagKey>> key(long id);

    /** The key with this namespaced name ({@code 1/env}). */
    Optional<Versioned<TagKey>> keyByNamespacedName(String namespacedName);

    /** Keys of a parent with an id greater than {@code afterId}, ascending by id. */
    List<Versioned<TagKey>> keys(NodeKey parent, long afterId, int limit);

    /** Number of keys of a parent. */
    int countKeys(NodeKey parent);

    /** Stores a new key at version 1; false if the id or the namespaced name is taken. */
    boolean insertKey(TagKey key);

    /** Replaces a key; false on a version mismatch, if it is gone, or if its namespaced name is taken. */
    boolean replaceKey(TagKey key, long expectedVersion);

    /** Removes a key; false on a version mismatch or if it is gone. */
    boolean deleteKey(long id, long expectedVersion);

    /** The value with this id. */
    Optional<Versioned<TagValue>> value(long id);

    /** The value with this namespaced name ({@code 1/env/dev}). */
    Optional<Versioned<TagValue>> valueByNamespacedName(String namespacedName);

    /** Values of a key with an id greater than {@code afterId}, ascending by id. */
    List<Versioned<TagValue>> values(long keyId, long afterId, int limit);

    /** Stores a new value at version 1; false if the id or the namespaced name is taken. */
    boolean insertValue(TagValue value);

    /** Replaces a value; false on a version mismatch, if it is gone, or if its namespaced name is taken. */
    boolean replaceValue(TagValue value, long expectedVersion);

    /** Removes a value; false on a version mismatch or if it is gone. */
    boolean deleteValue(long id, long expectedVersion);

    /** Bindings of a resource with a value id greater than {@code afterValueId}, ascending by value id. */
    List<TagBinding> bindings(NodeKey resource, long afterValueId, int limit);

    /** True if the value is bound to any resource. */
    boolean isBound(long valueId);

    /** Stores a binding; false if it exists. */
    boolean insertBinding(TagBinding binding);

    /** Removes a binding; false if it does not exist. */
    boolean deleteBinding(TagBinding binding);
}
