package dev.policyhub.testkit.policygroups;

import dev.policyhub.core.error.ErrorCode;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.policygroups.AppliedPolicyPack;
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
import dev.policyhub.core.policygroups.PolicyGroupService;
import dev.policyhub.core.policygroups.PolicyGroupSummary;
import dev.policyhub.core.policygroups.PolicyGroupUpdate;
import dev.policyhub.core.policygroups.PolicyPackSummary;
import dev.policyhub.core.policygroups.PublishedVersion;
import dev.policyhub.core.policygroups.RequiredPolicy;
import dev.policyhub.core.policygroups.Stack;
import dev.policyhub.core.policygroups.StackRef;
import dev.policyhub.testkit.HubKitBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Base of the Pulumi policy-group suites: builds fixture F (below) through the service before
 * every test, offers the S2 groups and the coverage worked example, and a small language for expected groups and errors.
 */
public abstract class PolicyGroupsKitBase extends HubKitBase {
    /** The organization of fixture F. */
    protected static final String ACME = "acme";
    /** {@code default-policy-group}. */
    protected static final String DEFAULT_STACKS = PolicyGroup.DEFAULT_STACKS_GROUP;
    /** {@code default-accounts-policy-group}. */
    protected static final String DEFAULT_ACCOUNTS = PolicyGroup.DEFAULT_ACCOUNTS_GROUP;

    /** {@code web/prod}, 12 resources. */
    protected static final StackRef WEB_PROD = new StackRef("web", "prod");
    /** {@code web/dev}, 5 resources. */
    protected static final StackRef WEB_DEV = new StackRef("web", "dev");
    /** {@code api/prod}, 30 resources. */
    protected static final StackRef API_PROD = new StackRef("api", "prod");
    /** {@code api/dev}, 3 resources. */
    protected static final StackRef API_DEV = new StackRef("api", "dev");

    /** Account {@code aws-main} (aws), 100 resources. */
    protected static final String AWS_MAIN = "aws-main";
    /** Account {@code aws-main/us-east-1}, child of {@code aws-main}, 40 resources. */
    protected static final String AWS_EAST = "aws-main/us-east-1";
    /** Account {@code gcp-lab} (gcp), 7 resources. */
    protected static final String GCP_LAB = "gcp-lab";
    /** The ESC environment every fixture account names. */
    protected static final String ENVIRONMENT = "ops/aws";

    /** Pack {@code aws-guard}: v1 {@code 1.0.0}, v2 {@code 1.1.0}, v3 {@code 2.0.0}. */
    protected static final String AWS_GUARD = "aws-guard";
    /** Pack {@code cost-checks}: v1 {@code 0.1.0}. */
    protected static final String COST_CHECKS = "cost-checks";
    /** Pack {@code cis}: v1 {@code 1.0.0}. */
    protected static final String CIS = "cis";
    /** The runtime every fixture pack is published with. */
    protected static final String RUNTIME = "nodejs";
    /** aws-guard's mandatory policy. */
    protected static final String S3 = "s3-no-public-read";
    /** aws-guard's advisory policy. */
    protected static final String EC2 = "ec2-no-public-ip";
    /** cost-checks' only policy (advisory). */
    protected static final String BUDGET = "budget-tags";
    /** cis' only policy (mandatory). */
    protected static final String MFA = "iam-mfa";

    /** The coverage worked example's figures. */
    protected static final PolicyGroupMetadata WORKED_EXAMPLE =
            new PolicyGroupMetadata(3, 47, 2, 42, 2, 17, 4, 50, 2, 140, 3, 147);
    /** Fixture F's figures: no active group. */
    protected static final PolicyGroupMetadata FIXTURE_F =
            new PolicyGroupMetadata(0, 0, 0, 0, 0, 0, 4, 50, 0, 0, 3, 147);

    private static final Map<String, String> DISPLAY_NAMES =
            Map.of(AWS_GUARD, "AWS guard", COST_CHECKS, "Cost checks", CIS, "CIS benchmark");

    /** {@code hub.policyGroups()}. */
    protected PolicyGroupService service;
    private final Map<String, String> uploadTokens = new HashMap<>();

    /** For the abstract suites built on fixture F. */
    protected PolicyGroupsKitBase() {
    }

