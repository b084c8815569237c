package dev.policyhub.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.policygroups.AppliedPolicyPack;
import dev.policyhub.core.policygroups.EntityType;
import dev.policyhub.core.policygroups.InsightsAccount;
import dev.policyhub.core.policygroups.Mode;
import dev.policyhub.core.policygroups.PolicyGroup;
import dev.policyhub.core.policygroups.Stack;
import dev.policyhub.core.policygroups.StackRef;
import dev.policyhub.core.spi.GroupCoverage;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.Tally;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The conformance suite of {@link StoreSession#groupCoverage}: what an organization's policy groups cover. */
public abstract class GroupCoverageKit extends StoreKitBase<StoreSession> {
    private static final String ORG = "acme";
    private static final String OTHER_ORG = "globex";
    private static final StackRef WEB_PROD = new StackRef("web", "prod");
    private static final StackRef WEB_DEV = new StackRef("web", "dev");
    private static final StackRef API_PROD = new StackRef("api", "prod");
    private static final StackRef GONE = new StackRef("api", "gone");
    private static final AppliedPolicyPack PACK = new AppliedPolicyPack("aws-guard", "AWS Guard", 1, "1.0.0",
            Map.of(), List.of(), 1L);

    /** Subclasses name the store under test. */
    protected GroupCoverageKit() {
    }

    @Override
    StoreSession store(StoreSession session) {
        return session;
    }

    private static Stack stack(String org, StackRef ref, long resources) {
        return new Stack(org, ref.routingProject(), ref.name(), resources, 0, Optional.empty());
    }

    private static InsightsAccount account(String org, String name, long resources) {
        return new InsightsAccount(org, name, "id-" + name, "aws", "production", "none", Map.of(), "", resources);
    }

    private static PolicyGroup group(String org, String name, Mode mode, boolean active, List<StackRef> stacks,
                                     List<String> accounts) {
        return new PolicyGroup(org, name, stacks.isEmpty() && !accounts.isEmpty() ? EntityType.ACCOUNTS
                : EntityType.STACKS, mode, false, stacks, active ? List.of(PACK) : List.of(), accounts, "");
    }

    @Test
    @DisplayName("an organization with nothing stored covers nothing")
    void emptyOrganization() {
        GroupCoverage none = new GroupCoverage(Tally.NONE, Tally.NONE, Tally.NONE, Tally.NONE, Tally.NONE,
                Tally.NONE);
        assertEquals(none, read(s -> s.groupCoverage(ORG)));
    }

    @Test
    @DisplayName("members of active groups count once per stack or account, with their own resource counts;"
            + " inactive groups, missing members and other organizations do not count")
    void coverage() {
        assertTrue(succeeds(s -> s.stacks().insert(stack(ORG, WEB_PROD, 10))
                && s.stacks().insert(stack(ORG, WEB_DEV, 20))
                && s.stacks().insert(stack(ORG, API_PROD, 40))
                && s.stacks().insert(stack(OTHER_ORG, WEB_PROD, 1000))
                && s.accounts().insert(account(ORG, "aws-main", 5))
                && s.accounts().insert(account(ORG, "aws-dev", 7))
                && s.accounts().insert(account(OTHER_ORG, "aws-main", 500))
                && s.policyGroups().insert(group(ORG, "prod", Mode.PREVENTATIVE, true,
                        List.of(WEB_PROD, GONE), List.of()))
                && s.policyGroups().insert(group(ORG, "audit-all", Mode.AUDIT, true,
                        List.of(WEB_PROD, WEB_DEV), List.of()))
                && s.policyGroups().insert(group(ORG, "idle", Mode.PREVENTATIVE, false,
                        List.of(API_PROD), List.of("aws-dev")))
                && s.policyGroups().insert(group(ORG, "accounts", Mode.AUDIT, true,
                        List.of(), List.of("aws-main", "aws-gone")))
                && s.policyGroups().insert(group(OTHER_ORG, "prod", Mode.PREVENTATIVE, true,
                        List.of(WEB_PROD, WEB_DEV, API_PROD), List.of("aws-main")))));

        GroupCoverage expected = new GroupCoverage(new Tally(3, 70), new Tally(2, 30), new Tally(1, 10),
                new Tally(2, 30), new Tally(2, 12), new Tally(1, 5));
        assertEquals(expected, read(s -> s.groupCoverage(ORG)));
    }

    @Test
    @DisplayName("a group counts from the moment a pack is applied, and a write unit sees its own changes")
    void followsWrites() {
        assertTrue(succeeds(s -> s.stacks().insert(stack(ORG, WEB_PROD, 10))
                && s.policyGroups().insert(group(ORG, "prod", Mode.PREVENTATIVE, false, List.of(WEB_PROD),
                        List.of()))));
        assertEquals(Tally.NONE, read(s -> s.groupCoverage(ORG).protectedStacks()));

        GroupCoverage seen = write(s -> {
            s.policyGroups().replace(group(ORG, "prod", Mode.PREVENTATIVE, true, List.of(WEB_PROD), List.of()), 1);
            return s.groupCoverage(ORG);
        });
        assertEquals(new Tally(1, 10), seen.protectedStacks());
        assertEquals(new Tally(1, 10), read(s -> s.groupCoverage(ORG).preventativeStacks()));
    }
}
