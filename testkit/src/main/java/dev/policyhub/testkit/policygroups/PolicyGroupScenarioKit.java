package dev.policyhub.testkit.policygroups;

import dev.policyhub.core.policygroups.AppliedPolicyPack;
import dev.policyhub.core.policygroups.EnforcementLevel;
import dev.policyhub.core.policygroups.EntityType;
import dev.policyhub.core.policygroups.Mode;
import dev.policyhub.core.policygroups.NewInsightsAccount;
import dev.policyhub.core.policygroups.NewPolicyGroup;
import dev.policyhub.core.policygroups.PackPolicy;
import dev.policyhub.core.policygroups.PackRef;
import dev.policyhub.core.policygroups.PolicyGroup;
import dev.policyhub.core.policygroups.PolicyGroupMetadata;
import dev.policyhub.core.policygroups.PolicyGroupSummary;
import dev.policyhub.core.policygroups.PolicyPackDetails;
import dev.policyhub.core.policygroups.PolicyPackSummary;
import dev.policyhub.core.policygroups.PolicyPackVersion;
import dev.policyhub.core.policygroups.PublishedVersion;
import dev.policyhub.core.policygroups.Stack;
import dev.policyhub.core.policygroups.StackRef;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.policyhub.core.policygroups.EntityType.ACCOUNTS;
import static dev.policyhub.core.policygroups.EntityType.STACKS;
import static dev.policyhub.core.policygroups.Mode.AUDIT;
import static dev.policyhub.core.policygroups.Mode.PREVENTATIVE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The policy-group scenarios S1–S16 at the service level: each starts from fixture F, S4–S16 also
 * from S2's groups. Wire-only parts (204 bodies, JSON) belong to the HTTP suites; here their effect is asserted.
 */
public abstract class PolicyGroupScenarioKit extends PolicyGroupsKitBase {

    /** For the concrete suites of each store. */
    protected PolicyGroupScenarioKit() {
    }

    private static PolicyGroup emptyGroup(String name, EntityType type, Mode mode) {
        return new PolicyGroup(ACME, name, type, mode, false, List.of(), List.of(), List.of(), "");
    }

    private static PolicyGroupSummary defaultStacksSummary() {
        return new PolicyGroupSummary(DEFAULT_STACKS, true, 4, 0, STACKS, PREVENTATIVE, 0);
    }

    private static PackPolicy policy(List<PackPolicy> policies, String name) {
        return policies.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no policy " + name));
    }

    @Test
    @DisplayName("S1: fixture F lists only the two default groups, holding every stack and every account")
    void s1() {
        assertEquals(List.of(ACME), service.listOrganizations());
        assertEquals(List.of(
                new PolicyGroupSummary(DEFAULT_ACCOUNTS, true, 0, 3, ACCOUNTS, AUDIT, 0),
                new PolicyGroupSummary(DEFAULT_STACKS, true, 4, 0, STACKS, PREVENTATIVE, 0)),
                service.listPolicyGroups(ACME));
        assertEquals(new PolicyGroup(ACME, DEFAULT_ACCOUNTS, ACCOUNTS, AUDIT, true, List.of(), List.of(),
                List.of(AWS_MAIN, AWS_EAST, GCP_LAB), ""), group(DEFAULT_ACCOUNTS));
        assertEquals(new PolicyGroup(ACME, DEFAULT_STACKS, STACKS, PREVENTATIVE, true,
                List.of(API_DEV, API_PROD, WEB_DEV, WEB_PROD), List.of(), List.of(), ""), group(DEFAULT_STACKS));
        assertEquals(List.of(new StackRef("api", "dev"), new StackRef("api", "prod"), new StackRef("web", "dev"),
                new StackRef("web", "prod")), group(DEFAULT_STACKS).stacks(), "stacks by project, then name");
    }

