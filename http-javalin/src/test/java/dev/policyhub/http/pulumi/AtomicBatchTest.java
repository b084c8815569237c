package dev.policyhub.http.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policyhub.http.support.RawHttp;
import dev.policyhub.http.support.RawHttp.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code PATCH …/policygroups/{group}/batch} is all or nothing: each element sees what the earlier ones did, the first
 * failing element's error is the answer, and then the group, the list and the metadata read back byte for byte as
 * before.
 */
@DisplayName("Batch updates: in order, all or nothing")
class AtomicBatchTest extends PulumiServerTestBase {
    private static final String WEB_DEV = "{\"addStack\":{\"name\":\"dev\",\"routingProject\":\"web\"}}";
    private static final String WEB_NOPE = "{\"addStack\":{\"name\":\"nope\",\"routingProject\":\"web\"}}";

    /** {@code prod} holds web/prod and aws-guard 1.0.0. */
    @BeforeEach
    void prodGroup() {
        createGroup("prod", "stacks", "");
        update("prod", "{\"addStack\":{\"name\":\"prod\",\"routingProject\":\"web\"},"
                + "\"addPolicyPack\":{\"name\":\"aws-guard\",\"versionTag\":\"1.0.0\"}}");
    }

    private static String rawGroup() {
        Reply reply = get(PG + "/prod");
        assertEquals(200, reply.status(), reply::text);
        return reply.text();
    }

    private static void assertRefusedBatch(int status, String message, String batch) {
        String group = rawGroup();
        String list = get(PG).text();
        String metadata = get(PG + "/metadata").text();
        String everything = snapshot();
        assertError(status, message, patch(PG + "/prod/batch", batch));
        assertEquals(group, rawGroup(), "the group reads back byte for byte");
        assertEquals(list, get(PG).text(), "the list reads back byte for byte");
        assertEquals(metadata, get(PG + "/metadata").text(), "the metadata reads back byte for byte");
        assertEquals(everything, snapshot());
    }

    @Test
    @DisplayName("a batch whose third operation names an unknown stack is 404 and changes nothing")
    void thirdOperationFails() {
        assertRefusedBatch(404, "Not Found: Stack 'web/nope' not found",
                "[" + WEB_DEV + ",{\"addPolicyPack\":{\"name\":\"cis\"}}," + WEB_NOPE + "]");
    }

    @Test
    @DisplayName("a failure after a rename, a removal and a replacement list leaves the old name and everything else")
    void failureAfterRenameAndRemovals() {
        assertRefusedBatch(400, "Bad Request: invalid enforcement level 'strict' for 'all'",
                "[{\"newName\":\"production\"},{\"removePolicyPack\":{\"name\":\"aws-guard\"}},"
                        + "{\"stacks\":[]},{\"agentPoolId\":\"p1\"},"
                        + "{\"addPolicyPack\":{\"name\":\"cis\",\"config\":{\"all\":\"strict\"}}}]");
        assertError(404, "Not Found: Policy Group 'production' not found", get(PG + "/production"));
        assertRefusedBatch(409, "Conflict: Policy Group 'default-policy-group' already exists",
                "[" + WEB_DEV + ",{\"newName\":\"default-policy-group\"}]");
        assertRefusedBatch(404, "Not Found: Insights account 'aws-x' not found",
                "[{\"addInsightsAccount\":{\"name\":\"aws-main\"}},{\"addInsightsAccount\":{\"name\":\"aws-x\"}}]");
    }

    @Test
    @DisplayName("S6: [add web/dev, add web/nope] is 404 Stack 'web/nope' not found and stacks stay [web/prod]")
    void s6AtomicBatch() {
        assertRefusedBatch(404, "Not Found: Stack 'web/nope' not found", "[" + WEB_DEV + "," + WEB_NOPE + "]");
        assertEquals(RawHttp.json("[{\"name\":\"prod\",\"routingProject\":\"web\"}]"), group("prod").get("stacks"));
    }

    @Test
    @DisplayName("S7: [remove aws-guard, add aws-guard 2.0.0] keeps the pack, at version 3 2.0.0")
    void s7BatchOrder() {
        assertNoContent(patch(PG + "/prod/batch", "[{\"removePolicyPack\":{\"name\":\"aws-guard\"}},"
                + "{\"addPolicyPack\":{\"name\":\"aws-guard\",\"versionTag\":\"2.0.0\"}}]"));
        assertEquals(RawHttp.json("[{\"name\":\"aws-guard\",\"displayName\":\"AWS guard\",\"version\":3,"
                + "\"versionTag\":\"2.0.0\"}]"), group("prod").get("appliedPolicyPacks"));
    }

    @Test
    @DisplayName("elements apply in request order: add then remove leaves nothing, remove then add keeps the member")
    void requestOrder() {
        assertNoContent(patch(PG + "/prod/batch", "[" + WEB_DEV
                + ",{\"removeStack\":{\"name\":\"dev\",\"routingProject\":\"web\"}},"
                + "{\"removeStack\":{\"name\":\"prod\",\"routingProject\":\"web\"}},"
                + "{\"addStack\":{\"name\":\"prod\",\"routingProject\":\"api\"}},"
                + "{\"addPolicyPack\":{\"name\":\"cis\"}},{\"removePolicyPack\":{\"name\":\"cis\",\"versionTag\":\"1.0.0\"}},"
                + "{\"newName\":\"production\"},{\"addPolicyPack\":{\"name\":\"cost-checks\"}}]"));
        assertError(404, "Not Found: Policy Group 'prod' not found", get(PG + "/prod"));
        assertOk("{\"name\":\"production\",\"isOrgDefault\":false,\"entityType\":\"stacks\",\"mode\":\"preventative\","
                + "\"stacks\":[{\"name\":\"prod\",\"routingProject\":\"api\"}],\"appliedPolicyPacks\":["
                + "{\"name\":\"aws-guard\",\"displayName\":\"AWS guard\",\"version\":1,\"versionTag\":\"1.0.0\"},"
                + "{\"name\":\"cost-checks\",\"displayName\":\"Cost checks\",\"version\":1,\"versionTag\":\"0.1.0\"}],"
                + "\"accounts\":[]}", get(PG + "/production"));
    }

    @Test
    @DisplayName("[] is 204 and changes nothing; so is a batch of empty objects")
    void emptyBatch() {
        String before = snapshot();
        assertNoContent(patch(PG + "/prod/batch", "[]"));
        assertNoContent(patch(PG + "/prod/batch", "[{},{}]"));
        assertNoContent(patch(PG + "/default-policy-group/batch", "[]"));
        assertEquals(before, snapshot());
    }
}
