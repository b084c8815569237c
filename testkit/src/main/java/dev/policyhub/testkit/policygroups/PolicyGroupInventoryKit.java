package dev.policyhub.testkit.policygroups;

import dev.policyhub.core.Page;
import dev.policyhub.core.error.PolicyHubException;
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
import dev.policyhub.core.policygroups.PolicyGroupMetadata;
import dev.policyhub.core.policygroups.PolicyGroupSummary;
import dev.policyhub.core.policygroups.PolicyPackDetails;
import dev.policyhub.core.policygroups.PolicyPackSummary;
import dev.policyhub.core.policygroups.PolicyPackVersion;
import dev.policyhub.core.policygroups.PublishedVersion;
import dev.policyhub.core.policygroups.RequiredPolicy;
import dev.policyhub.core.policygroups.Stack;
import dev.policyhub.core.policygroups.StackRef;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import static dev.policyhub.core.policygroups.EntityType.ACCOUNTS;
import static dev.policyhub.core.policygroups.EntityType.STACKS;
import static dev.policyhub.core.policygroups.Mode.AUDIT;
import static dev.policyhub.core.policygroups.Mode.PREVENTATIVE;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inventory and registry life cycle at the service level: organizations, stacks, Insights accounts, pack
 * versions, and how members and packs resolve. Every test starts from fixture F; groups are compared whole, stamps
 * included, whenever a change must leave them alone.
 */
