package dev.policyhub.testkit.policygroups;

import dev.policyhub.core.Page;
import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.policygroups.BulkCreateResult;
import dev.policyhub.core.policygroups.EnforcementLevel;
import dev.policyhub.core.policygroups.InsightsAccount;
import dev.policyhub.core.policygroups.NewInsightsAccount;
import dev.policyhub.core.policygroups.NewPolicyGroup;
import dev.policyhub.core.policygroups.NewPolicyPack;
import dev.policyhub.core.policygroups.NewPolicyPack.PolicyDraft;
import dev.policyhub.core.policygroups.PackPolicy;
import dev.policyhub.core.policygroups.PackRef;
import dev.policyhub.core.policygroups.PolicyGroup;
import dev.policyhub.core.policygroups.PolicyGroupUpdate;
import dev.policyhub.core.policygroups.PublishedVersion;
import dev.policyhub.core.policygroups.RequiredPolicy;
import dev.policyhub.core.policygroups.Stack;
import dev.policyhub.core.policygroups.StackRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Pulumi error rows the core raises (E2, E4–E40, E41's maxResults, E42, E44–E48):
 * each asserts the status, the exact detail message and that the failed call changed nothing. Every test starts from
 * fixture F with S2's groups, {@code prod} holding web/prod, gcp-lab and aws-guard v3.
 */
public abstract class PolicyGroupErrorKit extends PolicyGroupsKitBase {
    private static final String NOPE = "nope";
    private static final StackRef WEB_NOPE = new StackRef("web", "nope");
    private static final int MAX_ARCHIVE = 64 * 1024 * 1024;

    /** For the concrete suites of each store. */
    protected PolicyGroupErrorKit() {
    }

    @BeforeEach
    void prodWithMembers() {
        createS2Groups();
        update("prod", change().withAddStack(WEB_PROD).withAddPolicyPack(PackRef.latest(AWS_GUARD))
                .withAddInsightsAccount(GCP_LAB));
    }

    private Executable updateProd(PolicyGroupUpdate update) {
        return () -> update("prod", update);
    }

    private Executable addPack(PackRef pack) {
        return updateProd(change().withAddPolicyPack(pack));
    }

    private Executable create(NewPolicyGroup group) {
        return () -> service.createPolicyGroup(ACME, group);
    }

    private Executable publishing(NewPolicyPack pack) {
        return () -> service.publishPolicyPack(ACME, pack);
    }

    private Executable creatingAccount(String name, String provider) {
        return () -> service.createAccount(ACME, NewInsightsAccount.of(name, provider, ENVIRONMENT));
    }

    private static NewPolicyPack awsGuard(String tag, List<PolicyDraft> policies) {
        return new NewPolicyPack(AWS_GUARD, displayName(AWS_GUARD), tag, RUNTIME, policies);
    }

    /** The next publish of aws-guard gets number 4: the rejected ones took none. */
    private void assertNextAwsGuardVersionIsFour() {
        assertEquals(4, publish(ACME, AWS_GUARD, "3.0.0"), "a rejected publish takes no version number");
    }

    private static void assertFailure(BulkCreateResult.Failure failure, String name, int status, String message) {
        assertEquals(name, failure.name());
        assertEquals(message, failure.error().getMessage());
        assertEquals(status, status(failure.error()));
    }

    @Test
    @DisplayName("E2: every call naming an unknown organization answers 404 Organization 'nope' not found")
    void e2() {
        String message = "Organization 'nope' not found";
        List<Executable> calls = List.of(
                () -> service.listPolicyGroups(NOPE),
                () -> service.createPolicyGroup(NOPE, NewPolicyGroup.of("prod", "stacks")),
                () -> service.getPolicyGroup(NOPE, "prod"),
                () -> service.updatePolicyGroup(NOPE, "prod", change()),
                () -> service.batchUpdatePolicyGroup(NOPE, "prod", List.of(change())),
                () -> service.deletePolicyGroup(NOPE, "prod"),
                () -> service.getMetadata(NOPE),
                () -> service.createStack(NOPE, "web", "prod", Optional.empty()),
                () -> service.getStack(NOPE, "web", "prod"),
                () -> service.importStack(NOPE, "web", "prod", 1),
                () -> service.deleteStack(NOPE, "web", "prod", true),
                () -> service.stackPolicyGroups(NOPE, "web", "prod"),
                () -> service.stackPolicyPacks(NOPE, "web", "prod", ""),
                () -> service.createAccount(NOPE, NewInsightsAccount.of(AWS_MAIN, "aws", ENVIRONMENT)),
                () -> service.getAccount(NOPE, AWS_MAIN),
                () -> service.listAccounts(NOPE, "", 100, ""),
                () -> service.accountPolicyPacks(NOPE, AWS_MAIN),
                () -> service.setResourceCounts(NOPE, Map.of(), Map.of()),
                () -> service.publishPolicyPack(NOPE, newPack(AWS_GUARD, "9.0.0")),
                () -> service.listPolicyPacks(NOPE, ""),
                () -> service.getPolicyPack(NOPE, AWS_GUARD, "1.0.0"),
                () -> service.deleteOrganization(NOPE),
                () -> service.requireOrganization(NOPE));
        for (Executable call : calls) {
            assertRejected(404, message, call);
        }
        assertEquals(List.of(ACME), service.listOrganizations());
    }

    @Test
    @DisplayName("E4: a group name failing the pattern, or 'metadata', is refused on create and on rename")
    void e4() {
        String message = "Invalid Policy Group name";
        for (String name : List.of("metadata", "", "bad name", "a/b", "é", "x".repeat(101))) {
            assertRejected(400, message, create(NewPolicyGroup.of(name, "stacks")));
        }
        for (String name : List.of("metadata", "bad name", "x".repeat(101))) {
            assertRejected(400, message, () -> update("odd", change().withNewName(name)));
        }
        service.createPolicyGroup(ACME, NewPolicyGroup.of("A.b_c-" + "x".repeat(94), "stacks"));
    }

    @Test
    @DisplayName("E5: a missing or unknown entity type is refused")
    void e5() {
        for (String type : List.of("", "stack", "Stacks", "projects")) {
            assertRejected(400, "Invalid entity type", create(NewPolicyGroup.of("new", type)));
        }
    }

    @Test
    @DisplayName("E6: an unknown mode is refused on create")
    void e6() {
        assertRejected(400, "Invalid mode", create(new NewPolicyGroup("new", "stacks", "enforce", "")));
        assertRejected(400, "Invalid mode", create(new NewPolicyGroup("new", "accounts", "Audit", "")));
    }

    @Test
    @DisplayName("E7: creating or renaming to a name in use answers 409, whatever the entity type")
    void e7() {
        assertRejected(409, "Policy Group 'prod' already exists", create(NewPolicyGroup.of("prod", "accounts")));
        assertRejected(409, "Policy Group 'acct-sec' already exists", create(NewPolicyGroup.of("acct-sec", "stacks")));
        assertRejected(409, "Policy Group 'default-policy-group' already exists",
                create(NewPolicyGroup.of(DEFAULT_STACKS, "stacks")));
        assertRejected(409, "Policy Group 'prod' already exists",
                () -> update("odd", change().withNewName("prod")));
        assertRejected(409, "Policy Group 'default-accounts-policy-group' already exists",
                () -> update("odd", change().withNewName(DEFAULT_ACCOUNTS)));
        service.createPolicyGroup(ACME, NewPolicyGroup.of("Prod", "stacks"));
        assertEquals("Prod", group("Prod").name(), "names are case-sensitive");
    }

    @Test
    @DisplayName("E8: get, update, batch and delete of an unknown group answer 404")
    void e8() {
        String message = "Policy Group 'nope' not found";
        assertRejected(404, message, () -> service.getPolicyGroup(ACME, NOPE));
        assertRejected(404, message, () -> service.updatePolicyGroup(ACME, NOPE, change().withAddStack(WEB_DEV)));
        assertRejected(404, message, () -> service.updatePolicyGroup(ACME, NOPE, change()));
        assertRejected(404, message, () -> service.batchUpdatePolicyGroup(ACME, NOPE,
                List.of(change().withAddStack(WEB_DEV))));
        assertRejected(404, message, () -> service.deletePolicyGroup(ACME, NOPE));
    }

    @Test
    @DisplayName("E9: the default groups cannot be renamed")
    void e9() {
        assertRejected(400, "Cannot rename the default Policy Group",
                () -> update(DEFAULT_STACKS, change().withNewName("stacks-default")));
        assertRejected(400, "Cannot rename the default Policy Group",
                () -> update(DEFAULT_ACCOUNTS, change().withNewName("accounts-default")));
    }

    @Test
    @DisplayName("E10: an update whose mode or entityType differs from the group's is refused; equal ones are ignored")
    void e10() {
        String message = "mode and entityType cannot be changed";
        assertRejected(400, message, updateProd(change().withModeAndEntityType("audit", null)));
        assertRejected(400, message, updateProd(change().withModeAndEntityType(null, "accounts")));
        assertRejected(400, message, updateProd(change().withModeAndEntityType("audit", "stacks")));
        assertRejected(400, message, () -> update(DEFAULT_ACCOUNTS,
                change().withModeAndEntityType("preventative", null)));

        PolicyGroup before = group("prod");
        update("prod", change().withModeAndEntityType("preventative", "stacks"));
        assertEquals(before, group("prod"));
    }

    @Test
    @DisplayName("E11: the default groups cannot be deleted")
    void e11() {
        assertRejected(400, "Cannot delete the default Policy Group",
                () -> service.deletePolicyGroup(ACME, DEFAULT_STACKS));
        assertRejected(400, "Cannot delete the default Policy Group",
                () -> service.deletePolicyGroup(ACME, DEFAULT_ACCOUNTS));
    }

    @Test
    @DisplayName("E12: a stack reference without name, or an ambiguous one without routingProject, is refused")
    void e12() {
        String required = "stack name is required";
        assertRejected(400, required, updateProd(change().withAddStack(new StackRef("web", ""))));
        assertRejected(400, required, updateProd(change().withRemoveStack(new StackRef("web", ""))));
        assertRejected(400, required, updateProd(change().withStacks(List.of(WEB_DEV, new StackRef("api", "")))));

        String ambiguousDev = "stack name 'dev' is ambiguous; routingProject is required";
        assertRejected(400, ambiguousDev, updateProd(change().withAddStack(new StackRef("", "dev"))));
        assertRejected(400, "stack name 'prod' is ambiguous; routingProject is required",
                updateProd(change().withStacks(List.of(new StackRef("", "prod")))));
        assertRejected(400, ambiguousDev,
                () -> update(DEFAULT_STACKS, change().withRemoveStack(new StackRef("", "dev"))));

        // Without ambiguity a reference without routingProject resolves.
        service.createStack(ACME, "web", "solo", Optional.empty());
        update("odd", change().withAddStack(new StackRef("", "solo")));
        assertEquals(List.of(new StackRef("web", "solo")), group("odd").stacks());
        update("prod", change().withRemoveStack(new StackRef("", "prod")));
        assertEquals(List.of(), group("prod").stacks(), "removal matches the group's members by name");
    }

    @Test
    @DisplayName("E13: adding or listing an unknown stack answers 404")
    void e13() {
        String message = "Stack 'web/nope' not found";
        assertRejected(404, message, updateProd(change().withAddStack(WEB_NOPE)));
        assertRejected(404, message, updateProd(change().withStacks(List.of(WEB_DEV, WEB_NOPE))));
        assertRejected(404, message, () -> batch("prod", change().withAddStack(WEB_DEV),
                change().withAddStack(WEB_NOPE)));
        assertRejected(404, "Stack 'api/qa' not found", updateProd(change().withAddStack(new StackRef("api", "qa"))));

        PolicyGroup before = group("prod");
        update("prod", change().withRemoveStack(WEB_NOPE));
        assertEquals(before, group("prod"), "removals never consult the inventory");
    }

    @Test
    @DisplayName("E14: an account reference without name is refused")
    void e14() {
        String message = "account name is required";
        assertRejected(400, message, updateProd(change().withAddInsightsAccount("")));
        assertRejected(400, message, updateProd(change().withRemoveInsightsAccount("")));
        assertRejected(400, message, updateProd(change().withInsightsAccounts(List.of(GCP_LAB, ""))));
    }

    @Test
    @DisplayName("E15: adding or listing an unknown account answers 404")
    void e15() {
        assertRejected(404, "Insights account 'aws-x' not found", updateProd(change().withAddInsightsAccount("aws-x")));
        assertRejected(404, "Insights account 'aws-x' not found",
                updateProd(change().withInsightsAccounts(List.of(AWS_MAIN, "aws-x"))));
        assertRejected(404, "Insights account 'aws-main/nope' not found",
                updateProd(change().withAddInsightsAccount("aws-main/nope")));

        PolicyGroup before = group("prod");
        update("prod", change().withRemoveInsightsAccount("aws-x"));
        assertEquals(before, group("prod"), "removals never consult the inventory");
    }

    @Test
    @DisplayName("E16: a pack reference without name, or one name twice in policyPacks, is refused")
    void e16() {
        String required = "Policy Pack name is required";
        assertRejected(400, required, addPack(PackRef.latest("")));
        assertRejected(400, required, updateProd(change().withRemovePolicyPack(PackRef.latest(""))));
        assertRejected(400, required, updateProd(change().withPolicyPacks(List.of(PackRef.latest(CIS),
                PackRef.latest("")))));
        assertRejected(400, "duplicate Policy Pack 'aws-guard' in policyPacks",
                updateProd(change().withPolicyPacks(List.of(PackRef.latest(AWS_GUARD),
                        PackRef.tagged(AWS_GUARD, "1.0.0")))));
    }

    @Test
    @DisplayName("E17: an unknown pack, tag or number, a deleted or a pending version cannot be applied")
    void e17() {
        service.deletePolicyPackVersion(ACME, AWS_GUARD, "1.0.0");
        PublishedVersion pending = publishPending(ACME, newPack(AWS_GUARD, "2.1.0"));
        assertEquals(4, pending.version());
        service.uploadPolicyPack(ACME, AWS_GUARD, 4, pending.uploadToken(), content(AWS_GUARD, 4));

        assertRejected(404, "Policy Pack 'nope' not found", addPack(PackRef.latest(NOPE)));
        assertRejected(404, "Policy Pack 'nope' not found",
                updateProd(change().withPolicyPacks(List.of(PackRef.latest(CIS), PackRef.latest(NOPE)))));
        String message = "Policy Pack 'aws-guard' not found";
        assertRejected(404, message, addPack(PackRef.tagged(AWS_GUARD, "9.9.9")));
        assertRejected(404, message, addPack(new PackRef(AWS_GUARD, 9, "", Optional.empty(), Optional.empty())));
        assertRejected(404, message, addPack(PackRef.tagged(AWS_GUARD, "1.0.0")));
        assertRejected(404, message, addPack(new PackRef(AWS_GUARD, 1, "", Optional.empty(), Optional.empty())));
        assertRejected(404, message, addPack(PackRef.tagged(AWS_GUARD, "2.1.0")));
        assertRejected(404, message, addPack(new PackRef(AWS_GUARD, 4, "", Optional.empty(), Optional.empty())));

        update("odd", change().withAddPolicyPack(PackRef.latest(AWS_GUARD)));
        assertEquals(List.of(applied(AWS_GUARD, 3, "2.0.0")), packsOf("odd"), "a pending version is not the latest");
    }

    @Test
    @DisplayName("E18: a config value that is neither an object nor, for 'all', a string is refused")
    void e18() {
        assertRejected(400, "invalid config for 'iam-mfa'",
                addPack(PackRef.latest(CIS).withConfig(json(MFA, "mandatory"))));
        assertRejected(400, "invalid config for 'iam-mfa'",
                addPack(PackRef.latest(CIS).withConfig(json(MFA, List.of("mandatory")))));
        assertRejected(400, "invalid config for 'all'", addPack(PackRef.latest(CIS).withConfig(json("all", 5))));
        assertRejected(400, "invalid config for 'vpc-flow-logs'",
                updateProd(change().withPolicyPacks(List.of(PackRef.latest(AWS_GUARD),
                        PackRef.latest(CIS).withConfig(json("vpc-flow-logs", true))))));
    }

    @Test
    @DisplayName("E19: an enforcement level outside advisory|mandatory|remediate|disabled is refused")
    void e19() {
        assertRejected(400, "invalid enforcement level 'strict' for 'all'",
                addPack(PackRef.latest(CIS).withConfig(json("all", "strict"))));
        assertRejected(400, "invalid enforcement level 'strict' for 'all'",
                addPack(PackRef.latest(CIS).withConfig(json("all", level("strict")))));
        assertRejected(400, "invalid enforcement level 'Mandatory' for 'iam-mfa'",
                addPack(PackRef.latest(CIS).withConfig(json(MFA, level("Mandatory")))));

        update("prod", change().withAddPolicyPack(PackRef.latest(CIS).withConfig(
                json(MFA, level("remediate"), "unknown-policy", level("disabled")))));
        assertEquals(List.of(applied(AWS_GUARD, 3, "2.0.0"), applied(CIS, 1, "1.0.0",
                Map.of(MFA, level("remediate"), "unknown-policy", level("disabled")))), packsOf("prod"));
    }

    @Test
    @DisplayName("E20: environments that are not an array of non-empty strings are refused")
    void e20() {
        String message = "invalid environments";
        List<Object> invalid = List.of("ops/aws", List.of(""), Arrays.asList("ops/aws", 5), Map.of());
        for (Object environments : invalid) {
            assertRejected(400, message, addPack(new PackRef(CIS, 0, "", Optional.empty(),
                    Optional.of(environments))));
        }

        update("prod", change().withAddPolicyPack(new PackRef(CIS, 0, "", Optional.empty(),
                Optional.of(List.of("ops/aws", "ops/gcp@3")))));
        assertEquals(List.of(required(AWS_GUARD, 3, "2.0.0", Map.of()),
                new RequiredPolicy(ACME, CIS, 1, "1.0.0", displayName(CIS), Map.of(), List.of("ops/aws", "ops/gcp@3"))),
                service.stackPolicyPacks(ACME, "web", "prod", ""));
    }

    @Test
    @DisplayName("E21: a mode filter other than audit or preventative is refused")
    void e21() {
        for (String mode : List.of("all", "AUDIT", "enforce")) {
            assertRejected(400, "Invalid mode parameter value",
                    () -> service.stackPolicyPacks(ACME, "web", "prod", mode));
        }
    }

    @Test
    @DisplayName("E22: an unknown stack on a stack call answers 404, resource counts included (all or nothing)")
    void e22() {
        String message = "Stack 'web/nope' not found";
        List<Executable> calls = List.of(
                () -> service.getStack(ACME, "web", NOPE),
                () -> service.deleteStack(ACME, "web", NOPE, false),
                () -> service.deleteStack(ACME, "web", NOPE, true),
                () -> service.renameStack(ACME, "web", NOPE, "other", ""),
                () -> service.importStack(ACME, "web", NOPE, 3),
                () -> service.stackPolicyGroups(ACME, "web", NOPE),
                () -> service.stackPolicyPacks(ACME, "web", NOPE, ""),
                () -> service.setResourceCounts(ACME, Map.of(WEB_PROD, 99L, WEB_NOPE, 1L), Map.of(GCP_LAB, 99L)));
        for (Executable call : calls) {
            assertRejected(404, message, call);
        }
        assertEquals(12, service.getStack(ACME, "web", "prod").resourceCount());
    }

    @Test
    @DisplayName("E23: an unknown account on an account call answers 404, resource counts included")
    void e23() {
        String message = "Insights account 'aws-x' not found";
        List<Executable> calls = List.of(
                () -> service.getAccount(ACME, "aws-x"),
                () -> service.deleteAccount(ACME, "aws-x"),
                () -> service.accountPolicyPacks(ACME, "aws-x"),
                () -> service.setResourceCounts(ACME, Map.of(WEB_PROD, 99L), Map.of(GCP_LAB, 99L, "aws-x", 1L)));
        for (Executable call : calls) {
            assertRejected(404, message, call);
        }
        assertRejected(404, "Insights account 'aws-main/nope' not found",
                () -> service.getAccount(ACME, "aws-main/nope"));
        assertEquals(7, service.getAccount(ACME, GCP_LAB).resourceCount());
    }

    @Test
    @DisplayName("E24: a continuation token that is not one the service issued is refused")
    void e24() {
        String message = "invalid continuation token";
        assertRejected(400, message, () -> service.listAccounts(ACME, "", 100, "%%%"));
        assertRejected(400, message, () -> service.listStacks(ACME, "", 1000, "%%%"));

        Page<InsightsAccount> first = service.listAccounts(ACME, "", 2, "");
        assertEquals(List.of(AWS_MAIN, AWS_EAST), first.items().stream().map(InsightsAccount::name).toList());
        Page<InsightsAccount> last = service.listAccounts(ACME, "", 2, first.nextPageToken());
        assertEquals(List.of(GCP_LAB), last.items().stream().map(InsightsAccount::name).toList());
        assertEquals("", last.nextPageToken());
        Page<Stack> stacks = service.listStacks(ACME, "", 3, "");
        assertEquals(List.of(API_DEV, API_PROD, WEB_DEV), stacks.items().stream().map(Stack::ref).toList());
        assertEquals(List.of(WEB_PROD), service.listStacks(ACME, "", 3, stacks.nextPageToken()).items().stream()
                .map(Stack::ref).toList());
    }

    @Test
    @DisplayName("E25: when every write of the group loses the race, the update answers 409 after five tries")
    void e25() {
        StaleGroupWrites stale = new StaleGroupWrites(hub.storage());
        try (PolicyHub racing = PolicyHub.builder().storage(stale).clock(Clock.fixed(CLOCK_START, ZoneOffset.UTC))
                .build()) {
            String message = "concurrent modification, retry";
            assertRejected(409, message,
                    () -> racing.policyGroups().updatePolicyGroup(ACME, "prod", change().withAddStack(WEB_DEV)));
            assertEquals(5, stale.refusedWrites(), "one request is tried five times");
            assertRejected(409, message, () -> racing.policyGroups().batchUpdatePolicyGroup(ACME, "prod",
                    List.of(change().withAddStack(WEB_DEV), change().withAddInsightsAccount(AWS_MAIN))));
        }
        update("prod", change().withAddStack(WEB_DEV));
        assertEquals(List.of(WEB_DEV, WEB_PROD), group("prod").stacks());
    }

    @Test
    @DisplayName("E26: a pack name failing the pattern is refused at publish")
    void e26() {
        for (String name : List.of("bad name", "", "a/b", "x".repeat(101))) {
            assertRejected(400, "Invalid Policy Pack name", publishing(
                    new NewPolicyPack(name, "Bad", "1.0.0", RUNTIME, policiesOf(AWS_GUARD))));
        }
        assertEquals(1, publish(ACME, new NewPolicyPack("A.b_c-" + "x".repeat(94), "Long", "1.0.0", RUNTIME,
                policiesOf(AWS_GUARD))));
    }

    @Test
    @DisplayName("E27: a publish without policies is refused")
    void e27() {
        assertRejected(400, "Policy Pack must have at least one policy.", publishing(awsGuard("3.0.0", List.of())));
        assertNextAwsGuardVersionIsFour();
    }

    @Test
    @DisplayName("E28: a policy named '' or 'all', a duplicate policy name or an unknown level is refused at publish")
    void e28() {
        assertRejected(400, "invalid policy name 'all'",
                publishing(awsGuard("3.0.0", List.of(draft("all", EnforcementLevel.MANDATORY)))));
        assertRejected(400, "invalid policy name ''",
                publishing(awsGuard("3.0.0", List.of(draft("", EnforcementLevel.MANDATORY)))));
        assertRejected(400, "invalid policy name 'dup'", publishing(awsGuard("3.0.0",
                List.of(draft("dup", EnforcementLevel.MANDATORY), draft("dup", EnforcementLevel.ADVISORY)))));
        assertRejected(400, "invalid enforcement level 'strict' for 's3-no-public-read'",
                publishing(awsGuard("3.0.0", List.of(new PolicyDraft(PackPolicy.of(S3, EnforcementLevel.MANDATORY),
                        "strict")))));
        assertNextAwsGuardVersionIsFour();
    }

    @Test
    @DisplayName("E29: a version tag failing the pattern is refused at publish")
    void e29() {
        for (String tag : List.of("1.0 beta", "v1/2", "x".repeat(101))) {
            assertRejected(400, "Invalid version tag", publishing(newPack(AWS_GUARD, tag)));
        }
        assertNextAwsGuardVersionIsFour();
    }

    @Test
    @DisplayName("E30: a version tag used before, even by a deleted version, is refused at publish")
    void e30() {
        assertRejected(400, "Policy Pack: aws-guard, Version Tag: 1.0.0 already exists",
                publishing(newPack(AWS_GUARD, "1.0.0")));

        service.deletePolicyPackVersion(ACME, COST_CHECKS, "0.1.0");
        assertRejected(400, "Policy Pack: cost-checks, Version Tag: 0.1.0 already exists",
                publishing(newPack(COST_CHECKS, "0.1.0")));
        assertEquals(2, publish(ACME, COST_CHECKS, "0.2.0"), "numbers are never reused");

        assertEquals(2, publish(ACME, CIS, ""), "a publish without tag is tagged with its number");
        assertEquals(List.of("2", "1.0.0"), service.listPolicyPacks(ACME, CIS).get(0).versionTags());
        assertRejected(400, "Policy Pack: cis, Version Tag: 2 already exists", publishing(newPack(CIS, "2")));
        assertNextAwsGuardVersionIsFour();
    }

    @Test
    @DisplayName("E31: a publish whose runtime differs from the pack's is refused")
    void e31() {
        assertRejected(400, "cannot publish a 'python' version of a 'nodejs' Policy Pack", publishing(
                new NewPolicyPack(AWS_GUARD, displayName(AWS_GUARD), "3.0.0", "python", policiesOf(AWS_GUARD))));
        assertNextAwsGuardVersionIsFour();
    }

    @Test
    @DisplayName("E32: completing a complete version, or one with nothing uploaded, is refused")
    void e32() {
        assertRejected(400, "Policy Pack is already complete",
                () -> service.completePolicyPack(ACME, AWS_GUARD, "1.0.0"));
        assertRejected(400, "Policy Pack is already complete", () -> service.completePolicyPack(ACME, AWS_GUARD, "3"));

        publishPending(ACME, newPack(AWS_GUARD, "2.1.0"));
        String message = "Policy Pack content has not been uploaded";
        assertRejected(400, message, () -> service.completePolicyPack(ACME, AWS_GUARD, "2.1.0"));
        assertRejected(400, message, () -> service.completePolicyPack(ACME, AWS_GUARD, "4"));
        assertError(400, "Cannot get incomplete Policy Pack", () -> service.getPolicyPack(ACME, AWS_GUARD, "4"));
    }

    @Test
    @DisplayName("E33: a pending version cannot be read, nor its config schema")
    void e33() {
        PublishedVersion pending = publishPending(ACME, newPack(AWS_GUARD, "2.1.0"));
        service.uploadPolicyPack(ACME, AWS_GUARD, pending.version(), pending.uploadToken(), content(AWS_GUARD, 4));
        String message = "Cannot get incomplete Policy Pack";
        assertRejected(400, message, () -> service.getPolicyPack(ACME, AWS_GUARD, "2.1.0"));
        assertRejected(400, message, () -> service.getPolicyPack(ACME, AWS_GUARD, "4"));
        assertRejected(400, message, () -> service.getPolicyPackConfigSchema(ACME, AWS_GUARD, "2.1.0"));
    }

    @Test
    @DisplayName("E34: an unknown pack or version answers 404 on every registry call")
    void e34() {
        PublishedVersion pending = publishPending(ACME, newPack(AWS_GUARD, "2.1.0"));
        service.uploadPolicyPack(ACME, AWS_GUARD, pending.version(), pending.uploadToken(), content(AWS_GUARD, 4));
        byte[] bytes = content(NOPE, 1);

        String nope = "Policy Pack 'nope' not found";
        List<Executable> unknownPack = List.of(
                () -> service.getPolicyPack(ACME, NOPE, "1"),
                () -> service.getPolicyPackConfigSchema(ACME, NOPE, "1"),
                () -> service.completePolicyPack(ACME, NOPE, "1"),
                () -> service.uploadPolicyPack(ACME, NOPE, 1, "token", bytes),
                () -> service.downloadPolicyPack(ACME, NOPE, 1),
                () -> service.deletePolicyPack(ACME, NOPE),
                () -> service.deletePolicyPackVersion(ACME, NOPE, "1"));
        for (Executable call : unknownPack) {
            assertRejected(404, nope, call);
        }
        String awsGuard = "Policy Pack 'aws-guard' not found";
        List<Executable> unknownVersion = List.of(
                () -> service.getPolicyPack(ACME, AWS_GUARD, "9.9.9"),
                () -> service.getPolicyPack(ACME, AWS_GUARD, "7"),
                () -> service.getPolicyPackConfigSchema(ACME, AWS_GUARD, "9.9.9"),
                () -> service.completePolicyPack(ACME, AWS_GUARD, "9.9.9"),
                () -> service.uploadPolicyPack(ACME, AWS_GUARD, 9, "token", bytes),
                () -> service.downloadPolicyPack(ACME, AWS_GUARD, 9),
                () -> service.downloadPolicyPack(ACME, AWS_GUARD, 4),
                () -> service.deletePolicyPackVersion(ACME, AWS_GUARD, "9.9.9"));
        for (Executable call : unknownVersion) {
            assertRejected(404, awsGuard, call);
        }
        assertEquals(List.of(), service.listPolicyPacks(ACME, NOPE), "a filter with no match lists nothing");
    }

    @Test
    @DisplayName("E35: a pack with an applied version, old or new, cannot be deleted")
    void e35() {
        String message = "Cannot delete an enabled Policy Pack";
        assertRejected(400, message, () -> service.deletePolicyPack(ACME, AWS_GUARD));
        update("odd", change().withAddPolicyPack(PackRef.tagged(AWS_GUARD, "1.0.0")));
        update("prod", change().withRemovePolicyPack(PackRef.latest(AWS_GUARD)));
        assertRejected(400, message, () -> service.deletePolicyPack(ACME, AWS_GUARD));

        service.deletePolicyPack(ACME, COST_CHECKS);
        assertEquals(List.of(AWS_GUARD, CIS), service.listPolicyPacks(ACME, "").stream().map(p -> p.name()).toList());
    }

    @Test
    @DisplayName("E36: an applied version cannot be deleted, by tag or by number")
    void e36() {
        String message = "Cannot delete a Policy Pack that is applied to Policy Groups";
        assertRejected(409, message, () -> service.deletePolicyPackVersion(ACME, AWS_GUARD, "2.0.0"));
        assertRejected(409, message, () -> service.deletePolicyPackVersion(ACME, AWS_GUARD, "3"));
        update(DEFAULT_ACCOUNTS, change().withAddPolicyPack(PackRef.latest(CIS)));
        assertRejected(409, message, () -> service.deletePolicyPackVersion(ACME, CIS, "1.0.0"));

        service.deletePolicyPackVersion(ACME, AWS_GUARD, "1.0.0");
        assertEquals(List.of(3, 2), service.listPolicyPacks(ACME, AWS_GUARD).get(0).versions());
    }

    @Test
    @DisplayName("E37: an upload with a wrong token, over 64 MiB, or after completion is refused and stores nothing")
    void e37() {
        PublishedVersion pending = publishPending(ACME, newPack(AWS_GUARD, "2.1.0"));
        int v = pending.version();
        byte[] bytes = content(AWS_GUARD, v);
        String notUploaded = "Policy Pack content has not been uploaded";

        assertRejected(403, "invalid upload token",
                () -> service.uploadPolicyPack(ACME, AWS_GUARD, v, pending.uploadToken() + "x", bytes));
        assertRejected(403, "invalid upload token", () -> service.uploadPolicyPack(ACME, AWS_GUARD, v, "", bytes));
        assertRejected(403, "invalid upload token", () -> service.uploadPolicyPack(ACME, AWS_GUARD, v,
                uploadToken(ACME, AWS_GUARD, 3), bytes));
        assertError(400, notUploaded, () -> service.completePolicyPack(ACME, AWS_GUARD, "2.1.0"));

        byte[] tooLarge = new byte[MAX_ARCHIVE + 1];
        assertRejected(413, "archive exceeds 64 MiB",
                () -> service.uploadPolicyPack(ACME, AWS_GUARD, v, pending.uploadToken(), tooLarge));
        assertError(400, notUploaded, () -> service.completePolicyPack(ACME, AWS_GUARD, "2.1.0"));

        assertRejected(400, "Policy Pack is already complete", () -> service.uploadPolicyPack(ACME, AWS_GUARD, 3,
                uploadToken(ACME, AWS_GUARD, 3), content(NOPE, 3)));
        assertArrayEquals(content(AWS_GUARD, 3), service.downloadPolicyPack(ACME, AWS_GUARD, 3));

        service.uploadPolicyPack(ACME, AWS_GUARD, v, pending.uploadToken(), content(NOPE, v));
        service.uploadPolicyPack(ACME, AWS_GUARD, v, pending.uploadToken(), bytes);
        service.completePolicyPack(ACME, AWS_GUARD, "2.1.0");
        assertArrayEquals(bytes, service.downloadPolicyPack(ACME, AWS_GUARD, v), "a later upload replaces one before");
    }

    @Test
    @DisplayName("E38: a stack or project name failing the pattern is refused on create and rename")
    void e38() {
        String message = "invalid stack name";
        assertRejected(400, message, () -> service.createStack(ACME, "web", "bad name!", Optional.empty()));
        assertRejected(400, message, () -> service.createStack(ACME, "web", "", Optional.empty()));
        assertRejected(400, message, () -> service.createStack(ACME, "web", "x".repeat(101), Optional.empty()));
        assertRejected(400, message, () -> service.createStack(ACME, "bad/project", "qa", Optional.empty()));
        assertRejected(400, message, () -> service.createStack(ACME, "", "qa", Optional.empty()));
        assertRejected(400, message, () -> service.renameStack(ACME, "web", "dev", "bad name", ""));
        assertRejected(400, message, () -> service.renameStack(ACME, "web", "dev", "", "bad project"));
        assertEquals(new StackRef("web", "A.b_c-" + "x".repeat(94)),
                service.createStack(ACME, "web", "A.b_c-" + "x".repeat(94), Optional.empty()).ref());
    }

    @Test
    @DisplayName("E39: creating a stack that exists, or renaming onto one, answers 409")
    void e39() {
        assertRejected(409, "Stack 'web/prod' already exists",
                () -> service.createStack(ACME, "web", "prod", Optional.empty()));
        assertRejected(409, "Stack 'web/prod' already exists",
                () -> service.renameStack(ACME, "web", "dev", "prod", ""));
        assertRejected(409, "Stack 'web/dev' already exists",
                () -> service.renameStack(ACME, "api", "dev", "", "web"));
    }

    @Test
    @DisplayName("E40: a stack that still has resources is deleted only with force")
    void e40() {
        assertRejected(400, "Stack still contains resources.", () -> service.deleteStack(ACME, "web", "prod", false));

        service.createStack(ACME, "web", "empty", Optional.empty());
        service.deleteStack(ACME, "web", "empty", false);
        service.deleteStack(ACME, "web", "prod", true);
        assertEquals(List.of(), group("prod").stacks());
    }

    @Test
    @DisplayName("E41: maxResults outside [1, 1000] is refused")
    void e41() {
        for (int max : new int[] {0, -1, 1001}) {
            assertRejected(400, "invalid query parameter", () -> service.listStacks(ACME, "", max, ""));
        }
        assertEquals(1, service.listStacks(ACME, "", 1, "").items().size());
        assertEquals(4, service.listStacks(ACME, "", 1000, "").items().size());
    }

    @Test
    @DisplayName("E42: a rename with neither a new name nor a new project is refused")
    void e42() {
        assertRejected(400, "No rename to apply.", () -> service.renameStack(ACME, "web", "dev", "", ""));
    }

    @Test
    @DisplayName("E44: an account name failing the pattern, or with more than one '/', is refused")
    void e44() {
        String message = "invalid account name";
        for (String name : List.of("bad name", "", "a/b/c", "/x", "aws-main/", "x".repeat(101))) {
            assertRejected(400, message, creatingAccount(name, "aws"));
        }
        BulkCreateResult result = service.createAccounts(ACME, List.of(
                NewInsightsAccount.of("bad name", "aws", ENVIRONMENT)));
        assertEquals(List.of(), result.accounts());
        assertEquals(1, result.failures().size());
        assertFailure(result.failures().get(0), "bad name", 400, message);
    }

    @Test
    @DisplayName("E45: an unknown provider is refused")
    void e45() {
        assertRejected(400, "invalid provider 'aws2'", creatingAccount("aws-2", "aws2"));
        assertRejected(400, "invalid provider 'AWS'", creatingAccount("aws-2", "AWS"));
        for (String provider : List.of("aws", "gcp", "azure-native", "oci", "kubernetes")) {
            assertEquals(provider, service.createAccount(ACME,
                    NewInsightsAccount.of("acct-" + provider, provider, ENVIRONMENT)).provider());
        }
    }

    @Test
    @DisplayName("E46: creating an account that exists answers 409; in a bulk create only that item fails")
    void e46() {
        assertRejected(409, "Insights account 'aws-main' already exists", creatingAccount(AWS_MAIN, "aws"));
        assertRejected(409, "Insights account 'aws-main/us-east-1' already exists", creatingAccount(AWS_EAST, "aws"));

        BulkCreateResult result = service.createAccounts(ACME, List.of(
                NewInsightsAccount.of("aws-audit", "aws", ENVIRONMENT),
                NewInsightsAccount.of(AWS_MAIN, "aws", ENVIRONMENT)));
        assertEquals(List.of("aws-audit"), result.accounts().stream().map(InsightsAccount::name).toList());
        assertEquals(1, result.failures().size());
        assertFailure(result.failures().get(0), AWS_MAIN, 409, "Insights account 'aws-main' already exists");
        assertEquals(List.of("aws-audit", AWS_MAIN, AWS_EAST, GCP_LAB), group(DEFAULT_ACCOUNTS).accounts());
    }

    @Test
    @DisplayName("E47: a child account without its parent, or a parent filter naming no account, answers 404")
    void e47() {
        assertRejected(404, "parent account 'aws-x' not found", creatingAccount("aws-x/eu-west-1", "aws"));
        assertRejected(404, "parent account 'aws-x' not found", () -> service.listAccounts(ACME, "aws-x", 100, ""));
        assertEquals(List.of(AWS_EAST), service.listAccounts(ACME, AWS_MAIN, 100, "").items().stream()
                .map(InsightsAccount::name).toList());
    }

    @Test
    @DisplayName("E48: a page size outside [1, 1000] or an empty bulk create is refused")
    void e48() {
        for (int count : new int[] {0, -1, 1001}) {
            assertRejected(400, "count must be in the range [1, 1000]",
                    () -> service.listAccounts(ACME, "", count, ""));
        }
        assertRejected(400, "empty accounts list", () -> service.createAccounts(ACME, List.of()));
        assertEquals(3, service.listAccounts(ACME, "", 1000, "").items().size());
    }
}
