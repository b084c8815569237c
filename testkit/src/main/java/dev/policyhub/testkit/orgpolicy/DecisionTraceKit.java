package dev.policyhub.testkit.orgpolicy;

import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.eval.Decision;
import dev.policyhub.core.orgpolicy.eval.LevelEffect;
import dev.policyhub.core.orgpolicy.eval.LevelTrace;
import dev.policyhub.core.orgpolicy.eval.Outcome;
import dev.policyhub.core.orgpolicy.eval.RuleTrace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.policyhub.testkit.orgpolicy.Cases.CROSS_PROJECT_SA;
import static dev.policyhub.testkit.orgpolicy.Cases.ENV_DEV;
import static dev.policyhub.testkit.orgpolicy.Cases.LIST_ALLOW;
import static dev.policyhub.testkit.orgpolicy.Cases.LIST_DENY;
import static dev.policyhub.testkit.orgpolicy.Cases.LOCATIONS;
import static dev.policyhub.testkit.orgpolicy.Cases.LOCATION_WEST;
import static dev.policyhub.testkit.orgpolicy.Cases.SA1;
import static dev.policyhub.testkit.orgpolicy.Cases.SA_LIFETIME;
import static dev.policyhub.testkit.orgpolicy.Cases.SERIAL_PORT;
import static dev.policyhub.testkit.orgpolicy.Cases.SERVICE_USAGE;
import static dev.policyhub.testkit.orgpolicy.Cases.TEAM_RED;
import static dev.policyhub.testkit.orgpolicy.Cases.folders;
import static dev.policyhub.testkit.orgpolicy.Cases.policyName;
import static dev.policyhub.testkit.orgpolicy.Cases.projects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The decision explanation on worked evaluation cases: levels from the organization down, each
 * level's policy and effect, which rules apply and which tags satisfied their conditions, and the deciding rule.
 */
public abstract class DecisionTraceKit extends WorkedCasesBase {

    /** For subclasses: a store's concrete suite. */
    protected DecisionTraceKit() {
    }

    // ---- expected traces --------------------------------------------------------------------------------------

    /** An expected rule trace; the free-text summary is not compared. */
    private record RuleCheck(int index, String condition, boolean applies, List<String> matchedTags) {
    }

    /** An expected level trace; {@code rules == null} leaves the rules of a level that was not consulted unchecked. */
    private record LevelCheck(String resource, String policy, LevelEffect effect, List<RuleCheck> rules) {
    }

    /** An unconditional rule, which always applies. */
    private static RuleCheck unconditional(int index) {
        return new RuleCheck(index, "", true, List.of());
    }

    /** A conditional rule, whether it applies and the target's tags that satisfied it. */
    private static RuleCheck conditional(int index, String condition, boolean applies, String... matchedTags) {
        return new RuleCheck(index, condition, applies, List.of(matchedTags));
    }

    /** A level with its policy ({@code ""} for none), its effect and every one of its rules. */
    private static LevelCheck level(String resource, String policy, LevelEffect effect, RuleCheck... rules) {
        return new LevelCheck(resource, policy, effect, List.of(rules));
    }

    /** A level with no policy for the constraint. */
    private static LevelCheck noPolicy(String resource) {
        return new LevelCheck(resource, "", LevelEffect.NO_POLICY, List.of());
    }

    /** A level above the one that decided or cut inheritance; its policy ({@code ""} for none) is still named. */
    private static LevelCheck notConsulted(String resource, String policy) {
        return new LevelCheck(resource, policy, LevelEffect.NOT_CONSULTED, null);
    }