public abstract class PolicyGroupInventoryKit extends PolicyGroupsKitBase {
    private static final String BETA = "beta";
    private static final String NOPE = "nope";
    private static final String EU_WEST = "aws-main/eu-west-1";
    private static final PolicyGroupMetadata EMPTY_FIGURES =
            new PolicyGroupMetadata(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** For the concrete suites of each store. */
    protected PolicyGroupInventoryKit() {
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Runs a call that must fail with this status, whatever its message, and returns the error. */
    private static PolicyHubException assertStatus(int status, Executable call) {
        PolicyHubException e = assertThrows(PolicyHubException.class, call, () -> "expected status " + status);
        assertEquals(status, status(e), () -> "status of '" + e.getMessage() + "' (" + e.code() + ")");
        return e;
    }

    /** Like {@link #assertStatus}, and the state of acme is the same before and after the call. */
    private void assertRefused(int status, Executable call) {
        World before = world();
        assertStatus(status, call);
        assertEquals(before, world(), "the failed call changed nothing");
    }

    private static PolicyGroup emptyDefaultGroup(String org, String name) {
        return name.equals(DEFAULT_STACKS)
                ? new PolicyGroup(org, name, STACKS, PREVENTATIVE, true, List.of(), List.of(), List.of(), "")
                : new PolicyGroup(org, name, ACCOUNTS, AUDIT, true, List.of(), List.of(), List.of(), "");
    }

    /** Every group of acme by name, as stored. */
    private Map<String, PolicyGroup> groups() {
        Map<String, PolicyGroup> out = new LinkedHashMap<>();
        for (PolicyGroupSummary s : service.listPolicyGroups(ACME)) {
            out.put(s.name(), group(s.name()));
        }
        return out;
    }

    /** The same group with one more account, everything else (stamps included) kept. */
    private static PolicyGroup plusAccount(PolicyGroup g, String account) {
        List<String> accounts = new ArrayList<>(g.accounts());
        accounts.add(account);
        return withMembers(g, g.stacks(), accounts, g.agentPoolId());
    }

    /** The same group with its accounts changed, everything else (stamps included) kept. */
    private static PolicyGroup withAccounts(PolicyGroup g, UnaryOperator<List<String>> change) {
        return withMembers(g, g.stacks(), change.apply(new ArrayList<>(g.accounts())), g.agentPoolId());
    }

    private Stack stack(String org, StackRef ref) {
        return service.getStack(org, ref.routingProject(), ref.name());
    }

    private InsightsAccount account(String name) {
        return service.getAccount(ACME, name);
    }

    private InsightsAccount createAccount(String name) {
        return service.createAccount(ACME, NewInsightsAccount.of(name, "aws", ENVIRONMENT));
    }

    private List<String> accountNames() {
        return service.listAccounts(ACME, "", 1000, "").items().stream().map(InsightsAccount::name).toList();
    }

    private static NewPolicyPack pack(String name, String displayName, String tag) {
        return new NewPolicyPack(name, displayName, tag, RUNTIME, policiesOf(name));
    }

    private static List<PackPolicy> awsGuardPolicies() {
        return List.of(PackPolicy.of(S3, EnforcementLevel.MANDATORY), PackPolicy.of(EC2, EnforcementLevel.ADVISORY));
    }

    /** The complete aws-guard version as fixture F published it. */
    private PolicyPackVersion awsGuardVersion(int version, String tag) {
        return new PolicyPackVersion(ACME, AWS_GUARD, version, tag, displayName(AWS_GUARD), RUNTIME,
                awsGuardPolicies(), true, uploadToken(ACME, AWS_GUARD, version), true);
    }

    private static PackRef packWith(String name, String tag, Object config, List<String> environments) {
        return new PackRef(name, 0, tag, Optional.of(config), Optional.of(environments));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ---- organizations ------------------------------------------------------------------------------------------

    /** Organizations: listing, creation with the default groups, name rules, and deletion of everything inside. */
    @Nested
    @DisplayName("Organizations")
    class Organizations {

        @Test
        @DisplayName("organizations are listed by name, compared code point by code point")
        void listedByName() {
            for (String name : List.of("zeta", "acme_y", "Beta", "acme.x", "acme-2")) {
                service.createOrganization(name);
            }

            assertEquals(List.of("Beta", ACME, "acme-2", "acme.x", "acme_y", "zeta"), service.listOrganizations());
        }

        @Test
        @DisplayName("a new organization has exactly the two default groups, with their types and modes, empty")
        void createdWithDefaultGroups() {
            service.createOrganization(BETA);

            assertEquals(List.of(
                    new PolicyGroupSummary(DEFAULT_ACCOUNTS, true, 0, 0, ACCOUNTS, AUDIT, 0),
                    new PolicyGroupSummary(DEFAULT_STACKS, true, 0, 0, STACKS, PREVENTATIVE, 0)),
                    service.listPolicyGroups(BETA));
            assertEquals(emptyDefaultGroup(BETA, DEFAULT_ACCOUNTS), service.getPolicyGroup(BETA, DEFAULT_ACCOUNTS));
            assertEquals(emptyDefaultGroup(BETA, DEFAULT_STACKS), service.getPolicyGroup(BETA, DEFAULT_STACKS));
        }

        @Test
        @DisplayName("a new organization holds no stacks, no accounts and no packs")
        void createdEmpty() {
            service.createOrganization(BETA);

            assertEquals(new Page<Stack>(List.of(), ""), service.listStacks(BETA, "", 1000, ""));
            assertEquals(new Page<InsightsAccount>(List.of(), ""), service.listAccounts(BETA, "", 100, ""));
            assertEquals(List.of(), service.listPolicyPacks(BETA, ""));
            assertEquals(EMPTY_FIGURES, service.getMetadata(BETA));
        }

        @Test
        @DisplayName("creating an organization that exists answers 409 and leaves it as it was")
        void createExisting() {
            createS2Groups();

            assertRejected(409, "Organization 'acme' already exists", () -> service.createOrganization(ACME));
        }

        @Test
        @DisplayName("an organization name that is empty, too long or has other characters is refused with 400")
        void invalidName() {
            for (String name : List.of("", "a b", "a/b", "acme!", "caf\u00e9", "x".repeat(101))) {
                assertRefused(400, () -> service.createOrganization(name));
            }
            assertEquals(List.of(ACME), service.listOrganizations());
        }

        @Test
        @DisplayName("an organization name of up to 100 letters, digits, dots, underscores and dashes is accepted")
        void longestName() {
            String longest = "A.b_c-9" + "x".repeat(93);
            service.createOrganization(longest);

            assertEquals(List.of(longest, ACME), service.listOrganizations());
        }

        @Test
        @DisplayName("a deleted organization is gone: every call naming it answers 404")
        void deletedIsGone() {
            createS2Groups();
            update("prod", change().withAddStack(WEB_PROD).withAddPolicyPack(PackRef.latest(AWS_GUARD)));

            service.deleteOrganization(ACME);

            assertEquals(List.of(), service.listOrganizations());
            String message = "Organization 'acme' not found";
            assertError(404, message, () -> service.listPolicyGroups(ACME));
            assertError(404, message, () -> service.getPolicyGroup(ACME, "prod"));
            assertError(404, message, () -> service.getStack(ACME, "web", "prod"));
            assertError(404, message, () -> service.listStacks(ACME, "", 1000, ""));
            assertError(404, message, () -> service.getAccount(ACME, AWS_MAIN));
            assertError(404, message, () -> service.listPolicyPacks(ACME, ""));
            assertError(404, message, () -> service.getPolicyPack(ACME, AWS_GUARD, "1.0.0"));
            assertError(404, message, () -> service.downloadPolicyPack(ACME, AWS_GUARD, 1));
        }

        @Test
        @DisplayName("an organization created again after deletion has only empty default groups and no inventory")
        void recreatedIsNew() {
            createS2Groups();
            update("prod", change().withAddStack(WEB_PROD).withAddPolicyPack(PackRef.latest(AWS_GUARD)));
            update(DEFAULT_STACKS, change().withAddPolicyPack(PackRef.latest(COST_CHECKS)));

            service.deleteOrganization(ACME);
            service.createOrganization(ACME);

            assertEquals(new World(List.of(ACME),
                    List.of(emptyDefaultGroup(ACME, DEFAULT_ACCOUNTS), emptyDefaultGroup(ACME, DEFAULT_STACKS)),
                    List.of(), List.of(), List.of(), EMPTY_FIGURES), world());
        }

        @Test
        @DisplayName("deleting an organization forgets its pack numbers and tags: published again, a pack restarts at 1")
        void recreatedRegistryRestarts() {
            service.deleteOrganization(ACME);
            service.createOrganization(ACME);

            assertEquals(1, publish(ACME, AWS_GUARD, "1.0.0"));
            assertEquals(2, publish(ACME, AWS_GUARD, "2.0.0"), "the tag of the old v3 is free again");
            assertEquals(List.of(new PolicyPackSummary(AWS_GUARD, displayName(AWS_GUARD), List.of(2, 1),
                    List.of("2.0.0", "1.0.0"))), service.listPolicyPacks(ACME, ""));
            assertArrayEquals(content(AWS_GUARD, 1), service.downloadPolicyPack(ACME, AWS_GUARD, 1));
        }

        @Test
        @DisplayName("deleting an organization also forgets a pack whose versions were all deleted before")
        void recreatedForgetsDeletedPacks() {
            publish(ACME, "ghost", "1.0.0");
            service.deletePolicyPackVersion(ACME, "ghost", "1.0.0");
            assertError(400, "Policy Pack: ghost, Version Tag: 1.0.0 already exists",
                    () -> service.publishPolicyPack(ACME, newPack("ghost", "1.0.0")));

            service.deleteOrganization(ACME);
            service.createOrganization(ACME);

            assertEquals(1, publish(ACME, "ghost", "1.0.0"));
            assertEquals(List.of(new PolicyPackSummary("ghost", displayName("ghost"), List.of(1), List.of("1.0.0"))),
                    service.listPolicyPacks(ACME, ""));
        }

        @Test
        @DisplayName("deleting an organization leaves every other organization as it was")
        void otherOrganizationsUntouched() {
            service.createOrganization(BETA);
            importedStack(BETA, WEB_PROD, 4);
            service.createAccount(BETA, NewInsightsAccount.of(AWS_MAIN, "aws", ENVIRONMENT));
            publish(BETA, AWS_GUARD, "1.0.0");
            service.createPolicyGroup(BETA, NewPolicyGroup.of("prod", "stacks"));
            service.updatePolicyGroup(BETA, "prod", change().withAddStack(WEB_PROD)
                    .withAddPolicyPack(PackRef.latest(AWS_GUARD)).withAddInsightsAccount(AWS_MAIN));
            World before = world(BETA);

            service.deleteOrganization(ACME);

            assertEquals(new World(List.of(BETA), before.groups(), before.stacks(), before.accounts(), before.packs(),
                    before.metadata()), world(BETA));
            assertArrayEquals(content(AWS_GUARD, 1), service.downloadPolicyPack(BETA, AWS_GUARD, 1));
        }

        @Test
        @DisplayName("deleting an unknown organization answers 404")
        void deleteUnknown() {
            assertRejected(404, "Organization 'nope' not found", () -> service.deleteOrganization(NOPE));
        }
    }

    // ---- stacks -------------------------------------------------------------------------------------------------

    /** Stacks: creation, imports, renames, deletion and creation again, and the cross-organization listing. */
    @Nested
    @DisplayName("Stacks")
    class Stacks {

        @Test
        @DisplayName("a stack created without state has no resources, version 0 and no last update")
        void createdWithoutState() {
            Stack created = service.createStack(ACME, "web", "qa", Optional.empty());

            assertEquals(new Stack(ACME, "web", "qa", 0, 0, Optional.empty()), created);
            assertEquals(created, service.getStack(ACME, "web", "qa"));
        }

        @Test
        @DisplayName("a stack created with a state counts its resources, still at version 0 with no last update")
        void createdWithState() {
            Stack created = service.createStack(ACME, "web", "qa", Optional.of(7L));

            assertEquals(new Stack(ACME, "web", "qa", 7, 0, Optional.empty()), created);
            assertEquals(created, service.getStack(ACME, "web", "qa"));
        }

        @Test
        @DisplayName("a created stack in a new project makes the project exist and joins the default group")
        void createdInNewProject() {
            service.createStack(ACME, "batch", "nightly", Optional.empty());

            assertEquals(List.of(new Stack(ACME, "batch", "nightly", 0, 0, Optional.empty())),
                    service.listStacks(ACME, "batch", 1000, "").items());
            assertEquals(List.of(API_DEV, API_PROD, new StackRef("batch", "nightly"), WEB_DEV, WEB_PROD),
                    group(DEFAULT_STACKS).stacks());
        }

        @Test
        @DisplayName("the first import of a stack sets its count, version 1 and a last update from the hub's clock")
        void firstImport() {
            service.createStack(ACME, "web", "qa", Optional.of(7L));

            Stack imported = service.importStack(ACME, "web", "qa", 4);

            Instant at = imported.lastUpdate().orElseThrow(() -> new AssertionError("an import sets lastUpdate"));
            assertEquals(new Stack(ACME, "web", "qa", 4, 1, Optional.of(at)), imported);
            assertEquals(imported, service.getStack(ACME, "web", "qa"));
            assertEquals(CLOCK_START.getEpochSecond(), at.getEpochSecond(), "the Unix second of the hub's clock");
            assertFalse(at.isBefore(CLOCK_START), "not before the hub's clock");
        }

        @Test
        @DisplayName("each further import replaces the count, adds one to the version and moves the last update on")
        void laterImport() {
            Stack before = service.getStack(ACME, "web", "prod");
            Instant first = before.lastUpdate().orElseThrow(() -> new AssertionError("fixture F imported web/prod"));
            assertEquals(new Stack(ACME, "web", "prod", 12, 1, Optional.of(first)), before);

            Stack imported = service.importStack(ACME, "web", "prod", 20);

            Instant second = imported.lastUpdate().orElseThrow(() -> new AssertionError("an import sets lastUpdate"));
            assertEquals(new Stack(ACME, "web", "prod", 20, 2, Optional.of(second)), imported);
            assertEquals(imported, service.getStack(ACME, "web", "prod"));
            assertEquals(CLOCK_START.getEpochSecond(), second.getEpochSecond(), "the Unix second of the hub's clock");
            assertTrue(second.isAfter(first), "strictly after the previous import");
        }

        @Test
        @DisplayName("moving a stack to another project and name carries every membership; pack entries are kept whole")
        void renameMovesMemberships() {
            createS2Groups();
            update("prod", change().withStacks(List.of(WEB_PROD, WEB_DEV)).withAddPolicyPack(
                    PackRef.tagged(AWS_GUARD, "2.0.0").withConfig(json("all", "mandatory"))));
            update("acct-sec", change().withAddStack(WEB_PROD).withAddInsightsAccount(GCP_LAB)
                    .withAddPolicyPack(PackRef.latest(CIS)));
            update(DEFAULT_STACKS, change().withAddPolicyPack(PackRef.latest(COST_CHECKS)));
            Map<String, PolicyGroup> before = groups();
            Stack old = service.getStack(ACME, "web", "prod");
            StackRef apiLive = new StackRef("api", "live");

            Stack moved = service.renameStack(ACME, "web", "prod", "live", "api");

            assertEquals(new Stack(ACME, "api", "live", old.resourceCount(), old.version(), old.lastUpdate()), moved);
            assertEquals(moved, service.getStack(ACME, "api", "live"));
            assertError(404, "Stack 'web/prod' not found", () -> service.getStack(ACME, "web", "prod"));
            assertEquals(before.keySet(), groups().keySet());
            before.forEach((name, g) -> assertEquals(withMembers(g,
                    g.stacks().stream().map(s -> s.equals(WEB_PROD) ? apiLive : s).toList(), g.accounts(),
                    g.agentPoolId()), group(name), name));
        }

        @Test
        @DisplayName("the packs a stack requires and the groups holding it follow it through a rename")
        void renameKeepsResolution() {
            createS2Groups();
            update("prod", change().withAddStack(WEB_PROD).withAddPolicyPack(PackRef.latest(AWS_GUARD)));
            List<RequiredPolicy> packs = service.stackPolicyPacks(ACME, "web", "prod", "");
            List<PolicyGroupSummary> holders = service.stackPolicyGroups(ACME, "web", "prod");

            service.renameStack(ACME, "web", "prod", "live", "ops");

            assertEquals(packs, service.stackPolicyPacks(ACME, "ops", "live", ""));
            assertEquals(holders, service.stackPolicyGroups(ACME, "ops", "live"));
        }

        @Test
        @DisplayName("a rename with an empty new project keeps the project")
        void renameKeepsProject() {
            Stack old = service.getStack(ACME, "web", "dev");

            Stack renamed = service.renameStack(ACME, "web", "dev", "staging", "");

            assertEquals(new Stack(ACME, "web", "staging", 5, old.version(), old.lastUpdate()), renamed);
            assertEquals(renamed, service.getStack(ACME, "web", "staging"));
        }

        @Test
        @DisplayName("a rename with an empty new name keeps the name")
        void renameKeepsName() {
            Stack old = service.getStack(ACME, "web", "prod");

            Stack moved = service.renameStack(ACME, "web", "prod", "", "ops");

            assertEquals(new Stack(ACME, "ops", "prod", 12, old.version(), old.lastUpdate()), moved);
            assertEquals(moved, service.getStack(ACME, "ops", "prod"));
        }

        @Test
        @DisplayName("renaming a stack to its own project and name changes nothing")
        void renameToSameName() {
            createS2Groups();
            update("prod", change().withAddStack(WEB_PROD).withAddPolicyPack(PackRef.latest(AWS_GUARD)));
            Stack current = service.getStack(ACME, "web", "prod");
            World before = world();

            assertEquals(current, service.renameStack(ACME, "web", "prod", "prod", "web"));
            assertEquals(current, service.renameStack(ACME, "web", "prod", "prod", ""));
            assertEquals(current, service.renameStack(ACME, "web", "prod", "", "web"));

            assertEquals(before, world());
        }

        @Test
        @DisplayName("a stack deleted and created again is a new stack: only in the default group, no resources")
        void recreatedIsNew() {
            createS2Groups();
            update("prod", change().withAddStack(WEB_DEV).withAddPolicyPack(PackRef.latest(AWS_GUARD)));
            service.createPolicyGroup(ACME, new NewPolicyGroup("audit-all", "stacks", "audit", ""));
            update("audit-all", change().withAddStack(WEB_DEV));
            PolicyGroup prod = group("prod");

            service.deleteStack(ACME, "web", "dev", true);
            Stack again = service.createStack(ACME, "web", "dev", Optional.empty());

            assertEquals(new Stack(ACME, "web", "dev", 0, 0, Optional.empty()), again);
            assertEquals(List.of(new PolicyGroupSummary(DEFAULT_STACKS, true, 4, 0, STACKS, PREVENTATIVE, 0)),
                    service.stackPolicyGroups(ACME, "web", "dev"));
            assertEquals(withMembers(prod, List.of(), List.of(), ""), group("prod"));
            assertEquals(new PolicyGroup(ACME, "audit-all", STACKS, AUDIT, false, List.of(), List.of(), List.of(),
                    ""), group("audit-all"));
            assertEquals(List.of(), service.stackPolicyPacks(ACME, "web", "dev", ""));
        }

        // -- listing --

        /**
         * Adds org {@code acme-2} (a/a) and {@code beta} (api/x 2, web/prod 4), and to acme a/z 1 and a-b/a;
         * returns every stack in the expected order.
         */
        private List<Stack> threeOrganizations() {
            service.createOrganization(BETA);
            service.createOrganization("acme-2");
            service.createStack(BETA, "web", "prod", Optional.of(4L));
            service.createStack(BETA, "api", "x", Optional.of(2L));
            service.createStack("acme-2", "a", "a", Optional.empty());
            service.createStack(ACME, "a-b", "a", Optional.empty());
            service.createStack(ACME, "a", "z", Optional.of(1L));
            List<Stack> expected = new ArrayList<>();
            for (StackRef ref : List.of(new StackRef("a", "z"), new StackRef("a-b", "a"), API_DEV, API_PROD, WEB_DEV,
                    WEB_PROD)) {
                expected.add(stack(ACME, ref));
            }
            expected.add(stack("acme-2", new StackRef("a", "a")));
            expected.add(stack(BETA, new StackRef("api", "x")));
            expected.add(stack(BETA, WEB_PROD));
            return expected;
        }

        @Test
        @DisplayName("stacks of every organization are listed by organization, then project, then name")
        void listedAcrossOrganizations() {
            List<Stack> expected = threeOrganizations();

            assertEquals(new Page<>(expected, ""), service.listStacks("", "", 1000, ""));
        }

        @Test
        @DisplayName("project 'a' sorts before project 'a-b', and organization 'acme' before 'acme-2'")
        void prefixNamesSortFirst() {
            threeOrganizations();

            List<String> ids = service.listStacks("", "", 1000, "").items().stream().map(Stack::id).toList();

            assertEquals(List.of("acme/a/z", "acme/a-b/a", "acme/api/dev", "acme/api/prod", "acme/web/dev",
                    "acme/web/prod", "acme-2/a/a", "beta/api/x", "beta/web/prod"), ids);
        }

        @Test
        @DisplayName("pages of two walk every stack once, in order, and only the last page has no token")
        void pagesOfTwo() {
            List<Stack> expected = threeOrganizations();
            List<Stack> seen = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            String token = "";
            do {
                Page<Stack> page = service.listStacks("", "", 2, token);
                seen.addAll(page.items());
                sizes.add(page.items().size());
                token = page.nextPageToken();
                assertTrue(sizes.size() <= expected.size(), "the walk ends");
            } while (!token.isEmpty());

            assertEquals(expected, seen);
            assertEquals(List.of(2, 2, 2, 2, 1), sizes);
        }

        @Test
        @DisplayName("a full last page carries no continuation token")
        void fullLastPage() {
            threeOrganizations();
            List<Stack> acme = service.listStacks(ACME, "", 1000, "").items();

            Page<Stack> first = service.listStacks(ACME, "", 3, "");
            Page<Stack> second = service.listStacks(ACME, "", 3, first.nextPageToken());

            assertTrue(first.hasNextPage(), "a second page follows");
            assertEquals(acme.subList(0, 3), first.items());
            assertEquals(new Page<>(acme.subList(3, 6), ""), second);
        }

        @Test
        @DisplayName("an organization's listing holds only its own stacks")
        void listedInOneOrganization() {
            List<Stack> all = threeOrganizations();

            assertEquals(new Page<>(all.subList(0, 6), ""), service.listStacks(ACME, "", 1000, ""));
            assertEquals(new Page<>(all.subList(7, 9), ""), service.listStacks(BETA, "", 1000, ""));
        }

        @Test
        @DisplayName("a project filter keeps only that project's stacks, in every organization, matching it exactly")
        void projectFilter() {
            List<Stack> all = threeOrganizations();

            assertEquals(new Page<>(List.of(all.get(4), all.get(5), all.get(8)), ""),
                    service.listStacks("", "web", 1000, ""));
            assertEquals(new Page<>(List.of(all.get(0), all.get(6)), ""), service.listStacks("", "a", 1000, ""));
            assertEquals(new Page<>(List.of(all.get(2), all.get(3)), ""), service.listStacks(ACME, "api", 1000, ""));
            assertEquals(new Page<Stack>(List.of(), ""), service.listStacks("", "ap", 1000, ""));
        }

        @Test
        @DisplayName("a project filter pages like the full listing")
        void projectFilterPages() {
            List<Stack> all = threeOrganizations();

            Page<Stack> first = service.listStacks("", "a", 1, "");
            assertEquals(List.of(all.get(0)), first.items());
            assertTrue(first.hasNextPage(), "a second page follows");
            assertEquals(new Page<>(List.of(all.get(6)), ""), service.listStacks("", "a", 1, first.nextPageToken()));
        }

        @Test
        @DisplayName("a continuation token that is not base64url is refused with 400")
        void invalidToken() {
            for (String token : List.of("%%%", "a+b/c", "x y")) {
                assertRejected(400, "invalid continuation token", () -> service.listStacks("", "", 2, token));
                assertRejected(400, "invalid continuation token", () -> service.listStacks(ACME, "", 2, token));
            }
        }
    }

    // ---- accounts -----------------------------------------------------------------------------------------------

    /** Insights accounts: creation, children joining their parent's groups, bulk creation, listing, deletion, counts. */
    @Nested
    @DisplayName("Insights accounts")
    class Accounts {

        @Test
        @DisplayName("a created account keeps provider, environment, provider config and agent pool; schedule is none")
        void createdRecord() {
            Map<String, Object> providerConfig = json("region", "westeurope", "tenant", json("id", "t-1"));
            InsightsAccount created = service.createAccount(ACME, new NewInsightsAccount("azure-sub", "azure-native",
                    "ops/azure", "", providerConfig, "pool-1"));

            assertFalse(created.id().isEmpty(), "an id is given");
            assertEquals(new InsightsAccount(ACME, "azure-sub", created.id(), "azure-native", "ops/azure", "none",
                    providerConfig, "pool-1", 0), created);
            assertEquals(created, account("azure-sub"));
        }

        @Test
        @DisplayName("a scan schedule given at creation is kept")
        void scheduleKept() {
            InsightsAccount daily = service.createAccount(ACME,
                    new NewInsightsAccount("oci-a", "oci", "ops/oci", "daily", Map.of(), ""));
            InsightsAccount twelve = service.createAccount(ACME,
                    new NewInsightsAccount("oci-b", "oci", "ops/oci", "12h", Map.of(), ""));

            assertEquals(new InsightsAccount(ACME, "oci-a", daily.id(), "oci", "ops/oci", "daily", Map.of(), "", 0),
                    daily);
            assertEquals(new InsightsAccount(ACME, "oci-b", twelve.id(), "oci", "ops/oci", "12h", Map.of(), "", 0),
                    twelve);
        }

        @Test
        @DisplayName("every account has its own id")
        void distinctIds() {
            createAccount(EU_WEST);
            createAccount("aws-2");

            List<String> ids = service.listAccounts(ACME, "", 1000, "").items().stream().map(InsightsAccount::id)
                    .toList();

            assertEquals(5, ids.size());
            assertEquals(5, new HashSet<>(ids).size(), () -> "distinct ids: " + ids);
            assertFalse(ids.contains(""), "no empty id");
        }

        @Test
        @DisplayName("a new top-level account joins the default accounts group and no other group")
        void topLevelJoinsDefaultOnly() {
            createS2Groups();
            update("acct-sec", change().withAddInsightsAccount(GCP_LAB).withAddPolicyPack(PackRef.latest(CIS)));
            Map<String, PolicyGroup> before = groups();

            createAccount("aws-2");

            Map<String, PolicyGroup> after = groups();
            assertEquals(before.keySet(), after.keySet());
            before.forEach((name, g) -> assertEquals(name.equals(DEFAULT_ACCOUNTS) ? plusAccount(g, "aws-2") : g,
                    after.get(name), name));
        }

        @Test
        @DisplayName("a new child joins every group holding its parent at that moment, whatever the group's type")
        void childJoinsParentsGroups() {
            createS2Groups();
            update("acct-sec", change().withAddInsightsAccount(AWS_MAIN).withAddPolicyPack(PackRef.latest(CIS)));
            update("prod", change().withInsightsAccounts(List.of(AWS_MAIN)).withAddStack(WEB_PROD));
            update("odd", change().withAddInsightsAccount(AWS_EAST));
            service.createPolicyGroup(ACME, NewPolicyGroup.of("gcp-only", "accounts"));
            update("gcp-only", change().withAddInsightsAccount(GCP_LAB));
            Map<String, PolicyGroup> before = groups();
            Set<String> joined = Set.of(DEFAULT_ACCOUNTS, "acct-sec", "prod");

            createAccount(EU_WEST);

            Map<String, PolicyGroup> after = groups();
            assertEquals(before.keySet(), after.keySet());
            before.forEach((name, g) -> assertEquals(joined.contains(name) ? plusAccount(g, EU_WEST) : g,
                    after.get(name), name));
            assertEquals(List.of(AWS_MAIN, EU_WEST, AWS_EAST), after.get("acct-sec").accounts());
        }

        @Test
        @DisplayName("a new child joins a group holding its parent even after a sibling was removed from it")
        void childJoinsAfterSiblingRemoved() {
            createS2Groups();
            update("acct-sec", change().withAddInsightsAccount(AWS_MAIN));
            update("acct-sec", change().withRemoveInsightsAccount(AWS_EAST));
            PolicyGroup before = group("acct-sec");
            assertEquals(List.of(AWS_MAIN), before.accounts());

            createAccount(EU_WEST);

            assertEquals(plusAccount(before, EU_WEST), group("acct-sec"));
        }

        @Test
        @DisplayName("a new child does not join a group that removed its parent before the child was created")
        void childSkipsGroupThatLostParent() {
            createS2Groups();
            update("acct-sec", change().withAddInsightsAccount(AWS_MAIN).withAddPolicyPack(PackRef.latest(CIS)));
            update("acct-sec", change().withRemoveInsightsAccount(AWS_MAIN));
            PolicyGroup before = group("acct-sec");
            assertEquals(List.of(), before.accounts());

            createAccount(EU_WEST);

            assertEquals(before, group("acct-sec"));
        }

        @Test
        @DisplayName("a group that adds the parent after the child was created gets the child through the parent")
        void laterParentAddBringsChild() {
            createS2Groups();
            createAccount(EU_WEST);
            assertEquals(List.of(), group("acct-sec").accounts(), "the child joined no group without its parent");

            update("acct-sec", change().withAddInsightsAccount(AWS_MAIN));
            update("prod", change().withInsightsAccounts(List.of(AWS_MAIN, GCP_LAB)));

            assertEquals(List.of(AWS_MAIN, EU_WEST, AWS_EAST), group("acct-sec").accounts());
            assertEquals(List.of(AWS_MAIN, EU_WEST, AWS_EAST, GCP_LAB), group("prod").accounts());
        }

        @Test
        @DisplayName("adding a child alone brings neither its parent nor its siblings")
        void childAloneStaysAlone() {
            createS2Groups();
            createAccount(EU_WEST);

            update("acct-sec", change().withAddInsightsAccount(EU_WEST));

            assertEquals(new PolicyGroup(ACME, "acct-sec", ACCOUNTS, AUDIT, false, List.of(), List.of(),
                    List.of(EU_WEST), ""), group("acct-sec"));
        }

        // -- bulk --

        private List<NewInsightsAccount> bulkItems() {
            return List.of(
                    new NewInsightsAccount("aws-audit", "aws", ENVIRONMENT, "daily", Map.of(), ""),
                    NewInsightsAccount.of("aws-audit/eu-west-1", "aws", ENVIRONMENT),
                    NewInsightsAccount.of(AWS_MAIN, "aws", ENVIRONMENT),
                    NewInsightsAccount.of("nope/child", "aws", ENVIRONMENT),
                    NewInsightsAccount.of("bad name", "aws", ENVIRONMENT),
                    NewInsightsAccount.of("gcp-x", "aws2", ENVIRONMENT),
                    NewInsightsAccount.of("aws-audit", "gcp", ENVIRONMENT),
                    new NewInsightsAccount("k8s", "kubernetes", "ops/k8s", "12h", Map.of("context", "prod"), "p2"));
        }

        @Test
        @DisplayName("a bulk create handles items in order: a child may follow its parent, a repeated name fails")
        void bulkCreatesInOrder() {
            BulkCreateResult result = service.createAccounts(ACME, bulkItems());

            List<InsightsAccount> created = result.accounts();
            assertEquals(List.of("aws-audit", "aws-audit/eu-west-1", "k8s"),
                    created.stream().map(InsightsAccount::name).toList());
            assertEquals(List.of(account("aws-audit"), account("aws-audit/eu-west-1"), account("k8s")), created);
            assertEquals(new InsightsAccount(ACME, "aws-audit", created.get(0).id(), "aws", ENVIRONMENT, "daily",
                    Map.of(), "", 0), created.get(0));
            assertEquals(new InsightsAccount(ACME, "k8s", created.get(2).id(), "kubernetes", "ops/k8s", "12h",
                    Map.of("context", "prod"), "p2", 0), created.get(2));
            assertEquals(List.of(AWS_MAIN, "nope/child", "bad name", "gcp-x", "aws-audit"),
                    result.failures().stream().map(BulkCreateResult.Failure::name).toList());
        }

        @Test
        @DisplayName("each failed item of a bulk create carries the error the single create gives for it")
        void bulkFailuresMatchSingleCreate() {
            List<NewInsightsAccount> items = bulkItems();
            BulkCreateResult result = service.createAccounts(ACME, items);

            List<String> messages = result.failures().stream().map(f -> f.error().getMessage()).toList();
            assertEquals(List.of("Insights account 'aws-main' already exists", "parent account 'nope' not found",
                    "invalid account name", "invalid provider 'aws2'", "Insights account 'aws-audit' already exists"),
                    messages);
            List<NewInsightsAccount> failed = List.of(items.get(2), items.get(3), items.get(4), items.get(5),
                    items.get(6));
            for (int i = 0; i < failed.size(); i++) {
                NewInsightsAccount item = failed.get(i);
                PolicyHubException bulk = result.failures().get(i).error();
                PolicyHubException single = assertThrows(PolicyHubException.class,
                        () -> service.createAccount(ACME, item), item.name());
                assertAll(item.name(),
                        () -> assertEquals(single.getMessage(), bulk.getMessage(), "message"),
                        () -> assertEquals(status(single), status(bulk), "status"));
            }
        }

        @Test
        @DisplayName("the failed items of a bulk create leave no trace; the created ones join the default group")
        void bulkFailuresChangeNothing() {
            List<String> before = accountNames();

            service.createAccounts(ACME, bulkItems());

            List<String> expected = new ArrayList<>(before);
            expected.addAll(List.of("aws-audit", "aws-audit/eu-west-1", "k8s"));
            expected.sort(null);
            assertEquals(expected, accountNames());
            assertEquals(expected, group(DEFAULT_ACCOUNTS).accounts());
        }

        @Test
        @DisplayName("a bulk create of more than 100 items is refused whole")
        void bulkTooMany() {
            List<NewInsightsAccount> items = new ArrayList<>();
            for (int i = 0; i < 101; i++) {
                items.add(NewInsightsAccount.of("bulk-" + i, "aws", ENVIRONMENT));
            }

            assertRefused(400, () -> service.createAccounts(ACME, items));
        }

        @Test
        @DisplayName("a bulk create of exactly 100 items creates them all")
        void bulkOfHundred() {
            List<NewInsightsAccount> items = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                items.add(NewInsightsAccount.of(String.format("bulk-%03d", i), "aws", ENVIRONMENT));
            }

            BulkCreateResult result = service.createAccounts(ACME, items);

            assertEquals(List.of(), result.failures());
            assertEquals(items.stream().map(NewInsightsAccount::name).toList(),
                    result.accounts().stream().map(InsightsAccount::name).toList());
            assertEquals(103, accountNames().size());
        }

        // -- listing --

        @Test
        @DisplayName("accounts are listed by name, compared code point by code point")
        void listedByName() {
            createAccount("aws-main_3");
            createAccount(EU_WEST);
            createAccount("aws-main-2");

            List<InsightsAccount> expected = new ArrayList<>();
            for (String name : List.of(AWS_MAIN, "aws-main-2", EU_WEST, AWS_EAST, "aws-main_3", GCP_LAB)) {
                expected.add(account(name));
            }
            assertEquals(new Page<>(expected, ""), service.listAccounts(ACME, "", 100, ""));
        }

        @Test
        @DisplayName("the parent filter keeps exactly that parent's children, not the parent nor look-alike names")
        void parentFilter() {
            createAccount(EU_WEST);
            createAccount("aws-main-2");
            createAccount("aws-main-2/x");

            assertEquals(new Page<>(List.of(account(EU_WEST), account(AWS_EAST)), ""),
                    service.listAccounts(ACME, AWS_MAIN, 100, ""));
            assertEquals(new Page<>(List.of(account("aws-main-2/x")), ""),
                    service.listAccounts(ACME, "aws-main-2", 100, ""));
        }

        @Test
        @DisplayName("the parent filter of an account without children lists nothing")
        void parentWithoutChildren() {
            assertEquals(new Page<InsightsAccount>(List.of(), ""), service.listAccounts(ACME, GCP_LAB, 100, ""));
        }

        @Test
        @DisplayName("pages of two walk every account once, in order, and only the last page has no token")
        void pagesOfTwo() {
            createAccount(EU_WEST);
            createAccount("aws-2");
            createAccount("oci-a");
            createAccount("aws-2/eu");
            List<InsightsAccount> expected = service.listAccounts(ACME, "", 1000, "").items();
            assertEquals(7, expected.size());

            List<InsightsAccount> seen = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            String token = "";
            do {
                Page<InsightsAccount> page = service.listAccounts(ACME, "", 2, token);
                seen.addAll(page.items());
                sizes.add(page.items().size());
                token = page.nextPageToken();
                assertTrue(sizes.size() <= expected.size(), "the walk ends");
            } while (!token.isEmpty());

            assertEquals(expected, seen);
            assertEquals(List.of(2, 2, 2, 1), sizes);
        }

        @Test
        @DisplayName("the parent filter pages like the full listing")
        void parentFilterPages() {
            createAccount(EU_WEST);

            Page<InsightsAccount> first = service.listAccounts(ACME, AWS_MAIN, 1, "");

            assertEquals(List.of(account(EU_WEST)), first.items());
            assertTrue(first.hasNextPage(), "a second page follows");
            assertEquals(new Page<>(List.of(account(AWS_EAST)), ""),
                    service.listAccounts(ACME, AWS_MAIN, 1, first.nextPageToken()));
        }

        @Test
        @DisplayName("a parent filter naming no account answers 404")
        void unknownParent() {
            assertRejected(404, "parent account 'x' not found", () -> service.listAccounts(ACME, "x", 100, ""));
        }

        // -- deletion --

        @Test
        @DisplayName("deleting a parent deletes its children and takes all of them out of every group")
        void deleteParentCascades() {
            createS2Groups();
            createAccount(EU_WEST);
            createAccount("aws-main-2");
            update("acct-sec", change().withInsightsAccounts(List.of(AWS_MAIN, GCP_LAB))
                    .withAddPolicyPack(PackRef.latest(CIS)));
            update("prod", change().withAddInsightsAccount(AWS_EAST).withAddStack(WEB_PROD));
            update("odd", change().withInsightsAccounts(List.of(EU_WEST, "aws-main-2")));
            Map<String, PolicyGroup> before = groups();
            Set<String> gone = Set.of(AWS_MAIN, AWS_EAST, EU_WEST);

            service.deleteAccount(ACME, AWS_MAIN);

            assertEquals(List.of("aws-main-2", GCP_LAB), accountNames());
            for (String name : gone) {
                assertError(404, "Insights account '" + name + "' not found", () -> service.getAccount(ACME, name));
            }
            Map<String, PolicyGroup> after = groups();
            assertEquals(before.keySet(), after.keySet());
            before.forEach((name, g) -> assertEquals(withAccounts(g, a -> {
                a.removeAll(gone);
                return a;
            }), after.get(name), name));
        }

        @Test
        @DisplayName("deleting a child leaves its parent and its siblings where they are")
        void deleteChildOnly() {
            createS2Groups();
            createAccount(EU_WEST);
            update("acct-sec", change().withAddInsightsAccount(AWS_MAIN));
            Map<String, PolicyGroup> before = groups();

            service.deleteAccount(ACME, AWS_EAST);

            assertEquals(List.of(AWS_MAIN, EU_WEST, GCP_LAB), accountNames());
            Map<String, PolicyGroup> after = groups();
            before.forEach((name, g) -> assertEquals(withAccounts(g, a -> {
                a.remove(AWS_EAST);
                return a;
            }), after.get(name), name));
            assertEquals(List.of(AWS_MAIN, EU_WEST), after.get("acct-sec").accounts());
        }

        @Test
        @DisplayName("an account deleted and created again is new: another id, only in the default accounts group")
        void recreatedIsNew() {
            createS2Groups();
            update("acct-sec", change().withAddInsightsAccount(GCP_LAB));
            InsightsAccount old = account(GCP_LAB);

            service.deleteAccount(ACME, GCP_LAB);
            InsightsAccount again = service.createAccount(ACME, NewInsightsAccount.of(GCP_LAB, "gcp", "ops/gcp"));

            assertNotEquals(old.id(), again.id());
            assertEquals(new InsightsAccount(ACME, GCP_LAB, again.id(), "gcp", "ops/gcp", "none", Map.of(), "", 0),
                    again);
            assertEquals(List.of(), group("acct-sec").accounts());
            assertEquals(List.of(AWS_MAIN, AWS_EAST, GCP_LAB), group(DEFAULT_ACCOUNTS).accounts());
        }

        // -- resource counts --

        @Test
        @DisplayName("resource counts of stacks and accounts are set in one call, touching nothing else")
        void setCounts() {
            Stack webProd = service.getStack(ACME, "web", "prod");
            Stack apiDev = service.getStack(ACME, "api", "dev");
            InsightsAccount gcp = account(GCP_LAB);
            InsightsAccount east = account(AWS_EAST);

            service.setResourceCounts(ACME, Map.of(WEB_PROD, 99L, API_DEV, 0L), Map.of(GCP_LAB, 70L, AWS_EAST, 1L));

            assertEquals(new Stack(ACME, "web", "prod", 99, webProd.version(), webProd.lastUpdate()),
                    service.getStack(ACME, "web", "prod"));
            assertEquals(new Stack(ACME, "api", "dev", 0, apiDev.version(), apiDev.lastUpdate()),
                    service.getStack(ACME, "api", "dev"));
            assertEquals(gcp.withResourceCount(70), account(GCP_LAB));
            assertEquals(east.withResourceCount(1), account(AWS_EAST));
            assertMetadata(new PolicyGroupMetadata(0, 0, 0, 0, 0, 0, 4, 134, 0, 0, 3, 171),
                    service.getMetadata(ACME));
        }

        @Test
        @DisplayName("one unknown stack among known members refuses the whole call: no count changes")
        void unknownStackChangesNoCount() {
            Map<StackRef, Long> stacks = new LinkedHashMap<>();
            stacks.put(WEB_PROD, 99L);
            stacks.put(new StackRef("web", NOPE), 1L);
            stacks.put(API_DEV, 98L);
            Map<String, Long> accounts = new LinkedHashMap<>();
            accounts.put(GCP_LAB, 97L);

            assertRejected(404, "Stack 'web/nope' not found", () -> service.setResourceCounts(ACME, stacks, accounts));
        }

        @Test
        @DisplayName("one unknown account among known members refuses the whole call: no count changes")
        void unknownAccountChangesNoCount() {
            Map<StackRef, Long> stacks = new LinkedHashMap<>();
            stacks.put(WEB_PROD, 99L);
            Map<String, Long> accounts = new LinkedHashMap<>();
            accounts.put(GCP_LAB, 97L);
            accounts.put("aws-x", 1L);
            accounts.put(AWS_MAIN, 96L);

            assertRejected(404, "Insights account 'aws-x' not found",
                    () -> service.setResourceCounts(ACME, stacks, accounts));
        }

        @Test
        @DisplayName("a negative resource count is refused with 400 and no count changes")
        void negativeCount() {
            assertRefused(400, () -> service.setResourceCounts(ACME, Map.of(WEB_PROD, 99L, API_DEV, -1L), Map.of()));
            assertRefused(400, () -> service.setResourceCounts(ACME, Map.of(WEB_PROD, 99L), Map.of(GCP_LAB, -5L)));
        }
    }

    // ---- registry -----------------------------------------------------------------------------------------------

    /** The policy-pack registry: numbers, tags, listing, reading, schemas, archives and deletion. */
    @Nested
    @DisplayName("Policy-pack registry")
    class Registry {

        @Test
        @DisplayName("version numbers grow by one per accepted publish, separately per pack")
        void numbersGrowByOne() {
            assertEquals(4, publish(ACME, AWS_GUARD, "2.1.0"));
            assertEquals(5, publishPending(ACME, newPack(AWS_GUARD, "2.2.0")).version());
            assertEquals(6, publish(ACME, AWS_GUARD, "2.3.0"), "a pending version holds its number");
            assertEquals(1, publish(ACME, "fresh", "0.1.0"));
            assertEquals(2, publish(ACME, COST_CHECKS, "0.2.0"));
        }

        @Test
        @DisplayName("the number of a deleted version, even the highest, is never given again")
        void deletedNumberNotReused() {
            service.deletePolicyPackVersion(ACME, AWS_GUARD, "2.0.0");

            assertEquals(4, publish(ACME, AWS_GUARD, "3.0.0"));
            assertEquals(new PolicyPackSummary(AWS_GUARD, displayName(AWS_GUARD), List.of(4, 2, 1),
                    List.of("3.0.0", "1.1.0", "1.0.0")), service.listPolicyPacks(ACME, AWS_GUARD).get(0));
        }

        @Test
        @DisplayName("after a whole pack is deleted, its next version continues the numbering")
        void deletedPackNumberNotReused() {
            service.deletePolicyPack(ACME, COST_CHECKS);

            assertEquals(2, publish(ACME, COST_CHECKS, "0.2.0"));
            assertEquals(List.of(new PolicyPackSummary(COST_CHECKS, displayName(COST_CHECKS), List.of(2),
                    List.of("0.2.0"))), service.listPolicyPacks(ACME, COST_CHECKS));
        }

        @Test
        @DisplayName("a rejected publish takes neither a number nor its tag")
        void rejectedPublishTakesNothing() {
            assertError(400, "Policy Pack: aws-guard, Version Tag: 1.0.0 already exists",
                    () -> service.publishPolicyPack(ACME, newPack(AWS_GUARD, "1.0.0")));
            assertError(400, "cannot publish a 'python' version of a 'nodejs' Policy Pack",
                    () -> service.publishPolicyPack(ACME, new NewPolicyPack(AWS_GUARD, displayName(AWS_GUARD),
                            "9.0.0", "python", policiesOf(AWS_GUARD))));
            assertError(400, "Policy Pack must have at least one policy.",
                    () -> service.publishPolicyPack(ACME, new NewPolicyPack(AWS_GUARD, displayName(AWS_GUARD),
                            "9.0.0", RUNTIME, List.of())));
            assertError(400, "invalid policy name 'all'",
                    () -> service.publishPolicyPack(ACME, new NewPolicyPack(AWS_GUARD, displayName(AWS_GUARD),
                            "9.0.0", RUNTIME, List.of(draft("all", EnforcementLevel.ADVISORY)))));

            assertEquals(4, publish(ACME, AWS_GUARD, "9.0.0"));
        }

        @Test
        @DisplayName("a publish without tag gets its number, in decimal, as its tag")
        void untaggedGetsNumber() {
            PublishedVersion v = publishPending(ACME, newPack(AWS_GUARD, ""));
            assertEquals(4, v.version());
            service.uploadPolicyPack(ACME, AWS_GUARD, 4, v.uploadToken(), content(AWS_GUARD, 4));
            service.completePolicyPack(ACME, AWS_GUARD, "4");

            assertEquals(new PolicyPackDetails(awsGuardVersion(4, "4"), false),
                    service.getPolicyPack(ACME, AWS_GUARD, "4"));
            assertEquals(List.of("4", "2.0.0", "1.1.0", "1.0.0"),
                    service.listPolicyPacks(ACME, AWS_GUARD).get(0).versionTags());
            assertError(400, "Policy Pack: aws-guard, Version Tag: 4 already exists",
                    () -> service.publishPolicyPack(ACME, newPack(AWS_GUARD, "4")));
        }

        @Test
        @DisplayName("a publish without tag whose number is already some version's tag is refused, taking no number")
        void untaggedCollidesWithTag() {
            assertEquals(1, publish(ACME, "numbers", "2"));

            assertError(400, "Policy Pack: numbers, Version Tag: 2 already exists",
                    () -> service.publishPolicyPack(ACME, newPack("numbers", "")));
            assertEquals(2, publish(ACME, "numbers", "b"));
        }

        @Test
        @DisplayName("a version tag stays taken after its version, or its whole pack, is deleted")
        void tagsStayUsed() {
            service.deletePolicyPackVersion(ACME, AWS_GUARD, "1.1.0");
            service.deletePolicyPack(ACME, COST_CHECKS);

            assertError(400, "Policy Pack: aws-guard, Version Tag: 1.1.0 already exists",
                    () -> service.publishPolicyPack(ACME, newPack(AWS_GUARD, "1.1.0")));
            assertError(400, "Policy Pack: cost-checks, Version Tag: 0.1.0 already exists",
                    () -> service.publishPolicyPack(ACME, newPack(COST_CHECKS, "0.1.0")));
            assertEquals(4, publish(ACME, AWS_GUARD, "1.1.1"));
        }

        // -- listing --

        @Test
        @DisplayName("the listing holds complete versions only, newest first, under the newest complete display name")
        void listingShowsCompleteVersions() {
            PublishedVersion v4 = publishPending(ACME, pack(AWS_GUARD, "AWS guard II", "3.0.0"));
            assertEquals(new PolicyPackSummary(AWS_GUARD, "AWS guard", List.of(3, 2, 1),
                    List.of("2.0.0", "1.1.0", "1.0.0")), service.listPolicyPacks(ACME, AWS_GUARD).get(0));

            service.uploadPolicyPack(ACME, AWS_GUARD, 4, v4.uploadToken(), content(AWS_GUARD, 4));
            assertEquals(new PolicyPackSummary(AWS_GUARD, "AWS guard", List.of(3, 2, 1),
                    List.of("2.0.0", "1.1.0", "1.0.0")), service.listPolicyPacks(ACME, AWS_GUARD).get(0),
                    "uploaded but not complete");

            service.completePolicyPack(ACME, AWS_GUARD, "3.0.0");
            assertEquals(List.of(
                    new PolicyPackSummary(AWS_GUARD, "AWS guard II", List.of(4, 3, 2, 1),
                            List.of("3.0.0", "2.0.0", "1.1.0", "1.0.0")),
                    new PolicyPackSummary(CIS, displayName(CIS), List.of(1), List.of("1.0.0")),
                    new PolicyPackSummary(COST_CHECKS, displayName(COST_CHECKS), List.of(1), List.of("0.1.0"))),
                    service.listPolicyPacks(ACME, ""));
        }

        @Test
        @DisplayName("deleting the newest version brings back the display name of the newest one left")
        void displayNameAfterDeletion() {
            publish(ACME, pack(AWS_GUARD, "AWS guard II", "3.0.0"));

            service.deletePolicyPackVersion(ACME, AWS_GUARD, "3.0.0");

            assertEquals(List.of(new PolicyPackSummary(AWS_GUARD, "AWS guard", List.of(3, 2, 1),
                    List.of("2.0.0", "1.1.0", "1.0.0"))), service.listPolicyPacks(ACME, AWS_GUARD));
        }

        @Test
        @DisplayName("a pack with only pending versions is not listed")
        void pendingOnlyPackHidden() {
            publishPending(ACME, newPack("draft-pack", "0.1.0"));

            assertEquals(List.of(AWS_GUARD, CIS, COST_CHECKS),
                    service.listPolicyPacks(ACME, "").stream().map(PolicyPackSummary::name).toList());
            assertEquals(List.of(), service.listPolicyPacks(ACME, "draft-pack"));
        }

        @Test
        @DisplayName("a pack whose versions were all deleted is not listed")
        void emptiedPackHidden() {
            service.deletePolicyPackVersion(ACME, COST_CHECKS, "0.1.0");

            assertEquals(List.of(AWS_GUARD, CIS),
                    service.listPolicyPacks(ACME, "").stream().map(PolicyPackSummary::name).toList());
        }

        @Test
        @DisplayName("the name filter keeps exactly the named pack; no match lists nothing")
        void nameFilter() {
            assertEquals(List.of(new PolicyPackSummary(CIS, displayName(CIS), List.of(1), List.of("1.0.0"))),
                    service.listPolicyPacks(ACME, CIS));
            assertEquals(List.of(), service.listPolicyPacks(ACME, "aws"));
            assertEquals(List.of(), service.listPolicyPacks(ACME, "AWS-GUARD"));
            assertEquals(List.of(), service.listPolicyPacks(ACME, NOPE));
        }

        @Test
        @DisplayName("a name filter that is not a valid pack name is refused with 400")
        void invalidNameFilter() {
            assertRefused(400, () -> service.listPolicyPacks(ACME, "a b"));
            assertRefused(400, () -> service.listPolicyPacks(ACME, "x".repeat(101)));
        }

        // -- reading --

        @Test
        @DisplayName("a version is read by its tag or by its number, with the same whole answer")
        void readByTagOrNumber() {
            PolicyPackDetails expected = new PolicyPackDetails(awsGuardVersion(2, "1.1.0"), false);

            assertEquals(expected, service.getPolicyPack(ACME, AWS_GUARD, "1.1.0"));
            assertEquals(expected, service.getPolicyPack(ACME, AWS_GUARD, "2"));
        }

        @Test
        @DisplayName("a version tag that looks like a number is matched as a tag before numbers are tried")
        void tagBeforeNumber() {
            int first = publish(ACME, "numbers", "2");
            int second = publish(ACME, "numbers", "b");
            PolicyPackVersion one = service.getPolicyPack(ACME, "numbers", "1").version();

            assertEquals(List.of(1, 2), List.of(first, second));
            assertEquals(new PolicyPackVersion(ACME, "numbers", 1, "2", displayName("numbers"), RUNTIME,
                    List.of(PackPolicy.of("only-policy", EnforcementLevel.ADVISORY)), true,
                    uploadToken(ACME, "numbers", 1), true), one);
            assertEquals(one, service.getPolicyPack(ACME, "numbers", "2").version(), "'2' is v1's tag");
            assertEquals(2, service.getPolicyPack(ACME, "numbers", "b").version().version());
        }

        @Test
        @DisplayName("a published policy's content is served back as published")
        void policyContentEchoed() {
            Map<String, Object> schema = json("type", "object",
                    "properties", json("maxAgeDays", json("type", "integer", "minimum", 1)),
                    "required", List.of("maxAgeDays"));
            PackPolicy rotation = new PackPolicy("key-rotation", "Key rotation", "Rotate keys yearly",
                    EnforcementLevel.MANDATORY, "rotate the key", schema, "high",
                    json("name", "cis", "version", "1.4", "reference", "3.8", "specification", "rotate"),
                    List.of("security", "kms"), "Enable rotation.", "https://example.com/kms");
            publish(ACME, new NewPolicyPack("kms-checks", "KMS checks", "1.0.0", RUNTIME, List.of(
                    new PolicyDraft(rotation, "mandatory"), draft("plain", EnforcementLevel.REMEDIATE))));

            assertEquals(List.of(rotation, PackPolicy.of("plain", EnforcementLevel.REMEDIATE)),
                    service.getPolicyPack(ACME, "kms-checks", "1.0.0").version().policies());
        }

        @Test
        @DisplayName("a version is applied exactly while some group applies that very version")
        void appliedWhileSomeGroupApplies() {
            createS2Groups();
            assertFalse(service.getPolicyPack(ACME, AWS_GUARD, "1.1.0").applied(), "nothing applies it yet");

            update("prod", change().withAddPolicyPack(PackRef.tagged(AWS_GUARD, "1.1.0")));
            update("acct-sec", change().withAddPolicyPack(PackRef.tagged(AWS_GUARD, "1.1.0")));
            assertEquals(new PolicyPackDetails(awsGuardVersion(2, "1.1.0"), true),
                    service.getPolicyPack(ACME, AWS_GUARD, "1.1.0"));
            assertFalse(service.getPolicyPack(ACME, AWS_GUARD, "2.0.0").applied(), "another version");
            assertFalse(service.getPolicyPack(ACME, AWS_GUARD, "1.0.0").applied(), "another version");

            update("prod", change().withRemovePolicyPack(PackRef.latest(AWS_GUARD)));
            assertTrue(service.getPolicyPack(ACME, AWS_GUARD, "1.1.0").applied(), "acct-sec still applies it");

            update("acct-sec", change().withAddPolicyPack(PackRef.tagged(AWS_GUARD, "2.0.0")));
            assertFalse(service.getPolicyPack(ACME, AWS_GUARD, "1.1.0").applied(), "acct-sec moved to 2.0.0");
            assertTrue(service.getPolicyPack(ACME, AWS_GUARD, "2.0.0").applied());

            service.deletePolicyGroup(ACME, "acct-sec");
            assertEquals(new PolicyPackDetails(awsGuardVersion(3, "2.0.0"), false),
                    service.getPolicyPack(ACME, AWS_GUARD, "2.0.0"));
        }

        @Test
        @DisplayName("the config schema holds, by policy name, the schemas of the policies published with one")
        void configSchema() {
            Map<String, Object> schema = json("type", "object",
                    "properties", json("maxAgeDays", json("type", "integer"), "regions",
                            json("type", "array", "items", json("type", "string"))),
                    "required", List.of("maxAgeDays"));
            Map<String, Object> other = json("type", "object", "properties", json("tag", json("type", "string")));
            publish(ACME, new NewPolicyPack("kms-checks", "KMS checks", "1.0.0", RUNTIME, List.of(
                    new PolicyDraft(withSchema("key-rotation", schema), "mandatory"),
                    draft("plain", EnforcementLevel.ADVISORY),
                    new PolicyDraft(withSchema("tagging", other), "advisory"))));

            Map<String, Map<String, Object>> expected = Map.of("key-rotation", schema, "tagging", other);
            assertEquals(expected, service.getPolicyPackConfigSchema(ACME, "kms-checks", "1.0.0"));
            assertEquals(expected, service.getPolicyPackConfigSchema(ACME, "kms-checks", "1"));
        }

        private PackPolicy withSchema(String name, Map<String, Object> schema) {
            return new PackPolicy(name, "", "", EnforcementLevel.ADVISORY, "", schema, "", Map.of(), List.of(), "",
                    "");
        }

        @Test
        @DisplayName("a version whose policies have no config schema has an empty one")
        void noConfigSchema() {
            assertEquals(Map.of(), service.getPolicyPackConfigSchema(ACME, AWS_GUARD, "2.0.0"));
        }

        // -- archives --

        @Test
        @DisplayName("a complete version downloads the exact bytes uploaded for it")
        void downloadComplete() {
            for (int v = 1; v <= 3; v++) {
                assertArrayEquals(content(AWS_GUARD, v), service.downloadPolicyPack(ACME, AWS_GUARD, v), "v" + v);
            }
            assertArrayEquals(content(CIS, 1), service.downloadPolicyPack(ACME, CIS, 1));
        }

        @Test
        @DisplayName("a pending version cannot be downloaded, uploaded or not")
        void downloadPending() {
            PublishedVersion v = publishPending(ACME, newPack(AWS_GUARD, "3.0.0"));
            assertError(404, "Policy Pack 'aws-guard' not found", () -> service.downloadPolicyPack(ACME, AWS_GUARD, 4));

            service.uploadPolicyPack(ACME, AWS_GUARD, 4, v.uploadToken(), content(AWS_GUARD, 4));

            assertError(404, "Policy Pack 'aws-guard' not found", () -> service.downloadPolicyPack(ACME, AWS_GUARD, 4));
        }

        @Test
        @DisplayName("an upload before completion replaces the earlier upload")
        void uploadReplaces() {
            PublishedVersion v = publishPending(ACME, newPack(AWS_GUARD, "3.0.0"));
            service.uploadPolicyPack(ACME, AWS_GUARD, 4, v.uploadToken(), bytes("first archive"));
            service.uploadPolicyPack(ACME, AWS_GUARD, 4, v.uploadToken(), bytes("second"));
            service.completePolicyPack(ACME, AWS_GUARD, "3.0.0");

            assertArrayEquals(bytes("second"), service.downloadPolicyPack(ACME, AWS_GUARD, 4));
        }

        @Test
        @DisplayName("a deleted version can no longer be downloaded")
        void downloadDeleted() {
            service.deletePolicyPackVersion(ACME, AWS_GUARD, "1.0.0");

            assertError(404, "Policy Pack 'aws-guard' not found", () -> service.downloadPolicyPack(ACME, AWS_GUARD, 1));
            assertArrayEquals(content(AWS_GUARD, 2), service.downloadPolicyPack(ACME, AWS_GUARD, 2));
        }

        // -- deletion --

        @Test
        @DisplayName("a pending version can be deleted; it can then no longer be completed")
        void deletePending() {
            PublishedVersion v = publishPending(ACME, newPack(AWS_GUARD, "3.0.0"));
            service.uploadPolicyPack(ACME, AWS_GUARD, 4, v.uploadToken(), content(AWS_GUARD, 4));
            World before = world();

            service.deletePolicyPackVersion(ACME, AWS_GUARD, "3.0.0");

            assertEquals(before, world(), "a pending version shows nowhere");
            assertError(404, "Policy Pack 'aws-guard' not found",
                    () -> service.completePolicyPack(ACME, AWS_GUARD, "3.0.0"));
            assertError(404, "Policy Pack 'aws-guard' not found",
                    () -> service.completePolicyPack(ACME, AWS_GUARD, "4"));
            assertEquals(5, publish(ACME, AWS_GUARD, "3.1.0"));
        }

        @Test
        @DisplayName("a version is deleted by its number")
        void deleteByNumber() {
            service.deletePolicyPackVersion(ACME, AWS_GUARD, "1");

            assertError(404, "Policy Pack 'aws-guard' not found", () -> service.getPolicyPack(ACME, AWS_GUARD, "1.0.0"));
            assertEquals(List.of(new PolicyPackSummary(AWS_GUARD, displayName(AWS_GUARD), List.of(3, 2),
                    List.of("2.0.0", "1.1.0"))), service.listPolicyPacks(ACME, AWS_GUARD));
        }

        @Test
        @DisplayName("deleting a pack removes every version, pending ones included")
        void deletePackWithPending() {
            publishPending(ACME, newPack(AWS_GUARD, "3.0.0"));

            service.deletePolicyPack(ACME, AWS_GUARD);

            assertEquals(List.of(CIS, COST_CHECKS),
                    service.listPolicyPacks(ACME, "").stream().map(PolicyPackSummary::name).toList());
            for (String version : List.of("1.0.0", "2", "2.0.0")) {
                assertError(404, "Policy Pack 'aws-guard' not found",
                        () -> service.getPolicyPack(ACME, AWS_GUARD, version));
            }
            assertError(404, "Policy Pack 'aws-guard' not found",
                    () -> service.completePolicyPack(ACME, AWS_GUARD, "3.0.0"));
            assertEquals(5, publish(ACME, AWS_GUARD, "4.0.0"));
        }
    }

    // ---- resolution ---------------------------------------------------------------------------------------------

    /** Resolution: the groups holding a stack, and the packs a stack or account must run. */
    @Nested
    @DisplayName("Resolution")
    class Resolution {

        @Test
        @DisplayName("the groups holding a stack are listed by name, whatever their type or mode")
        void stackGroupsByName() {
            createS2Groups();
            service.createPolicyGroup(ACME, NewPolicyGroup.of("zeta", "stacks"));
            service.createPolicyGroup(ACME, new NewPolicyGroup("alpha", "stacks", "audit", ""));
            update("zeta", change().withAddStack(WEB_PROD).withAddPolicyPack(PackRef.latest(AWS_GUARD)));
            update("alpha", change().withStacks(List.of(WEB_PROD, WEB_DEV)));
            update("acct-sec", change().withAddStack(WEB_PROD).withAddInsightsAccount(GCP_LAB));
            update("prod", change().withAddStack(WEB_DEV));

            assertEquals(List.of(
                    new PolicyGroupSummary("acct-sec", false, 1, 1, ACCOUNTS, AUDIT, 0),
                    new PolicyGroupSummary("alpha", false, 2, 0, STACKS, AUDIT, 0),
                    new PolicyGroupSummary(DEFAULT_STACKS, true, 4, 0, STACKS, PREVENTATIVE, 0),
                    new PolicyGroupSummary("zeta", false, 1, 0, STACKS, PREVENTATIVE, 1)),
                    service.stackPolicyGroups(ACME, "web", "prod"));
        }

        @Test
        @DisplayName("a stack in no group is held by no group and requires no pack, even if the default group has one")
        void stackInNoGroup() {
            update(DEFAULT_STACKS, change().withAddPolicyPack(PackRef.latest(AWS_GUARD)).withRemoveStack(WEB_DEV));

            assertEquals(List.of(), service.stackPolicyGroups(ACME, "web", "dev"));
            assertEquals(List.of(), service.stackPolicyPacks(ACME, "web", "dev", ""));
            assertEquals(List.of(), service.stackPolicyPacks(ACME, "web", "dev", "preventative"));
            assertEquals(List.of(required(AWS_GUARD, 3, "2.0.0", Map.of())),
                    service.stackPolicyPacks(ACME, "web", "prod", ""), "the other stacks keep the default's pack");
        }

        @Test
        @DisplayName("a stack whose groups apply no pack requires none")
        void stackInEmptyGroups() {
            assertEquals(List.of(), service.stackPolicyPacks(ACME, "api", "dev", ""));
        }

        @Test
        @DisplayName("an account's packs come from all its groups, of both modes and either entity type, by name")
        void accountOverAllGroups() {
            createS2Groups();
            update("acct-sec", change().withAddInsightsAccount(AWS_MAIN).withAddPolicyPack(PackRef.latest(CIS)));
            update("odd", change().withAddInsightsAccount(AWS_MAIN).withAddPolicyPack(PackRef.latest(COST_CHECKS)));
            update("prod", change().withAddInsightsAccount(AWS_EAST)
                    .withAddPolicyPack(PackRef.tagged(AWS_GUARD, "1.0.0")));

            assertEquals(List.of(required(AWS_GUARD, 1, "1.0.0", Map.of()), required(CIS, 1, "1.0.0", Map.of()),
                    required(COST_CHECKS, 1, "0.1.0", Map.of())), service.accountPolicyPacks(ACME, AWS_EAST));
            assertEquals(List.of(required(CIS, 1, "1.0.0", Map.of()), required(COST_CHECKS, 1, "0.1.0", Map.of())),
                    service.accountPolicyPacks(ACME, AWS_MAIN));
            assertEquals(List.of(), service.accountPolicyPacks(ACME, GCP_LAB));
        }

        @Test
        @DisplayName("across an account's groups the highest version wins, even over an entry written later")
        void accountHighestVersion() {
            createS2Groups();
            update("odd", change().withAddInsightsAccount(AWS_MAIN).withAddPolicyPack(
                    PackRef.tagged(AWS_GUARD, "2.0.0").withConfig(json("all", "mandatory"))));
            update("acct-sec", change().withAddInsightsAccount(AWS_MAIN).withAddPolicyPack(
                    PackRef.tagged(AWS_GUARD, "1.0.0").withConfig(json("all", "advisory"))));

            assertEquals(List.of(required(AWS_GUARD, 3, "2.0.0", Map.of("all", level("mandatory")))),
                    service.accountPolicyPacks(ACME, AWS_MAIN));
        }

        @Test
        @DisplayName("for one version the latest written entry wins whole: config and environments are never merged")
        void accountLatestEntryWins() {
            createS2Groups();
            update("acct-sec", change().withAddInsightsAccount(AWS_MAIN).withAddPolicyPack(
                    packWith(AWS_GUARD, "2.0.0", json("all", "advisory"), List.of("security/prod@3"))));
            update("odd", change().withAddInsightsAccount(AWS_MAIN).withAddPolicyPack(
                    PackRef.tagged(AWS_GUARD, "2.0.0").withConfig(json(S3, level("disabled")))));

            assertEquals(List.of(required(AWS_GUARD, 3, "2.0.0", Map.of(S3, level("disabled")))),
                    service.accountPolicyPacks(ACME, AWS_MAIN));

            update("acct-sec", change().withAddPolicyPack(
                    packWith(AWS_GUARD, "2.0.0", json("all", "remediate"), List.of("security/prod@4"))));

            assertEquals(List.of(new RequiredPolicy(ACME, AWS_GUARD, 3, "2.0.0", displayName(AWS_GUARD),
                    Map.of("all", level("remediate")), List.of("security/prod@4"))),
                    service.accountPolicyPacks(ACME, AWS_MAIN));
        }

        @Test
        @DisplayName("re-applying an identical entry keeps its stamp, so it does not become the latest")
        void identicalEntryNotNewer() {
            createS2Groups();
            PackRef advisory = PackRef.tagged(AWS_GUARD, "2.0.0").withConfig(json("all", "advisory"));
            update("acct-sec", change().withAddInsightsAccount(AWS_MAIN).withAddPolicyPack(advisory));
            update("odd", change().withAddInsightsAccount(AWS_MAIN).withAddPolicyPack(
                    PackRef.tagged(AWS_GUARD, "2.0.0").withConfig(json("all", "mandatory"))));
            PolicyGroup acctSec = group("acct-sec");

            update("acct-sec", change().withAddPolicyPack(advisory));

            assertEquals(acctSec, group("acct-sec"));
            assertEquals(List.of(required(AWS_GUARD, 3, "2.0.0", Map.of("all", level("mandatory")))),
                    service.accountPolicyPacks(ACME, AWS_MAIN));
        }

        @Test
        @DisplayName("an account in no group requires no pack, even if the default accounts group has one")
        void accountInNoGroup() {
            update(DEFAULT_ACCOUNTS, change().withAddPolicyPack(PackRef.latest(CIS))
                    .withRemoveInsightsAccount(GCP_LAB));

            assertEquals(List.of(), service.accountPolicyPacks(ACME, GCP_LAB));
            assertEquals(List.of(required(CIS, 1, "1.0.0", Map.of())), service.accountPolicyPacks(ACME, AWS_MAIN));
        }
    }
}
