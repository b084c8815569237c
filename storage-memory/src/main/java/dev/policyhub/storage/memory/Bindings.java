package dev.policyhub.storage.memory;

import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.TagBinding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/** Tag bindings: the value ids bound to each resource, and how many resources each value is bound to. */
final class Bindings {
    private final Map<NodeKey, NavigableSet<Long>> valuesByResource = new HashMap<>();
    private final Map<Long, Integer> resourceCounts = new HashMap<>();

    /** Bindings of {@code resource} with a value id greater than {@code afterValueId}, ascending. */
    List<TagBinding> list(NodeKey resource, long afterValueId, int limit) {
        List<TagBinding> out = new ArrayList<>();
        NavigableSet<Long> valueIds = valuesByResource.get(resource);
        if (valueIds == null) {
            return out;
        }
        for (long valueId : valueIds.tailSet(afterValueId, false)) {
            if (out.size() >= limit) {
                break;
            }
            out.add(new TagBinding(resource, valueId));
        }
        return out;
    }

    /** True if some resource is bound to the value. */
    boolean isBound(long valueId) {
        return resourceCounts.containsKey(valueId);
    }

    /** Stores a binding; false if it exists. */
    boolean insert(Journal journal, TagBinding binding) {
        if (!add(binding)) {
            return false;
        }
        journal.record(() -> remove(binding));
        return true;
    }

    /** Removes a binding; false if it does not exist. */
    boolean delete(Journal journal, TagBinding binding) {
        if (!remove(binding)) {
            return false;
        }
        journal.record(() -> add(binding));
        return true;
    }

    private boolean add(TagBinding binding) {
        if (!valuesByResource.computeIfAbsent(binding.resource(), r -> new TreeSet<>()).add(binding.tagValueId())) {
            return false;
        }
        resourceCounts.merge(binding.tagValueId(), 1, Integer::sum);
        return true;
    }

    private boolean remove(TagBinding binding) {
        NavigableSet<Long> valueIds = valuesByResource.get(binding.resource());
        if (valueIds == null || !valueIds.remove(binding.tagValueId())) {
            return false;
        }
        if (valueIds.isEmpty()) {
            valuesByResource.remove(binding.resource());
        }
        resourceCounts.computeIfPresent(binding.tagValueId(), (id, count) -> count == 1 ? null : count - 1);
        return true;
    }
}
