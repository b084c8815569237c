package dev.policyhub.http.pulumi.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.policyhub.contract.pulumi.ApiClient;
import dev.policyhub.contract.pulumi.api.OrganizationsApi;
import dev.policyhub.contract.pulumi.api.PolicyGroupsApi;
import dev.policyhub.contract.pulumi.api.PolicyPacksApi;
import dev.policyhub.contract.pulumi.api.StackPolicyApi;
import dev.policyhub.contract.pulumi.api.StacksApi;
import dev.policyhub.contract.pulumi.model.AppPulumiStackReference;
import dev.policyhub.contract.pulumi.model.UpdatePolicyGroupRequest;
import io.javalin.Javalin;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Java client generated from Pulumi's OpenAPI document")
class GeneratedClientSmokeTest {
    private static final String ADD_STACK_ONLY = "{\"addStack\":{\"name\":\"prod\",\"routingProject\":\"web\"}}";

    /** What the client sent. */
    private record Recorded(String method, String rawPath, String accept, String authorization, String body) {
    }

    private static UpdatePolicyGroupRequest addStackOnly() {
        return new UpdatePolicyGroupRequest().addStack(new AppPulumiStackReference().name("prod").routingProject("web"));
    }

    @Test
    @DisplayName("an update with only addStack serialises to exactly that field: unset lists stay null, never []")
    void addStackOnlySerialisation() throws Exception {
        UpdatePolicyGroupRequest request = addStackOnly();

        assertNull(request.getStacks());
        assertNull(request.getPolicyPacks());
        assertNull(request.getInsightsAccounts());
        assertEquals(ADD_STACK_ONLY, new ApiClient().getObjectMapper().writeValueAsString(request));
    }

    @Test
    @DisplayName("the API classes of Pulumi's tags exist and take a client")
    void apiClasses() {
        ApiClient client = new ApiClient();
        List<Object> apis = List.of(new PolicyGroupsApi(client), new StackPolicyApi(client), new PolicyPacksApi(client),
                new OrganizationsApi(client), new StacksApi(client));

        assertEquals(5, apis.size());
    }

    @Test
    @DisplayName("UpdatePolicyGroup sends PATCH with Accept JSON, the intercepted token and only addStack")
    void updateOverTheWire() throws Exception {
        AtomicReference<Recorded> recorded = new AtomicReference<>();
        Javalin server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.routes.patch("/*", ctx -> {
                recorded.set(new Recorded(ctx.method().name(), ctx.path(), ctx.header("Accept"),
                        ctx.header("Authorization"), ctx.body()));
                ctx.status(204);
            });
        }).start("127.0.0.1", 0);
        try {
            ApiClient client = new ApiClient();
            client.updateBaseUri("http://127.0.0.1:" + server.port());
            client.setRequestInterceptor(request -> request.header("Authorization", "token t"));

            new PolicyGroupsApi(client).updatePolicyGroup("acme", "prod", addStackOnly());
        } finally {
            server.stop();
        }

        assertEquals(new Recorded("PATCH", "/api/orgs/acme/policygroups/prod", "application/json", "token t", ADD_STACK_ONLY),
                recorded.get());
        OpenApiContract.pulumi().check("PATCH", recorded.get().rawPath(), 204, null, new byte[0]);
    }
}
