package dev.policyhub.http.pulumi;

import dev.policyhub.core.policygroups.NewPolicyPack;
import dev.policyhub.core.policygroups.PolicyGroupService;
import dev.policyhub.core.policygroups.PublishedVersion;

/**
 * The policy-pack registry under {@code /api/orgs/{org}/policypacks}: list, publish (create, then upload through
 * {@link BlobRoutes}, then complete), get a version or its config schema, delete a pack or a version. A
 * {@code {version}} segment is a version tag or number.
 */
final class PolicyPackRoutes {
    private static final String PACKS = "/api/orgs/{org}/policypacks";
    private static final String VERSION = PACKS + "/{pack}/versions/{version}";

    private final PolicyGroupService service;

    PolicyPackRoutes(PolicyGroupService service) {
        this.service = service;
    }

    void register(PulumiRouter router) {
        router.add("GET", PACKS, call -> PulumiResponse.ok(PolicyPackJson.list(
                service.listPolicyPacks(call.path("org"), call.query("policypack").orElse("")))));
        router.add("POST", PACKS, this::publish);
        router.add("DELETE", PACKS + "/{pack}", call -> {
            service.deletePolicyPack(call.path("org"), call.path("pack"));
            return PulumiResponse.emptyOk();
        });
        router.add("POST", VERSION + "/complete", call -> {
            service.completePolicyPack(call.path("org"), call.path("pack"), call.path("version"));
            return PulumiResponse.noContent();
        });
        router.add("GET", VERSION + "/schema", call -> PulumiResponse.ok(PolicyPackJson.schema(
                service.getPolicyPackConfigSchema(call.path("org"), call.path("pack"), call.path("version")))));
        router.add("GET", VERSION, call -> PulumiResponse.ok(PolicyPackJson.details(
                service.getPolicyPack(call.path("org"), call.path("pack"), call.path("version")))));
        router.add("DELETE", VERSION, call -> {
            service.deletePolicyPackVersion(call.path("org"), call.path("pack"), call.path("version"));
            return PulumiResponse.emptyOk();
        });
    }

    private PulumiResponse publish(PulumiCall call) {
        String org = call.path("org");
        service.requireOrganization(org);
        NewPolicyPack pack = PolicyPackJson.read(BodyFields.of(call.json()));
        PublishedVersion v = service.publishPolicyPack(org, pack);
        String uploadUri = BlobRoutes.archiveUrl(call.baseUrl(), org, pack.name(), v.version()) + "?token="
                + v.uploadToken();
        return PulumiResponse.json(201, PolicyPackJson.created(v, uploadUri));
    }
}
