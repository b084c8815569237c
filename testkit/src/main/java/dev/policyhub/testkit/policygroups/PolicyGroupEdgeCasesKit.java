package dev.policyhub.testkit.policygroups;

import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.policygroups.PackRef;
import dev.policyhub.core.policygroups.PolicyGroupUpdate;
import dev.policyhub.core.policygroups.StackRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Edge cases of the policy-group service: a batch equals its elements sent one by one (also for renames), the check
 * order (organization, then target, then fields), and null values inside pack config. Every test starts from fixture
 * F with S2's groups, {@code prod} holding web/prod and aws-guard v3.
 */
public abstract class PolicyGroupEdgeCasesKit extends PolicyGroupsKitBase {
    private static final String NOPE = "nope";

    /** For the concrete suites of each store. */
    protected PolicyGroupEdgeCasesKit() {
    }

    @BeforeEach
    void s2Groups() {
        createS2Groups();
        update("prod", change().withAddStack(WEB_PROD).withAddPolicyPack(PackRef.latest(AWS_GUARD)));
    }

    // ---- a batch equals single PATCHes -----------------------------------------------------------------------------

    @Test
    @DisplayName("a batch element renaming to a taken name fails the batch even if a later element renames again")
    void batchRenameThroughTakenName() {
        assertRejected(409, "Policy Group 'acct-sec' already exists",
                () -> batch("prod", change().withNewName("acct-sec"), change().withNewName("prod2")));
    }

    @Test
    @DisplayName("the first failing element's error is the answer: 409 of element 1 before 404 of element 2")
    void batchRenameConflictReportedFirst() {
        assertRejected(409, "Policy Group 'acct-sec' already exists",
                () -> batch("prod", change().withNewName("acct-sec"),
                        change().withAddStack(new StackRef("web", "nope"))));
    }

    // ---- check order ----------------------------------------------------------------------------------------

    @Test
    @DisplayName("GetStackPolicyPacks: unknown stack (404) before bad mode (400)")
    void stackPacksUnknownStackBeforeMode() {
        assertError(404, "Stack 'web/nope' not found", () -> service.stackPolicyPacks(ACME, "web", "nope", "all"));
    }

    @Test
    @DisplayName("GetStackPolicyPacks: unknown organization (404) before bad mode (400)")
    void stackPacksUnknownOrgBeforeMode() {
        assertError(404, "Organization 'nope' not found", () -> service.stackPolicyPacks(NOPE, "web", "prod", "all"));
    }

    @Test
    @DisplayName("publish: unknown organization (404) before body validation (400)")
    void publishUnknownOrgBeforeValidation() {
        assertError(404, "Organization 'nope' not found",
                () -> service.publishPolicyPack(NOPE, newPack("bad name", "1.0.0")));
    }

    @Test
    @DisplayName("ListAccounts: unknown organization (404) before bad count (400)")
    void listAccountsUnknownOrgBeforeCount() {
        assertError(404, "Organization 'nope' not found", () -> service.listAccounts(NOPE, "", 0, ""));
    }

    @Test
    @DisplayName("ListPolicyPacks: unknown organization (404) before bad filter (400)")
    void listPacksUnknownOrgBeforeFilter() {
        assertError(404, "Organization 'nope' not found", () -> service.listPolicyPacks(NOPE, "bad name"));
    }

    @Test
    @DisplayName("BulkCreateAccounts: unknown organization (404) before empty list (400)")
    void bulkUnknownOrgBeforeEmpty() {
        assertError(404, "Organization 'nope' not found", () -> service.createAccounts(NOPE, List.of()));
    }

    @Test
    @DisplayName("batch: unknown organization (404) before too many elements (400)")
    void batchUnknownOrgBeforeTooMany() {
        List<PolicyGroupUpdate> many = new ArrayList<>(Collections.nCopies(1001, change()));
        assertError(404, "Organization 'nope' not found", () -> service.batchUpdatePolicyGroup(NOPE, "prod", many));
    }

    @Test
    @DisplayName("resource counts: unknown organization (404) before negative count (400)")
    void countsUnknownOrgBeforeNegative() {
        assertError(404, "Organization 'nope' not found",
                () -> service.setResourceCounts(NOPE, Map.of(WEB_PROD, -1L), Map.of()));
    }

    @Test
    @DisplayName("ListAccounts: unknown organization (404) before a bad continuation token (400)")
    void listAccountsUnknownOrgBeforeToken() {
        assertError(404, "Organization 'nope' not found", () -> service.listAccounts(NOPE, "", 10, "!!"));
    }

    // ---- config null corners --------------------------------------------------------------------------------

    @Test
    @DisplayName("enforcementLevel null is not one of the four levels: 400")
    void nullEnforcementLevelRejected() {
        PolicyHubException e = assertThrows(PolicyHubException.class, () -> update("prod",
                change().withAddPolicyPack(PackRef.latest(CIS).withConfig(json(MFA, json("enforcementLevel", null))))));
        assertEquals(400, status(e), e.getMessage());
    }

    @Test
    @DisplayName("a policy's own properties are stored verbatim, null included")
    void nullPropertyKeptVerbatim() {
        update("prod", change().withAddPolicyPack(PackRef.latest(CIS).withConfig(json(MFA, json("maxAge", null)))));
        assertEquals(Map.of(MFA, json("maxAge", null)), entry("prod", CIS).config());
    }
}
