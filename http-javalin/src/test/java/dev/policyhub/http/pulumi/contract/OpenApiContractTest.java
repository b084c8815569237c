package dev.policyhub.http.pulumi.contract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Pulumi wire contract checker, on hand-written exchanges")
class OpenApiContractTest {
    private static final String JSON = "application/json";
    private static final String PG = "/api/orgs/acme/policygroups";
    private static final String PROD_GROUP = "{\"name\":\"prod\",\"isOrgDefault\":false,\"entityType\":\"stacks\","
            + "\"mode\":\"preventative\",\"stacks\":[{\"name\":\"prod\",\"routingProject\":\"web\"}],"
            + "\"appliedPolicyPacks\":[{\"name\":\"aws-guard\",\"displayName\":\"AWS guard\",\"version\":3,"
            + "\"versionTag\":\"2.0.0\",\"config\":{\"all\":{\"enforcementLevel\":\"mandatory\"}}}],"
            + "\"accounts\":[\"aws-main\",\"aws-main/us-east-1\"]}";
    private static final String GROUP_LIST = "{\"policyGroups\":["
            + "{\"name\":\"default-accounts-policy-group\",\"isOrgDefault\":true,\"numStacks\":0,\"numAccounts\":3,"
            + "\"entityType\":\"accounts\",\"mode\":\"audit\",\"numEnabledPolicyPacks\":0},"
            + "{\"name\":\"default-policy-group\",\"isOrgDefault\":true,\"numStacks\":4,\"numAccounts\":0,"
            + "\"entityType\":\"stacks\",\"mode\":\"preventative\",\"numEnabledPolicyPacks\":0},"
            + "{\"name\":\"prod\",\"isOrgDefault\":false,\"numStacks\":1,\"numAccounts\":2,\"entityType\":\"stacks\","
            + "\"mode\":\"preventative\",\"numEnabledPolicyPacks\":1}]}";
    private static final String REQUIRED_PACK = "{\"name\":\"aws-guard\",\"version\":3,\"versionTag\":\"2.0.0\","
            + "\"displayName\":\"AWS guard\","
            + "\"packLocation\":\"http://127.0.0.1:8080/blobs/policypacks/acme/aws-guard/3.tgz\","
            + "\"config\":{\"all\":{\"enforcementLevel\":\"mandatory\"}}}";
    private static final String METADATA = "{\"ProtectedStacks\":3,\"ProtectedStackResources\":47,"
            + "\"PreventativeStacks\":2,\"PreventativeStackResources\":42,\"AuditStacks\":2,\"AuditStackResources\":17,"
            + "\"TotalStacks\":4,\"TotalStackResources\":50,\"ProtectedAccounts\":2,\"ProtectedAccountResources\":140,"
            + "\"TotalAccounts\":3,\"TotalAccountResources\":147}";

    private final OpenApiContract contract = OpenApiContract.pulumi();

    private void assertKept(String method, String path, int status, String body) {
        assertDoesNotThrow(() -> contract.check(method, path, status, body.isEmpty() ? null : JSON, utf8(body)));
    }

