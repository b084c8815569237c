package dev.policyhub.http.resourcemanager;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.core.hierarchy.HierarchyService;
import dev.policyhub.http.wire.GoogleCall;
import dev.policyhub.http.wire.GoogleRouter;
import java.util.Set;

/** {@code GET /v3/organizations/{id}} and {@code GET /v3/organizations:search}. */
final class OrganizationRoutes {
    private final HierarchyService hierarchy;

    OrganizationRoutes(HierarchyService hierarchy) {
        this.hierarchy = hierarchy;
    }

    void register(GoogleRouter router) {
        router.add("GET", "/v3/organizations:search", Set.of("query", "pageSize", "pageToken"), this::search);
        router.add("GET", "/v3/organizations/([^/:]+)", Set.of(), this::get);
    }

    private JsonNode get(GoogleCall call) {
        return OrganizationJson.write(hierarchy.getOrganization("organizations/" + call.path(1)), call.format());
    }

    private JsonNode search(GoogleCall call) {
        return PageJson.write("organizations",
                hierarchy.searchOrganizations(call.query().get("query"), call.query().page()),
                org -> OrganizationJson.write(org, call.format()));
    }
}
