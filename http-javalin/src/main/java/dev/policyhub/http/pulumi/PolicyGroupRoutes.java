package dev.policyhub.http.pulumi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.core.policygroups.NewPolicyGroup;
import dev.policyhub.core.policygroups.PolicyGroupService;
import dev.policyhub.core.policygroups.PolicyGroupUpdate;
import java.util.ArrayList;
import java.util.List;

/**
 * The seven policy-group endpoints under {@code /api/orgs/{org}/policygroups} and the two stack-side questions
 * ({@code /api/stacks/{org}/{project}/{stack}/policygroups} and {@code …/policypacks}). The organization is checked
 * before a body is read, as Pulumi's check order has it.
 */
final class PolicyGroupRoutes {
    private static final String GROUPS = "/api/orgs/{org}/policygroups";
    private static final String STACK = "/api/stacks/{org}/{project}/{stack}";

    private final PolicyGroupService service;

    PolicyGroupRoutes(PolicyGroupService service) {
        this.service = service;
    }

    void register(PulumiRouter router) {
        router.add("GET", GROUPS, this::list);
        router.add("POST", GROUPS, this::create);
        router.add("GET", GROUPS + "/metadata",
                call -> PulumiResponse.ok(PolicyGroupJson.metadata(service.getMetadata(call.path("org")))));
        router.add("GET", GROUPS + "/{group}",
                call -> PulumiResponse.ok(PolicyGroupJson.group(service.getPolicyGroup(call.path("org"),
                        call.path("group")))));
        router.add("PATCH", GROUPS + "/{group}", this::update);
        router.add("PATCH", GROUPS + "/{group}/batch", this::batch);
        router.add("DELETE", GROUPS + "/{group}", call -> {
            service.deletePolicyGroup(call.path("org"), call.path("group"));
            return PulumiResponse.noContent();
        });
        router.add("GET", STACK + "/policygroups", call -> PulumiResponse.ok(PolicyGroupJson.list(
                service.stackPolicyGroups(call.path("org"), call.path("project"), call.path("stack")))));
        router.add("GET", STACK + "/policypacks", this::stackPolicyPacks);
    }

    private PulumiResponse list(PulumiCall call) {
        return PulumiResponse.ok(PolicyGroupJson.list(service.listPolicyGroups(call.path("org"))));
    }

    private PulumiResponse create(PulumiCall call) {
        String org = call.path("org");
        service.requireOrganization(org);
        BodyFields body = BodyFields.of(call.json());
        service.createPolicyGroup(org, new NewPolicyGroup(body.text("name"), body.text("entityType"),
                body.text("mode"), body.text("agentPoolId")));
        return PulumiResponse.noContent();
    }

    private PulumiResponse update(PulumiCall call) {
        String org = call.path("org");
        service.requireOrganization(org);
        PolicyGroupUpdate update = UpdateRequestReader.read(call.json());
        service.updatePolicyGroup(org, call.path("group"), update);
        return PulumiResponse.noContent();
    }

    private PulumiResponse batch(PulumiCall call) {
        String org = call.path("org");
        service.requireOrganization(org);
        JsonNode body = call.json();
        if (!body.isArray()) {
            throw PulumiError.invalidBody();
        }
        List<PolicyGroupUpdate> updates = new ArrayList<>();
        body.forEach(element -> updates.add(UpdateRequestReader.read(element)));
        service.batchUpdatePolicyGroup(org, call.path("group"), updates);
        return PulumiResponse.noContent();
    }

    private PulumiResponse stackPolicyPacks(PulumiCall call) {
        String mode = call.query("mode").orElse("");
        return PulumiResponse.ok(RequiredPolicyJson.list("requiredPolicies", service.stackPolicyPacks(
                call.path("org"), call.path("project"), call.path("stack"), mode), call.baseUrl()));
    }
}