    private void assertBroken(String method, String path, int status, String body, String expectedProblem) {
        assertThrows(AssertionError.class, () -> contract.check(method, path, status, JSON, utf8(body)));
        List<String> problems = contract.problems(method, path, status, JSON, utf8(body));
        assertTrue(problems.stream().anyMatch(problem -> problem.contains(expectedProblem)), problems.toString());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    @DisplayName("exchanges that keep the contract")
    class Kept {
        @Test
        @DisplayName("GET a policy group: the wire example")
        void getGroup() {
            assertKept("GET", PG + "/prod", 200, PROD_GROUP);
        }

        @Test
        @DisplayName("GET the policy group list: the wire example")
        void listGroups() {
            assertKept("GET", PG, 200, GROUP_LIST);
        }

        @Test
        @DisplayName("GET a stack's required packs, one pack and none")
        void stackPacks() {
            assertKept("GET", "/api/stacks/acme/web/prod/policypacks", 200, "{\"requiredPolicies\":[" + REQUIRED_PACK + "]}");
            assertKept("GET", "/api/stacks/acme/api/dev/policypacks", 200, "{\"requiredPolicies\":[]}");
        }

        @Test
        @DisplayName("GET an account's required packs, the child named with an encoded slash")
        void accountPacks() {
            assertKept("GET", "/api/preview/insights/acme/accounts/aws-main%2Fus-east-1/policy/packs", 200,
                    "{\"packs\":[" + REQUIRED_PACK + "]}");
        }

        @Test
        @DisplayName("publish step 1: 201 with version, uploadURI and requiredHeaders")
        void publish() {
            assertKept("POST", "/api/orgs/acme/policypacks", 201, "{\"version\":4,"
                    + "\"uploadURI\":\"http://127.0.0.1:8080/blobs/policypacks/acme/aws-guard/4.tgz?token=7f3c9a1e\","
                    + "\"requiredHeaders\":{\"Content-Type\":\"application/octet-stream\"}}");
        }

        @Test
        @DisplayName("GET the registry's pack list")
        void listPacks() {
            assertKept("GET", "/api/orgs/acme/policypacks", 200, "{\"policyPacks\":[{\"name\":\"aws-guard\","
                    + "\"displayName\":\"AWS guard\",\"versions\":[4,3,2,1],"
                    + "\"versionTags\":[\"2.1.0\",\"2.0.0\",\"1.1.0\",\"1.0.0\"]}]}");
        }

        @Test
        @DisplayName("the literal /metadata wins over {policyGroup}: PascalCase counts pass")
        void metadata() {
            assertKept("GET", PG + "/metadata", 200, METADATA);
        }

        @Test
        @DisplayName("204 with no body, and the empty 200 of a pack delete")
        void emptyBodies() {
            assertKept("POST", PG, 204, "");
            assertKept("PATCH", PG + "/prod/batch", 204, "");
            assertKept("DELETE", "/api/orgs/acme/policypacks/aws-guard", 200, "");
        }

        @Test
        @DisplayName("open maps take any keys: a policy's own config properties and a config schema")
        void openMaps() {
            assertKept("GET", PG + "/prod", 200, PROD_GROUP.replace("{\"all\":{\"enforcementLevel\":\"mandatory\"}}",
                    "{\"iam-mfa\":{\"enforcementLevel\":\"mandatory\",\"maxAge\":90}}"));
            assertKept("GET", "/api/orgs/acme/policypacks/aws-guard/versions/2.0.0/schema", 200,
                    "{\"configSchema\":{\"iam-mfa\":{\"type\":\"object\",\"properties\":{\"maxAge\":{\"type\":\"integer\"}},"
                            + "\"required\":[\"maxAge\"],\"additionalProperties\":false}}}");
        }

        @Test
        @DisplayName("error bodies: the wire examples, including 401 and 404 that the document does not list")
        void errors() {
            assertKept("DELETE", PG + "/default-policy-group", 400,
                    "{\"code\":400,\"message\":\"Bad Request: Cannot delete the default Policy Group\"}");
            assertKept("POST", PG, 409, "{\"code\":409,\"message\":\"Conflict: Policy Group 'production' already exists\"}");
            assertKept("GET", PG, 401,
                    "{\"code\":401,\"message\":\"Unauthorized: No credentials provided or are invalid.\"}");
            assertKept("GET", "/api/stacks/acme/web/nope/policygroups", 404,
                    "{\"code\":404,\"message\":\"Not Found: Stack 'web/nope' not found\"}");
        }

        @Test
        @DisplayName("unknown routes, and Pulumi's registry listing PolicyHub does not serve, answer route not found")
        void routeNotFound() {
            String notFound = "{\"code\":404,\"message\":\"Not Found: route not found\"}";
            assertKept("GET", "/api/user", 404, notFound);
            assertKept("GET", "/api/registry/policypacks", 404, notFound);
            assertKept("PUT", PG + "/prod", 404, notFound);
        }

        @Test
        @DisplayName("PolicyHub's own routes: stacks, accounts, pack archives and administration")
        void inventory() {
            assertKept("POST", "/api/stacks/acme/web", 200, "{}");
            assertKept("POST", "/api/stacks/acme/web/qa/import", 200,
                    "{\"updateId\":\"00000000-0000-0000-0000-000000000041\"}");
            assertKept("GET", "/api/preview/insights/acme/accounts", 200, "{\"accounts\":[{\"id\":\"a1\","
                    + "\"name\":\"aws-audit/eu-west-1\",\"ownedBy\":{\"name\":\"policyhub\",\"githubLogin\":\"policyhub\","
                    + "\"avatarUrl\":\"\"},\"provider\":\"aws\",\"providerEnvRef\":\"ops/aws\",\"scheduledScanEnabled\":false}]}");
            assertKept("PUT", "/blobs/policypacks/acme/aws-guard/4.tgz", 200, "");
            assertDoesNotThrow(() -> contract.check("GET", "/blobs/policypacks/acme/aws-guard/4.tgz", 200,
                    "application/gzip", new byte[] {0x1f, (byte) 0x8b, 8, 0}));
            assertKept("POST", "/admin/v1/pulumi/orgs", 200, "{\"name\":\"acme\"}");
        }

        @Test
        @DisplayName("every response schema of both documents loads")
        void schemasLoad() {
            assertEquals(17, contract.schemaLocations().size(), contract.schemaLocations().toString());
            contract.schemaLocations().forEach(location -> assertDoesNotThrow(() -> contract.schema(location), location));
        }
    }

    @Nested
    @DisplayName("exchanges that break the contract")
    class Broken {
        @Test
        @DisplayName("a summary without the required numStacks")
        void missingRequired() {
            assertBroken("GET", PG, 200, GROUP_LIST.replace("\"numStacks\":0,", ""), "numStacks");
        }

        @Test
        @DisplayName("null where the schema requires an array")
        void nullArray() {
            assertBroken("GET", PG + "/prod", 200,
                    PROD_GROUP.replace("\"stacks\":[{\"name\":\"prod\",\"routingProject\":\"web\"}]", "\"stacks\":null"),
                    "stacks");
        }

        @Test
        @DisplayName("a mode outside the enum: strict")
        void wrongEnum() {
            assertBroken("GET", PG + "/prod", 200, PROD_GROUP.replace("preventative", "strict"), "mode");
        }

        @Test
        @DisplayName("camelCase metadata keys instead of PascalCase")
        void camelCaseMetadata() {
            String camel = METADATA.replace("\"Protected", "\"protected").replace("\"Preventative", "\"preventative")
                    .replace("\"Audit", "\"audit").replace("\"Total", "\"total");
            assertBroken("GET", PG + "/metadata", 200, camel, "ProtectedStacks");
        }

        @Test
        @DisplayName("an extra, misspelt field next to the right ones")
        void misspeltField() {
            assertBroken("GET", PG, 200, GROUP_LIST.replace("\"numEnabledPolicyPacks\":1",
                    "\"numEnabledPolicyPacks\":1,\"numEnabledPolicypacks\":1"), "numEnabledPolicypacks");
        }

        @Test
        @DisplayName("a body on a 204")
        void bodyOn204() {
            assertBroken("POST", PG, 204, "{}", "no body");
        }

        @Test
        @DisplayName("a status the operation does not list: 201 for a new policy group")
        void unlistedStatus() {
            assertBroken("POST", PG, 201, "", "not 201");
        }

        @Test
        @DisplayName("an error body whose code differs from the status")
        void errorCodeMismatch() {
            assertBroken("DELETE", PG + "/default-policy-group", 400,
                    "{\"code\":404,\"message\":\"Bad Request: Cannot delete the default Policy Group\"}", "code");
        }

        @Test
        @DisplayName("an error message without Go's reason phrase, or with extra fields")
        void errorShape() {
            assertBroken("POST", PG, 400, "{\"code\":400,\"message\":\"Invalid entity type\"}", "Bad Request: ");
            assertBroken("POST", PG, 400,
                    "{\"code\":400,\"message\":\"Bad Request: Invalid entity type\",\"errors\":[]}", "exactly");
        }

        @Test
        @DisplayName("the config shorthand sent back unnormalised")
        void configShorthand() {
            assertBroken("GET", PG + "/prod", 200,
                    PROD_GROUP.replace("{\"all\":{\"enforcementLevel\":\"mandatory\"}}", "{\"all\":\"mandatory\"}"), "all");
        }

        @Test
        @DisplayName("fields out of the document's x-order, and pretty-printed JSON")
        void orderAndLayout() {
            assertBroken("GET", PG, 200, GROUP_LIST.replace("\"isOrgDefault\":false,\"numStacks\":1",
                    "\"numStacks\":1,\"isOrgDefault\":false"), "x-order");
            assertBroken("GET", PG + "/metadata", 200, METADATA.replace(",", ", "), "compact");
        }

        @Test
        @DisplayName("a success on an unknown route, or on Pulumi's registry listing")
        void unknownRoutes() {
            assertBroken("GET", "/api/user", 200, "{}", "no route matches");
            assertBroken("GET", "/api/registry/policypacks", 200, "{\"policyPacks\":[]}", "no route matches");
            assertBroken("GET", "/api/nope", 404, "{\"code\":404,\"message\":\"Not Found: nope\"}", "route not found");
        }

        @Test
        @DisplayName("references into Pulumi's document are followed: an account without ownedBy, a pack without version")
        void crossDocumentReferences() {
            assertBroken("GET", "/api/preview/insights/acme/accounts/aws-main", 200, "{\"id\":\"a1\",\"name\":\"aws-main\","
                    + "\"provider\":\"aws\",\"scheduledScanEnabled\":false}", "ownedBy");
            assertBroken("GET", "/api/preview/insights/acme/accounts/aws-main/policy/packs", 200,
                    "{\"packs\":[" + REQUIRED_PACK.replace("\"version\":3,", "") + "]}", "version");
        }

        @Test
        @DisplayName("a JSON body on the archive download, and a server error anywhere")
        void wrongMediaAndServerError() {
            assertBroken("GET", "/blobs/policypacks/acme/aws-guard/4.tgz", 200, "{}", "application/gzip");
            assertBroken("GET", PG, 500, "{\"code\":500,\"message\":\"Internal Server Error: boom\"}", "not 500");
        }
    }
}
