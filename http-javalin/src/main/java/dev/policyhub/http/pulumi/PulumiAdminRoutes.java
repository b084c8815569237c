package dev.policyhub.http.pulumi;

import dev.policyhub.core.policygroups.PolicyGroupService;
import dev.policyhub.core.policygroups.StackRef;
import dev.policyhub.http.wire.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PolicyHub's own Pulumi endpoints under {@code /admin/v1/pulumi/}: Pulumi has no public call that creates an
 * organization or sets resource counts. They answer in Pulumi's error shape and, when tokens are configured, need one
 * with the admin scope.
 */
final class PulumiAdminRoutes {
    private static final String ORG = "/admin/v1/pulumi/orgs/{org}";

    private final PolicyGroupService service;

    PulumiAdminRoutes(PolicyGroupService service) {
        this.service = service;
    }

    void register(PulumiRouter router) {
        router.add("POST", "/admin/v1/pulumi/orgs", PulumiRouter.Access.ADMIN, call -> {
            String name = BodyFields.of(call.json()).text("name");
            service.createOrganization(name);
            return PulumiResponse.ok(Json.object().put("name", name));
        });
        router.add("DELETE", ORG, PulumiRouter.Access.ADMIN, call -> {
            service.deleteOrganization(call.path("org"));
            return PulumiResponse.noContent();
        });
        router.add("PUT", ORG + "/resource-counts", PulumiRouter.Access.ADMIN, this::setResourceCounts);
    }

    private PulumiResponse setResourceCounts(PulumiCall call) {
        String org = call.path("org");
        service.requireOrganization(org);
        BodyFields body = BodyFields.of(call.json());
        Map<StackRef, Long> stacks = new LinkedHashMap<>();
        for (BodyFields s : body.array("stacks", BodyFields::of).orElse(List.of())) {
            stacks.put(new StackRef(s.text("project"), s.text("stack")), count(s));
        }
        Map<String, Long> accounts = new LinkedHashMap<>();
        for (BodyFields a : body.array("accounts", BodyFields::of).orElse(List.of())) {
            accounts.put(a.text("name"), count(a));
        }
        service.setResourceCounts(org, stacks, accounts);
        return PulumiResponse.noContent();
    }

    // a count is what the entry is for: leaving it out is a malformed body, not a zero
    private static long count(BodyFields entry) {
        return entry.int64("resourceCount").orElseThrow(PulumiError::invalidBody);
    }
}
