package dev.policyhub.testkit;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.hierarchy.HierarchyService;
import dev.policyhub.core.hierarchy.NewFolder;
import dev.policyhub.core.hierarchy.NewProject;
import dev.policyhub.core.hierarchy.NewTagKey;
import dev.policyhub.core.hierarchy.NewTagValue;
import dev.policyhub.core.orgpolicy.OrgPolicyService;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;
import dev.policyhub.core.orgpolicy.eval.Decision;
import dev.policyhub.core.orgpolicy.eval.Outcome;
import dev.policyhub.core.spi.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Base of the service-level suites: a fresh {@link PolicyHub} over the store under test for every test, the
 * {@code testing.*} constraints registered, a fixed clock, and a tiny fixture language for hierarchies, tags and
 * policies. A store proves itself by implementing {@link #newStorage()}.
 */
public abstract class HubKitBase {
    /** The instant the kit's clock shows; update times then advance by one microsecond per write. */
    public static final Instant CLOCK_START = Instant.parse("2025-01-02T03:04:05.123456Z");
    /** {@code organizations/1}. */
    public static final String ORG = "organizations/1";

    /** The hub under test. */
    protected PolicyHub hub;
    /** {@code hub.hierarchy()}. */
    protected HierarchyService hierarchy;
    /** {@code hub.orgPolicies()}. */
    protected OrgPolicyService policies;

    /** For subclasses: each suite is abstract until a store supplies {@link #newStorage()}. */
    protected HubKitBase() {
    }

    /** A new, empty store; called before every test. */
    protected abstract Storage newStorage();

    @BeforeEach
    void openHub() {
        hub = PolicyHub.builder()
                .storage(newStorage())
                .clock(Clock.fixed(CLOCK_START, ZoneOffset.UTC))
                .constraint(KitConstraints.listAllow())
                .constraint(KitConstraints.listDeny())
                .constraint(KitConstraints.listUnder())
                .build();
        hierarchy = hub.hierarchy();
        policies = hub.orgPolicies();
    }

    @AfterEach
    void closeHub() {
        hub.close();
    }

    // ---- hierarchy ----------------------------------------------------------------------------------------------

    /** Creates {@code organizations/{id}}. */
    protected void org(long id) {
        hierarchy.createOrganization(id, "org" + id + ".example.com", "");
    }

    /** Creates {@code folders/{id}} under a parent name, with the display name {@code f{id}}. */
    protected void folder(long id, String parent) {
        hierarchy.createFolder(new NewFolder(id, parent, "f" + id, java.util.Map.of()));
    }

    /** Creates {@code projects/{number}} with the project id {@link #projectId(String) projectId("p{number}")}. */
    protected void project(long number, String parent) {
        project(number, "p" + number, parent);
    }

    /** Creates {@code projects/{number}} with the project id {@link #projectId(String) projectId(shortId)}. */
    protected void project(long number, String shortId, String parent) {
        hierarchy.createProject(NewProject.of(projectId(shortId), parent).withNumber(number));
    }

    /**
     * The real project id behind a short id of the specification's examples ({@code p1}, {@code p-one}): real
     * project ids need 6 to 30 characters, so the kit spells them {@code proj-p1}, {@code proj-p-one}.
     */
    public static String projectId(String shortId) {
        return "proj-" + shortId;
    }

    /**
     * The specification's tags under {@code organizations/1}: {@code tagKeys/501} = {@code 1/env} (601 dev, 602 prod),
     * {@code tagKeys/502} = {@code 1/team} (603 red), {@code tagKeys/503} = {@code 1/location} (604 us-west1).
     */
    protected void standardTags() {
        tagKey(501, "env");
        tagValue(601, 501, "dev");
        tagValue(602, 501, "prod");
        tagKey(502, "team");
        tagValue(603, 502, "red");
        tagKey(503, "location");
        tagValue(604, 503, "us-west1");
    }

    /** Creates {@code tagKeys/{id}} under {@code organizations/1}. */
    protected void tagKey(long id, String shortName) {
        hierarchy.createTagKey(NewTagKey.of(ORG, shortName).withId(id), false);
    }

    /** Creates {@code tagValues/{id}} under {@code tagKeys/{keyId}}. */
    protected void tagValue(long id, long keyId, String shortName) {
        hierarchy.createTagValue(NewTagValue.of("tagKeys/" + keyId, shortName).withId(id), false);
    }

    /** Binds {@code tagValues/{valueId}} to a resource name. */
    protected void bind(String resource, long valueId) {
        hierarchy.createTagBinding(resource, "tagValues/" + valueId, "", false);
    }

    // ---- policies -----------------------------------------------------------------------------------------------

    /** Creates the policy of {@code constraint} on {@code resource} with a live spec. */
    protected Policy set(String resource, String constraint, PolicySpec spec) {
        return policies.createPolicy(resource, Policy.of(resource + "/policies/" + constraint, spec));
    }

    /** Creates the policy with a live and a dry-run spec. */
    protected Policy set(String resource, String constraint, PolicySpec spec, PolicySpec dryRun) {
        return policies.createPolicy(resource, Policy.of(resource + "/policies/" + constraint, spec)
                .withDryRunSpec(dryRun));
    }

    /** Creates a policy with only a dry-run spec. */
    protected Policy setDryRunOnly(String resource, String constraint, PolicySpec dryRun) {
        return policies.createPolicy(resource, new Policy(resource + "/policies/" + constraint, Optional.empty(),
                Optional.of(dryRun), ""));
    }

    /** The effective policy of a constraint at a resource. */
    protected Policy effective(String resource, String constraint) {
        return policies.getEffectivePolicy(resource + "/policies/" + constraint);
    }

    /** The single rule of the effective live spec. */
    protected PolicyRule effectiveRule(String resource, String constraint) {
        List<PolicyRule> rules = effective(resource, constraint).spec().orElseThrow().rules();
        assertEquals(1, rules.size(), "an effective spec holds exactly one rule");
        return rules.get(0);
    }

    /** Asserts each value is allowed at the resource, through both the decision and the effective policy. */
    protected void assertAllowed(String resource, String constraint, String... values) {
        for (String value : values) {
            Decision d = policies.decide(resource, constraint, value);
            assertEquals(Outcome.ALLOW, d.outcome(), () -> value + " at " + resource + ": " + d.reason());
        }
    }

    /** Asserts each value is denied at the resource. */
    protected void assertDenied(String resource, String constraint, String... values) {
        for (String value : values) {
            Decision d = policies.decide(resource, constraint, value);
            assertEquals(Outcome.DENY, d.outcome(), () -> value + " at " + resource + ": " + d.reason());
        }
    }

    /** Asserts a boolean constraint is enforced at the resource, and the effective rule says so. */
    protected void assertEnforced(String resource, String constraint) {
        Decision d = policies.decide(resource, constraint);
        assertEquals(Outcome.ENFORCED, d.outcome(), () -> constraint + " at " + resource + ": " + d.reason());
        assertEquals(new PolicyRule.Enforce(true), effectiveRule(resource, constraint).kind());
    }

    /** Asserts a boolean constraint is not enforced at the resource, and the effective rule says so. */
    protected void assertNotEnforced(String resource, String constraint) {
        Decision d = policies.decide(resource, constraint);
        assertEquals(Outcome.NOT_ENFORCED, d.outcome(), () -> constraint + " at " + resource + ": " + d.reason());
        assertEquals(new PolicyRule.Enforce(false), effectiveRule(resource, constraint).kind());
    }

    // ---- spec shorthand ------------------------------------------------------------------------------------------

    /** {@code A{values}}: a rule allowing these values. */
    protected static PolicyRule allow(String... values) {
        return PolicyRule.allow(values);
    }

    /** {@code D{values}}: a rule denying these values. */
    protected static PolicyRule deny(String... values) {
        return PolicyRule.deny(values);
    }

    /** A spec with these rules. */
    protected static PolicySpec spec(PolicyRule... rules) {
        return PolicySpec.of(rules);
    }

    /** {@code inh}: a spec with these rules that merges with its parent. */
    protected static PolicySpec inh(PolicyRule... rules) {
        return PolicySpec.inheriting(rules);
    }

    /** {@code reset}. */
    protected static PolicySpec reset() {
        return PolicySpec.resetToDefault();
    }
}
