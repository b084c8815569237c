package dev.policyhub.testkit.orgpolicy;

import dev.policyhub.core.PageRequest;
import dev.policyhub.core.UpdateMask;
import dev.policyhub.core.error.ErrorCode;
import dev.policyhub.core.error.FieldViolation;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.hierarchy.NewFolder;
import dev.policyhub.core.hierarchy.NewProject;
import dev.policyhub.core.orgpolicy.ActionType;
import dev.policyhub.core.orgpolicy.CustomConstraint;
import dev.policyhub.core.orgpolicy.MethodType;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.testkit.HubKitBase;
import dev.policyhub.testkit.KitConstraints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Edge cases of names, check order, validation and page tokens: large ids, ids that name nothing, which error wins
 * when several apply, V9 collected with other violations, exact {@code is:} values, and forged page tokens.
 */
public abstract class NamesAndEdgeCasesKit extends HubKitBase {
    private static final String P = "projects/101";
    private static final String LIST = KitConstraints.LIST_ALLOW;
    private static final String LOC = "gcp.resourceLocations";

    /** For subclasses: a concrete suite per store. */
    protected NamesAndEdgeCasesKit() {
    }

    @BeforeEach
    void findingsHierarchy() {
        org(1);
        folder(11, ORG);
        project(101, ORG);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Asserts the call fails with a PolicyHubException of this code (any other throwable fails the test). */
    private static PolicyHubException assertCode(ErrorCode code, Executable call) {
        Throwable t = assertThrows(Throwable.class, call);
        assertTrue(t instanceof PolicyHubException, () -> "expected PolicyHubException " + code + " but got " + t);
        PolicyHubException e = (PolicyHubException) t;
        assertEquals(code, e.code(), e::getMessage);
        return e;
    }

    private static List<String> fields(PolicyHubException e) {
        return e.fieldViolations().stream().map(FieldViolation::field).toList();
    }

    /** A well-formed token (base64url of v1, method, parent, last key) whose last key is not a valid position. */
    private static String forgedToken(String method, String parent, String lastKey) {
        String raw = "v1\n" + method + "\n" + parent + "\n" + lastKey;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static CustomConstraint custom(String name, String condition) {
        return new CustomConstraint(name, List.of("container.googleapis.com/NodePool"),
                List.of(MethodType.CREATE), condition, ActionType.DENY, "", "", Optional.empty());
    }

    // ---- 1. names: ids are any positive int64 -------------------------------------------------------------------

    @Test
    @DisplayName("explicit ids are any positive int64: a 19-digit organization id names the organization")
    void nineteenDigitOrganizationId() {
        long id = 1_000_000_000_000_000_001L;
        hierarchy.createOrganization(id, "big.example.com", "");
        String name = "organizations/" + id;
        assertEquals(id, hierarchy.getOrganization(name).id());
        Policy stored = set(name, LIST, spec(allow("a")));
        assertEquals(name + "/policies/" + LIST, stored.name());
    }

    @Test
    @DisplayName("a 19-digit folder id names the folder")
    void nineteenDigitFolderId() {
        long id = 1_000_000_000_000_000_002L;
        hierarchy.createFolder(new NewFolder(id, ORG, "big", Map.of()));
        assertEquals(id, hierarchy.getFolder("folders/" + id).id());
    }

    @Test
    @DisplayName("a 19-digit project number names the project (it is not taken for a project id)")
    void nineteenDigitProjectNumber() {
        long number = 9_000_000_000_000_000_001L;
        hierarchy.createProject(NewProject.of("proj-big-number", ORG).withNumber(number));
        String name = "projects/" + number;
        assertEquals(number, hierarchy.getProject("projects/proj-big-number").number());
        assertEquals(number, hierarchy.getProject(name).number());
        Policy stored = set(name, LIST, spec(allow("a")));
        assertEquals(name + "/policies/" + LIST, stored.name());
    }

    @Test
    @DisplayName("a decimal organization, folder or project id that names nothing is NOT_FOUND, not a syntax error")
    void decimalIdThatNamesNothingIsNotFound() {
        assertCode(ErrorCode.NOT_FOUND, () -> policies.getPolicy("organizations/0/policies/" + LIST));
        assertCode(ErrorCode.NOT_FOUND, () -> policies.getPolicy("folders/0/policies/" + LIST));
        assertCode(ErrorCode.NOT_FOUND, () -> policies.getPolicy("projects/0/policies/" + LIST));
    }

    // ---- 2./3. check order ----------------------------------------------------------------------------------------

    @Test
    @DisplayName("V20 check order: a missing resource or constraint (404) wins over an unknown mask path (400)")
    void updateMaskCheckedAfterResourceAndConstraint() {
        assertCode(ErrorCode.NOT_FOUND, () -> policies.updatePolicy(
                Policy.of("projects/999/policies/" + LIST, spec(allow("a"))), UpdateMask.of("spec.rules")));
        assertCode(ErrorCode.NOT_FOUND, () -> policies.updatePolicy(
                Policy.of(P + "/policies/testing.noSuchConstraint", spec(allow("a"))), UpdateMask.of("bogus")));
    }

    @Test
    @DisplayName("V19 check order: a missing organization (404) wins over bad content (400) on a custom constraint update")
    void customUpdateOrganizationBeforeContent() {
        assertCode(ErrorCode.NOT_FOUND, () -> policies.updateCustomConstraint(
                custom("organizations/999/customConstraints/custom.x", "")));
    }

    // ---- 4. V9 is collected like every other content violation ---------------------------------------------------

    @Test
    @DisplayName("V9: the value limit is reported next to other content violations, all collected")
    void v9CollectedWithOtherViolations() {
        String[] many = IntStream.range(0, 501).mapToObj(i -> "v" + i).toArray(String[]::new);
        PolicyHubException e = assertCode(ErrorCode.INVALID_ARGUMENT, () -> policies.createPolicy(P,
                Policy.of(P + "/policies/" + LIST, spec(allow(many), allow("")))));
        assertTrue(fields(e).contains("policy.spec.rules[1].values.allowed_values[0]"), () -> fields(e).toString());
        assertTrue(fields(e).contains("policy"), () -> "the V9 violation is missing: " + fields(e));
    }

    // ---- 5. V10 applies to unprefixed values only -------------------------------------------------------------------

    @Test
    @DisplayName("V10: only unprefixed values are rewritten; is:us-east1-locations is an exact value stored as written")
    void isPrefixedLocationsValueStoredAsWritten() {
        Policy stored = set(P, LOC, spec(allow("is:us-east1-locations", "is:us-east1")));
        assertEquals(List.of(allow("is:us-east1-locations", "is:us-east1")), stored.spec().orElseThrow().rules());
    }

    // ---- conditions: whitespace is free ---------------------------------------------------------------------------

    @Test
    @DisplayName("whitespace is free in conditions, also around the member access: resource . matchTag ( … )")
    void whitespaceAroundMemberAccess() {
        standardTags();
        bind(P, 603);
        String serial = "compute.disableSerialPortAccess";
        set(ORG, serial, spec(PolicyRule.enforce(false),
                PolicyRule.enforce(true).when("  resource . matchTag ( '1/team' ,\t'red' )  ")));

        assertEnforced(P, serial);
        assertNotEnforced("folders/11", serial);
    }

    // ---- 6. page tokens that do not decode to a position ------------------------------------------------------------

    @Test
    @DisplayName("a page token whose position is no id is INVALID_ARGUMENT on page_token (tag keys)")
    void forgedTagKeyToken() {
        standardTags();
        PolicyHubException e = assertCode(ErrorCode.INVALID_ARGUMENT, () -> hierarchy.listTagKeys(ORG,
                new PageRequest(1, forgedToken("listTagKeys", ORG, "not-a-number"))));
        assertEquals(List.of("page_token"), fields(e));
    }

    @Test
    @DisplayName("a page token whose position is no (name, id) pair is INVALID_ARGUMENT on page_token (folders)")
    void forgedFolderToken() {
        PolicyHubException e = assertCode(ErrorCode.INVALID_ARGUMENT, () -> hierarchy.listFolders(ORG,
                new PageRequest(1, forgedToken("listFolders", ORG, "no-separator")), false));
        assertEquals(List.of("page_token"), fields(e));
    }

    @Test
    @DisplayName("a page token whose position is no id is INVALID_ARGUMENT on page_token (organization search)")
    void forgedOrganizationSearchToken() {
        PolicyHubException e = assertCode(ErrorCode.INVALID_ARGUMENT, () -> hierarchy.searchOrganizations("",
                new PageRequest(1, forgedToken("searchOrganizations", "", "x"))));
        assertEquals(List.of("page_token"), fields(e));
    }
}
