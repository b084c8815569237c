package dev.policyhub.http.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policyhub.http.support.RawHttp.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Pulumi routes with tokens configured (see {@link PulumiServerTestBase}): organization {@code beta} exists
 * besides fixture F's {@code acme}, with the stack {@code site/prod}.
 */
@DisplayName("Pulumi routes with tokens: 401 without a known token, 403 outside the token's organizations")
class PulumiAccessTest extends PulumiServerTestBase {
    private static final String UNAUTHORIZED = "Unauthorized: No credentials provided or are invalid.";
    private static final String FORBIDDEN = "Forbidden: You do not have permission to perform this operation.";

    /** One request of a route family; {@code status} is its answer with a token of the organization. */
    private record Call(String method, String path, String body, int status) {
        Reply send(String authorization) {
            return authorization.isEmpty() ? sendWithHeaders(method, path, body)
                    : sendWithHeaders(method, path, body, "Authorization", authorization);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeEach
    void betaOrganization() {
        hub.policyGroups().createOrganization("beta");
        hub.policyGroups().createStack("beta", "site", "prod", Optional.of(1L));
    }

    /** One call of every Pulumi route family on organization acme, in an order in which each succeeds. */
    private static List<Call> everyRouteFamily() {
        String accounts = "/api/preview/insights/acme/accounts";
        String packs = "/api/orgs/acme/policypacks";
        return List.of(
                new Call("GET", PG, null, 200),
                new Call("GET", PG + "/metadata", null, 200),
                new Call("POST", PG, "{\"name\":\"prod\",\"entityType\":\"stacks\"}", 204),
                new Call("GET", PG + "/prod", null, 200),
                new Call("PATCH", PG + "/prod", "{\"addPolicyPack\":{\"name\":\"cis\"}}", 204),
                new Call("PATCH", PG + "/prod/batch", "[{\"removePolicyPack\":{\"name\":\"cis\"}}]", 204),
                new Call("DELETE", PG + "/prod", null, 204),
                new Call("GET", "/api/stacks/acme/web/prod/policygroups", null, 200),
                new Call("GET", "/api/stacks/acme/web/prod/policypacks", null, 200),
                new Call("GET", "/api/stacks/acme/web/prod", null, 200),
                new Call("POST", "/api/stacks/acme/web", "{\"stackName\":\"qa\"}", 200),
                new Call("POST", "/api/stacks/acme/web/qa/rename", "{\"newName\":\"qa2\",\"newProject\":\"web\"}",
                        200),
                new Call("POST", "/api/stacks/acme/web/qa2/import",
                        "{\"version\":3,\"deployment\":{\"resources\":[]}}", 200),
                new Call("DELETE", "/api/stacks/acme/web/qa2", null, 204),
                new Call("GET", "/api/user/stacks?organization=acme", null, 200),
                new Call("GET", accounts, null, 200),
                new Call("POST", accounts, "{}", 0),
                new Call("GET", accounts + "/gcp-lab", null, 200),
                new Call("GET", accounts + "/gcp-lab/policy/packs", null, 200),
                new Call("POST", accounts + "/new-account", "{\"provider\":\"aws\",\"environment\":\"ops/aws\"}",
                        204),
                new Call("DELETE", accounts + "/new-account", null, 204),
                new Call("GET", packs, null, 200),
                new Call("POST", packs, "{\"name\":\"fresh\",\"versionTag\":\"1.0.0\",\"policies\":[{\"name\":\"p\","
                        + "\"enforcementLevel\":\"advisory\"}]}", 201),
                new Call("GET", packs + "/cis/versions/1.0.0", null, 200),
                new Call("GET", packs + "/cis/versions/1.0.0/schema", null, 200),
                new Call("POST", packs + "/cost-checks/versions/0.1.0/complete", null, 0),
                new Call("DELETE", packs + "/aws-guard/versions/1.0.0", null, 200),
                new Call("DELETE", packs + "/cis", null, 200));
    }

    @Test
    @DisplayName("every route family is 401 without a header, with an unknown token, or with the token as Bearer")
    void unauthenticated() {
        for (Call call : everyRouteFamily()) {
            for (String authorization : new String[] {"", "token wrong-0123456789abcdef", "Bearer " + ACME_TOKEN,
                "token", ACME_TOKEN}) {
                assertError(401, UNAUTHORIZED, call.send(authorization));
            }
        }
    }

    @Test
    @DisplayName("every route family is 403 with another organization's token, before anything changes; the"
            + " organization's own token succeeds")
    void otherOrganization() {
        String before = snapshot();
        for (Call call : everyRouteFamily()) {
            assertError(403, FORBIDDEN, call.send("token " + BETA_TOKEN));
        }
        assertEquals(before, snapshot(), "a refused request changes nothing");
        for (Call call : everyRouteFamily()) {
            if (call.status() != 0) {
                Reply reply = call.send("TOKEN " + ACME_TOKEN);
                assertEquals(call.status(), reply.status(), () -> call + ": " + reply.text());
            }
        }
    }

    @Test
    @DisplayName("the route is found first, then the token is checked, then the organization is looked up")
    void order() {
        assertError(404, "Not Found: route not found", sendWithHeaders("GET", "/api/orgs/acme/policygroupz", null));
        assertError(403, FORBIDDEN, sendWithHeaders("GET", "/api/orgs/nope/policygroups", null,
                "Authorization", "token " + BETA_TOKEN));
        assertError(404, "Not Found: Organization 'nope' not found", get("/api/orgs/nope/policygroups"));
        assertError(403, FORBIDDEN, sendWithHeaders("POST", PG, "not json", "Authorization", "token " + BETA_TOKEN));
    }

    @Test
    @DisplayName("listing the user's stacks without an organization shows only the token's organizations")
    void userStacksFiltered() {
        assertEquals(List.of("acme/api/dev", "acme/api/prod", "acme/web/dev", "acme/web/prod"),
                stacks("token " + ACME_TOKEN, "/api/user/stacks"));
        assertEquals(List.of("beta/site/prod"), stacks("token " + BETA_TOKEN, "/api/user/stacks"));
        assertEquals(5, stacks("token " + TOKEN, "/api/user/stacks").size());
        assertEquals(List.of("beta/site/prod"), stacks("token " + BETA_TOKEN, "/api/user/stacks?organization=beta"));
        assertError(403, FORBIDDEN, sendWithHeaders("GET", "/api/user/stacks?organization=beta", null,
                "Authorization", "token " + ACME_TOKEN));
    }

    @Test
    @DisplayName("the Pulumi admin routes need the admin scope, sent as token or Bearer")
    void adminScope() {
        String create = "{\"name\":\"gamma\"}";
        assertError(401, UNAUTHORIZED, sendWithHeaders("POST", "/admin/v1/pulumi/orgs", create));
        for (String token : new String[] {ACME_TOKEN, BETA_TOKEN}) {
            assertError(403, FORBIDDEN, sendWithHeaders("POST", "/admin/v1/pulumi/orgs", create,
                    "Authorization", "token " + token));
            assertError(403, FORBIDDEN, sendWithHeaders("PUT", "/admin/v1/pulumi/orgs/acme/resource-counts",
                    "{}", "Authorization", "Bearer " + token));
        }
        assertEquals(200, sendWithHeaders("POST", "/admin/v1/pulumi/orgs", create, "Authorization",
                "Bearer " + TOKEN).status());
        assertEquals(204, sendWithHeaders("DELETE", "/admin/v1/pulumi/orgs/gamma", null, "Authorization",
                "token " + TOKEN).status());
    }

    private static List<String> stacks(String authorization, String path) {
        Reply reply = sendWithHeaders("GET", path, null, "Authorization", authorization);
        assertEquals(200, reply.status(), reply::text);
        List<String> names = new ArrayList<>();
        reply.json().path("stacks").forEach(s -> names.add(s.path("orgName").asText() + "/"
                + s.path("projectName").asText() + "/" + s.path("stackName").asText()));
        names.sort(null);
        return names;
    }
}
