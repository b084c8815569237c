package dev.policyhub.http.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policyhub.http.support.RawHttp.Reply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The exact requests Pulumi's CLI and its {@code pulumiservice} provider send for policy groups, replayed as raw HTTP
 * on fixture F in the order of a real session, each answer compared whole.
 */
@DisplayName("Pulumi CLI and provider requests, replayed")
class PulumiCliRequestsTest extends PulumiServerTestBase {
    private static final String AWS_GUARD_V3 = "{\"name\":\"aws-guard\",\"version\":3,\"versionTag\":\"2.0.0\","
            + "\"displayName\":\"AWS guard\",\"packLocation\":\"%s/blobs/policypacks/acme/aws-guard/3.tgz\","
            + "\"config\":{\"all\":{\"enforcementLevel\":\"mandatory\"}}}";

    @Test
    @DisplayName("a session: create, enable a pack, batch members, read, resolve, edit, refuse")
    void session() {
        Reply created = send("POST", PG, "{\"name\":\"prod\",\"entityType\":\"stacks\"}",
                "Accept", "application/vnd.pulumi+8", "Content-Type", "application/json");
        assertNoContent(created);
        assertNoContent(patch(PG + "/prod",
                "{\"addPolicyPack\":{\"name\":\"aws-guard\",\"versionTag\":\"2.0.0\",\"config\":{\"all\":\"mandatory\"}}}"));
        assertNoContent(patch(PG + "/prod/batch",
                "[{\"addStack\":{\"name\":\"prod\",\"routingProject\":\"web\"}},{\"addInsightsAccount\":{\"name\":\"aws-main\"}}]"));
        assertOk("{\"name\":\"prod\",\"isOrgDefault\":false,\"entityType\":\"stacks\",\"mode\":\"preventative\","
                + "\"stacks\":[{\"name\":\"prod\",\"routingProject\":\"web\"}],"
                + "\"appliedPolicyPacks\":[{\"name\":\"aws-guard\",\"displayName\":\"AWS guard\",\"version\":3,"
                + "\"versionTag\":\"2.0.0\",\"config\":{\"all\":{\"enforcementLevel\":\"mandatory\"}}}],"
                + "\"accounts\":[\"aws-main\",\"aws-main/us-east-1\"]}", get(PG + "/prod"));
        assertOk("{\"policyGroups\":["
                + "{\"name\":\"default-accounts-policy-group\",\"isOrgDefault\":true,\"numStacks\":0,\"numAccounts\":3,"
                + "\"entityType\":\"accounts\",\"mode\":\"audit\",\"numEnabledPolicyPacks\":0},"
                + "{\"name\":\"default-policy-group\",\"isOrgDefault\":true,\"numStacks\":4,\"numAccounts\":0,"
                + "\"entityType\":\"stacks\",\"mode\":\"preventative\",\"numEnabledPolicyPacks\":0},"
                + "{\"name\":\"prod\",\"isOrgDefault\":false,\"numStacks\":1,\"numAccounts\":2,\"entityType\":\"stacks\","
                + "\"mode\":\"preventative\",\"numEnabledPolicyPacks\":1}]}", get(PG));
        String awsGuard = String.format(AWS_GUARD_V3, server.url());
        assertOk("{\"requiredPolicies\":[" + awsGuard + "]}",
                get("/api/stacks/acme/web/prod/policypacks?mode=preventative"));
        assertOk("{\"requiredPolicies\":[]}", get("/api/stacks/acme/api/dev/policypacks"));
        assertOk("{\"packs\":[" + awsGuard + "]}",
                get("/api/preview/insights/acme/accounts/aws-main%2Fus-east-1/policy/packs"));
        // what `pulumi policy group edit` sends: a rename together with the three whole lists
        assertNoContent(patch(PG + "/prod", "{\"newName\":\"production\",\"stacks\":[{\"name\":\"prod\","
                + "\"routingProject\":\"web\"}],\"policyPacks\":[{\"name\":\"aws-guard\"}],\"insightsAccounts\":[]}"));
        assertError(404, "Not Found: Policy Group 'prod' not found", get(PG + "/prod"));
        assertOk("{\"name\":\"production\",\"isOrgDefault\":false,\"entityType\":\"stacks\",\"mode\":\"preventative\","
                + "\"stacks\":[{\"name\":\"prod\",\"routingProject\":\"web\"}],"
                + "\"appliedPolicyPacks\":[{\"name\":\"aws-guard\",\"displayName\":\"AWS guard\",\"version\":3,"
                + "\"versionTag\":\"2.0.0\"}],\"accounts\":[]}", get(PG + "/production"));
        assertError(400, "Bad Request: Cannot delete the default Policy Group", delete(PG + "/default-policy-group"));
        assertError(409, "Conflict: Policy Group 'production' already exists",
                post(PG, "{\"name\":\"production\",\"entityType\":\"accounts\"}"));
        assertError(401, "Unauthorized: No credentials provided or are invalid.", http.get(PG));
    }

    @Test
    @DisplayName("pulumi policy enable org/pack latest sends only the name: the newest version is applied and pinned")
    void enableLatest() {
        assertNoContent(patch(PG + "/default-policy-group", "{\"addPolicyPack\":{\"name\":\"aws-guard\"}}"));
        publish("aws-guard", "AWS guard", "2.1.0", "s3-no-public-read");
        assertEquals(3, group("default-policy-group").at("/appliedPolicyPacks/0/version").intValue(),
                "pinned at the version that was newest when applied");
    }

    @Test
    @DisplayName("pulumi policy disable without --version sends versionTag \"\": whatever version is applied is removed")
    void disableWithoutVersion() {
        update("default-policy-group", "{\"addPolicyPack\":{\"name\":\"cis\",\"versionTag\":\"1.0.0\"}}");
        update("default-policy-group", "{\"removePolicyPack\":{\"name\":\"cis\",\"versionTag\":\"\",\"version\":0}}");
        assertEquals(0, group("default-policy-group").get("appliedPolicyPacks").size());
    }

    @Test
    @DisplayName("the provider sends one operation per batch call, with the account reference as a full object")
    void providerBatch() {
        createGroup("test-policy-group", "accounts", "");
        assertNoContent(patch(PG + "/test-policy-group/batch",
                "[{\"addInsightsAccount\":{\"name\":\"gcp-lab\",\"provider\":\"gcp\",\"providerEnvRef\":\"ops/gcp\"}}]"));
        assertNoContent(patch(PG + "/test-policy-group/batch",
                "[{\"addStack\":{\"name\":\"dev\",\"routingProject\":\"api\"}}]"));
        assertOk("{\"name\":\"test-policy-group\",\"isOrgDefault\":false,\"entityType\":\"accounts\",\"mode\":\"audit\","
                + "\"stacks\":[{\"name\":\"dev\",\"routingProject\":\"api\"}],\"appliedPolicyPacks\":[],"
                + "\"accounts\":[\"gcp-lab\"]}", get(PG + "/test-policy-group"));
    }
}
