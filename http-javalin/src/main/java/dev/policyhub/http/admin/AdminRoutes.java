package dev.policyhub.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.hierarchy.Organization;
import dev.policyhub.http.resourcemanager.OrganizationJson;
import dev.policyhub.http.wire.GoogleCall;
import dev.policyhub.http.wire.GoogleRouter;
import dev.policyhub.http.wire.Json;
import dev.policyhub.http.wire.JsonObjectReader;
import java.util.Set;

/**
 * The emulator's control endpoints under {@code /admin/v1/}: create and delete organizations (Google has no call for
 * that), load a seed, check health and reset the store. Errors use Google's envelope like the API. They touch no
 * resource a grant must reach: the server lets only a grant with the admin scope in.
 */
public final class AdminRoutes {
    private static final GoogleRouter.Names NONE = GoogleRouter.Names.NONE;

    private final PolicyHub hub;
    private final Runnable forgetOperations;

    /** Routes for the given hub; a reset also runs {@code forgetOperations}, which empties the operation log. */
    public AdminRoutes(PolicyHub hub, Runnable forgetOperations) {
        this.hub = hub;
        this.forgetOperations = forgetOperations;
    }

    /** Adds the bindings. */
    public void register(GoogleRouter router) {
        router.add("POST", "/admin/v1/organizations", Set.of(), NONE, this::createOrganization);
        router.add("DELETE", "/admin/v1/organizations/([^/]+)", Set.of(), NONE, this::deleteOrganization);
        router.add("POST", "/admin/v1/seed", Set.of(), NONE, call -> SeedLoader.load(hub, call.body()).toJson());
        router.add("GET", "/admin/v1/health", Set.of(), NONE, call -> Json.object().put("status", "ok"));
        router.add("POST", "/admin/v1/reset", Set.of(), NONE, this::reset);
    }

    private JsonNode createOrganization(GoogleCall call) {
        JsonObjectReader body = JsonObjectReader.of(call.body(), "");
        Long id = body.int64("organizationId").orElse(null);
        String displayName = body.string("displayName").orElse(null);
        String directoryCustomerId = body.string("directoryCustomerId").orElse(null);
        body.finish();
        Organization org = hub.hierarchy().createOrganization(id, displayName, directoryCustomerId);
        return OrganizationJson.write(org, call.format());
    }

    private JsonNode deleteOrganization(GoogleCall call) {
        hub.hierarchy().deleteOrganization("organizations/" + call.path(1));
        return Json.object();
    }

    private JsonNode reset(GoogleCall call) {
        hub.storage().clear();
        forgetOperations.run();
        return Json.object();
    }
}