    @BeforeEach
    void buildFixtureF() {
        service = hub.policyGroups();
        service.createOrganization(ACME);
        importedStack(ACME, WEB_PROD, 12);
        importedStack(ACME, WEB_DEV, 5);
        importedStack(ACME, API_PROD, 30);
        importedStack(ACME, API_DEV, 3);
        service.createAccount(ACME, NewInsightsAccount.of(AWS_MAIN, "aws", ENVIRONMENT));
        service.createAccount(ACME, NewInsightsAccount.of(AWS_EAST, "aws", ENVIRONMENT));
        service.createAccount(ACME, NewInsightsAccount.of(GCP_LAB, "gcp", ENVIRONMENT));
        service.setResourceCounts(ACME, Map.of(), Map.of(AWS_MAIN, 100L, AWS_EAST, 40L, GCP_LAB, 7L));
        publish(ACME, AWS_GUARD, "1.0.0");
        publish(ACME, AWS_GUARD, "1.1.0");
        publish(ACME, AWS_GUARD, "2.0.0");
        publish(ACME, COST_CHECKS, "0.1.0");
        publish(ACME, CIS, "1.0.0");
    }

    // ---- fixture ------------------------------------------------------------------------------------------------

    /** Creates a stack without state, then imports {@code count} resources into it. */
    protected Stack importedStack(String org, StackRef ref, long count) {
        service.createStack(org, ref.routingProject(), ref.name(), Optional.empty());
        return service.importStack(org, ref.routingProject(), ref.name(), count);
    }

    /** S2: {@code acct-sec} (accounts), {@code prod} (stacks), {@code odd} (accounts, preventative), all empty. */
    protected void createS2Groups() {
        service.createPolicyGroup(ACME, NewPolicyGroup.of("acct-sec", "accounts"));
        service.createPolicyGroup(ACME, NewPolicyGroup.of("prod", "stacks"));
        service.createPolicyGroup(ACME, new NewPolicyGroup("odd", "accounts", "preventative", ""));
    }

    /**
     * The groups of the coverage worked example on F: {@code prod} (web/prod, api/prod; aws-guard), {@code audit-all} (audit; web/prod,
     * web/dev; cost-checks), {@code sandbox} (audit; api/dev; no pack), {@code acct-sec} (aws-main and its child;
     * cis). {@code prod} and {@code acct-sec} are created unless S2 already did.
     */
    protected void buildWorkedExample() {
        List<String> existing = service.listPolicyGroups(ACME).stream().map(PolicyGroupSummary::name).toList();
        if (!existing.contains("prod")) {
            service.createPolicyGroup(ACME, NewPolicyGroup.of("prod", "stacks"));
        }
        if (!existing.contains("acct-sec")) {
            service.createPolicyGroup(ACME, NewPolicyGroup.of("acct-sec", "accounts"));
        }
        service.createPolicyGroup(ACME, new NewPolicyGroup("audit-all", "stacks", "audit", ""));
        service.createPolicyGroup(ACME, new NewPolicyGroup("sandbox", "stacks", "audit", ""));
        update("prod", change().withStacks(List.of(WEB_PROD, API_PROD)).withAddPolicyPack(PackRef.latest(AWS_GUARD)));
        update("audit-all", change().withStacks(List.of(WEB_PROD, WEB_DEV))
                .withAddPolicyPack(PackRef.latest(COST_CHECKS)));
        update("sandbox", change().withAddStack(API_DEV));
        update("acct-sec", change().withAddInsightsAccount(AWS_MAIN).withAddPolicyPack(PackRef.latest(CIS)));
    }

    // ---- registry -----------------------------------------------------------------------------------------------

    /** The policies every version of a fixture pack is published with. */
    protected static List<PolicyDraft> policiesOf(String pack) {
        switch (pack) {
            case AWS_GUARD:
                return List.of(draft(S3, EnforcementLevel.MANDATORY), draft(EC2, EnforcementLevel.ADVISORY));
            case COST_CHECKS:
                return List.of(draft(BUDGET, EnforcementLevel.ADVISORY));
            case CIS:
                return List.of(draft(MFA, EnforcementLevel.MANDATORY));
            default:
                return List.of(draft("only-policy", EnforcementLevel.ADVISORY));
        }
    }

    /** A policy with a name and a valid level. */
    protected static PolicyDraft draft(String name, EnforcementLevel level) {
        return new PolicyDraft(PackPolicy.of(name, level), level.wire());
    }

    /** The display name a pack is published with. */
    protected static String displayName(String pack) {
        return DISPLAY_NAMES.getOrDefault(pack, pack + " pack");
    }

