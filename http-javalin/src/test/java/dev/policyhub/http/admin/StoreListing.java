package dev.policyhub.http.admin;

import dev.policyhub.core.Page;
import dev.policyhub.core.PageRequest;
import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.hierarchy.Folder;
import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.NodeType;
import dev.policyhub.core.hierarchy.Organization;
import dev.policyhub.core.hierarchy.Project;
import dev.policyhub.core.hierarchy.TagKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Everything a hub holds, listed through its services: organizations with their custom constraints, the folder and
 * project tree (deleted nodes included), tag keys with their values, and each node's bindings and policies. Records
 * print every field, times and etags included, so two equal listings mean an unchanged store.
 */
final class StoreListing {
    private static final int PAGE = 1000;

    private StoreListing() {
    }

    static String of(PolicyHub hub) {
        StringBuilder out = new StringBuilder();
        for (Organization org : all(page -> hub.hierarchy().searchOrganizations("", page))) {
            out.append(org).append('\n');
            all(page -> hub.orgPolicies().listCustomConstraints(org.name(), page))
                    .forEach(c -> out.append("  ").append(c).append('\n'));
            node(hub, org.key(), "  ", out);
        }
        return out.toString();
    }

    private static void node(PolicyHub hub, NodeKey key, String indent, StringBuilder out) {
        all(page -> hub.hierarchy().listTagBindings(key.fullResourceName(), page))
                .forEach(b -> out.append(indent).append(b).append('\n'));
        all(page -> hub.orgPolicies().listPolicies(key.name(), page))
                .forEach(p -> out.append(indent).append(p).append('\n'));
        if (key.type() != NodeType.FOLDER) {
            for (TagKey tagKey : all(page -> hub.hierarchy().listTagKeys(key.name(), page))) {
                out.append(indent).append(tagKey).append('\n');
                all(page -> hub.hierarchy().listTagValues(tagKey.name(), page))
                        .forEach(v -> out.append(indent).append("  ").append(v).append('\n'));
            }
        }
        if (key.type() == NodeType.PROJECT) {
            return;
        }
        for (Folder folder : all(page -> hub.hierarchy().listFolders(key.name(), page, true))) {
            out.append(indent).append(folder).append('\n');
            node(hub, folder.key(), indent + "  ", out);
        }
        for (Project project : all(page -> hub.hierarchy().listProjects(key.name(), page, true))) {
            out.append(indent).append(project).append('\n');
            node(hub, project.key(), indent + "  ", out);
        }
    }

    private static <T> List<T> all(Function<PageRequest, Page<T>> list) {
        List<T> items = new ArrayList<>();
        PageRequest request = PageRequest.ofSize(PAGE);
        while (true) {
            Page<T> page = list.apply(request);
            items.addAll(page.items());
            if (!page.hasNextPage()) {
                return items;
            }
            request = request.next(page);
        }
    }
}
