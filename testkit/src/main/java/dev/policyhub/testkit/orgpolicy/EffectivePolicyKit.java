package dev.policyhub.testkit.orgpolicy;

import dev.policyhub.core.error.ErrorCode;
import dev.policyhub.core.error.FieldViolation;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.orgpolicy.Expr;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;
import dev.policyhub.core.orgpolicy.StringValues;
import dev.policyhub.core.orgpolicy.eval.Decision;
import dev.policyhub.core.orgpolicy.eval.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static dev.policyhub.testkit.orgpolicy.Cases.CROSS_PROJECT_SA;
import static dev.policyhub.testkit.orgpolicy.Cases.ENV_DEV;
import static dev.policyhub.testkit.orgpolicy.Cases.LIST_ALLOW;
import static dev.policyhub.testkit.orgpolicy.Cases.LIST_DENY;
import static dev.policyhub.testkit.orgpolicy.Cases.LIST_UNDER;
import static dev.policyhub.testkit.orgpolicy.Cases.LOCATIONS;
import static dev.policyhub.testkit.orgpolicy.Cases.LOCATION_WEST;
import static dev.policyhub.testkit.orgpolicy.Cases.SA1;
import static dev.policyhub.testkit.orgpolicy.Cases.SA2;
import static dev.policyhub.testkit.orgpolicy.Cases.SA_LIFETIME;
import static dev.policyhub.testkit.orgpolicy.Cases.SERIAL_PORT;
import static dev.policyhub.testkit.orgpolicy.Cases.SERVICE_USAGE;
import static dev.policyhub.testkit.orgpolicy.Cases.TEAM_RED;
import static dev.policyhub.testkit.orgpolicy.Cases.US_EAST1;
import static dev.policyhub.testkit.orgpolicy.Cases.US_WEST1;
import static dev.policyhub.testkit.orgpolicy.Cases.folders;
import static dev.policyhub.testkit.orgpolicy.Cases.outAllowed;
import static dev.policyhub.testkit.orgpolicy.Cases.outDenied;
import static dev.policyhub.testkit.orgpolicy.Cases.outValues;
import static dev.policyhub.testkit.orgpolicy.Cases.projects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The effective-policy suite: every worked evaluation case, one test per row, asserting both the
 * whole effective policy and the decision for every listed value.
 */
public abstract class EffectivePolicyKit extends WorkedCasesBase {

    /** For subclasses: a store's concrete suite. */
    protected EffectivePolicyKit() {
    }

    // ---- assertions -------------------------------------------------------------------------------------------

    /**
     * Asserts the whole effective policy at {@code resource}: exactly this one live rule, no dry-run spec, and none of
     * the fields an effective policy never carries (etag, updateTime, inheritFromParent, reset, condition).
     */
    protected void assertOut(String resource, String constraint, PolicyRule rule) {
        Policy actual = effective(resource, constraint);
        assertBare(actual);
        assertEquals(Cases.effectivePolicy(resource, constraint, rule), actual);
        assertEquals(rule, effectiveRule(resource, constraint));
    }

    /** Asserts the whole effective policy at {@code resource}, live spec and dry-run spec. */
    protected void assertOut(String resource, String constraint, PolicyRule live, PolicyRule dryRun) {
        Policy actual = effective(resource, constraint);
        assertBare(actual);
        assertEquals(Cases.effectivePolicy(resource, constraint, live, dryRun), actual);
    }

    /** Asserts an effective policy carries no server stamps, no inheritance or reset flag and no conditions. */
    protected static void assertBare(Policy policy) {
        assertEquals("", policy.etag(), "an effective policy carries no etag");
        List<PolicySpec> specs = new ArrayList<>();
        policy.spec().ifPresent(specs::add);
        policy.dryRunSpec().ifPresent(specs::add);
        assertTrue(policy.spec().isPresent(), "an effective policy always has a live spec");
        for (PolicySpec spec : specs) {
            assertEquals("", spec.etag(), "an effective spec carries no etag");
            assertEquals(Optional.empty(), spec.updateTime(), "an effective spec carries no updateTime");
            assertFalse(spec.inheritFromParent(), "an effective spec never inherits");
            assertFalse(spec.reset(), "an effective spec never resets");
            assertEquals(1, spec.rules().size(), "an effective spec holds exactly one rule");
            for (PolicyRule rule : spec.rules()) {
                assertEquals(Optional.empty(), rule.condition(), "an effective rule carries no condition");
            }
        }
    }

    /** Asserts each value is allowed when deciding against the dry-run specs. */
    protected void assertDryRunAllowed(String resource, String constraint, String... values) {
        assertDryRun(Outcome.ALLOW, resource, constraint, values);
    }

    /** Asserts each value is denied when deciding against the dry-run specs. */
    protected void assertDryRunDenied(String resource, String constraint, String... values) {
        assertDryRun(Outcome.DENY, resource, constraint, values);
    }

    private void assertDryRun(Outcome expected, String resource, String constraint, String... values) {
        for (String value : values) {
            Decision d = policies.decideDryRun(resource, constraint, value);
            assertEquals(expected, d.outcome(), () -> "dry run: " + value + " at " + resource + ": " + d.reason());
        }
    }