    /** A publish request of a pack with its usual display name, runtime and policies. */
    protected static NewPolicyPack newPack(String pack, String tag) {
        return new NewPolicyPack(pack, displayName(pack), tag, RUNTIME, policiesOf(pack));
    }

    /** The bytes uploaded for a version. */
    protected static byte[] content(String pack, int version) {
        return (pack + "-" + version + ".tgz").getBytes(StandardCharsets.UTF_8);
    }

    /** Publishes, uploads and completes a version of a pack in {@code org}; returns its number. */
    protected int publish(String org, String pack, String tag) {
        return publish(org, newPack(pack, tag));
    }

    /** Publishes, uploads and completes a version; returns its number. */
    protected int publish(String org, NewPolicyPack pack) {
        PublishedVersion v = publishPending(org, pack);
        service.uploadPolicyPack(org, pack.name(), v.version(), v.uploadToken(), content(pack.name(), v.version()));
        service.completePolicyPack(org, pack.name(), pack.versionTag().isEmpty()
                ? Integer.toString(v.version()) : pack.versionTag());
        return v.version();
    }

    /** Publishes a version without uploading or completing it. */
    protected PublishedVersion publishPending(String org, NewPolicyPack pack) {
        PublishedVersion v = service.publishPolicyPack(org, pack);
        uploadTokens.put(org + "/" + pack.name() + "/" + v.version(), v.uploadToken());
        return v;
    }

    /** The upload token a version was published with. */
    protected String uploadToken(String org, String pack, int version) {
        return uploadTokens.get(org + "/" + pack + "/" + version);
    }

    // ---- groups -------------------------------------------------------------------------------------------------

    /** {@code {}}: an update that changes nothing, to add fields to. */
    protected static PolicyGroupUpdate change() {
        return PolicyGroupUpdate.none();
    }

    /** Updates a group of acme. */
    protected void update(String group, PolicyGroupUpdate update) {
        service.updatePolicyGroup(ACME, group, update);
    }

    /** Applies a batch to a group of acme. */
    protected void batch(String group, PolicyGroupUpdate... updates) {
        service.batchUpdatePolicyGroup(ACME, group, List.of(updates));
    }

    /** A group of acme, as stored (with modification stamps). */
    protected PolicyGroup group(String name) {
        return service.getPolicyGroup(ACME, name);
    }

    /** The summary of a group of acme, from the listing. */
    protected PolicyGroupSummary summary(String name) {
        return service.listPolicyGroups(ACME).stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no group '" + name + "' in the listing"));
    }

    /** The applied entry of a pack in a group of acme. */
    protected AppliedPolicyPack entry(String group, String pack) {
        return group(group).appliedPolicyPacks().stream().filter(p -> p.name().equals(pack)).findFirst()
                .orElseThrow(() -> new AssertionError("group '" + group + "' does not apply '" + pack + "'"));
    }

    /** A group of acme without its modification stamps, to compare with expectations built by {@link #applied}. */
    protected PolicyGroup unstamped(String name) {
        return unstamped(group(name));
    }

    /** The group with every modification stamp set to 0. */
    protected static PolicyGroup unstamped(PolicyGroup g) {
        return new PolicyGroup(g.org(), g.name(), g.entityType(), g.mode(), g.isOrgDefault(), g.stacks(),
                g.appliedPolicyPacks().stream().map(PolicyGroupsKitBase::unstamped).toList(), g.accounts(),
                g.agentPoolId());
    }

    /** The entry with its modification stamp set to 0. */
    protected static AppliedPolicyPack unstamped(AppliedPolicyPack p) {
        return new AppliedPolicyPack(p.name(), p.displayName(), p.version(), p.versionTag(), p.config(),
                p.environments(), 0);
    }

    /** The applied packs of a group of acme, unstamped. */
    protected List<AppliedPolicyPack> packsOf(String group) {
        return unstamped(group).appliedPolicyPacks();
    }

    /** The same group with other members and agent pool, everything else (stamps included) kept. */
    protected static PolicyGroup withMembers(PolicyGroup g, List<StackRef> stacks, List<String> accounts,
                                             String agentPoolId) {
        return new PolicyGroup(g.org(), g.name(), g.entityType(), g.mode(), g.isOrgDefault(), stacks,
                g.appliedPolicyPacks(), accounts, agentPoolId);
    }

    /** An expected applied entry without config (stamp 0). */
    protected static AppliedPolicyPack applied(String pack, int version, String tag) {
        return applied(pack, version, tag, Map.of());
    }

