package dev.policyhub.http.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.contract.pulumi.ApiClient;
import dev.policyhub.contract.pulumi.ApiException;
import dev.policyhub.contract.pulumi.api.PolicyGroupsApi;
import dev.policyhub.contract.pulumi.api.PolicyPacksApi;
import dev.policyhub.contract.pulumi.api.StackPolicyApi;
import dev.policyhub.contract.pulumi.model.AppCreatePolicyPackRequest;
import dev.policyhub.contract.pulumi.model.AppCreatePolicyPackResponse;
import dev.policyhub.contract.pulumi.model.AppGetPolicyPackResponse;
import dev.policyhub.contract.pulumi.model.AppPolicy;
import dev.policyhub.contract.pulumi.model.AppPolicyConfigSchema;
import dev.policyhub.contract.pulumi.model.AppPolicyGroupSummary;
import dev.policyhub.contract.pulumi.model.AppPolicyPackMetadata;
import dev.policyhub.contract.pulumi.model.AppPulumiStackReference;
import dev.policyhub.contract.pulumi.model.AppRequiredPolicy;
import dev.policyhub.contract.pulumi.model.InsightsAccount;
import dev.policyhub.contract.pulumi.model.NewPolicyGroupRequest;
import dev.policyhub.contract.pulumi.model.PolicyGroup;
import dev.policyhub.contract.pulumi.model.PolicyGroupMetadata;
import dev.policyhub.contract.pulumi.model.UpdatePolicyGroupRequest;
import dev.policyhub.core.PolicyHub;
import dev.policyhub.http.PolicyHubServer;
import dev.policyhub.core.access.AccessTokens;
import dev.policyhub.http.ServerOptions;
import dev.policyhub.http.pulumi.contract.PulumiHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A Java client generated from Pulumi's own OpenAPI document drives PolicyHub through a whole life cycle: the
 * organization, stacks and accounts are created over HTTP (routes the document does not cover, checked against
 * PolicyHub's own schemas), packs are published with the client, then groups are created, changed through every
 * update field and a batch, and read back with metadata and resolution.
 */
@DisplayName("the generated Pulumi client drives the whole life cycle")
class GeneratedClientLifecycleTest {
    private static final String TOKEN = "pul-life-0123456789";
    private static final String ORG = "acme";

    private static PolicyHub hub;
    private static PolicyHubServer server;
    private static PulumiHttp http;
    private static PolicyGroupsApi groups;
    private static PolicyPacksApi packs;
    private static StackPolicyApi stackPolicy;

    @BeforeAll
    static void start() {
        hub = PolicyHub.builder().storage("memory", Map.of()).build();
        server = PolicyHubServer.start(hub, ServerOptions.ephemeral().withTokens(AccessTokens.parse("test", TOKEN + " *")));
        http = new PulumiHttp(server.url()).withToken(TOKEN);
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.url());
        client.setRequestInterceptor(request -> request.header("Authorization", "token " + TOKEN));
        groups = new PolicyGroupsApi(client);
        packs = new PolicyPacksApi(client);
        stackPolicy = new StackPolicyApi(client);
    }

    @AfterAll
    static void stop() {
        server.close();
        hub.close();
    }

    @BeforeEach
    void inventory() throws Exception {
        hub.storage().clear();
        assertEquals(200, http.post("/admin/v1/pulumi/orgs", "{\"name\":\"acme\"}").status());
        for (String stack : List.of("web/prod", "web/dev", "api/prod")) {
            String[] parts = stack.split("/");
            assertEquals(200, http.post("/api/stacks/acme/" + parts[0], "{\"stackName\":\"" + parts[1] + "\"}").status());
        }
        assertEquals(200, http.post("/api/stacks/acme/web/prod/import", "{\"version\":3,\"deployment\":"
                + "{\"resources\":[{\"urn\":\"a\"},{\"urn\":\"b\"},{\"urn\":\"c\"}]}}").status());
        assertEquals(204, http.post("/api/preview/insights/acme/accounts/aws-main",
                "{\"provider\":\"aws\",\"environment\":\"ops/aws\"}").status());
        assertEquals(204, http.post("/api/preview/insights/acme/accounts/aws-main%2Fus-east-1",
                "{\"provider\":\"aws\",\"environment\":\"ops/aws\"}").status());
        publish("aws-guard", "1.0.0");
        publish("aws-guard", "2.0.0");
        publish("cis", "1.0.0");
    }

    /** The three publish steps: create with the client, upload to the URI it returns (no token), complete. */
    private static AppCreatePolicyPackResponse publish(String name, String tag) throws Exception {
        AppPolicy policy = new AppPolicy().name("iam-mfa").displayName("MFA").description("needs MFA")
                .enforcementLevel(AppPolicy.EnforcementLevelEnum.MANDATORY).message("enable MFA")
                .configSchema(new AppPolicyConfigSchema().type(AppPolicyConfigSchema.TypeEnum.OBJECT)
                        .properties(Map.of("maxAge", Map.of("type", "integer"))).required(List.of("maxAge")));
        AppCreatePolicyPackResponse created = packs.createPolicyPack(ORG, new AppCreatePolicyPackRequest()
                .name(name).displayName(name.toUpperCase()).versionTag(tag).runtime("nodejs")
                .policies(List.of(policy)));
        assertEquals(Map.of("Content-Type", "application/octet-stream"), created.getRequiredHeaders());
        HttpResponse<String> upload = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(created.getUploadURI()))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray((name + tag).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, upload.statusCode(), upload.body());
        packs.completePolicyPack(ORG, name, tag);
        return created;
    }

    private static AppPulumiStackReference stack(String project, String name) {
        return new AppPulumiStackReference().routingProject(project).name(name);
    }

    private static AppPolicyPackMetadata pack(String name, String tag) {
        // name and versionTag are what Pulumi's clients send; the document marks the others required too
        return new AppPolicyPackMetadata().name(name).versionTag(tag).displayName("").version(0L);
    }

    @Test
    @DisplayName("groups: create, every update field, batch, rename, metadata, resolution, delete")
    void groupLifeCycle() throws Exception {
        List<AppPolicyGroupSummary> initial = groups.listPolicyGroups(ORG).getPolicyGroups();
        assertEquals(List.of("default-accounts-policy-group", "default-policy-group"),
                initial.stream().map(AppPolicyGroupSummary::getName).toList());

        groups.newPolicyGroup(ORG, new NewPolicyGroupRequest().name("prod")
                .entityType(NewPolicyGroupRequest.EntityTypeEnum.STACKS));
        groups.updatePolicyGroup(ORG, "prod", new UpdatePolicyGroupRequest().addStack(stack("web", "prod")));
        groups.updatePolicyGroup(ORG, "prod", new UpdatePolicyGroupRequest().addStack(stack("web", "dev")));
        groups.updatePolicyGroup(ORG, "prod", new UpdatePolicyGroupRequest().removeStack(stack("web", "dev")));
        groups.updatePolicyGroup(ORG, "prod", new UpdatePolicyGroupRequest()
                .addPolicyPack(pack("aws-guard", "1.0.0").config(Map.of("all", "mandatory"))
                        .environments(List.of("ops/aws"))));
        groups.updatePolicyGroup(ORG, "prod", new UpdatePolicyGroupRequest().addPolicyPack(pack("cis", "")));
        groups.updatePolicyGroup(ORG, "prod", new UpdatePolicyGroupRequest().removePolicyPack(pack("cis", "")));
        groups.updatePolicyGroup(ORG, "prod", new UpdatePolicyGroupRequest()
                .addInsightsAccount(new InsightsAccount().name("aws-main")));
        groups.updatePolicyGroup(ORG, "prod", new UpdatePolicyGroupRequest()
                .removeInsightsAccount(new InsightsAccount().name("aws-main/us-east-1")));
        groups.updatePolicyGroup(ORG, "prod", new UpdatePolicyGroupRequest().agentPoolId("pool-1"));

        PolicyGroup prod = groups.getPolicyGroup(ORG, "prod");
        assertEquals(List.of(stack("web", "prod")), prod.getStacks());
        assertEquals(List.of("aws-main"), prod.getAccounts());
        assertEquals("pool-1", prod.getAgentPoolId());
        AppPolicyPackMetadata applied = prod.getAppliedPolicyPacks().get(0);
        assertEquals(1, prod.getAppliedPolicyPacks().size());
        assertEquals(List.of("aws-guard", "AWS-GUARD", 1L, "1.0.0"),
                List.of(applied.getName(), applied.getDisplayName(), applied.getVersion(), applied.getVersionTag()));
        assertEquals(Map.of("all", Map.of("enforcementLevel", "mandatory")), applied.getConfig());
        assertEquals(List.of("ops/aws"), applied.getEnvironments());

        // the three replacement lists, then a batch, then a rename
        groups.updatePolicyGroup(ORG, "prod", new UpdatePolicyGroupRequest()
                .stacks(List.of(stack("web", "prod"), stack("api", "prod")))
                .policyPacks(List.of(pack("aws-guard", "2.0.0"))).insightsAccounts(List.of()));
        groups.batchUpdatePolicyGroup(ORG, "prod", List.of(
                new UpdatePolicyGroupRequest().addPolicyPack(pack("cis", "1.0.0")),
                new UpdatePolicyGroupRequest().removeStack(stack("api", "prod"))));
        groups.updatePolicyGroup(ORG, "prod", new UpdatePolicyGroupRequest().newName("production"));

        PolicyGroup production = groups.getPolicyGroup(ORG, "production");
        assertEquals(List.of(stack("web", "prod")), production.getStacks());
        assertEquals(List.of(), production.getAccounts());
        assertEquals(List.of("aws-guard", "cis"),
                production.getAppliedPolicyPacks().stream().map(AppPolicyPackMetadata::getName).toList());
        assertEquals(2L, production.getAppliedPolicyPacks().get(0).getVersion());
        ApiException gone = assertThrows(ApiException.class, () -> groups.getPolicyGroup(ORG, "prod"));
        assertEquals(404, gone.getCode());
        assertEquals("{\"code\":404,\"message\":\"Not Found: Policy Group 'prod' not found\"}", gone.getResponseBody());

        PolicyGroupMetadata metadata = groups.getPolicyGroupMetadata(ORG);
        assertEquals(List.of(1, 3, 1, 3, 0, 0, 3, 3, 0, 0, 2, 0), List.of(metadata.getProtectedStacks(),
                metadata.getProtectedStackResources(), metadata.getPreventativeStacks(),
                metadata.getPreventativeStackResources(), metadata.getAuditStacks(), metadata.getAuditStackResources(),
                metadata.getTotalStacks(), metadata.getTotalStackResources(), metadata.getProtectedAccounts(),
                metadata.getProtectedAccountResources(), metadata.getTotalAccounts(),
                metadata.getTotalAccountResources()));

        List<AppRequiredPolicy> required = stackPolicy.getStackPolicyPacks(ORG, "web", "prod", "preventative")
                .getRequiredPolicies();
        assertEquals(List.of("aws-guard", "cis"), required.stream().map(AppRequiredPolicy::getName).toList());
        assertEquals(server.url() + "/blobs/policypacks/acme/aws-guard/2.tgz", required.get(0).getPackLocation());
        assertEquals(List.of("default-policy-group", "production"), stackPolicy.getStackPolicyGroups(ORG, "web", "prod")
                .getPolicyGroups().stream().map(AppPolicyGroupSummary::getName).toList());
        assertEquals(List.of(), stackPolicy.getStackPolicyPacks(ORG, "web", "dev", null).getRequiredPolicies());

        groups.deletePolicyGroup(ORG, "production");
        assertEquals(List.of(), stackPolicy.getStackPolicyPacks(ORG, "web", "prod", null).getRequiredPolicies());
    }

    @Test
    @DisplayName("registry: list, get, config schema, refused deletes while applied, deletes once free")
    void registryLifeCycle() throws Exception {
        assertEquals(List.of(2L, 1L), packs.listPolicyPacksOrgs(ORG, "aws-guard").getPolicyPacks().get(0).getVersions());
        AppGetPolicyPackResponse v2 = packs.getPolicyPack(ORG, "aws-guard", "2.0.0");
        assertEquals(List.of("aws-guard", 2L, "2.0.0", false), List.of(v2.getName(), v2.getVersion(),
                v2.getVersionTag(), v2.getApplied()));
        assertEquals("needs MFA", v2.getPolicies().get(0).getDescription());
        AppPolicyConfigSchema schema = packs.getPolicyPackConfigSchema(ORG, "aws-guard", "2")
                .getConfigSchema().get("iam-mfa");
        assertEquals(List.of("maxAge"), schema.getRequired());

        groups.updatePolicyGroup(ORG, "default-policy-group",
                new UpdatePolicyGroupRequest().addPolicyPack(pack("aws-guard", "2.0.0")));
        assertTrue(packs.getPolicyPack(ORG, "aws-guard", "2.0.0").getApplied());
        ApiException applied = assertThrows(ApiException.class,
                () -> packs.deletePolicyPackVersion(ORG, "aws-guard", "2.0.0"));
        assertEquals(409, applied.getCode());
        ApiException enabled = assertThrows(ApiException.class, () -> packs.deletePolicyPackOrgsPolicypacks(ORG, "aws-guard"));
        assertEquals("{\"code\":400,\"message\":\"Bad Request: Cannot delete an enabled Policy Pack\"}",
                enabled.getResponseBody());

        packs.deletePolicyPackVersion(ORG, "aws-guard", "1.0.0");
        groups.updatePolicyGroup(ORG, "default-policy-group",
                new UpdatePolicyGroupRequest().removePolicyPack(pack("aws-guard", "")));
        packs.deletePolicyPackOrgsPolicypacks(ORG, "aws-guard");
        assertEquals(List.of("cis"), packs.listPolicyPacksOrgs(ORG, null).getPolicyPacks().stream()
                .map(p -> p.getName()).toList());
    }
}