    /** Asserts what a decision is about, its outcome and its levels, organization first. */
    private static void assertTrace(Decision d, String resource, String constraint, String value, Outcome outcome,
                                    LevelCheck... levels) {
        assertEquals(resource, d.resource(), "decision resource");
        assertEquals(constraint, d.constraint(), "decision constraint");
        assertEquals(value, d.value(), "decision value");
        assertEquals(outcome, d.outcome(), d::reason);
        assertFalse(d.reason().isEmpty(), "a decision gives a reason");
        assertEquals(levels.length, d.levels().size(), () -> "levels: " + d.levels());
        for (int i = 0; i < levels.length; i++) {
            LevelCheck want = levels[i];
            LevelTrace got = d.levels().get(i);
            String where = "level " + i + " (" + want.resource() + "): " + got;
            assertEquals(want.resource(), got.resource(), where);
            assertEquals(want.policy(), got.policy(), where);
            assertEquals(want.effect(), got.effect(), where);
            if (want.rules() == null) {
                continue;
            }
            assertEquals(want.rules().size(), got.rules().size(), where);
            for (int r = 0; r < want.rules().size(); r++) {
                RuleCheck rule = want.rules().get(r);
                RuleTrace trace = got.rules().get(r);
                String which = where + ", rule " + r;
                assertEquals(rule.index(), trace.index(), which);
                assertEquals(rule.condition(), trace.condition(), which);
                assertEquals(rule.applies(), trace.applies(), which);
                assertEquals(rule.matchedTags(), trace.matchedTags(), which);
                assertFalse(trace.summary().isEmpty(), which + " has a summary");
            }
        }
    }

    /** Decides a value at a resource and asserts the decision's trace as {@link #assertTrace} does; returns it. */
    private Decision assertTraced(String resource, String constraint, String value, Outcome outcome,
                                  LevelCheck... levels) {
        Decision d = policies.decide(resource, constraint, value);
        assertTrace(d, resource, constraint, value, outcome, levels);
        return d;
    }

    /** Decides a boolean constraint at a resource and asserts the decision's trace, whose value is empty. */
    private Decision assertTraced(String resource, String constraint, Outcome outcome, LevelCheck... levels) {
        Decision d = policies.decide(resource, constraint);
        assertTrace(d, resource, constraint, "", outcome, levels);
        return d;
    }

    /** Asserts which rule decided: a resource and rule index, or {@code ""} and {@code -1} for the default. */
    private static void assertDecidedBy(Decision d, String resource, int rule) {
        assertEquals(resource, d.decidingResource(), d::reason);
        assertEquals(rule, d.decidingRule(), d::reason);
    }

    /** Asserts the constraint default decided. */
    private static void assertDefaultDecided(Decision d) {
        assertDecidedBy(d, "", -1);
    }

    // ---- Set H ------------------------------------------------------------------------------------------------

    /** Set H traces: four projects under an organization that allows red and green. */
    @Nested
    @DisplayName("Set H traces")
    class H {
        private final String orgPolicy = policyName(ORG, LIST_ALLOW);

        @BeforeEach
        void fourProjects() {
            setH();
        }

        /** The levels of a project whose inheriting policy merges with the organization's, one rule each. */
        private LevelCheck[] organizationThenMerging(String p) {
            return new LevelCheck[] {
                    level(ORG, orgPolicy, LevelEffect.REPLACES_PARENT, unconditional(0)),
                    level(p, policyName(p, LIST_ALLOW), LevelEffect.MERGES_WITH_PARENT, unconditional(0))};
        }

        @Test
        @DisplayName("H0 trace: at the organization its own allow list decides red")
        void h0() {
            Decision d = assertTraced(ORG, LIST_ALLOW, "red", Outcome.ALLOW,
                    level(ORG, orgPolicy, LevelEffect.REPLACES_PARENT, unconditional(0)));
            assertDecidedBy(d, ORG, 0);
        }

        @Test
        @DisplayName("H1 trace: blue is allowed by the project's merged rule, red by the organization's")
        void h1() {
            String p = projects(101);
            set(p, LIST_ALLOW, inh(allow("blue")));
            LevelCheck[] levels = organizationThenMerging(p);
            Decision blue = assertTraced(p, LIST_ALLOW, "blue", Outcome.ALLOW, levels);
            assertDecidedBy(blue, p, 0);
            Decision red = assertTraced(p, LIST_ALLOW, "red", Outcome.ALLOW, levels);
            assertDecidedBy(red, ORG, 0);
            assertTraced(p, LIST_ALLOW, "yellow", Outcome.DENY, levels);
        }

        @Test
        @DisplayName("H2 trace: green is denied by the project's denied value although the organization allows it")
        void h2() {
            String p = projects(102);
            set(p, LIST_ALLOW, inh(deny("green")));
            LevelCheck[] levels = organizationThenMerging(p);
            Decision green = assertTraced(p, LIST_ALLOW, "green", Outcome.DENY, levels);
            assertDecidedBy(green, p, 0);
            Decision red = assertTraced(p, LIST_ALLOW, "red", Outcome.ALLOW, levels);
            assertDecidedBy(red, ORG, 0);
        }