    /** An expected applied entry (stamp 0). */
    protected static AppliedPolicyPack applied(String pack, int version, String tag,
                                               Map<String, Map<String, Object>> config) {
        return new AppliedPolicyPack(pack, displayName(pack), version, tag, config, List.of(), 0);
    }

    /** An expected required pack of acme, without environments. */
    protected static RequiredPolicy required(String pack, int version, String tag,
                                             Map<String, Map<String, Object>> config) {
        return new RequiredPolicy(ACME, pack, version, tag, displayName(pack), config, List.of());
    }

    /** {@code {"enforcementLevel": level}}. */
    protected static Map<String, Object> level(String level) {
        return Map.of("enforcementLevel", level);
    }

    /** A JSON object from alternating keys and values, in order. */
    protected static Map<String, Object> json(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    // ---- state and errors ---------------------------------------------------------------------------------------

    /** Everything of an organization a failed call must leave alone. */
    protected record World(List<String> organizations, List<PolicyGroup> groups, List<Stack> stacks,
                           List<InsightsAccount> accounts, List<PolicyPackSummary> packs,
                           PolicyGroupMetadata metadata) {
    }

    /** The state of acme. */
    protected World world() {
        return world(ACME);
    }

    /** The state of an organization: its groups (with stamps), stacks, accounts, complete packs and figures. */
    protected World world(String org) {
        return new World(service.listOrganizations(),
                service.listPolicyGroups(org).stream().map(s -> service.getPolicyGroup(org, s.name())).toList(),
                service.listStacks(org, "", 1000, "").items(),
                service.listAccounts(org, "", 1000, "").items(),
                service.listPolicyPacks(org, ""),
                service.getMetadata(org));
    }

    /** The HTTP status the Pulumi routes answer an error with. */
    protected static int status(PolicyHubException e) {
        return e.code() == ErrorCode.RESOURCE_EXHAUSTED ? 413 : e.code().httpStatus();
    }

    /** Runs a call that must fail with this status and exact message (Pulumi's detail, no reason prefix). */
    protected static PolicyHubException assertError(int status, String message, Executable call) {
        PolicyHubException e = assertThrows(PolicyHubException.class, call,
                () -> "expected " + status + " '" + message + "'");
        assertAll(() -> assertEquals(message, e.getMessage(), "message"),
                () -> assertEquals(status, status(e), () -> "status of '" + e.getMessage() + "' (" + e.code() + ")"));
        return e;
    }

    /** Like {@link #assertError}, and the state of acme is the same before and after the call. */
    protected PolicyHubException assertRejected(int status, String message, Executable call) {
        World before = world();
        PolicyHubException e = assertError(status, message, call);
        assertEquals(before, world(), () -> "the failed call ('" + message + "') changed nothing");
        return e;
    }

    /** Asserts each of the twelve figures, by name. */
    protected static void assertMetadata(PolicyGroupMetadata expected, PolicyGroupMetadata actual) {
        assertAll(
                () -> assertEquals(expected.protectedStacks(), actual.protectedStacks(), "ProtectedStacks"),
                () -> assertEquals(expected.protectedStackResources(), actual.protectedStackResources(),
                        "ProtectedStackResources"),
                () -> assertEquals(expected.preventativeStacks(), actual.preventativeStacks(), "PreventativeStacks"),
                () -> assertEquals(expected.preventativeStackResources(), actual.preventativeStackResources(),
                        "PreventativeStackResources"),
                () -> assertEquals(expected.auditStacks(), actual.auditStacks(), "AuditStacks"),
                () -> assertEquals(expected.auditStackResources(), actual.auditStackResources(),
                        "AuditStackResources"),
                () -> assertEquals(expected.totalStacks(), actual.totalStacks(), "TotalStacks"),
                () -> assertEquals(expected.totalStackResources(), actual.totalStackResources(),
                        "TotalStackResources"),
                () -> assertEquals(expected.protectedAccounts(), actual.protectedAccounts(), "ProtectedAccounts"),
                () -> assertEquals(expected.protectedAccountResources(), actual.protectedAccountResources(),
                        "ProtectedAccountResources"),
                () -> assertEquals(expected.totalAccounts(), actual.totalAccounts(), "TotalAccounts"),
                () -> assertEquals(expected.totalAccountResources(), actual.totalAccountResources(),
                        "TotalAccountResources"));
        assertEquals(expected, actual);
    }
}