    @Test
    @DisplayName("S2: created groups default their mode by entity type and start with no members and no packs")
    void s2() {
        createS2Groups();

        assertEquals(emptyGroup("acct-sec", ACCOUNTS, AUDIT), group("acct-sec"));
        assertEquals(emptyGroup("prod", STACKS, PREVENTATIVE), group("prod"));
        assertEquals(emptyGroup("odd", ACCOUNTS, PREVENTATIVE), group("odd"));
        assertEquals(List.of(
                new PolicyGroupSummary("acct-sec", false, 0, 0, ACCOUNTS, AUDIT, 0),
                new PolicyGroupSummary(DEFAULT_ACCOUNTS, true, 0, 3, ACCOUNTS, AUDIT, 0),
                defaultStacksSummary(),
                new PolicyGroupSummary("odd", false, 0, 0, ACCOUNTS, PREVENTATIVE, 0),
                new PolicyGroupSummary("prod", false, 0, 0, STACKS, PREVENTATIVE, 0)),
                service.listPolicyGroups(ACME));
    }

    @Test
    @DisplayName("S3: create answers 409 for a taken name, 400 without entity type and 400 for the name 'metadata'")
    void s3() {
        createS2Groups();

        assertRejected(409, "Policy Group 'prod' already exists",
                () -> service.createPolicyGroup(ACME, NewPolicyGroup.of("prod", "accounts")));
        assertRejected(400, "Invalid entity type",
                () -> service.createPolicyGroup(ACME, NewPolicyGroup.of("x", "")));
        assertRejected(400, "Invalid Policy Group name",
                () -> service.createPolicyGroup(ACME, NewPolicyGroup.of("metadata", "stacks")));
        assertEquals(emptyGroup("prod", STACKS, PREVENTATIVE), group("prod"));
    }

    @Test
    @DisplayName("S4: a rename keeps members, packs and stamps; the old name is gone; taken, default and same names")
    void s4() {
        createS2Groups();
        update("prod", change().withAddStack(WEB_PROD).withAddPolicyPack(PackRef.latest(AWS_GUARD)));
        PolicyGroup before = group("prod");
        assertEquals(new PolicyGroup(ACME, "prod", STACKS, PREVENTATIVE, false, List.of(WEB_PROD),
                List.of(applied(AWS_GUARD, 3, "2.0.0")), List.of(), ""), unstamped(before));

        update("prod", change().withNewName("production"));

        assertError(404, "Policy Group 'prod' not found", () -> group("prod"));
        PolicyGroup renamed = group("production");
        assertEquals(new PolicyGroup(ACME, "production", STACKS, PREVENTATIVE, false, before.stacks(),
                before.appliedPolicyPacks(), before.accounts(), before.agentPoolId()), renamed);
        assertEquals(List.of("acct-sec", DEFAULT_ACCOUNTS, DEFAULT_STACKS, "odd", "production"),
                service.listPolicyGroups(ACME).stream().map(PolicyGroupSummary::name).toList());
        assertEquals(List.of(defaultStacksSummary(),
                new PolicyGroupSummary("production", false, 1, 0, STACKS, PREVENTATIVE, 1)),
                service.stackPolicyGroups(ACME, "web", "prod"));

        assertRejected(409, "Policy Group 'acct-sec' already exists",
                () -> update("production", change().withNewName("acct-sec")));
        assertRejected(400, "Cannot rename the default Policy Group",
                () -> update(DEFAULT_STACKS, change().withNewName("x")));

        World unchanged = world();
        update("production", change().withNewName("production"));
        assertEquals(unchanged, world());
        assertEquals(renamed, group("production"));
    }

    @Test
    @DisplayName("S5: the default group cannot be deleted; deleting prod keeps its stack, which loses prod's packs")
    void s5() {
        createS2Groups();
        update("prod", change().withAddStack(WEB_PROD).withAddPolicyPack(PackRef.latest(AWS_GUARD)));
        assertEquals(List.of(defaultStacksSummary(),
                new PolicyGroupSummary("prod", false, 1, 0, STACKS, PREVENTATIVE, 1)),
                service.stackPolicyGroups(ACME, "web", "prod"));
        assertEquals(List.of(required(AWS_GUARD, 3, "2.0.0", Map.of())),
                service.stackPolicyPacks(ACME, "web", "prod", ""));

        assertRejected(400, "Cannot delete the default Policy Group",
                () -> service.deletePolicyGroup(ACME, DEFAULT_STACKS));
        service.deletePolicyGroup(ACME, "prod");

        assertError(404, "Policy Group 'prod' not found", () -> group("prod"));
        assertEquals(List.of(defaultStacksSummary()), service.stackPolicyGroups(ACME, "web", "prod"));
        Stack stack = service.getStack(ACME, "web", "prod");
        assertEquals(WEB_PROD, stack.ref());
        assertEquals(12, stack.resourceCount());
        assertEquals(List.of(), service.stackPolicyPacks(ACME, "web", "prod", ""));
        assertEquals(List.of(API_DEV, API_PROD, WEB_DEV, WEB_PROD), group(DEFAULT_STACKS).stacks());
    }

