package dev.policyhub.core.internal;

import dev.policyhub.core.access.AccessGrant;
import dev.policyhub.core.access.AccessService;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.NodeType;
import dev.policyhub.core.hierarchy.TagKey;
import dev.policyhub.core.hierarchy.TagValue;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.Versioned;

import java.util.List;
import java.util.Optional;

/**
 * Resolves Google resource names to their organization: folders and projects up their chain, tag keys through their
 * parent, tag values through their key, namespaced tag names through the key or value they name.
 */
public final class AccessServiceImpl implements AccessService {
    private final Transactor tx;

    public AccessServiceImpl(Transactor tx) {
        this.tx = tx;
    }

    @Override
    public void requireGoogle(AccessGrant grant, List<String> names) {
        if (grant.allGoogle()) {
            return;
        }
        List<String> given = names.stream().filter(n -> n != null && !n.isEmpty()).toList();
        if (given.isEmpty()) {
            return;
        }
        Optional<String> refused = grant.googleOrganizations().isEmpty() ? Optional.of(given.get(0))
                : tx.read(s -> given.stream()
                        .filter(n -> !organization(s, n).map(grant::reachesGoogleOrganization).orElse(false))
                        .findFirst());
        if (refused.isPresent()) {
            throw PolicyHubException.permissionDenied(refused.get());
        }
    }

    @Override
    public Optional<String> organizationOf(String name) {
        return tx.read(s -> organization(s, name));
    }

    private static Optional<String> organization(StoreSession s, String name) {
        String plain = name.startsWith(NodeKey.FULL_NAME_PREFIX) ? name.substring(NodeKey.FULL_NAME_PREFIX.length())
                : name;
        String[] parts = plain.split("/", -1);
        if (parts.length < 2) {
            return Optional.empty();
        }
        switch (parts[0]) {
            case "organizations":
            case "folders":
            case "projects":
                return Optional.ofNullable(ResourceRef.tryParse(parts[0] + "/" + parts[1]))
                        .flatMap(ref -> HierarchyReader.find(s, ref)).flatMap(node -> root(s, node));
            case "tagKeys":
                return tagKey(s, ResourceRef.positiveId(parts[1])).flatMap(key -> root(s, key.parent()));
            case "tagValues":
                long valueId = ResourceRef.positiveId(parts[1]);
                return (valueId < 0 ? Optional.<Versioned<TagValue>>empty() : s.tags().value(valueId))
                        .flatMap(value -> tagKey(s, value.value().tagKeyId())).flatMap(key -> root(s, key.parent()));
            default:
                return namespaced(s, plain, parts.length);
        }
    }

    // {namespace}/{key} names a key, {namespace}/{key}/{value} a value; anything longer names nothing
    private static Optional<String> namespaced(StoreSession s, String name, int segments) {
        Optional<Long> keyId;
        if (segments == 2) {
            keyId = s.tags().keyByNamespacedName(name).map(k -> k.value().id());
        } else if (segments == 3) {
            keyId = s.tags().valueByNamespacedName(name).map(Versioned::value).map(TagValue::tagKeyId);
        } else {
            keyId = Optional.empty();
        }
        return keyId.flatMap(id -> tagKey(s, id)).flatMap(key -> root(s, key.parent()));
    }

    private static Optional<TagKey> tagKey(StoreSession s, long id) {
        return id < 0 ? Optional.empty() : s.tags().key(id).map(Versioned::value);
    }

    // a chain cut short by a dangling parent ends below any organization: it belongs to none
    private static Optional<String> root(StoreSession s, NodeKey node) {
        NodeKey top = HierarchyReader.organizationOf(s, node);
        return top.type() == NodeType.ORGANIZATION ? Optional.of(top.name()) : Optional.empty();
    }
}