        @Test
        @DisplayName("H3 trace: the project's own list cuts the organization's policy off")
        void h3() {
            String p = projects(103);
            set(p, LIST_ALLOW, spec(allow("yellow")));
            Decision d = assertTraced(p, LIST_ALLOW, "yellow", Outcome.ALLOW,
                    notConsulted(ORG, orgPolicy),
                    level(p, policyName(p, LIST_ALLOW), LevelEffect.REPLACES_PARENT, unconditional(0)));
            assertDecidedBy(d, p, 0);
        }

        @Test
        @DisplayName("H4 trace: reset hands the decision to the ALLOW default")
        void h4() {
            String p = projects(104);
            set(p, LIST_ALLOW, reset());
            Decision d = assertTraced(p, LIST_ALLOW, "purple", Outcome.ALLOW,
                    notConsulted(ORG, orgPolicy),
                    level(p, policyName(p, LIST_ALLOW), LevelEffect.RESETS_TO_DEFAULT));
            assertDefaultDecided(d);
        }
    }

    // ---- Set R ------------------------------------------------------------------------------------------------

    /** Set R traces: organization 1, folder 11, project 101. */
    @Nested
    @DisplayName("Set R traces")
    class R {
        private final String f11 = folders(11);
        private final String p101 = projects(101);

        @BeforeEach
        void orgFolderProject() {
            setR();
        }

        @Test
        @DisplayName("R1 trace: each denied value is traced to the level that denied it")
        void r1() {
            set(f11, LIST_ALLOW, spec(deny("projects/123")));
            set(p101, LIST_ALLOW, inh(deny("projects/456")));
            LevelCheck[] levels = {
                    notConsulted(ORG, ""),
                    level(f11, policyName(f11, LIST_ALLOW), LevelEffect.REPLACES_PARENT, unconditional(0)),
                    level(p101, policyName(p101, LIST_ALLOW), LevelEffect.MERGES_WITH_PARENT, unconditional(0))};
            Decision d123 = assertTraced(p101, LIST_ALLOW, "projects/123", Outcome.DENY, levels);
            assertDecidedBy(d123, f11, 0);
            Decision d456 = assertTraced(p101, LIST_ALLOW, "projects/456", Outcome.DENY, levels);
            assertDecidedBy(d456, p101, 0);
            assertTraced(p101, LIST_ALLOW, "projects/789", Outcome.ALLOW, levels);
        }

        @Test
        @DisplayName("R1b trace: at the folder the project's policy is not part of the chain")
        void r1b() {
            set(f11, LIST_ALLOW, spec(deny("projects/123")));
            set(p101, LIST_ALLOW, inh(deny("projects/456")));
            Decision d = assertTraced(f11, LIST_ALLOW, "projects/123", Outcome.DENY,
                    notConsulted(ORG, ""),
                    level(f11, policyName(f11, LIST_ALLOW), LevelEffect.REPLACES_PARENT, unconditional(0)));
            assertDecidedBy(d, f11, 0);
        }

        @Test
        @DisplayName("R2 trace: the folder's denied value decides although the project allows the value")
        void r2() {
            set(f11, LIST_ALLOW, spec(deny("projects/123")));
            set(p101, LIST_ALLOW, inh(allow("projects/123")));
            Decision d = assertTraced(p101, LIST_ALLOW, "projects/123", Outcome.DENY,
                    notConsulted(ORG, ""),
                    level(f11, policyName(f11, LIST_ALLOW), LevelEffect.REPLACES_PARENT, unconditional(0)),
                    level(p101, policyName(p101, LIST_ALLOW), LevelEffect.MERGES_WITH_PARENT, unconditional(0)));
            assertDecidedBy(d, f11, 0);
        }

        @Test
        @DisplayName("R3 trace: the project's allowed value decides on a DENY-default constraint")
        void r3() {
            set(p101, SA_LIFETIME, spec(allow(SA1)));
            Decision d = assertTraced(p101, SA_LIFETIME, SA1, Outcome.ALLOW,
                    notConsulted(ORG, ""),
                    notConsulted(f11, ""),
                    level(p101, policyName(p101, SA_LIFETIME), LevelEffect.REPLACES_PARENT, unconditional(0)));
            assertDecidedBy(d, p101, 0);
        }