    @Test
    @DisplayName("S6: a batch whose second operation fails leaves the group unchanged")
    void s6() {
        createS2Groups();
        update("prod", change().withAddStack(WEB_PROD));

        assertRejected(404, "Stack 'web/nope' not found", () -> batch("prod",
                change().withAddStack(WEB_DEV), change().withAddStack(new StackRef("web", "nope"))));

        assertEquals(new PolicyGroup(ACME, "prod", STACKS, PREVENTATIVE, false, List.of(WEB_PROD), List.of(),
                List.of(), ""), group("prod"));
    }

    @Test
    @DisplayName("S7: a batch applies in request order: remove aws-guard then add 2.0.0 keeps aws-guard v3")
    void s7() {
        createS2Groups();
        update("prod", change().withAddPolicyPack(PackRef.tagged(AWS_GUARD, "1.0.0")));
        assertEquals(List.of(applied(AWS_GUARD, 1, "1.0.0")), packsOf("prod"));

        batch("prod", change().withRemovePolicyPack(PackRef.latest(AWS_GUARD)),
                change().withAddPolicyPack(PackRef.tagged(AWS_GUARD, "2.0.0")));

        assertEquals(List.of(applied(AWS_GUARD, 3, "2.0.0")), packsOf("prod"));

        // The same operations as single updates in order give the same group.
        update("odd", change().withAddPolicyPack(PackRef.tagged(AWS_GUARD, "1.0.0")));
        update("odd", change().withRemovePolicyPack(PackRef.latest(AWS_GUARD)));
        update("odd", change().withAddPolicyPack(PackRef.tagged(AWS_GUARD, "2.0.0")));
        assertEquals(packsOf("prod"), packsOf("odd"));

        World unchanged = world();
        service.batchUpdatePolicyGroup(ACME, "prod", List.of());
        assertEquals(unchanged, world(), "an empty batch changes nothing");
    }

    @Test
    @DisplayName("S8: absent or null fields leave a group alone, [] clears a list, '' clears the agent pool")
    void s8() {
        createS2Groups();
        update("prod", change().withAddStack(WEB_PROD).withAddPolicyPack(PackRef.latest(AWS_GUARD))
                .withAddInsightsAccount(GCP_LAB).withAgentPoolId("p1"));
        PolicyGroup start = group("prod");
        assertEquals(new PolicyGroup(ACME, "prod", STACKS, PREVENTATIVE, false, List.of(WEB_PROD),
                List.of(applied(AWS_GUARD, 3, "2.0.0")), List.of(GCP_LAB), "p1"), unstamped(start));

        update("prod", change().withAddStack(WEB_DEV));
        PolicyGroup both = withMembers(start, List.of(WEB_DEV, WEB_PROD), List.of(GCP_LAB), "p1");
        assertEquals(both, group("prod"));

        update("prod", change()); // {"stacks": null}
        assertEquals(both, group("prod"));

        update("prod", change().withInsightsAccounts(List.of()));
        assertEquals(withMembers(start, List.of(WEB_DEV, WEB_PROD), List.of(), "p1"), group("prod"));

        update("prod", change().withStacks(List.of()));
        assertEquals(withMembers(start, List.of(), List.of(), "p1"), group("prod"));

        update("prod", change().withAgentPoolId(""));
        PolicyGroup cleared = withMembers(start, List.of(), List.of(), "");
        assertEquals(cleared, group("prod"));

        World unchanged = world();
        update("prod", change()); // {}
        assertEquals(unchanged, world());
        assertEquals(cleared, group("prod"));
        assertEquals(start.appliedPolicyPacks(), group("prod").appliedPolicyPacks(), "packs untouched throughout");
    }

