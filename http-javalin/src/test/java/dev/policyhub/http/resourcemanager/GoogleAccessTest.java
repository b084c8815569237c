package dev.policyhub.http.resourcemanager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policyhub.core.access.AccessTokens;
import dev.policyhub.core.hierarchy.Folder;
import dev.policyhub.core.hierarchy.NewTagKey;
import dev.policyhub.core.hierarchy.NewTagValue;
import dev.policyhub.core.hierarchy.Project;
import dev.policyhub.core.hierarchy.TagKey;
import dev.policyhub.core.hierarchy.TagValue;
import dev.policyhub.http.ServerOptions;
import dev.policyhub.http.support.RawHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Google routes with tokens configured: {@value #ONE} reaches organization 1, {@value #TWO} organization 2,
 * {@value #ROOT} everything, {@value #PULUMI} only Pulumi organizations and {@value #ADMIN} the control endpoints.
 * Organization 1 holds folders f1 (with project {@code proj-one}), spare and empty, tag key {@code 1/env} with values
 * {@code dev} and {@code spare}, and the value-less key {@code 1/bare}; organization 2 holds project
 * {@code proj-two} and the key {@code 2/zone} with value {@code z1}.
 */
@DisplayName("Google routes with tokens: 401 without a known Bearer token, 403 outside the token's organizations")
class GoogleAccessTest extends ServerTestBase {
    static final String ONE = "one-0123456789abcdef";
    static final String TWO = "two-0123456789abcdef";
    static final String ROOT = "root-0123456789abcdef";
    static final String PULUMI = "pulumi-0123456789abcdef";
    static final String ADMIN = "admin-0123456789abcdef";
    private static final String FULL = "//cloudresourcemanager.googleapis.com/";
    private static final String CHALLENGE = "Bearer realm=\"policyhub\"";

    private Folder f1;
    private Folder spare;
    private Folder empty;
    private Project one;
    private TagKey env;
    private TagValue dev;
    private TagValue spareValue;
    private TagKey bare;
    private TagValue z1;

    /** One request of a route family: what it sends and the name a token of another organization is refused on. */
    private record Call(String method, String path, String body, String refused) {
        RawHttp.Reply send(RawHttp http, String token) {
            return http.send(method, path, body, "Authorization", "Bearer " + token);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Override
    protected ServerOptions options() {
        return ServerOptions.ephemeral().withTokens(AccessTokens.parse("test", String.join("\n",
                ONE + " google:organizations/1", TWO + " google:organizations/2", ROOT + " *",
                PULUMI + " pulumi:*", ADMIN + " admin")));
    }

    @BeforeEach
    void twoOrganizations() {
        hub.hierarchy().createOrganization(1L, "one.example", null);
        hub.hierarchy().createOrganization(2L, "two.example", null);
        f1 = folder("organizations/1", "f1");
        spare = folder("organizations/1", "spare");
        empty = folder("organizations/1", "empty");
        one = project("proj-one", f1.name());
        project("proj-two", "organizations/2");
        env = hub.hierarchy().createTagKey(NewTagKey.of("organizations/1", "env"), false);
        dev = hub.hierarchy().createTagValue(NewTagValue.of(env.name(), "dev"), false);
        spareValue = hub.hierarchy().createTagValue(NewTagValue.of(env.name(), "spare"), false);
        bare = hub.hierarchy().createTagKey(NewTagKey.of("organizations/1", "bare"), false);
        TagKey zone = hub.hierarchy().createTagKey(NewTagKey.of("organizations/2", "zone"), false);
        z1 = hub.hierarchy().createTagValue(NewTagValue.of(zone.name(), "z1"), false);
    }

    /** One call of every Google route family, in an order in which each succeeds for organization 1's token. */
    private List<Call> everyRouteFamily() {
        String project = one.name();
        String binding = "/v3/tagBindings/" + (FULL + project).replace("/", "%252F") + "/tagValues/" + dev.id();
        String policy = project + "/policies/compute.requireOsLogin";
        String custom = "organizations/1/customConstraints/custom.shortLived";
        String customBody = """
                {"name": "%s", "resourceTypes": ["compute.googleapis.com/Instance"], "methodTypes": ["CREATE"],
                 "condition": "true", "actionType": "ALLOW"}""".formatted(custom);
        return List.of(
                new Call("GET", "/v3/organizations/1", null, "organizations/1"),
                new Call("GET", "/v3/" + f1.name(), null, f1.name()),
                new Call("GET", "/v3/folders?parent=organizations/1", null, "organizations/1"),
                new Call("POST", "/v3/folders", "{\"parent\":\"organizations/1\",\"displayName\":\"made\"}",
                        "organizations/1"),
                new Call("PATCH", "/v3/" + f1.name(), "{\"displayName\":\"renamed\"}", f1.name()),
                new Call("POST", "/v3/" + f1.name() + ":move", "{\"destinationParent\":\"" + spare.name() + "\"}",
                        f1.name()),
                new Call("DELETE", "/v3/" + empty.name(), null, empty.name()),
                new Call("GET", "/v3/projects/proj-one", null, "projects/proj-one"),
                new Call("GET", "/v3/projects?parent=" + f1.name(), null, f1.name()),
                new Call("POST", "/v3/projects", "{\"projectId\":\"made-project\",\"parent\":\"organizations/1\"}",
                        "organizations/1"),
                new Call("PATCH", "/v3/projects/proj-one", "{\"displayName\":\"Renamed one\"}", "projects/proj-one"),
                new Call("POST", "/v3/projects/proj-one:move", "{\"destinationParent\":\"organizations/1\"}",
                        "projects/proj-one"),
                new Call("DELETE", "/v3/projects/made-project", null, "projects/made-project"),
                new Call("GET", "/v3/" + env.name(), null, env.name()),
                new Call("GET", "/v3/tagKeys?parent=organizations/1", null, "organizations/1"),
                new Call("GET", "/v3/tagKeys/namespaced?name=1/env", null, "1/env"),
                new Call("POST", "/v3/tagKeys", "{\"parent\":\"organizations/1\",\"shortName\":\"tier\"}",
                        "organizations/1"),
                new Call("PATCH", "/v3/" + env.name(), "{\"description\":\"d\"}", env.name()),
                new Call("DELETE", "/v3/" + bare.name(), null, bare.name()),
                new Call("GET", "/v3/" + dev.name(), null, dev.name()),
                new Call("GET", "/v3/tagValues?parent=" + env.name(), null, env.name()),
                new Call("GET", "/v3/tagValues/namespaced?name=1/env/dev", null, "1/env/dev"),
                new Call("POST", "/v3/tagValues", "{\"parent\":\"" + env.name() + "\",\"shortName\":\"prod\"}",
                        env.name()),
                new Call("PATCH", "/v3/" + dev.name(), "{\"description\":\"d\"}", dev.name()),
                new Call("DELETE", "/v3/" + spareValue.name(), null, spareValue.name()),
                new Call("POST", "/v3/tagBindings", "{\"parent\":\"" + FULL + project + "\",\"tagValue\":\""
                        + dev.name() + "\"}", FULL + project),
                new Call("GET", "/v3/tagBindings?parent=" + FULL + project, null, FULL + project),
                new Call("GET", "/v3/effectiveTags?parent=" + FULL + project, null, FULL + project),
                new Call("DELETE", binding, null, FULL + project),
                new Call("GET", "/v2/organizations/1/constraints", null, "organizations/1"),
                new Call("POST", "/v2/" + project + "/policies", "{\"name\":\"" + policy
                        + "\",\"spec\":{\"rules\":[{\"enforce\":true}]}}", project),
                new Call("GET", "/v2/" + project + "/policies", null, project),
                new Call("GET", "/v2/" + policy, null, policy),
                new Call("GET", "/v2/" + policy + ":getEffectivePolicy", null, policy),
                new Call("PATCH", "/v2/" + policy, "{\"spec\":{\"rules\":[{\"enforce\":false}]}}", policy),
                new Call("GET", "/v2/" + policy + ":decide", null, project),
                new Call("DELETE", "/v2/" + policy, null, policy),
                new Call("POST", "/v2/organizations/1/customConstraints", customBody, "organizations/1"),
                new Call("GET", "/v2/organizations/1/customConstraints", null, "organizations/1"),
                new Call("GET", "/v2/" + custom, null, custom),
                new Call("PATCH", "/v2/" + custom, customBody, custom),
                new Call("DELETE", "/v2/" + custom, null, custom));
    }

    @Test
    @DisplayName("every route family is 401 with the Bearer challenge without a header, with an unknown token,"
            + " with the token under another scheme or without one")
    void unauthenticated() {
        for (Call call : everyRouteFamily()) {
            List<RawHttp.Reply> replies = List.of(
                    http.send(call.method(), call.path(), call.body()),
                    call.send(http, "wrong-0123456789abcdef"),
                    http.send(call.method(), call.path(), call.body(), "Authorization", "token " + ONE),
                    http.send(call.method(), call.path(), call.body(), "Authorization", "Bearer"),
                    http.send(call.method(), call.path(), call.body(), "Authorization", ONE));
            for (RawHttp.Reply reply : replies) {
                assertJson("""
                        {"error": {"code": 401, "message": "Request had invalid authentication credentials.",
                                   "status": "UNAUTHENTICATED"}}""", reply.json());
                assertEquals(CHALLENGE, reply.challenge(), call::toString);
            }
        }
    }

    @Test
    @DisplayName("every route family refuses another organization's token with 403 naming the resource and changes"
            + " nothing; the organization's own token, its Bearer scheme in any case, succeeds")
    void otherOrganization() {
        for (Call call : everyRouteFamily()) {
            for (String token : new String[] {TWO, PULUMI, ADMIN}) {
                assertError(403, "PERMISSION_DENIED", "Permission denied on resource '" + call.refused()
                        + "' (or it may not exist).", call.send(http, token));
            }
            RawHttp.Reply reply = http.send(call.method(), call.path(), call.body(), "Authorization",
                    "bEaReR  " + ONE);
            assertEquals(200, reply.status(), () -> call + ": " + reply.text());
        }
        assertEquals(200, http.send("GET", "/v3/projects/proj-two", null, "Authorization", "Bearer " + ROOT)
                .status());
    }

    @Test
    @DisplayName("a name in the body is checked too: a move, a create, a binding or tags reaching into another"
            + " organization are 403 naming it")
    void namesInBodies() {
        Call[] calls = {
            new Call("POST", "/v3/" + f1.name() + ":move", "{\"destination_parent\":\"organizations/2\"}",
                    "organizations/2"),
            new Call("POST", "/v3/projects/proj-one:move", "{\"destinationParent\":\"projects/proj-two\"}",
                    "projects/proj-two"),
            new Call("POST", "/v3/projects", "{\"projectId\":\"sneaky-project\",\"parent\":\"organizations/2\"}",
                    "organizations/2"),
            new Call("POST", "/v3/folders", "{\"parent\":\"organizations/1\",\"displayName\":\"x\","
                    + "\"tags\":{\"2/zone\":\"z1\"}}", "2/zone/z1"),
            new Call("POST", "/v3/tagBindings", "{\"parent\":\"" + FULL + one.name() + "\",\"tag_value\":\""
                    + z1.name() + "\"}", z1.name()),
            new Call("POST", "/v3/tagBindings", "{\"parent\":\"" + FULL + one.name()
                    + "\",\"tagValueNamespacedName\":\"2/zone/z1\"}", "2/zone/z1"),
            new Call("POST", "/v3/tagValues", "{\"parent\":\"2/zone\",\"shortName\":\"z2\"}", "2/zone"),
            new Call("GET", "/v3/folders/999999", null, "folders/999999"),
        };
        for (Call call : calls) {
            assertError(403, "PERMISSION_DENIED", "Permission denied on resource '" + call.refused()
                    + "' (or it may not exist).", call.send(http, ONE));
        }
        assertEquals(List.of("proj-one"), projectIds(ROOT, f1.name()), "nothing moved");
    }

    @Test
    @DisplayName("organizations:search answers only the organizations the token reaches")
    void searchFiltered() {
        assertEquals(List.of("organizations/1"), organizations(ONE));
        assertEquals(List.of("organizations/2"), organizations(TWO));
        assertEquals(List.of(), organizations(PULUMI));
        assertEquals(List.of("organizations/1", "organizations/2"), organizations(ROOT));
    }

    @Test
    @DisplayName("an operation is readable only with a token that reaches the resource it changed")
    void operationsProtected() {
        RawHttp.Reply created = new Call("POST", "/v3/folders",
                "{\"parent\":\"organizations/1\",\"displayName\":\"made\"}", "").send(http, ONE);
        String operation = created.json().path("name").asText();
        RawHttp.Reply key = new Call("POST", "/v3/tagKeys", "{\"parent\":\"projects/proj-one\",\"shortName\":\"k\"}",
                "").send(http, ONE);
        String keyOperation = key.json().path("name").asText();
        for (String name : List.of(operation, keyOperation)) {
            Call get = new Call("GET", "/v3/" + name, null, name);
            assertEquals(200, get.send(http, ONE).status(), name);
            assertEquals(200, get.send(http, ROOT).status(), name);
            assertError(403, "PERMISSION_DENIED", "Permission denied on resource '" + name
                    + "' (or it may not exist).", get.send(http, TWO));
        }
        Call unknown = new Call("GET", "/v3/operations/cf.1", null, "operations/cf.1");
        assertError(403, "PERMISSION_DENIED", null, unknown.send(http, ONE));
        assertError(404, "NOT_FOUND", null, unknown.send(http, ROOT));
    }

    @Test
    @DisplayName("the control endpoints need a token with the admin scope, in either scheme")
    void adminNeedsAdminScope() {
        assertError(401, "UNAUTHENTICATED", null, http.get("/admin/v1/health"));
        assertEquals(CHALLENGE, http.get("/admin/v1/health").challenge());
        for (String token : new String[] {ONE, PULUMI}) {
            assertError(403, "PERMISSION_DENIED", "The caller does not have permission",
                    http.send("GET", "/admin/v1/health", null, "Authorization", "Bearer " + token));
            assertError(403, "PERMISSION_DENIED", null, http.send("POST", "/admin/v1/organizations",
                    "{\"organizationId\":\"3\"}", "Authorization", "token " + token));
        }
        assertEquals(200, http.send("GET", "/admin/v1/health", null, "Authorization", "Bearer " + ADMIN).status());
        assertEquals(200, http.send("POST", "/admin/v1/organizations", "{\"organizationId\":\"3\"}",
                "Authorization", "token " + ROOT).status());
        assertEquals(List.of("organizations/1", "organizations/2", "organizations/3"), organizations(ROOT));
    }

    private List<String> organizations(String token) {
        RawHttp.Reply reply = http.send("GET", "/v3/organizations:search", null, "Authorization", "Bearer " + token);
        assertEquals(200, reply.status(), reply.text());
        List<String> names = new ArrayList<>();
        reply.json().path("organizations").forEach(o -> names.add(o.path("name").asText()));
        return names;
    }

    private List<String> projectIds(String token, String parent) {
        RawHttp.Reply reply = http.send("GET", "/v3/projects?parent=" + parent, null, "Authorization",
                "Bearer " + token);
        return StreamSupport.stream(reply.json().path("projects").spliterator(), false)
                .map(p -> p.path("projectId").asText()).toList();
    }
}