        @Test
        @DisplayName("R4 trace: the organization's denyAll decides through a folder without a policy")
        void r4() {
            set(ORG, SA_LIFETIME, spec(PolicyRule.denyAll()));
            set(p101, SA_LIFETIME, inh(allow(SA1)));
            Decision d = assertTraced(p101, SA_LIFETIME, SA1, Outcome.DENY,
                    level(ORG, policyName(ORG, SA_LIFETIME), LevelEffect.REPLACES_PARENT, unconditional(0)),
                    noPolicy(f11),
                    level(p101, policyName(p101, SA_LIFETIME), LevelEffect.MERGES_WITH_PARENT, unconditional(0)));
            assertDecidedBy(d, ORG, 0);
        }

        @Test
        @DisplayName("R5 trace: an empty non-inheriting spec falls back to the default")
        void r5() {
            set(ORG, LIST_ALLOW, spec(allow("x")));
            set(p101, LIST_ALLOW, spec());
            Decision d = assertTraced(p101, LIST_ALLOW, "y", Outcome.ALLOW,
                    notConsulted(ORG, policyName(ORG, LIST_ALLOW)),
                    notConsulted(f11, ""),
                    level(p101, policyName(p101, LIST_ALLOW), LevelEffect.FALLS_BACK_TO_DEFAULT));
            assertDefaultDecided(d);
        }

        @Test
        @DisplayName("R6b trace: with no policy anywhere every level passes and the DENY default decides")
        void r6b() {
            Decision d = assertTraced(p101, LIST_DENY, "anything", Outcome.DENY, noPolicy(ORG), noPolicy(f11), noPolicy(p101));
            assertDefaultDecided(d);
        }

        @Test
        @DisplayName("R7 trace: the folder's list decides and the organization's is not consulted")
        void r7() {
            set(ORG, LIST_ALLOW, spec(allow("a")));
            set(f11, LIST_ALLOW, spec(allow("b")));
            Decision d = assertTraced(p101, LIST_ALLOW, "b", Outcome.ALLOW,
                    notConsulted(ORG, policyName(ORG, LIST_ALLOW)),
                    level(f11, policyName(f11, LIST_ALLOW), LevelEffect.REPLACES_PARENT, unconditional(0)),
                    noPolicy(p101));
            assertDecidedBy(d, f11, 0);
        }
    }

    // ---- Set T ------------------------------------------------------------------------------------------------

    /** Set T traces: the conditional location policy P_T and a conditional boolean policy. */
    @Nested
    @DisplayName("Set T traces")
    class T {
        private final String orgLocations = policyName(ORG, LOCATIONS);

        @BeforeEach
        void taggedHierarchy() {
            setT();
        }

        @Test
        @DisplayName("T1 trace: on an untagged project the conditional rule does not apply")
        void t1() {
            setPT();
            String p = projects(101);
            LevelCheck[] levels = {
                    level(ORG, orgLocations, LevelEffect.REPLACES_PARENT, unconditional(0),
                            conditional(1, LOCATION_WEST, false)),
                    noPolicy(folders(11)),
                    noPolicy(p)};
            Decision east = assertTraced(p, LOCATIONS, "us-east1-b", Outcome.ALLOW, levels);
            assertDecidedBy(east, ORG, 0);
            assertTraced(p, LOCATIONS, "us-west1-a", Outcome.DENY, levels);
        }

        @Test
        @DisplayName("T2 trace: the tag bound to the project or inherited from its folder satisfies the condition")
        void t2() {
            setPT();
            Decision direct = assertTraced(projects(102), LOCATIONS, "us-west1-a", Outcome.ALLOW,
                    level(ORG, orgLocations, LevelEffect.REPLACES_PARENT, unconditional(0),
                            conditional(1, LOCATION_WEST, true, "1/location/us-west1")),
                    noPolicy(projects(102)));
            assertDecidedBy(direct, ORG, 1);
            Decision inherited = assertTraced(projects(103), LOCATIONS, "us-west1-a", Outcome.ALLOW,
                    level(ORG, orgLocations, LevelEffect.REPLACES_PARENT, unconditional(0),
                            conditional(1, LOCATION_WEST, true, "1/location/us-west1")),
                    noPolicy(folders(12)),
                    noPolicy(projects(103)));
            assertDecidedBy(inherited, ORG, 1);
            Decision east = policies.decide(projects(103), LOCATIONS, "us-east1-b");
            assertDecidedBy(east, ORG, 0);
        }