    @Test
    @DisplayName("S9: a pack added without version is pinned to the latest; a tag beats a number; unknown tag is 404")
    void s9() {
        createS2Groups();
        update("prod", change().withAddPolicyPack(PackRef.latest(AWS_GUARD)));
        assertEquals(List.of(applied(AWS_GUARD, 3, "2.0.0")), packsOf("prod"));

        assertEquals(4, publish(ACME, AWS_GUARD, "2.1.0"));
        assertEquals(List.of(applied(AWS_GUARD, 3, "2.0.0")), packsOf("prod"), "still pinned to v3 after v4");

        update("prod", change().withAddPolicyPack(
                new PackRef(AWS_GUARD, 1, "1.1.0", Optional.empty(), Optional.empty())));
        assertEquals(List.of(applied(AWS_GUARD, 2, "1.1.0")), packsOf("prod"));

        assertRejected(404, "Policy Pack 'aws-guard' not found",
                () -> update("prod", change().withAddPolicyPack(PackRef.tagged(AWS_GUARD, "9.9.9"))));
        assertEquals(List.of(applied(AWS_GUARD, 2, "1.1.0")), packsOf("prod"), "entry unchanged");

        update("prod", change().withAddPolicyPack(new PackRef(AWS_GUARD, 1, "", Optional.empty(), Optional.empty())));
        assertEquals(List.of(applied(AWS_GUARD, 1, "1.0.0")), packsOf("prod"), "a number alone selects it");
        update("prod", change().withAddPolicyPack(PackRef.latest(AWS_GUARD)));
        assertEquals(List.of(applied(AWS_GUARD, 4, "2.1.0")), packsOf("prod"), "latest at that moment");
    }

    @Test
    @DisplayName("S10: config keeps policy properties, expands the 'all' shorthand and rejects bad levels and values")
    void s10() {
        createS2Groups();
        update("prod", change().withAddPolicyPack(PackRef.latest(CIS).withConfig(
                json("all", "advisory", MFA, json("enforcementLevel", "mandatory", "maxAge", 90)))));
        List<AppliedPolicyPack> expected = List.of(applied(CIS, 1, "1.0.0", Map.of(
                "all", level("advisory"),
                MFA, json("enforcementLevel", "mandatory", "maxAge", 90))));
        assertEquals(expected, packsOf("prod"));

        assertRejected(400, "invalid enforcement level 'strict' for 'all'", () -> update("prod",
                change().withAddPolicyPack(PackRef.latest(CIS).withConfig(json("all", level("strict"))))));
        assertRejected(400, "invalid config for 'iam-mfa'", () -> update("prod",
                change().withAddPolicyPack(PackRef.latest(CIS).withConfig(json(MFA, "mandatory")))));
        assertEquals(expected, packsOf("prod"));
    }

    @Test
    @DisplayName("S11: removing another tag, an absent stack, or adding a present one are no-ops; tag '' removes")
    void s11() {
        createS2Groups();
        update("prod", change().withAddStack(WEB_PROD).withAddPolicyPack(PackRef.tagged(AWS_GUARD, "2.0.0")));
        PolicyGroup start = group("prod");
        assertEquals(new PolicyGroup(ACME, "prod", STACKS, PREVENTATIVE, false, List.of(WEB_PROD),
                List.of(applied(AWS_GUARD, 3, "2.0.0")), List.of(), ""), unstamped(start));

        update("prod", change().withRemovePolicyPack(PackRef.tagged(AWS_GUARD, "1.0.0")));
        assertEquals(start, group("prod"));
        update("prod", change().withAddStack(WEB_PROD));
        assertEquals(start, group("prod"));
        update("prod", change().withRemoveStack(API_DEV));
        assertEquals(start, group("prod"));

        update("prod", change().withRemovePolicyPack(PackRef.tagged(AWS_GUARD, "")));
        assertEquals(new PolicyGroup(ACME, "prod", STACKS, PREVENTATIVE, false, List.of(WEB_PROD), List.of(),
                List.of(), ""), group("prod"));
        assertEquals(new PolicyGroupSummary("prod", false, 1, 0, STACKS, PREVENTATIVE, 0), summary("prod"));
    }

