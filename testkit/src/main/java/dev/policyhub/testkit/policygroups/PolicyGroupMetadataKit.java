package dev.policyhub.testkit.policygroups;

import dev.policyhub.core.policygroups.NewInsightsAccount;
import dev.policyhub.core.policygroups.NewPolicyGroup;
import dev.policyhub.core.policygroups.PackRef;
import dev.policyhub.core.policygroups.PolicyGroupMetadata;
import dev.policyhub.core.policygroups.PolicyGroupSummary;
import dev.policyhub.core.policygroups.PolicyGroupUpdate;
import dev.policyhub.core.policygroups.StackRef;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The coverage figures: the worked example on fixture F, and a larger organization
 * where distinct stacks count once, members count whatever the group's entity type, and inactive groups protect
 * nothing.
 */
public abstract class PolicyGroupMetadataKit extends PolicyGroupsKitBase {
    private static final String BETA = "beta";
    private static final String BETA_PACK = "beta-pack";

    /** For the concrete suites of each store. */
    protected PolicyGroupMetadataKit() {
    }

    @Test
    @DisplayName("coverage worked example: the twelve figures of its groups on F, then with a pack on default-policy-group")
    void workedExample() {
        assertMetadata(FIXTURE_F, service.getMetadata(ACME));

        buildWorkedExample();
        assertEquals(List.of("acct-sec", "audit-all", DEFAULT_ACCOUNTS, DEFAULT_STACKS, "prod", "sandbox"),
                service.listPolicyGroups(ACME).stream().map(PolicyGroupSummary::name).toList());
        assertMetadata(WORKED_EXAMPLE, service.getMetadata(ACME));

        update(DEFAULT_STACKS, change().withAddPolicyPack(PackRef.latest(COST_CHECKS)));
        assertMetadata(new PolicyGroupMetadata(4, 50, 4, 50, 2, 17, 4, 50, 2, 140, 3, 147),
                service.getMetadata(ACME));
    }

    private void betaUpdate(String group, PolicyGroupUpdate update) {
        service.updatePolicyGroup(BETA, group, update);
    }

    private static StackRef ref(String project, String stack) {
        return new StackRef(project, stack);
    }

    /**
     * Org {@code beta}: stacks p1/a..e and p2/a..e with 1, 2, 4, …, 512 resources (created with state); accounts
     * aws-1 1000, aws-1/eu 2000, gcp-1 4000, azure-1 8000; groups guard (stacks, preventative), watch (stacks,
     * audit), acct-audit (accounts, audit), acct-prev (accounts, preventative) and idle (stacks, audit, no pack).
     */
    private void buildBeta() {
        service.createOrganization(BETA);
        long count = 1;
        for (String project : List.of("p1", "p2")) {
            for (String stack : List.of("a", "b", "c", "d", "e")) {
                service.createStack(BETA, project, stack, Optional.of(count));
                count *= 2;
            }
        }
        service.createAccount(BETA, NewInsightsAccount.of("aws-1", "aws", ENVIRONMENT));
        service.createAccount(BETA, NewInsightsAccount.of("aws-1/eu", "aws", ENVIRONMENT));
        service.createAccount(BETA, NewInsightsAccount.of("gcp-1", "gcp", ENVIRONMENT));
        service.createAccount(BETA, NewInsightsAccount.of("azure-1", "azure-native", ENVIRONMENT));
        service.setResourceCounts(BETA, Map.of(),
                Map.of("aws-1", 1000L, "aws-1/eu", 2000L, "gcp-1", 4000L, "azure-1", 8000L));
        publish(BETA, BETA_PACK, "1.0.0");

        service.createPolicyGroup(BETA, NewPolicyGroup.of("guard", "stacks"));
        service.createPolicyGroup(BETA, new NewPolicyGroup("watch", "stacks", "audit", ""));
        service.createPolicyGroup(BETA, NewPolicyGroup.of("acct-audit", "accounts"));
        service.createPolicyGroup(BETA, new NewPolicyGroup("acct-prev", "accounts", "preventative", ""));
        service.createPolicyGroup(BETA, new NewPolicyGroup("idle", "stacks", "audit", ""));
        PackRef pack = PackRef.latest(BETA_PACK);
        betaUpdate("guard", change().withStacks(List.of(ref("p1", "a"), ref("p1", "b"), ref("p2", "a")))
                .withInsightsAccounts(List.of("gcp-1", "aws-1/eu")).withAddPolicyPack(pack));
        betaUpdate("watch", change().withStacks(List.of(ref("p1", "b"), ref("p1", "c"), ref("p2", "a")))
                .withAddPolicyPack(pack));
        betaUpdate("acct-audit", change().withAddInsightsAccount("aws-1").withAddStack(ref("p2", "e"))
                .withAddPolicyPack(pack));
        betaUpdate("acct-prev", change().withAddStack(ref("p1", "e")).withAddPolicyPack(pack));
        betaUpdate("idle", change().withStacks(List.of(ref("p1", "d"), ref("p2", "d")))
                .withAddInsightsAccount("azure-1"));
    }

    @Test
    @DisplayName("a larger organization: distinct members once, any entity type counts, inactive groups protect nothing")
    void largerOrganization() {
        buildBeta();
        // preventative {p1/a, p1/b, p2/a, p1/e} = 51; audit {p1/b, p1/c, p2/a, p2/e} = 550;
        // protected {p1/a, p1/b, p1/c, p1/e, p2/a, p2/e} = 567; accounts {gcp-1, aws-1, aws-1/eu} = 7000
        assertMetadata(new PolicyGroupMetadata(6, 567, 4, 51, 4, 550, 10, 1023, 3, 7000, 4, 15000),
                service.getMetadata(BETA));
        assertMetadata(FIXTURE_F, service.getMetadata(ACME));

        // idle becomes active: audit gains p1/d and p2/d, accounts gain azure-1.
        betaUpdate("idle", change().withAddPolicyPack(PackRef.latest(BETA_PACK)));
        assertMetadata(new PolicyGroupMetadata(8, 831, 4, 51, 6, 814, 10, 1023, 4, 15000, 4, 15000),
                service.getMetadata(BETA));

        // guard becomes inactive: p1/a and gcp-1 lose their only active group.
        betaUpdate("guard", change().withRemovePolicyPack(PackRef.latest(BETA_PACK)));
        assertMetadata(new PolicyGroupMetadata(7, 830, 1, 16, 6, 814, 10, 1023, 3, 11000, 4, 15000),
                service.getMetadata(BETA));

        // Deleted members leave every figure.
        service.deleteStack(BETA, "p2", "e", true);
        service.deleteAccount(BETA, "aws-1");
        assertMetadata(new PolicyGroupMetadata(6, 318, 1, 16, 5, 302, 9, 511, 1, 8000, 2, 12000),
                service.getMetadata(BETA));
        assertMetadata(FIXTURE_F, service.getMetadata(ACME));
    }

    @Test
    @DisplayName("figures above 2^31-1 are clamped")
    void clamped() {
        service.setResourceCounts(ACME, Map.of(WEB_PROD, 3_000_000_000L), Map.of(GCP_LAB, 5_000_000_000L));
        update(DEFAULT_STACKS, change().withAddPolicyPack(PackRef.latest(AWS_GUARD)));
        int max = Integer.MAX_VALUE;
        assertMetadata(new PolicyGroupMetadata(4, max, 4, max, 0, 0, 4, max, 0, 0, 3, max),
                service.getMetadata(ACME));
    }
}