        @Test
        @DisplayName("T3 trace: the true conditional rule decides at 104, the unconditional rule at 101")
        void t3() {
            set(ORG, SERIAL_PORT, spec(PolicyRule.enforce(true), PolicyRule.enforce(false).when(ENV_DEV)));
            project(104, ORG);
            bind(projects(104), 601);
            String orgPolicy = policyName(ORG, SERIAL_PORT);
            Decision dev = assertTraced(projects(104), SERIAL_PORT, Outcome.NOT_ENFORCED,
                    level(ORG, orgPolicy, LevelEffect.REPLACES_PARENT, unconditional(0),
                            conditional(1, ENV_DEV, true, "1/env/dev")),
                    noPolicy(projects(104)));
            assertDecidedBy(dev, ORG, 1);
            Decision untagged = assertTraced(projects(101), SERIAL_PORT, Outcome.ENFORCED,
                    level(ORG, orgPolicy, LevelEffect.REPLACES_PARENT, unconditional(0),
                            conditional(1, ENV_DEV, false)),
                    noPolicy(folders(11)),
                    noPolicy(projects(101)));
            assertDecidedBy(untagged, ORG, 0);
        }
    }

    // ---- Set B ------------------------------------------------------------------------------------------------

    /** Set B traces: booleans on organization 1 and project 101. */
    @Nested
    @DisplayName("Set B traces")
    class B {
        private final String p101 = projects(101);

        @BeforeEach
        void foobar() {
            fooAndBar();
        }

        @Test
        @DisplayName("B1 trace: the organization's policy is the nearest one for the project")
        void b1() {
            set(ORG, SERIAL_PORT, spec(PolicyRule.enforce(false)));
            Decision d = assertTraced(p101, SERIAL_PORT, Outcome.NOT_ENFORCED,
                    level(ORG, policyName(ORG, SERIAL_PORT), LevelEffect.REPLACES_PARENT, unconditional(0)),
                    noPolicy(p101));
            assertDecidedBy(d, ORG, 0);
        }

        @Test
        @DisplayName("B2 trace: the project's policy decides and the organization's is not consulted")
        void b2() {
            set(ORG, SERIAL_PORT, spec(PolicyRule.enforce(false)));
            set(p101, SERIAL_PORT, spec(PolicyRule.enforce(true)));
            Decision d = assertTraced(p101, SERIAL_PORT, Outcome.ENFORCED,
                    notConsulted(ORG, policyName(ORG, SERIAL_PORT)),
                    level(p101, policyName(p101, SERIAL_PORT), LevelEffect.REPLACES_PARENT, unconditional(0)));
            assertDecidedBy(d, p101, 0);
        }

        @Test
        @DisplayName("B3 trace: the project's reset hands the decision to the default")
        void b3() {
            set(ORG, SERIAL_PORT, spec(PolicyRule.enforce(true)));
            set(p101, SERIAL_PORT, reset());
            Decision d = assertTraced(p101, SERIAL_PORT, Outcome.NOT_ENFORCED,
                    notConsulted(ORG, policyName(ORG, SERIAL_PORT)),
                    level(p101, policyName(p101, SERIAL_PORT), LevelEffect.RESETS_TO_DEFAULT));
            assertDefaultDecided(d);
        }

        @Test
        @DisplayName("B4 trace: with no policy the default decides")
        void b4() {
            Decision d = assertTraced(p101, SERIAL_PORT, Outcome.NOT_ENFORCED, noPolicy(ORG), noPolicy(p101));
            assertDefaultDecided(d);
        }

        @Test
        @DisplayName("B6 trace: the DENY default enforces at the organization, the project's policy decides below")
        void b6() {
            set(p101, CROSS_PROJECT_SA, spec(PolicyRule.enforce(false)));
            Decision atOrg = assertTraced(ORG, CROSS_PROJECT_SA, Outcome.ENFORCED, noPolicy(ORG));
            assertDefaultDecided(atOrg);
            Decision atProject = assertTraced(p101, CROSS_PROJECT_SA, Outcome.NOT_ENFORCED,
                    notConsulted(ORG, ""),
                    level(p101, policyName(p101, CROSS_PROJECT_SA), LevelEffect.REPLACES_PARENT, unconditional(0)));
            assertDecidedBy(atProject, p101, 0);
        }
    }

