package dev.policyhub.http.resourcemanager;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.hierarchy.HierarchyService;
import dev.policyhub.http.wire.GoogleRouter;
import java.util.Set;

/**
 * The Resource Manager v3 subset PolicyHub serves: organizations, folders, projects, tag keys, values, bindings,
 * effective tags and the operations every write answers with. Handlers translate; the rules are the hub's.
 */
public final class ResourceManagerRoutes {
    private final HierarchyService hierarchy;
    private final Operations operations;

    /** Routes for the given hub, answering with (and keeping) operations in {@code operations}. */
    public ResourceManagerRoutes(PolicyHub hub, Operations operations) {
        this.hierarchy = hub.hierarchy();
        this.operations = operations;
    }

    /** Adds the bindings. */
    public void register(GoogleRouter router) {
        new OrganizationRoutes(hierarchy).register(router);
        new FolderRoutes(hierarchy, operations).register(router);
        new ProjectRoutes(hierarchy, operations).register(router);
        new TagKeyRoutes(hierarchy, operations).register(router);
        new TagValueRoutes(hierarchy, operations).register(router);
        new TagBindingRoutes(hierarchy).register(router);
        // an operation is checked against the organization it was recorded with, not by name
        router.add("GET", "/v3/operations/(.+)", Set.of(), GoogleRouter.Names.NONE,
                call -> operations.get("operations/" + call.path(1), call.grant(), call.format()));
    }
}