    /** Asserts a write is rejected with INVALID_ARGUMENT naming exactly these field paths. */
    protected static void assertInvalid(Runnable write, String... fields) {
        PolicyHubException e = assertThrows(PolicyHubException.class, write::run);
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code(), e::getMessage);
        assertEquals(List.of(fields), e.fieldViolations().stream().map(FieldViolation::field).toList(),
                e::getMessage);
    }

    /** Asserts the policy {@code name} does not exist. */
    protected void assertNoPolicy(String name) {
        PolicyHubException e = assertThrows(PolicyHubException.class, () -> policies.getPolicy(name));
        assertEquals(ErrorCode.NOT_FOUND, e.code(), e::getMessage);
    }

    /** The enforce rule of a boolean effective policy. */
    private static PolicyRule enforced(boolean value) {
        return PolicyRule.enforce(value);
    }

    // ---- Set H ------------------------------------------------------------------------------------------------

    /** Set H: four projects under one organization that allows red and green (testing.listAllow). */
    @Nested
    @DisplayName("Set H: four resources under one organization")
    class H {
        @BeforeEach
        void fourProjects() {
            setH();
        }

        @Test
        @DisplayName("H0: the organization's own allow list allows red and green only")
        void h0() {
            assertAllowed(ORG, LIST_ALLOW, "red", "green");
            assertDenied(ORG, LIST_ALLOW, "blue");
            assertOut(ORG, LIST_ALLOW, outAllowed("red", "green"));
        }

        @Test
        @DisplayName("H1: an inherited allow list merged with an own allowed value allows red, green and blue")
        void h1() {
            set(projects(101), LIST_ALLOW, inh(allow("blue")));
            assertAllowed(projects(101), LIST_ALLOW, "red", "green", "blue");
            assertDenied(projects(101), LIST_ALLOW, "yellow");
            assertOut(projects(101), LIST_ALLOW, outAllowed("red", "green", "blue"));
        }

        @Test
        @DisplayName("H2: an inherited allow list with an own denied value allows red only")
        void h2() {
            set(projects(102), LIST_ALLOW, inh(deny("green")));
            assertAllowed(projects(102), LIST_ALLOW, "red");
            assertDenied(projects(102), LIST_ALLOW, "green", "blue");
            assertOut(projects(102), LIST_ALLOW, outValues(List.of("red", "green"), List.of("green")));
        }

        @Test
        @DisplayName("H3: a non-inheriting allow list replaces the organization's and allows yellow only")
        void h3() {
            set(projects(103), LIST_ALLOW, spec(allow("yellow")));
            assertAllowed(projects(103), LIST_ALLOW, "yellow");
            assertDenied(projects(103), LIST_ALLOW, "red", "green");
            assertOut(projects(103), LIST_ALLOW, outAllowed("yellow"));
        }

        @Test
        @DisplayName("H4: reset restores the ALLOW default")
        void h4() {
            set(projects(104), LIST_ALLOW, reset());
            assertAllowed(projects(104), LIST_ALLOW, "red", "yellow", "purple");
            assertOut(projects(104), LIST_ALLOW, PolicyRule.allowAll());
        }
    }

    // ---- Set R ------------------------------------------------------------------------------------------------

    /** Set R: hierarchy rules on organization 1, folder 11, project 101. */
    @Nested
    @DisplayName("Set R: hierarchy rules")
    class R {
        @BeforeEach
        void orgFolderProject() {
            setR();
        }

        @Test
        @DisplayName("R1: denied values of the folder and the inheriting project merge at the project")
        void r1() {
            set(folders(11), LIST_ALLOW, spec(deny("projects/123")));
            set(projects(101), LIST_ALLOW, inh(deny("projects/456")));
            assertDenied(projects(101), LIST_ALLOW, "projects/123", "projects/456");
            assertAllowed(projects(101), LIST_ALLOW, "projects/789");
            assertOut(projects(101), LIST_ALLOW, outDenied("projects/123", "projects/456"));
        }

        @Test
        @DisplayName("R1b: the folder sees only its own denied value")
        void r1b() {
            set(folders(11), LIST_ALLOW, spec(deny("projects/123")));
            set(projects(101), LIST_ALLOW, inh(deny("projects/456")));
            assertDenied(folders(11), LIST_ALLOW, "projects/123");
            assertAllowed(folders(11), LIST_ALLOW, "projects/456");
            assertOut(folders(11), LIST_ALLOW, outDenied("projects/123"));
        }

        @Test
        @DisplayName("R2: a child allowing what its parent denies still denies it, and denies everything unlisted")
        void r2() {
            set(folders(11), LIST_ALLOW, spec(deny("projects/123")));
            set(projects(101), LIST_ALLOW, inh(allow("projects/123")));
            assertDenied(projects(101), LIST_ALLOW, "projects/123", "projects/789");
            assertOut(projects(101), LIST_ALLOW, outValues(List.of("projects/123"), List.of("projects/123")));
        }

        @Test
        @DisplayName("R3: an allowed value on a DENY-default constraint allows that value only")
        void r3() {
            set(projects(101), SA_LIFETIME, spec(allow(SA1)));
            assertAllowed(projects(101), SA_LIFETIME, SA1);
            assertDenied(projects(101), SA_LIFETIME, SA2);
            assertOut(projects(101), SA_LIFETIME, outAllowed(SA1));
        }

        @Test
        @DisplayName("R3b: inheriting when no ancestor has a policy gives the same result as R3")
        void r3b() {
            set(projects(101), SA_LIFETIME, inh(allow(SA1)));
            assertAllowed(projects(101), SA_LIFETIME, SA1);
            assertDenied(projects(101), SA_LIFETIME, SA2);
            assertOut(projects(101), SA_LIFETIME, outAllowed(SA1));
        }

        @Test
        @DisplayName("R4: an ancestor's explicit denyAll beats the child's allowed value")
        void r4() {
            set(ORG, SA_LIFETIME, spec(PolicyRule.denyAll()));
            set(projects(101), SA_LIFETIME, inh(allow(SA1)));
            assertDenied(projects(101), SA_LIFETIME, SA1);
            assertOut(projects(101), SA_LIFETIME, PolicyRule.denyAll());
        }

        @Test
        @DisplayName("R5: an empty non-inheriting spec falls back to the ALLOW default")
        void r5() {
            set(ORG, LIST_ALLOW, spec(allow("x")));
            set(projects(101), LIST_ALLOW, spec());
            assertAllowed(projects(101), LIST_ALLOW, "x", "y");
            assertOut(projects(101), LIST_ALLOW, PolicyRule.allowAll());
        }

        @Test
        @DisplayName("R6: with no policy anywhere the ALLOW default allows anything at every level")
        void r6() {
            for (String target : List.of(ORG, folders(11), projects(101))) {
                assertAllowed(target, LIST_ALLOW, "anything", "x", "projects/123");
                assertOut(target, LIST_ALLOW, PolicyRule.allowAll());
            }
        }

        @Test
        @DisplayName("R6b: with no policy anywhere the DENY default denies anything at every level")
        void r6b() {
            for (String target : List.of(ORG, folders(11), projects(101))) {
                assertDenied(target, LIST_DENY, "anything", "x", "projects/123");
                assertOut(target, LIST_DENY, PolicyRule.denyAll());
            }
        }

        @Test
        @DisplayName("R7: the nearest non-inheriting policy replaces the organization's")
        void r7() {
            set(ORG, LIST_ALLOW, spec(allow("a")));
            set(folders(11), LIST_ALLOW, spec(allow("b")));
            assertAllowed(projects(101), LIST_ALLOW, "b");
            assertDenied(projects(101), LIST_ALLOW, "a");
            assertOut(projects(101), LIST_ALLOW, outAllowed("b"));
        }
    }

    /** The hierarchy of the v1 examples (Sets L and B): foo is organization 1, bar is project 101 under it. */
    abstract class FooAndBar {
        final String foo = ORG;
        final String bar = projects(101);

        @BeforeEach
        void foobar() {
            fooAndBar();
        }
    }

    // ---- Set L ------------------------------------------------------------------------------------------------

    /** Set L: the v1 list examples; foo is organization 1, bar is project 101 under it. */
    @Nested
    @DisplayName("Set L: v1 list examples")
    class L extends FooAndBar {
        @Test
        @DisplayName("L1: bar's own allow list replaces foo's")
        void l1() {
            set(foo, LIST_ALLOW, spec(allow("E1", "E2")));
            set(bar, LIST_ALLOW, spec(allow("E3", "E4")));
            assertAllowed(foo, LIST_ALLOW, "E1", "E2");
            assertDenied(foo, LIST_ALLOW, "E3");
            assertAllowed(bar, LIST_ALLOW, "E3", "E4");
            assertDenied(bar, LIST_ALLOW, "E1");
            assertOut(foo, LIST_ALLOW, outAllowed("E1", "E2"));
            assertOut(bar, LIST_ALLOW, outAllowed("E3", "E4"));
        }

        @Test
        @DisplayName("L2: bar's inheriting allow list merges with foo's")
        void l2() {
            set(foo, LIST_ALLOW, spec(allow("E1", "E2")));
            set(bar, LIST_ALLOW, inh(allow("E3", "E4")));
            assertAllowed(foo, LIST_ALLOW, "E1");
            assertDenied(foo, LIST_ALLOW, "E3");
            assertAllowed(bar, LIST_ALLOW, "E1", "E2", "E3", "E4");
            assertDenied(bar, LIST_ALLOW, "E5");
            assertOut(bar, LIST_ALLOW, outAllowed("E1", "E2", "E3", "E4"));
        }

        @Test
        @DisplayName("L3: bar's inheriting denied value removes E1 from foo's allow list")
        void l3() {
            set(foo, LIST_ALLOW, spec(allow("E1", "E2")));
            set(bar, LIST_ALLOW, inh(deny("E1")));
            assertAllowed(foo, LIST_ALLOW, "E1", "E2");
            assertAllowed(bar, LIST_ALLOW, "E2");
            assertDenied(bar, LIST_ALLOW, "E1", "E3");
            assertOut(bar, LIST_ALLOW, outValues(List.of("E1", "E2"), List.of("E1")));
        }

        @Test
        @DisplayName("L4: bar's reset restores the ALLOW default")
        void l4() {
            set(foo, LIST_ALLOW, spec(allow("E1", "E2")));
            set(bar, LIST_ALLOW, reset());
            assertAllowed(foo, LIST_ALLOW, "E1");
            assertAllowed(bar, LIST_ALLOW, "E9");
            assertOut(bar, LIST_ALLOW, PolicyRule.allowAll());
        }

        @Test
        @DisplayName("L4b: bar's reset restores the DENY default of testing.listDeny")
        void l4b() {
            set(foo, LIST_DENY, spec(allow("E1", "E2")));
            set(bar, LIST_DENY, reset());
            assertAllowed(foo, LIST_DENY, "E1");
            assertDenied(foo, LIST_DENY, "E3");
            assertDenied(bar, LIST_DENY, "E1", "E9");
            assertOut(bar, LIST_DENY, PolicyRule.denyAll());
        }

        @Test
        @DisplayName("L5: with no policy foo and bar follow the constraint default")
        void l5() {
            for (String target : List.of(foo, bar)) {
                assertAllowed(target, LIST_ALLOW, "E1", "E9");
                assertOut(target, LIST_ALLOW, PolicyRule.allowAll());
                assertDenied(target, LIST_DENY, "E1", "E9");
                assertOut(target, LIST_DENY, PolicyRule.denyAll());
            }
        }

        @Test
        @DisplayName("L6: bar's allowAll replaces foo's allow list")
        void l6() {
            set(foo, LIST_ALLOW, spec(allow("E1", "E2")));
            set(bar, LIST_ALLOW, spec(PolicyRule.allowAll()));
            assertDenied(foo, LIST_ALLOW, "E3");
            assertAllowed(bar, LIST_ALLOW, "E9");
            assertOut(bar, LIST_ALLOW, PolicyRule.allowAll());
        }

        @Test
        @DisplayName("L7: bar's denyAll replaces foo's allow list")
        void l7() {
            set(foo, LIST_ALLOW, spec(allow("E1", "E2")));
            set(bar, LIST_ALLOW, spec(PolicyRule.denyAll()));
            assertAllowed(foo, LIST_ALLOW, "E1");
            assertDenied(bar, LIST_ALLOW, "E1", "E9");
            assertOut(bar, LIST_ALLOW, PolicyRule.denyAll());
        }

        @Test
        @DisplayName("L10: under: subtrees merge and a denied subtree wins (project ids p1/p2/p3 are spelled proj-p1/"
                + "proj-p2/proj-p3)")
        void l10() {
            folder(11, ORG);
            project(111, "p1", folders(11));
            folder(12, ORG);
            project(112, "p2", folders(12));
            project(113, "p3", folders(12));
            // The specification's projects/p1 is projects/proj-p1 here: real project ids need 6 to 30 characters.
            String p1 = "projects/" + projectId("p1");
            String p2 = "projects/" + projectId("p2");
            String p3 = "projects/" + projectId("p3");
            set(foo, LIST_UNDER, spec(allow("under:organizations/1")));
            set(bar, LIST_UNDER, inh(PolicyRule.values(new StringValues(List.of("under:" + p3),
                    List.of("under:folders/12")))));
            assertAllowed(foo, LIST_UNDER, "organizations/1", "folders/11", "folders/12", p1, "projects/112", p3);
            assertAllowed(bar, LIST_UNDER, "organizations/1", "folders/11", p1, "projects/111");
            assertDenied(bar, LIST_UNDER, "folders/12", p2, p3, "projects/113");
            assertOut(foo, LIST_UNDER, outAllowed("under:organizations/1"));
            assertOut(bar, LIST_UNDER, outValues(List.of("under:organizations/1", "under:" + p3),
                    List.of("under:folders/12")));
        }
    }

    // ---- Set B ------------------------------------------------------------------------------------------------

    /** Set B: boolean constraints; foo is organization 1, bar is project 101 under it. */
    @Nested
    @DisplayName("Set B: booleans")
    class B extends FooAndBar {
        @Test
        @DisplayName("B1: foo's not-enforced policy applies to bar")
        void b1() {
            set(foo, SERIAL_PORT, spec(PolicyRule.enforce(false)));
            assertNotEnforced(foo, SERIAL_PORT);
            assertNotEnforced(bar, SERIAL_PORT);
            assertOut(bar, SERIAL_PORT, enforced(false));
        }

        @Test
        @DisplayName("B2: bar's enforced policy replaces foo's")
        void b2() {
            set(foo, SERIAL_PORT, spec(PolicyRule.enforce(false)));
            set(bar, SERIAL_PORT, spec(PolicyRule.enforce(true)));
            assertNotEnforced(foo, SERIAL_PORT);
            assertEnforced(bar, SERIAL_PORT);
            assertOut(foo, SERIAL_PORT, enforced(false));
            assertOut(bar, SERIAL_PORT, enforced(true));
        }

        @Test
        @DisplayName("B3: bar's reset restores the not-enforced default under an enforced foo")
        void b3() {
            set(foo, SERIAL_PORT, spec(PolicyRule.enforce(true)));
            set(bar, SERIAL_PORT, reset());
            assertEnforced(foo, SERIAL_PORT);
            assertNotEnforced(bar, SERIAL_PORT);
            assertOut(bar, SERIAL_PORT, enforced(false));
        }

        @Test
        @DisplayName("B4: with no policy the ALLOW default is not enforced")
        void b4() {
            assertNotEnforced(foo, SERIAL_PORT);
            assertNotEnforced(bar, SERIAL_PORT);
            assertOut(foo, SERIAL_PORT, enforced(false));
            assertOut(bar, SERIAL_PORT, enforced(false));
        }

        @Test
        @DisplayName("B5: foo's enforced policy applies to bar")
        void b5() {
            set(foo, SERIAL_PORT, spec(PolicyRule.enforce(true)));
            assertEnforced(foo, SERIAL_PORT);
            assertEnforced(bar, SERIAL_PORT);
            assertOut(bar, SERIAL_PORT, enforced(true));
        }

        @Test
        @DisplayName("B6: bar's not-enforced policy overrides the DENY default that enforces foo")
        void b6() {
            set(bar, CROSS_PROJECT_SA, spec(PolicyRule.enforce(false)));
            assertEnforced(foo, CROSS_PROJECT_SA);
            assertNotEnforced(bar, CROSS_PROJECT_SA);
            assertOut(foo, CROSS_PROJECT_SA, enforced(true));
            assertOut(bar, CROSS_PROJECT_SA, enforced(false));
        }
    }

    // ---- Set T ------------------------------------------------------------------------------------------------

    /** Set T: tags and conditions around the location policy P_T on organization 1. */
    @Nested
    @DisplayName("Set T: tags and conditions")
    class T {
        @BeforeEach
        void taggedHierarchy() {
            setT();
        }

        private List<String> eastAndWest() {
            List<String> all = new ArrayList<>(US_EAST1);
            all.addAll(US_WEST1);
            return all;
        }

        @Test
        @DisplayName("T0: P_T is stored with in:us-east1-locations and its condition echoed verbatim")
        void t0() {
            setPT();
            Policy stored = policies.getPolicy(ORG + "/policies/" + LOCATIONS);
            List<PolicyRule> rules = stored.spec().orElseThrow().rules();
            assertEquals(2, rules.size());
            assertEquals(allow("in:us-east1-locations"), rules.get(0));
            assertEquals(Optional.of(Expr.of(LOCATION_WEST)), rules.get(1).condition());
            assertEquals(LOCATION_WEST, rules.get(1).condition().orElseThrow().expression());
            assertEquals(allow("in:us-west1-locations").when(LOCATION_WEST), rules.get(1));
        }

        @Test
        @DisplayName("T1: an untagged project gets only the unconditional us-east1 group")
        void t1() {
            setPT();
            assertAllowed(projects(101), LOCATIONS, "us-east1", "us-east1-b");
            assertDenied(projects(101), LOCATIONS, "us-west1", "us-west1-a", "europe-west1");
            assertOut(projects(101), LOCATIONS, outValues(US_EAST1, List.of()));
        }

        @Test
        @DisplayName("T2: projects tagged us-west1, directly or through their folder, also get the us-west1 group")
        void t2() {
            setPT();
            for (String target : List.of(projects(102), projects(103))) {
                assertAllowed(target, LOCATIONS, "us-east1-b", "us-west1", "us-west1-a");
                assertDenied(target, LOCATIONS, "europe-west1");
                assertOut(target, LOCATIONS, outValues(eastAndWest(), List.of()));
            }
        }

        @Test
        @DisplayName("T3: a true conditional rule takes precedence over the unconditional enforce")
        void t3() {
            set(ORG, SERIAL_PORT, spec(PolicyRule.enforce(true), PolicyRule.enforce(false).when(ENV_DEV)));
            project(104, ORG);
            bind(projects(104), 601);
            assertNotEnforced(projects(104), SERIAL_PORT);
            assertEnforced(projects(101), SERIAL_PORT);
            assertOut(projects(104), SERIAL_PORT, enforced(false));
            assertOut(projects(101), SERIAL_PORT, enforced(true));
        }

        @Test
        @DisplayName("T4: malformed boolean rule sets are rejected on policy.spec.rules or the offending enforce")
        void t4() {
            String policy = ORG + "/policies/" + SERIAL_PORT;
            assertInvalid(() -> set(ORG, SERIAL_PORT, spec(PolicyRule.enforce(true), PolicyRule.enforce(true))),
                    "policy.spec.rules");
            assertInvalid(() -> set(ORG, SERIAL_PORT,
                    spec(PolicyRule.enforce(true), PolicyRule.enforce(true).when(ENV_DEV))),
                    "policy.spec.rules[1].enforce");
            assertInvalid(() -> set(ORG, SERIAL_PORT, spec(PolicyRule.enforce(false).when(ENV_DEV))),
                    "policy.spec.rules");
            assertNoPolicy(policy);
            assertNotEnforced(ORG, SERIAL_PORT);
            assertOut(ORG, SERIAL_PORT, enforced(false));
        }

        @Test
        @DisplayName("T5: effective P_T expands groups in table order and carries no etag, updateTime, condition"
                + " or inheritFromParent")
        void t5() {
            setPT();
            Policy at101 = effective(projects(101), LOCATIONS);
            assertBare(at101);
            assertEquals(Cases.effectivePolicy(projects(101), LOCATIONS, outValues(US_EAST1, List.of())), at101);
            assertEquals(List.of("us-east1", "us-east1-b", "us-east1-c", "us-east1-d"),
                    valuesOf(at101).allowedValues());
            Policy at102 = effective(projects(102), LOCATIONS);
            assertBare(at102);
            assertEquals(Cases.effectivePolicy(projects(102), LOCATIONS, outValues(eastAndWest(), List.of())), at102);
            assertEquals(List.of("us-east1", "us-east1-b", "us-east1-c", "us-east1-d", "us-west1", "us-west1-a",
                    "us-west1-b", "us-west1-c"), valuesOf(at102).allowedValues());
            assertEquals(List.of(), valuesOf(at102).deniedValues());
        }
    }

    /** The values of the single effective rule. */
    private static StringValues valuesOf(Policy effective) {
        PolicyRule.Kind kind = effective.spec().orElseThrow().rules().get(0).kind();
        assertTrue(kind instanceof PolicyRule.Values, () -> "expected a values rule, got " + kind);
        return ((PolicyRule.Values) kind).values();
    }

    // ---- Set N ------------------------------------------------------------------------------------------------

    /** Set N: combinations of the evaluation rules. */
    @Nested
    @DisplayName("Set N: combinations")
    class N {
        @BeforeEach
        void organization() {
            org(1);
        }

        @Test
        @DisplayName("N1: deep inheritance merges root first across three folders")
        void n1() {
            folder(11, ORG);
            folder(12, folders(11));
            folder(13, folders(12));
            project(131, folders(13));
            set(ORG, LIST_ALLOW, spec(allow("a")));
            set(folders(11), LIST_ALLOW, inh(allow("b")));
            set(folders(12), LIST_ALLOW, inh(deny("a")));
            set(projects(131), LIST_ALLOW, inh(allow("c")));
            assertDenied(projects(131), LIST_ALLOW, "a", "d");
            assertAllowed(projects(131), LIST_ALLOW, "b", "c");
            assertOut(projects(131), LIST_ALLOW, outValues(List.of("a", "b", "c"), List.of("a")));
            assertDenied(folders(13), LIST_ALLOW, "a", "c");
            assertAllowed(folders(13), LIST_ALLOW, "b");
            assertOut(folders(13), LIST_ALLOW, outValues(List.of("a", "b"), List.of("a")));
        }

        private void resetMidChain(String constraint) {
            folder(11, ORG);
            folder(12, folders(11));
            project(121, folders(12));
            set(ORG, constraint, spec(deny("x")));
            set(folders(11), constraint, reset());
            set(folders(12), constraint, inh(deny("z")));
            set(projects(121), constraint, inh());
        }

        @Test
        @DisplayName("N2: a reset mid-chain cuts the organization's denied value off")
        void n2() {
            resetMidChain(LIST_ALLOW);
            assertAllowed(projects(121), LIST_ALLOW, "x", "w");
            assertDenied(projects(121), LIST_ALLOW, "z");
            assertOut(projects(121), LIST_ALLOW, outDenied("z"));
            assertAllowed(folders(11), LIST_ALLOW, "x", "w", "z");
            assertOut(folders(11), LIST_ALLOW, PolicyRule.allowAll());
        }

        @Test
        @DisplayName("N2b: the same chain on a DENY-default constraint: deny-only lists allow the rest")
        void n2b() {
            resetMidChain(LIST_DENY);
            assertAllowed(projects(121), LIST_DENY, "x", "w");
            assertDenied(projects(121), LIST_DENY, "z");
            assertOut(projects(121), LIST_DENY, outDenied("z"));
            assertDenied(folders(11), LIST_DENY, "w");
            assertOut(folders(11), LIST_DENY, PolicyRule.denyAll());
            assertDenied(ORG, LIST_DENY, "x");
            assertAllowed(ORG, LIST_DENY, "w");
            assertOut(ORG, LIST_DENY, outDenied("x"));
        }

        @Test
        @DisplayName("N3: under: with folders, project ids and numbers (p-one/p-two are spelled proj-p-one/"
                + "proj-p-two)")
        void n3() {
            folder(11, ORG);
            folder(13, folders(11));
            project(131, "p-one", folders(13));
            folder(12, ORG);
            project(121, "p-two", folders(12));
            // The specification's projects/p-one is projects/proj-p-one here: real project ids need 6 to 30 characters.
            String pOne = "projects/" + projectId("p-one");
            String pTwo = "projects/" + projectId("p-two");
            set(ORG, LIST_UNDER, spec(allow("under:folders/11")));
            set(folders(11), LIST_UNDER, inh(deny("under:folders/13")));
            assertAllowed(folders(13), LIST_UNDER, "folders/11");
            assertDenied(folders(13), LIST_UNDER, "folders/13", pOne, "projects/131", pTwo, "organizations/1");
            assertOut(folders(13), LIST_UNDER, outValues(List.of("under:folders/11"), List.of("under:folders/13")));
            assertAllowed(projects(121), LIST_UNDER, pOne, "projects/131", "folders/13", pOne + "/global/networks/net-1");
            assertDenied(projects(121), LIST_UNDER, pTwo, "folders/12");
            assertOut(projects(121), LIST_UNDER, outAllowed("under:folders/11"));
        }

        private void taggedFolder(String condition) {
            standardTags();
            folder(11, ORG);
            bind(folders(11), 601);
            project(111, folders(11));
            project(112, folders(11));
            bind(projects(112), 602);
            project(121, ORG);
            set(ORG, LOCATIONS, spec(allow("in:us-east1-locations"), allow("in:us-west1-locations").when(condition)));
        }

        private PolicyRule eastOnly() {
            return outValues(US_EAST1, List.of());
        }

        private PolicyRule eastAndWest() {
            List<String> all = new ArrayList<>(US_EAST1);
            all.addAll(US_WEST1);
            return outValues(all, List.of());
        }

        private void assertN4() {
            assertAllowed(projects(111), LOCATIONS, "us-west1-a", "us-east1-c");
            assertDenied(projects(112), LOCATIONS, "us-west1-a");
            assertAllowed(projects(112), LOCATIONS, "us-east1-c");
            assertDenied(projects(121), LOCATIONS, "us-west1-a");
            assertAllowed(folders(11), LOCATIONS, "us-west1-a");
            assertOut(projects(111), LOCATIONS, eastAndWest());
            assertOut(projects(112), LOCATIONS, eastOnly());
            assertOut(projects(121), LOCATIONS, eastOnly());
            assertOut(folders(11), LOCATIONS, eastAndWest());
        }

        @Test
        @DisplayName("N4: a tag inherited from a folder satisfies matchTag, a nearer binding of the key replaces it")
        void n4() {
            taggedFolder(ENV_DEV);
            assertN4();
        }

        @Test
        @DisplayName("N4b: matchTagId gives the same results as N4")
        void n4b() {
            taggedFolder("resource.matchTagId('tagKeys/501', 'tagValues/601')");
            assertN4();
        }

        @Test
        @DisplayName("N4c: hasTagKey matches any value of the key")
        void n4c() {
            taggedFolder("resource.hasTagKey('1/env')");
            assertAllowed(projects(111), LOCATIONS, "us-west1-a");
            assertAllowed(projects(112), LOCATIONS, "us-west1-a");
            assertDenied(projects(121), LOCATIONS, "us-west1-a");
            assertOut(projects(111), LOCATIONS, eastAndWest());
            assertOut(projects(112), LOCATIONS, eastAndWest());
            assertOut(projects(121), LOCATIONS, eastOnly());
        }

        @Test
        @DisplayName("N5: the dry run reads dryRunSpec where present and spec elsewhere")
        void n5() {
            project(101, ORG);
            project(102, ORG);
            set(ORG, SERVICE_USAGE, spec(PolicyRule.allowAll()), spec(deny("compute.googleapis.com")));
            set(projects(101), SERVICE_USAGE, inh(deny("bigquery.googleapis.com")));
            assertAllowed(projects(101), SERVICE_USAGE, "compute.googleapis.com", "storage.googleapis.com");
            assertDenied(projects(101), SERVICE_USAGE, "bigquery.googleapis.com");
            assertDryRunDenied(projects(101), SERVICE_USAGE, "compute.googleapis.com", "bigquery.googleapis.com");
            assertDryRunAllowed(projects(101), SERVICE_USAGE, "storage.googleapis.com");
            Policy at101 = effective(projects(101), SERVICE_USAGE);
            assertTrue(at101.dryRunSpec().isPresent(), "an ancestor has a dryRunSpec");
            assertOut(projects(101), SERVICE_USAGE, outDenied("bigquery.googleapis.com"),
                    outDenied("compute.googleapis.com", "bigquery.googleapis.com"));
            assertAllowed(projects(102), SERVICE_USAGE, "compute.googleapis.com", "bigquery.googleapis.com");
            assertDryRunDenied(projects(102), SERVICE_USAGE, "compute.googleapis.com");
            assertDryRunAllowed(projects(102), SERVICE_USAGE, "bigquery.googleapis.com", "storage.googleapis.com");
            assertTrue(effective(projects(102), SERVICE_USAGE).dryRunSpec().isPresent());
            assertOut(projects(102), SERVICE_USAGE, PolicyRule.allowAll(), outDenied("compute.googleapis.com"));
        }

        @Test
        @DisplayName("N5c: without any dryRunSpec in the chain the response has no dryRunSpec")
        void n5c() {
            project(101, ORG);
            project(102, ORG);
            set(ORG, SERVICE_USAGE, spec(PolicyRule.allowAll()));
            set(projects(101), SERVICE_USAGE, inh(deny("bigquery.googleapis.com")));
            assertEquals(Optional.empty(), effective(projects(101), SERVICE_USAGE).dryRunSpec());
            assertOut(projects(101), SERVICE_USAGE, outDenied("bigquery.googleapis.com"));
            assertAllowed(projects(101), SERVICE_USAGE, "compute.googleapis.com");
            assertDenied(projects(101), SERVICE_USAGE, "bigquery.googleapis.com");
            assertDryRunAllowed(projects(101), SERVICE_USAGE, "compute.googleapis.com");
            assertDryRunDenied(projects(101), SERVICE_USAGE, "bigquery.googleapis.com");
        }

        @Test
        @DisplayName("N6: boolean conditions at two levels: the nearest policy decides, its true condition first")
        void n6() {
            standardTags();
            folder(11, ORG);
            project(111, folders(11));
            bind(projects(111), 601);
            bind(projects(111), 603);
            project(112, folders(11));
            bind(projects(112), 601);
            project(121, ORG);
            bind(projects(121), 601);
            project(122, ORG);
            set(ORG, SERIAL_PORT, spec(PolicyRule.enforce(true), PolicyRule.enforce(false).when(ENV_DEV)));
            set(folders(11), SERIAL_PORT, spec(PolicyRule.enforce(false), PolicyRule.enforce(true).when(TEAM_RED)));
            assertEnforced(projects(111), SERIAL_PORT);
            assertNotEnforced(projects(112), SERIAL_PORT);
            assertNotEnforced(projects(121), SERIAL_PORT);
            assertEnforced(projects(122), SERIAL_PORT);
            assertNotEnforced(folders(11), SERIAL_PORT);
            assertOut(projects(111), SERIAL_PORT, enforced(true));
            assertOut(projects(112), SERIAL_PORT, enforced(false));
            assertOut(projects(121), SERIAL_PORT, enforced(false));
            assertOut(projects(122), SERIAL_PORT, enforced(true));
            assertOut(folders(11), SERIAL_PORT, enforced(false));
        }

        @Test
        @DisplayName("N7a: an inherited allowAll never overrides an ancestor's denied value")
        void n7a() {
            project(101, ORG);
            set(ORG, LIST_ALLOW, spec(deny("x")));
            set(projects(101), LIST_ALLOW, inh(PolicyRule.allowAll()));
            assertDenied(projects(101), LIST_ALLOW, "x");
            assertAllowed(projects(101), LIST_ALLOW, "y");
            assertOut(projects(101), LIST_ALLOW, outDenied("x"));
        }

        @Test
        @DisplayName("N7b: an ancestor's allowAll makes a child's allowed list moot")
        void n7b() {
            project(101, ORG);
            set(ORG, LIST_ALLOW, spec(PolicyRule.allowAll()));
            set(projects(101), LIST_ALLOW, inh(allow("y")));
            assertAllowed(projects(101), LIST_ALLOW, "z", "y");
            assertOut(projects(101), LIST_ALLOW, PolicyRule.allowAll());
        }

        @Test
        @DisplayName("N7c: a child's denyAll beats an ancestor's allowAll")
        void n7c() {
            project(101, ORG);
            set(ORG, LIST_ALLOW, spec(PolicyRule.allowAll()));
            set(projects(101), LIST_ALLOW, inh(PolicyRule.denyAll()));
            assertDenied(projects(101), LIST_ALLOW, "y");
            assertOut(projects(101), LIST_ALLOW, PolicyRule.denyAll());
        }

        @Test
        @DisplayName("N8a: a deny-only list on a DENY-default constraint allows the other values")
        void n8a() {
            project(101, ORG);
            set(projects(101), SA_LIFETIME, spec(deny(SA1)));
            assertDenied(projects(101), SA_LIFETIME, SA1);
            assertAllowed(projects(101), SA_LIFETIME, SA2);
            assertOut(projects(101), SA_LIFETIME, outDenied(SA1));
        }

        @Test
        @DisplayName("N8b: an empty merge is the DENY default")
        void n8b() {
            project(101, ORG);
            set(projects(101), SA_LIFETIME, inh());
            assertDenied(projects(101), SA_LIFETIME, SA1);
            assertOut(projects(101), SA_LIFETIME, PolicyRule.denyAll());
        }

        @Test
        @DisplayName("N9: a spec of only conditional rules falls back to the default until its condition holds")
        void n9() {
            standardTags();
            project(101, ORG);
            set(ORG, LIST_ALLOW, spec(allow("a")));
            set(projects(101), LIST_ALLOW, spec(allow("b").when(ENV_DEV)));
            assertAllowed(projects(101), LIST_ALLOW, "a", "b", "z");
            assertOut(projects(101), LIST_ALLOW, PolicyRule.allowAll());
            bind(projects(101), 601);
            assertAllowed(projects(101), LIST_ALLOW, "b");
            assertDenied(projects(101), LIST_ALLOW, "a");
            assertOut(projects(101), LIST_ALLOW, outAllowed("b"));
        }

        @Test
        @DisplayName("N10: nested groups expand recursively in table order")
        void n10() {
            project(101, ORG);
            set(ORG, LOCATIONS, spec(allow("in:us-locations")));
            set(projects(101), LOCATIONS, inh(deny("in:us-east1-locations")));
            assertDenied(projects(101), LOCATIONS, "us-east1", "us-east1-b", "europe-west1");
            assertAllowed(projects(101), LOCATIONS, "us-central1-a", "us", "us-west4-c");
            List<String> usLocations = List.of("us",
                    "us-central1", "us-central1-a", "us-central1-b", "us-central1-c", "us-central1-f",
                    "us-east1", "us-east1-b", "us-east1-c", "us-east1-d",
                    "us-east4", "us-east4-a", "us-east4-b", "us-east4-c",
                    "us-east5", "us-east5-a", "us-east5-b", "us-east5-c",
                    "us-south1", "us-south1-a", "us-south1-b", "us-south1-c",
                    "us-west1", "us-west1-a", "us-west1-b", "us-west1-c",
                    "us-west2", "us-west2-a", "us-west2-b", "us-west2-c",
                    "us-west3", "us-west3-a", "us-west3-b", "us-west3-c",
                    "us-west4", "us-west4-a", "us-west4-b", "us-west4-c");
            assertEquals(38, usLocations.size());
            Policy out = effective(projects(101), LOCATIONS);
            assertEquals(usLocations, valuesOf(out).allowedValues());
            assertEquals(List.of("us-east1", "us-east1-b", "us-east1-c", "us-east1-d"), valuesOf(out).deniedValues());
            assertOut(projects(101), LOCATIONS, outValues(usLocations, US_EAST1));
        }
    }

    // ---- Set G ------------------------------------------------------------------------------------------------

    /** Set G: the condition grammar, through {@code ¬E; [c:expr] E} on organization 1 and project 101 (team red). */
    @Nested
    @DisplayName("Set G: condition grammar")
    class G {
        private static final String POLICY = ORG + "/policies/" + SERIAL_PORT;

        @BeforeEach
        void teamRedProject() {
            org(1);
            standardTags();
            project(101, ORG);
            bind(projects(101), 603);
        }

        private void write(String expression) {
            set(ORG, SERIAL_PORT, spec(PolicyRule.enforce(false), PolicyRule.enforce(true).when(expression)));
        }

        private void assertTrueFor101(String expression) {
            write(expression);
            assertEnforced(projects(101), SERIAL_PORT);
            assertOut(projects(101), SERIAL_PORT, enforced(true));
        }

        private void assertFalseFor101(String expression) {
            write(expression);
            assertNotEnforced(projects(101), SERIAL_PORT);
            assertOut(projects(101), SERIAL_PORT, enforced(false));
        }

        private void assertRejected(String expression) {
            assertInvalid(() -> write(expression), "policy.spec.rules[1].condition.expression");
            assertNoPolicy(POLICY);
        }

        @Test
        @DisplayName("G1: matchTag on the bound team value is true")
        void g1() {
            assertTrueFor101(TEAM_RED);
        }

        @Test
        @DisplayName("G2: either quote style, and || with a true hasTagKeyId, is true")
        void g2() {
            assertTrueFor101("resource.matchTag(\"1/env\", \"dev\") || resource.hasTagKeyId('tagKeys/502')");
        }

        @Test
        @DisplayName("G3: && binds tighter than ||, so the expression is true")
        void g3() {
            assertTrueFor101("resource.hasTagKey('1/team') || resource.matchTag('1/env', 'prod')"
                    + " && resource.matchTag('1/env', 'dev')");
        }

        @Test
        @DisplayName("G4: parentheses group the || first, so the expression is false")
        void g4() {
            assertFalseFor101("(resource.hasTagKey('1/team') || resource.matchTag('1/env', 'prod'))"
                    + " && resource.matchTag('1/env', 'dev')");
        }

        @Test
        @DisplayName("G5: matchTagId on the bound key and value ids is true")
        void g5() {
            assertTrueFor101("resource.matchTagId('tagKeys/502', 'tagValues/603')");
        }

        @Test
        @DisplayName("G6: eleven tag functions are one too many")
        void g6() {
            String eleven = String.join(" || ", Collections.nCopies(11, TEAM_RED));
            assertRejected(eleven);
            String ten = String.join(" || ", Collections.nCopies(10, TEAM_RED));
            assertTrueFor101(ten);
        }

        @DisplayName("G7: expressions outside the grammar are rejected")
        @ParameterizedTest(name = "G7 [{index}]: rejects <{0}>")
        @ValueSource(strings = {
                "!resource.matchTag('1/team', 'red')",
                "true",
                "resource.matchTag('team', 'red')",
                "resource.matchTag('1/team')",
                "resource.matchTagId('tagKeys/x', 'tagValues/1')",
                "resource.labels.x == 'y'",
                ""})
        void g7(String expression) {
            assertRejected(expression);
            assertNotEnforced(projects(101), SERIAL_PORT);
        }
    }
}