    // ---- Set N ------------------------------------------------------------------------------------------------

    /** Set N traces: dry run, boolean conditions at two levels, and only-conditional specs. */
    @Nested
    @DisplayName("Set N traces")
    class N {
        @BeforeEach
        void organization() {
            org(1);
        }

        @Test
        @DisplayName("N5 trace: the dry run reads the organization's dryRunSpec and the project's live spec")
        void n5() {
            String p = projects(101);
            project(101, ORG);
            set(ORG, SERVICE_USAGE, spec(PolicyRule.allowAll()), spec(deny("compute.googleapis.com")));
            set(p, SERVICE_USAGE, inh(deny("bigquery.googleapis.com")));
            LevelCheck[] levels = {
                    level(ORG, policyName(ORG, SERVICE_USAGE), LevelEffect.REPLACES_PARENT, unconditional(0)),
                    level(p, policyName(p, SERVICE_USAGE), LevelEffect.MERGES_WITH_PARENT, unconditional(0))};
            Decision dry = policies.decideDryRun(p, SERVICE_USAGE, "compute.googleapis.com");
            assertTrace(dry, p, SERVICE_USAGE, "compute.googleapis.com", Outcome.DENY, levels);
            assertDecidedBy(dry, ORG, 0);
            Decision dryBigquery = policies.decideDryRun(p, SERVICE_USAGE, "bigquery.googleapis.com");
            assertTrace(dryBigquery, p, SERVICE_USAGE, "bigquery.googleapis.com", Outcome.DENY, levels);
            assertDecidedBy(dryBigquery, p, 0);
            Decision live = assertTraced(p, SERVICE_USAGE, "compute.googleapis.com", Outcome.ALLOW, levels);
            assertDecidedBy(live, ORG, 0);
        }

        @Test
        @DisplayName("N6 trace: the folder's true team condition decides for project 111")
        void n6() {
            standardTags();
            folder(11, ORG);
            project(111, folders(11));
            bind(projects(111), 601);
            bind(projects(111), 603);
            set(ORG, SERIAL_PORT, spec(PolicyRule.enforce(true), PolicyRule.enforce(false).when(ENV_DEV)));
            set(folders(11), SERIAL_PORT, spec(PolicyRule.enforce(false), PolicyRule.enforce(true).when(TEAM_RED)));
            Decision d = assertTraced(projects(111), SERIAL_PORT, Outcome.ENFORCED,
                    notConsulted(ORG, policyName(ORG, SERIAL_PORT)),
                    level(folders(11), policyName(folders(11), SERIAL_PORT), LevelEffect.REPLACES_PARENT,
                            unconditional(0), conditional(1, TEAM_RED, true, "1/team/red")),
                    noPolicy(projects(111)));
            assertDecidedBy(d, folders(11), 1);
        }

        @Test
        @DisplayName("N9 trace: a spec whose only rule does not apply falls back to the default")
        void n9() {
            standardTags();
            String p = projects(101);
            project(101, ORG);
            set(ORG, LIST_ALLOW, spec(allow("a")));
            set(p, LIST_ALLOW, spec(allow("b").when(ENV_DEV)));
            Decision d = assertTraced(p, LIST_ALLOW, "z", Outcome.ALLOW,
                    notConsulted(ORG, policyName(ORG, LIST_ALLOW)),
                    level(p, policyName(p, LIST_ALLOW), LevelEffect.FALLS_BACK_TO_DEFAULT,
                            conditional(0, ENV_DEV, false)));
            assertDefaultDecided(d);
            bind(p, 601);
            Decision tagged = assertTraced(p, LIST_ALLOW, "b", Outcome.ALLOW,
                    notConsulted(ORG, policyName(ORG, LIST_ALLOW)),
                    level(p, policyName(p, LIST_ALLOW), LevelEffect.REPLACES_PARENT,
                            conditional(0, ENV_DEV, true, "1/env/dev")));
            assertDecidedBy(tagged, p, 0);
        }
    }
}
