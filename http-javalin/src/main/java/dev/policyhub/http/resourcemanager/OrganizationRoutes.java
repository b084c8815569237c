package dev.policyhub.http.resourcemanager;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.core.Page;
import dev.policyhub.core.hierarchy.HierarchyService;
import dev.policyhub.core.hierarchy.Organization;
import dev.policyhub.http.wire.GoogleCall;
import dev.policyhub.http.wire.GoogleRouter;
import java.util.List;
import java.util.Set;

/** {@code GET /v3/organizations/{id}} and {@code GET /v3/organizations:search}. */
final class OrganizationRoutes {
    private final HierarchyService hierarchy;

    OrganizationRoutes(HierarchyService hierarchy) {
        this.hierarchy = hierarchy;
    }

    void register(GoogleRouter router) {
        // the search names no resource: it answers only the organizations the caller reaches
        router.add("GET", "/v3/organizations:search", Set.of("query", "pageSize", "pageToken"),
                GoogleRouter.Names.NONE, this::search);
        router.add("GET", "/v3/organizations/([^/:]+)", Set.of(), call -> List.of("organizations/" + call.path(1)),
                this::get);
    }

    private JsonNode get(GoogleCall call) {
        return OrganizationJson.write(hierarchy.getOrganization("organizations/" + call.path(1)), call.format());
    }

    private JsonNode search(GoogleCall call) {
        Page<Organization> found = hierarchy.searchOrganizations(call.query().get("query"), call.query().page());
        List<Organization> reached = found.items().stream()
                .filter(org -> call.grant().reachesGoogleOrganization(org.name())).toList();
        return PageJson.write("organizations", new Page<>(reached, found.nextPageToken()),
                org -> OrganizationJson.write(org, call.format()));
    }
}
