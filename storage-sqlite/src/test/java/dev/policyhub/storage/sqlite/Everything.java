package dev.policyhub.storage.sqlite;

import dev.policyhub.core.hierarchy.Folder;
import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.Organization;
import dev.policyhub.core.hierarchy.Project;
import dev.policyhub.core.hierarchy.TagKey;
import dev.policyhub.core.hierarchy.TagValue;
import dev.policyhub.core.policygroups.PolicyPackVersion;
import dev.policyhub.core.spi.NodeStore.ChildCursor;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.Versioned;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Everything a store holds, found by walking every store from its roots, as one comparable map. */
final class Everything {
    private static final int ALL = 10_000;

    private final StoreSession s;
    private final Map<String, Object> seen = new LinkedHashMap<>();

    private Everything(StoreSession session) {
        this.s = session;
    }

    /** Every object of the session's stores, by a name that says where it was found; archives as hex text. */
    static Map<String, Object> of(StoreSession session) {
        Everything walk = new Everything(session);
        walk.hierarchy();
        walk.pulumi();
        return walk.seen;
    }

    private void hierarchy() {
        for (Versioned<Organization> org : s.nodes().organizations(0, ALL)) {
            seen.put(org.value().name(), org);
            node(org.value().key());
            seen.put(org.value().name() + " custom constraints", s.customConstraints().list(org.value().id(), "", ALL));
        }
    }

    private void node(NodeKey node) {
        seen.put(node + " policies", s.policies().list(node, "", ALL));
        seen.put(node + " bindings", s.tags().bindings(node, 0, ALL));
        seen.put(node + " tag key count", s.tags().countKeys(node));
        for (Versioned<TagKey> key : s.tags().keys(node, 0, ALL)) {
            seen.put(key.value().name(), key);
            seen.put(key.value().namespacedName(), s.tags().keyByNamespacedName(key.value().namespacedName()));
            for (Versioned<TagValue> value : s.tags().values(key.value().id(), 0, ALL)) {
                seen.put(value.value().name(), value);
                seen.put(value.value().namespacedName(),
                        s.tags().valueByNamespacedName(value.value().namespacedName()));
                seen.put(value.value().name() + " bound", s.tags().isBound(value.value().id()));
            }
        }
        for (Versioned<Folder> folder : s.nodes().folders(node, ChildCursor.START, ALL, true)) {
            seen.put(folder.value().name(), folder);
            node(folder.value().key());
        }
        for (Versioned<Project> project : s.nodes().projects(node, ChildCursor.START, ALL, true)) {
            seen.put(project.value().name(), project);
            seen.put(project.value().projectId(), s.nodes().projectById(project.value().projectId()));
            node(project.value().key());
        }
    }

    private void pulumi() {
        for (String org : s.pulumiOrgs().list("", ALL)) {
            seen.put(org + " stacks", s.stacks().list(org, null, ALL));
            seen.put(org + " accounts", s.accounts().list(org, "", ALL));
            seen.put(org + " ledgers", s.policyPacks().ledgers(org, "", ALL));
            seen.put(org + " groups", s.policyGroups().list(org));
            for (String pack : s.policyPacks().names(org, "", ALL)) {
                for (Versioned<PolicyPackVersion> version : s.policyPacks().versions(org, pack)) {
                    String key = org + "/" + pack + "/" + version.value().version();
                    seen.put(key, version);
                    seen.put(key + " archive", s.policyPacks().archive(org, pack, version.value().version())
                            .map(HexFormat.of()::formatHex));
                }
            }
        }
    }
}