    @Test
    @DisplayName("S12: a stack in three groups gets the highest version, the latest-written entry, filtered by mode")
    void s12() {
        createS2Groups();
        update(DEFAULT_STACKS, change().withAddPolicyPack(
                PackRef.tagged(AWS_GUARD, "1.1.0").withConfig(json("all", "advisory"))));
        update("prod", change().withAddStack(WEB_PROD).withAddPolicyPack(
                PackRef.tagged(AWS_GUARD, "2.0.0").withConfig(json("all", "mandatory"))));
        service.createPolicyGroup(ACME, new NewPolicyGroup("audit-all", "stacks", "audit", ""));
        update("audit-all", change().withAddStack(WEB_PROD).withAddPolicyPack(
                PackRef.tagged(AWS_GUARD, "2.0.0").withConfig(json(S3, level("disabled")))));
        update("audit-all", change().withAddPolicyPack(PackRef.latest(COST_CHECKS)));

        Map<String, Map<String, Object>> auditConfig = Map.of(S3, level("disabled"));
        Map<String, Map<String, Object>> prodConfig = Map.of("all", level("mandatory"));
        Map<String, Map<String, Object>> defaultConfig = Map.of("all", level("advisory"));
        assertEquals(List.of(applied(AWS_GUARD, 2, "1.1.0", defaultConfig)), packsOf(DEFAULT_STACKS));
        assertEquals(List.of(applied(AWS_GUARD, 3, "2.0.0", prodConfig)), packsOf("prod"));
        assertEquals(List.of(applied(AWS_GUARD, 3, "2.0.0", auditConfig), applied(COST_CHECKS, 1, "0.1.0")),
                packsOf("audit-all"));
        assertTrue(entry("audit-all", AWS_GUARD).modifiedMicros() > entry("prod", AWS_GUARD).modifiedMicros(),
                "audit-all's entry is written after prod's");

        assertEquals(List.of(required(AWS_GUARD, 3, "2.0.0", auditConfig), required(COST_CHECKS, 1, "0.1.0",
                Map.of())), service.stackPolicyPacks(ACME, "web", "prod", ""));
        assertEquals(List.of(required(AWS_GUARD, 3, "2.0.0", prodConfig)),
                service.stackPolicyPacks(ACME, "web", "prod", "preventative"));
        assertEquals(List.of(required(AWS_GUARD, 3, "2.0.0", auditConfig), required(COST_CHECKS, 1, "0.1.0",
                Map.of())), service.stackPolicyPacks(ACME, "web", "prod", "audit"));
        assertRejected(400, "Invalid mode parameter value",
                () -> service.stackPolicyPacks(ACME, "web", "prod", "all"));
        assertEquals(List.of(required(AWS_GUARD, 2, "1.1.0", defaultConfig)),
                service.stackPolicyPacks(ACME, "web", "dev", ""), "web/dev is only in the default group");

        // Effective levels, offered to embedders: own config, else 'all', else the published level.
        List<PackPolicy> v3 = service.getPolicyPack(ACME, AWS_GUARD, "2.0.0").version().policies();
        List<PackPolicy> v2 = service.getPolicyPack(ACME, AWS_GUARD, "1.1.0").version().policies();
        assertEquals(EnforcementLevel.DISABLED, entry("audit-all", AWS_GUARD).effectiveLevel(policy(v3, S3)));
        assertEquals(EnforcementLevel.ADVISORY, entry("audit-all", AWS_GUARD).effectiveLevel(policy(v3, EC2)));
        assertEquals(EnforcementLevel.MANDATORY, entry("prod", AWS_GUARD).effectiveLevel(policy(v3, EC2)));
        assertEquals(EnforcementLevel.ADVISORY, entry(DEFAULT_STACKS, AWS_GUARD).effectiveLevel(policy(v2, S3)));
    }

