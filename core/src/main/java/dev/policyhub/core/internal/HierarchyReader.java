package dev.policyhub.core.internal;

import dev.policyhub.core.hierarchy.EffectiveTag;
import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.Project;
import dev.policyhub.core.hierarchy.TagBinding;
import dev.policyhub.core.hierarchy.TagKey;
import dev.policyhub.core.hierarchy.TagValue;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.Versioned;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read-side walks of the hierarchy shared by the services: resolving names, ancestry, effective tags, subtrees. */
public final class HierarchyReader {
    /** Organization, 10 folder levels and a project, with room to spare against a corrupted parent loop. */
    private static final int MAX_CHAIN = 16;
    private static final int BINDING_PAGE = 500;

    private HierarchyReader() {
    }

    /** Resolves a parsed name to a stored node, or empty. */
    public static Optional<NodeKey> find(StoreSession s, ResourceRef ref) {
        switch (ref.type()) {
            case ORGANIZATION:
                long org = ref.id();
                return org < 0 ? Optional.empty() : s.nodes().organization(org).map(v -> NodeKey.organization(org));
            case FOLDER:
                long folder = ref.id();
                return folder < 0 ? Optional.empty() : s.nodes().folder(folder).map(v -> NodeKey.folder(folder));
            default:
                return project(s, ref.token()).map(v -> v.value().key());
        }
    }

    /** The project named by id or number. */
    public static Optional<Versioned<Project>> project(StoreSession s, String idOrNumber) {
        if (ResourceRef.isDigits(idOrNumber)) {
            long number = ResourceRef.positiveId(idOrNumber);
            return number < 0 ? Optional.empty() : s.nodes().project(number);
        }
        return s.nodes().projectById(idOrNumber);
    }

    /** The parent of a node, empty for an organization. */
    public static Optional<NodeKey> parent(StoreSession s, NodeKey node) {
        switch (node.type()) {
            case FOLDER:
                return s.nodes().folder(node.id()).map(v -> v.value().parent());
            case PROJECT:
                return s.nodes().project(node.id()).map(v -> v.value().parent());
            default:
                return Optional.empty();
        }
    }

    /** The node and its ancestors up to the organization, the node first. */
    public static List<NodeKey> chain(StoreSession s, NodeKey node) {
        List<NodeKey> chain = new ArrayList<>();
        Optional<NodeKey> current = Optional.of(node);
        while (current.isPresent() && chain.size() < MAX_CHAIN) {
            chain.add(current.get());
            current = parent(s, current.get());
        }
        return chain;
    }

    /** The organization at the root of a node's chain. */
    public static NodeKey organizationOf(StoreSession s, NodeKey node) {
        List<NodeKey> chain = chain(s, node);
        return chain.get(chain.size() - 1);
    }

    /** Effective tags of a node: bindings from the organization down, nearer ones replacing a key's value. */
    public static List<EffectiveTag> effectiveTags(StoreSession s, NodeKey node) {
        return effectiveTags(s, chain(s, node));
    }

    /** Effective tags of the first node of an already read {@link #chain}. */
    public static List<EffectiveTag> effectiveTags(StoreSession s, List<NodeKey> chain) {
        NodeKey node = chain.get(0);
        List<NodeKey> rootFirst = new ArrayList<>(chain);
        Collections.reverse(rootFirst);
        Map<Long, EffectiveTag> byKey = new LinkedHashMap<>();
        for (NodeKey level : rootFirst) {
            for (TagBinding binding : allBindings(s, level)) {
                Optional<Versioned<TagValue>> value = s.tags().value(binding.tagValueId());
                if (value.isEmpty()) {
                    continue;
                }
                Optional<Versioned<TagKey>> key = s.tags().key(value.get().value().tagKeyId());
                key.ifPresent(k -> byKey.put(k.value().id(),
                        new EffectiveTag(k.value(), value.get().value(), level, !level.equals(node))));
            }
        }
        List<EffectiveTag> tags = new ArrayList<>(byKey.values());
        tags.sort(Comparator.comparing(t -> t.key().namespacedName()));
        return tags;
    }

    /** Every binding of one node. */
    public static List<TagBinding> allBindings(StoreSession s, NodeKey node) {
        List<TagBinding> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<TagBinding> page = s.tags().bindings(node, after, BINDING_PAGE);
            all.addAll(page);
            if (page.size() < BINDING_PAGE) {
                return all;
            }
            after = page.get(page.size() - 1).tagValueId();
        }
    }

    /**
     * {@code under:} matching: the resource named by the candidate's leading pair lies in the subtree. Project ids and
     * numbers are interchangeable; when either side names no known resource, the candidate must equal the subtree or
     * start with it followed by {@code /}.
     */
    public static boolean isUnder(StoreSession s, String candidate, String subtree) {
        Optional<NodeKey> root = Optional.ofNullable(ResourceRef.tryParse(subtree)).flatMap(r -> find(s, r));
        Optional<NodeKey> leaf = leadingPair(candidate).flatMap(r -> find(s, r));
        if (root.isPresent() && leaf.isPresent()) {
            return chain(s, leaf.get()).contains(root.get());
        }
        return candidate.equals(subtree) || candidate.startsWith(subtree + "/");
    }

    private static Optional<ResourceRef> leadingPair(String candidate) {
        String[] parts = candidate.split("/", 3);
        if (parts.length < 2) {
            return Optional.empty();
        }
        return Optional.ofNullable(ResourceRef.tryParse(parts[0] + "/" + parts[1]));
    }
}
