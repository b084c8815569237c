package dev.policyhub.http.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The limits of the Pulumi surface, each just inside and just outside, answered in Pulumi's error shape. */
@DisplayName("Limits of the Pulumi surface")
class PulumiLimitsTest extends PulumiServerTestBase {
    private static final String ACCOUNTS = "/api/preview/insights/acme/accounts";

    @Test
    @DisplayName("maxResults of ListUserStacks is 1 to 1000: 1000 answers, 0 and 1001 are 400")
    void maxResultsRange() {
        assertEquals(200, get("/api/user/stacks?maxResults=1000").status());
        assertEquals(200, get("/api/user/stacks?maxResults=1").status());
        assertError(400, "Bad Request: invalid query parameter", get("/api/user/stacks?maxResults=1001"));
        assertError(400, "Bad Request: invalid query parameter", get("/api/user/stacks?maxResults=0"));
        assertError(400, "Bad Request: invalid query parameter", get("/api/user/stacks?maxResults=5000"));
    }

    @Test
    @DisplayName("count of ListAccounts is 1 to 1000: 1000 answers, 0 and 1001 are 400")
    void countRange() {
        assertEquals(200, get(ACCOUNTS + "?count=1000").status());
        assertEquals(200, get(ACCOUNTS + "?count=1").status());
        assertError(400, "Bad Request: count must be in the range [1, 1000]", get(ACCOUNTS + "?count=1001"));
        assertError(400, "Bad Request: count must be in the range [1, 1000]", get(ACCOUNTS + "?count=0"));
        assertError(400, "Bad Request: count must be in the range [1, 1000]", get(ACCOUNTS + "?count=5000"));
    }

    @Test
    @DisplayName("a path parameter of 256 characters is looked up; 257 or a control character is 404 naming it")
    void pathParameters() {
        assertError(404, "Not Found: Organization '" + "a".repeat(256) + "' not found",
                get("/api/orgs/" + "a".repeat(256) + "/policygroups"));
        assertError(404, "Not Found: path parameter 'org' is not a valid name", get("/api/orgs/" + "a".repeat(257)
                + "/policygroups"));
        assertError(404, "Not Found: path parameter 'org' is not a valid name", get("/api/orgs/ac%0Ame/policygroups"));
        assertError(404, "Not Found: path parameter 'group' is not a valid name", get(PG + "/pr%7Fod"));
        assertError(404, "Not Found: path parameter 'account' is not a valid name", get(ACCOUNTS + "/aws%01main"));
    }

    @Test
    @DisplayName("a query value of 1024 characters is read; 1025 or a control character is 400")
    void queryValues() {
        assertError(400, "Bad Request: invalid continuation token",
                get("/api/user/stacks?continuationToken=" + "z".repeat(1024)));
        assertError(400, "Bad Request: invalid query parameter",
                get("/api/user/stacks?continuationToken=" + "z".repeat(1025)));
        assertError(400, "Bad Request: invalid query parameter", get("/api/user/stacks?organization=ac%0Ame"));
    }
}