    @Test
    @DisplayName("S13: metadata of the worked-example groups, then with a pack on default-policy-group")
    void s13() {
        createS2Groups();
        buildWorkedExample();

        assertMetadata(WORKED_EXAMPLE, service.getMetadata(ACME));

        update(DEFAULT_STACKS, change().withAddPolicyPack(PackRef.latest(COST_CHECKS)));
        assertMetadata(new PolicyGroupMetadata(4, 50, 4, 50, 2, 17, 4, 50, 2, 140, 3, 147),
                service.getMetadata(ACME));
    }

    @Test
    @DisplayName("S14: adding a parent account adds its children, new children join, removal and deletion cascade")
    void s14() {
        createS2Groups();
        String euWest = "aws-main/eu-west-1";

        update("acct-sec", change().withAddInsightsAccount(AWS_MAIN));
        assertEquals(List.of(AWS_MAIN, AWS_EAST), group("acct-sec").accounts());
        assertEquals(new PolicyGroupSummary("acct-sec", false, 0, 2, ACCOUNTS, AUDIT, 0), summary("acct-sec"));

        service.createAccount(ACME, NewInsightsAccount.of(euWest, "aws", ENVIRONMENT));
        assertEquals(List.of(AWS_MAIN, euWest, AWS_EAST), group("acct-sec").accounts());
        assertEquals(3, summary("acct-sec").numAccounts());
        assertEquals(List.of(AWS_MAIN, euWest, AWS_EAST, GCP_LAB), group(DEFAULT_ACCOUNTS).accounts());

        update("acct-sec", change().withRemoveInsightsAccount(AWS_EAST));
        assertEquals(List.of(AWS_MAIN, euWest), group("acct-sec").accounts());
        update("acct-sec", change().withRemoveInsightsAccount(AWS_MAIN));
        assertEquals(List.of(), group("acct-sec").accounts());

        update("odd", change().withAddInsightsAccount(AWS_MAIN));
        assertEquals(List.of(AWS_MAIN, euWest, AWS_EAST), group("odd").accounts());
        service.deleteAccount(ACME, AWS_MAIN);

        for (String gone : List.of(AWS_MAIN, euWest, AWS_EAST)) {
            assertError(404, "Insights account '" + gone + "' not found", () -> service.getAccount(ACME, gone));
        }
        assertEquals(List.of(GCP_LAB), service.listAccounts(ACME, "", 100, "").items().stream()
                .map(a -> a.name()).toList());
        for (PolicyGroupSummary s : service.listPolicyGroups(ACME)) {
            List<String> accounts = group(s.name()).accounts();
            assertEquals(s.name().equals(DEFAULT_ACCOUNTS) ? List.of(GCP_LAB) : List.of(), accounts, s.name());
        }
        PolicyGroupMetadata m = service.getMetadata(ACME);
        assertEquals(1, m.totalAccounts());
        assertEquals(7, m.totalAccountResources());
    }

    @Test
    @DisplayName("S15: a stack joins the default group, keeps its groups across a rename and leaves them on delete")
    void s15() {
        createS2Groups();
        update("prod", change().withAddPolicyPack(PackRef.latest(AWS_GUARD)));
        StackRef webQa = new StackRef("web", "qa");
        StackRef apiQa2 = new StackRef("api", "qa2");

        assertEquals(new Stack(ACME, "web", "qa", 0, 0, Optional.empty()),
                service.createStack(ACME, "web", "qa", Optional.empty()));
        assertEquals(List.of(API_DEV, API_PROD, WEB_DEV, WEB_PROD, webQa), group(DEFAULT_STACKS).stacks());
        update("prod", change().withAddStack(webQa));
        PolicyGroup prodBefore = group("prod");

        assertEquals(new Stack(ACME, "api", "qa2", 0, 0, Optional.empty()),
                service.renameStack(ACME, "web", "qa", "qa2", "api"));
        assertEquals(withMembers(prodBefore, List.of(apiQa2), List.of(), ""), group("prod"),
                "membership follows, stamps unchanged");
        assertEquals(List.of(API_DEV, API_PROD, apiQa2, WEB_DEV, WEB_PROD), group(DEFAULT_STACKS).stacks());
        assertError(404, "Stack 'web/qa' not found", () -> service.getStack(ACME, "web", "qa"));

        Stack imported = service.importStack(ACME, "api", "qa2", 4);
        assertEquals(4, imported.resourceCount());
        assertEquals(1, imported.version());
        assertTrue(imported.lastUpdate().isPresent());
        assertRejected(400, "Stack still contains resources.",
                () -> service.deleteStack(ACME, "api", "qa2", false));

        service.deleteStack(ACME, "api", "qa2", true);
        assertError(404, "Stack 'api/qa2' not found", () -> service.getStack(ACME, "api", "qa2"));
        for (PolicyGroupSummary s : service.listPolicyGroups(ACME)) {
            assertFalse(group(s.name()).stacks().contains(apiQa2), s.name());
        }
        assertEquals(List.of(API_DEV, API_PROD, WEB_DEV, WEB_PROD), group(DEFAULT_STACKS).stacks());

        service.createStack(ACME, "api", "qa2", Optional.empty());
        assertEquals(List.of(), group("prod").stacks(), "a stack created again is new");
        assertEquals(List.of(defaultStacksSummary().name()), service.stackPolicyGroups(ACME, "api", "qa2").stream()
                .map(PolicyGroupSummary::name).toList());
    }

    @Test
    @DisplayName("S16: tags are never reused, applied packs and versions cannot be deleted, pending ones are hidden")
    void s16() {
        createS2Groups();
        update("prod", change().withAddPolicyPack(PackRef.tagged(AWS_GUARD, "2.0.0")));

        assertRejected(400, "Policy Pack: aws-guard, Version Tag: 2.0.0 already exists",
                () -> service.publishPolicyPack(ACME, newPack(AWS_GUARD, "2.0.0")));
        assertRejected(409, "Cannot delete a Policy Pack that is applied to Policy Groups",
                () -> service.deletePolicyPackVersion(ACME, AWS_GUARD, "2.0.0"));
        assertRejected(400, "Cannot delete an enabled Policy Pack", () -> service.deletePolicyPack(ACME, AWS_GUARD));

        PublishedVersion pending = publishPending(ACME, newPack(AWS_GUARD, "3.0.0"));
        assertEquals(4, pending.version(), "the rejected publish took no number");
        assertError(400, "Cannot get incomplete Policy Pack", () -> service.getPolicyPack(ACME, AWS_GUARD, "3.0.0"));

        PolicyPackSummary awsGuard = new PolicyPackSummary(AWS_GUARD, "AWS guard", List.of(3, 2, 1),
                List.of("2.0.0", "1.1.0", "1.0.0"));
        assertEquals(List.of(awsGuard,
                new PolicyPackSummary(CIS, "CIS benchmark", List.of(1), List.of("1.0.0")),
                new PolicyPackSummary(COST_CHECKS, "Cost checks", List.of(1), List.of("0.1.0"))),
                service.listPolicyPacks(ACME, ""));
        assertEquals(List.of(awsGuard), service.listPolicyPacks(ACME, AWS_GUARD));

        PolicyPackDetails details = service.getPolicyPack(ACME, AWS_GUARD, "2.0.0");
        PolicyPackVersion v3 = details.version();
        assertTrue(details.applied());
        assertEquals(List.of(ACME, AWS_GUARD, 3, "2.0.0", "AWS guard", RUNTIME, true, true),
                List.of(v3.org(), v3.name(), v3.version(), v3.versionTag(), v3.displayName(), v3.runtime(),
                        v3.complete(), v3.uploaded()));
        assertEquals(List.of(PackPolicy.of(S3, EnforcementLevel.MANDATORY),
                PackPolicy.of(EC2, EnforcementLevel.ADVISORY)), v3.policies());
        assertEquals(details, service.getPolicyPack(ACME, AWS_GUARD, "3"), "a number names the same version");
        assertFalse(service.getPolicyPack(ACME, AWS_GUARD, "1.0.0").applied());
        assertArrayEquals(content(AWS_GUARD, 3), service.downloadPolicyPack(ACME, AWS_GUARD, 3));
    }
}
