package dev.policyhub.testkit.orgpolicy;

import dev.policyhub.core.PageRequest;
import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.UpdateMask;
import dev.policyhub.core.error.ErrorCode;
import dev.policyhub.core.error.FieldViolation;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.orgpolicy.ActionType;
import dev.policyhub.core.orgpolicy.Constraint;
import dev.policyhub.core.orgpolicy.ConstraintDefault;
import dev.policyhub.core.orgpolicy.CustomConstraint;
import dev.policyhub.core.orgpolicy.MethodType;
import dev.policyhub.core.orgpolicy.OrgPolicyService;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;
import dev.policyhub.core.orgpolicy.StringValues;
import dev.policyhub.testkit.HubKitBase;
import dev.policyhub.testkit.KitConstraints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The validation rules V1–V20 of the Org Policy contract: each rule's error code, field paths and message, the
 * positive side where a rule has one, and that a failed write leaves the store exactly as it was.
 */
public abstract class PolicyValidationKit extends HubKitBase {
    /** The project most tests write to: number 101, id {@code proj-p101}, directly under organization 1. */
    protected static final String P = "projects/101";
    /** A second project under organization 1. */
    protected static final String P2 = "projects/102";
    /** A legacy boolean constraint. */
    protected static final String BOOL = "compute.disableSerialPortAccess";
    /** The location constraint with value groups. */
    protected static final String LOC = "gcp.resourceLocations";
    /** A managed boolean constraint with the parameter {@code allowedDomains} (LIST of STRING). */
    protected static final String MANAGED = "essentialcontacts.managed.allowedContactDomains";
    /** A list constraint without prefixes. */
    protected static final String LIST = KitConstraints.LIST_ALLOW;
    /** A list constraint supporting {@code under:}. */
    protected static final String UNDER = KitConstraints.LIST_UNDER;
    /** A valid tag condition. */
    protected static final String DEV = "resource.matchTag('1/env', 'dev')";

    /** For subclasses: a concrete suite per store. */
    protected PolicyValidationKit() {
    }

    @BeforeEach
    void validationHierarchy() {
        org(1);
        folder(11, ORG);
        project(101, ORG);
        project(102, ORG);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** The policy name of a constraint on {@link #P}. */
    protected static String name(String constraint) {
        return P + "/policies/" + constraint;
    }

    /** A policy on {@link #P} with a live spec. */
    protected static Policy live(String constraint, PolicySpec spec) {
        return Policy.of(name(constraint), spec);
    }

    /** A policy on {@link #P} with only a dry-run spec. */
    protected static Policy dryRunOnly(String constraint, PolicySpec dryRun) {
        return new Policy(name(constraint), Optional.empty(), Optional.of(dryRun), "");
    }

    /** A rule with several kind members, as a protobuf JSON parser would see {@code {"values":…,"allowAll":…}}. */
    protected static PolicyRule severalKinds(PolicyRule.Kind... kinds) {
        return new PolicyRule(new PolicyRule.SeveralKinds(List.of(kinds)), Optional.empty(), Map.of());
    }

    /** A rule with no kind member at all. */
    protected static PolicyRule noKind() {
        return new PolicyRule(new PolicyRule.NoKind(), Optional.empty(), Map.of());
    }

    /** Asserts the call fails with this code and returns the error. */
    protected static PolicyHubException assertCode(ErrorCode code, Executable call) {
        PolicyHubException e = assertThrows(PolicyHubException.class, call);
        assertEquals(code, e.code(), e::getMessage);
        return e;
    }

    /**
     * Asserts INVALID_ARGUMENT with exactly these field paths, in this order, and a message that starts with the
     * first violation's field.
     */
    protected static PolicyHubException assertInvalid(Executable call, String... fields) {
        PolicyHubException e = assertCode(ErrorCode.INVALID_ARGUMENT, call);
        assertEquals(List.of(fields), fields(e), () -> "field violations of: " + e.getMessage());
        assertMessageNamesFirstField(e);
        return e;
    }

    /** Asserts INVALID_ARGUMENT with a single violation whose field path starts with {@code prefix}. */
    protected static PolicyHubException assertInvalidUnder(Executable call, String prefix) {
        PolicyHubException e = assertCode(ErrorCode.INVALID_ARGUMENT, call);
        assertEquals(1, e.fieldViolations().size(), () -> "field violations of: " + e.fieldViolations());
        String field = e.fieldViolations().get(0).field();
        assertTrue(field.startsWith(prefix), () -> "field " + field + " should start with " + prefix);
        assertMessageNamesFirstField(e);
        return e;
    }

    private static void assertMessageNamesFirstField(PolicyHubException e) {
        assertFalse(e.fieldViolations().isEmpty(), "an INVALID_ARGUMENT error carries its field violations");
        String first = e.fieldViolations().get(0).field();
        assertTrue(e.getMessage().startsWith(first + ": "),
                () -> "message '" + e.getMessage() + "' should start with '" + first + ": '");
    }

    private static List<String> fields(PolicyHubException e) {
        return e.fieldViolations().stream().map(FieldViolation::field).toList();
    }

    /** Asserts that no policy of this constraint exists on {@link #P}. */
    protected void assertAbsent(String constraint) {
        assertCode(ErrorCode.NOT_FOUND, () -> policies.getPolicy(name(constraint)));
    }

    /** Asserts a create on {@link #P} fails with exactly these fields and leaves the policy absent. */
    protected void assertCreateInvalid(Policy policy, String... fields) {
        assertInvalid(() -> policies.createPolicy(P, policy), fields);
        assertAbsent(policy.constraint());
    }

    /** Asserts an unmasked update fails with exactly these fields and leaves {@code before} stored unchanged. */
    protected void assertUpdateInvalid(Policy before, Policy update, String... fields) {
        assertInvalid(() -> policies.updatePolicy(update, UpdateMask.absent()), fields);
        assertEquals(before, policies.getPolicy(before.name()), "a failed update changes nothing");
    }

    /** Creates the policy on {@link #P} and checks it reads back the same. */
    protected Policy createOk(Policy policy) {
        Policy stored = policies.createPolicy(P, policy);
        assertEquals(stored, policies.getPolicy(policy.name()));
        return stored;
    }

    /** The rules of the stored live spec. */
    protected static List<PolicyRule> rules(Policy policy) {
        return policy.spec().orElseThrow().rules();
    }

    /** A valid custom constraint {@code organizations/1/customConstraints/{id}}. */
    protected static CustomConstraint custom(String id) {
        return new CustomConstraint(ORG + "/customConstraints/" + id, List.of("container.googleapis.com/NodePool"),
                List.of(MethodType.CREATE, MethodType.UPDATE), "resource.management.autoUpgrade == false",
                ActionType.DENY, "Disable auto upgrade", "Node pools must keep auto upgrade on.", Optional.empty());
    }

    /** The same custom constraint with other method types. */
    protected static CustomConstraint withMethods(CustomConstraint c, MethodType... methods) {
        return new CustomConstraint(c.name(), c.resourceTypes(), List.of(methods), c.condition(), c.actionType(),
                c.displayName(), c.description(), c.updateTime());
    }

    /** Asserts creating the custom constraint fails with exactly these fields and stores nothing. */
    protected void assertCustomInvalid(CustomConstraint c, String... fields) {
        assertInvalid(() -> policies.createCustomConstraint(ORG, c), fields);
        assertCode(ErrorCode.NOT_FOUND, () -> policies.getCustomConstraint(c.name()));
    }

    private static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }

    private static List<String> numbered(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }

    // ---- V1 ---------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("V1: enforce on a list constraint is rejected at policy.spec.rules[i].enforce")
    void v1EnforceOnList() {
        assertCreateInvalid(live(LIST, spec(allow("a"), PolicyRule.enforce(true))), "policy.spec.rules[1].enforce");
        assertCreateInvalid(dryRunOnly(LIST, spec(PolicyRule.enforce(false))), "policy.dry_run_spec.rules[0].enforce");
    }

    @Test
    @DisplayName("V1: values, allowAll and denyAll on a boolean constraint are rejected")
    void v1ListMembersOnBoolean() {
        assertCreateInvalid(live(BOOL, spec(allow("a"))), "policy.spec.rules[0].values");
        assertCreateInvalid(live(BOOL, spec(PolicyRule.allowAll())), "policy.spec.rules[0].allow_all");
        assertCreateInvalid(live(BOOL, spec(PolicyRule.denyAll())), "policy.spec.rules[0].deny_all");
        assertCreateInvalid(live(BOOL, spec(PolicyRule.enforce(true), PolicyRule.denyAll().when(DEV))),
                "policy.spec.rules[1].deny_all");
    }

    @Test
    @DisplayName("V1: a failed update with a wrong kind leaves the stored policy unchanged")
    void v1UpdateChangesNothing() {
        Policy before = set(P, LIST, spec(allow("a")));
        assertUpdateInvalid(before, live(LIST, spec(PolicyRule.enforce(true))), "policy.spec.rules[0].enforce");
    }

    @Test
    @DisplayName("V1: allowAll:false, denyAll:false and enforce:false are set values and are kept")
    void v1FalseMembersKept() {
        Policy list = createOk(live(LIST, spec(PolicyRule.of(new PolicyRule.AllowAll(false)))));
        assertEquals(List.of(PolicyRule.of(new PolicyRule.AllowAll(false))), rules(list));
        Policy deny = createOk(live(KitConstraints.LIST_DENY, spec(PolicyRule.of(new PolicyRule.DenyAll(false)))));
        assertEquals(List.of(PolicyRule.of(new PolicyRule.DenyAll(false))), rules(deny));
        Policy bool = createOk(live(BOOL, spec(PolicyRule.enforce(false))));
        assertEquals(List.of(PolicyRule.enforce(false)), rules(bool));
    }

    // ---- V2 ---------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("V2: a boolean spec needs exactly one rule without a condition")
    void v2ExactlyOneUnconditional() {
        assertCreateInvalid(live(BOOL, spec(PolicyRule.enforce(true), PolicyRule.enforce(true))), "policy.spec.rules");
        assertCreateInvalid(live(BOOL, spec(PolicyRule.enforce(false).when(DEV))), "policy.spec.rules");
        assertCreateInvalid(live(BOOL, spec()), "policy.spec.rules");
        assertCreateInvalid(dryRunOnly(BOOL, spec()), "policy.dry_run_spec.rules");
    }

    @Test
    @DisplayName("V2: a boolean rule must set enforce")
    void v2EveryRuleEnforces() {
        assertCreateInvalid(live(BOOL, spec(noKind())), "policy.spec.rules[0]");
    }

    @Test
    @DisplayName("V2: reset needs no rules on a boolean constraint, and one unconditional rule is accepted")
    void v2PositiveSide() {
        Policy reset = createOk(live(BOOL, reset()));
        assertTrue(reset.spec().orElseThrow().reset());
        Policy withCondition = createOk(live("compute.requireOsLogin",
                spec(PolicyRule.enforce(true), PolicyRule.enforce(false).when(DEV))));
        assertEquals(2, rules(withCondition).size());
    }

    // ---- V3 ---------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("V3: a conditional rule must say the opposite of the unconditional rule")
    void v3ConditionalSaysOpposite() {
        assertCreateInvalid(live(BOOL, spec(PolicyRule.enforce(true), PolicyRule.enforce(true).when(DEV))),
                "policy.spec.rules[1].enforce");
        assertCreateInvalid(dryRunOnly(BOOL, spec(PolicyRule.enforce(false).when(DEV), PolicyRule.enforce(false))),
                "policy.dry_run_spec.rules[0].enforce");
    }

    @Test
    @DisplayName("V3: rule order has no meaning; an opposite conditional rule before the unconditional one is valid")
    void v3OrderFree() {
        Policy stored = createOk(live(BOOL, spec(PolicyRule.enforce(true).when(DEV), PolicyRule.enforce(false))));
        assertEquals(List.of(PolicyRule.enforce(true).when(DEV), PolicyRule.enforce(false)), rules(stored));
    }

    // ---- V4 ---------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("V4: inheritFromParent is rejected on a boolean constraint and kept on a list constraint")
    void v4InheritOnlyForLists() {
        assertCreateInvalid(live(BOOL, inh(PolicyRule.enforce(true))), "policy.spec.inherit_from_parent");
        assertCreateInvalid(dryRunOnly(BOOL, inh(PolicyRule.enforce(true))),
                "policy.dry_run_spec.inherit_from_parent");
        Policy list = createOk(live(LIST, inh(allow("a"))));
        assertTrue(list.spec().orElseThrow().inheritFromParent());
    }

    // ---- V5 ---------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("V5: reset with rules or with inheritFromParent is rejected")
    void v5ResetAlone() {
        assertCreateInvalid(live(LIST, new PolicySpec("", Optional.empty(), List.of(allow("a")), false, true)),
                "policy.spec.reset");
        assertCreateInvalid(live(LIST, new PolicySpec("", Optional.empty(), List.of(), true, true)),
                "policy.spec.reset");
        assertCreateInvalid(dryRunOnly(LIST, new PolicySpec("", Optional.empty(), List.of(deny("x")), false, true)),
                "policy.dry_run_spec.reset");
    }

    @Test
    @DisplayName("V5: reset alone is accepted on list and boolean constraints")
    void v5ResetAccepted() {
        assertEquals(Optional.of(true), createOk(live(LIST, reset())).spec().map(PolicySpec::reset));
        assertEquals(Optional.of(true), createOk(live(BOOL, reset())).spec().map(PolicySpec::reset));
        assertEquals(Optional.of(true), createOk(dryRunOnly(KitConstraints.LIST_DENY, reset())).dryRunSpec()
                .map(PolicySpec::reset));
    }

    // ---- V6 ---------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("V6: a rule with several kind members is rejected at the rule")
    void v6SeveralKinds() {
        assertCreateInvalid(live(LIST, spec(allow("a"), severalKinds(
                new PolicyRule.Values(StringValues.allowed("b")), new PolicyRule.AllowAll(true)))),
                "policy.spec.rules[1]");
        assertCreateInvalid(live(BOOL, spec(severalKinds(new PolicyRule.Enforce(true), new PolicyRule.Enforce(false)))),
                "policy.spec.rules[0]");
        assertCreateInvalid(dryRunOnly(LIST, spec(severalKinds(new PolicyRule.AllowAll(false),
                new PolicyRule.DenyAll(false)))), "policy.dry_run_spec.rules[0]");
    }

    // ---- V7 ---------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "true",
        "!resource.hasTagKey('1/env')",
        "resource.matchTag('1/env')",
        "resource.matchTag('1/env', 'dev', 'x')",
        "resource.hasTagKey('1/env', 'dev')",
        "resource.matchTag('1/env', '')",
        "resource.matchTag('1/env', 'dev') and resource.hasTagKey('1/team')",
        "resource.matchTag('1/env', 'dev') &&",
        "(resource.matchTag('1/env', 'dev')",
        "resource.matchTag('1/env', 'dev'))",
        "resource.labels['env'] == 'dev'",
        "request.matchTag('1/env', 'dev')",
        "resource.matchTag(\"1/env\", 'dev)",
        "resource.matchTagId('501', '601')",
        "resource.hasTagKeyId('tagValues/601')",
        "resource.hasTagKey('1/env') || resource.hasTagKey('1/env') || resource.hasTagKey('1/env') "
                + "|| resource.hasTagKey('1/env') || resource.hasTagKey('1/env') || resource.hasTagKey('1/env') "
                + "|| resource.hasTagKey('1/env') || resource.hasTagKey('1/env') || resource.hasTagKey('1/env') "
                + "|| resource.hasTagKey('1/env') || resource.hasTagKey('1/env')"
    })
    @DisplayName("V7: a condition outside the tag grammar is rejected at …condition.expression")
    void v7BadExpression(String expression) {
        assertCreateInvalid(live(LIST, spec(allow("a"), deny("b").when(expression))),
                "policy.spec.rules[1].condition.expression");
        assertCreateInvalid(dryRunOnly(BOOL, spec(PolicyRule.enforce(false), PolicyRule.enforce(true)
                .when(expression))), "policy.dry_run_spec.rules[1].condition.expression");
    }

    @Test
    @DisplayName("V7: the dry-run spec's condition path is policy.dry_run_spec.rules[0].condition.expression")
    void v7DryRunPath() {
        assertCreateInvalid(live(LIST, spec(allow("a"))).withDryRunSpec(spec(allow("b").when("resource.nope()"))),
                "policy.dry_run_spec.rules[0].condition.expression");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "resource.matchTag('1/env', 'dev')",
        "resource.matchTag(\"1/env\", \"dev\")",
        "resource.matchTagId('tagKeys/501', 'tagValues/601')",
        "resource.hasTagKey('1/env')",
        "resource.hasTagKeyId('tagKeys/501')",
        "resource.matchTag('proj-p101/env', 'dev')",
        "  resource.hasTagKey('1/env')&&(resource.matchTag('1/team','red')||resource.hasTagKeyId('tagKeys/9'))  ",
        "((resource.hasTagKey('1/env')))",
        "resource.matchTag('1/nosuchkey', 'nosuchvalue')",
        "resource.hasTagKey('1/env') || resource.hasTagKey('1/env') || resource.hasTagKey('1/env') "
                + "|| resource.hasTagKey('1/env') || resource.hasTagKey('1/env') || resource.hasTagKey('1/env') "
                + "|| resource.hasTagKey('1/env') || resource.hasTagKey('1/env') || resource.hasTagKey('1/env') "
                + "|| resource.hasTagKey('1/env')"
    })
    @DisplayName("V7: conditions of the grammar, with 1 to 10 tag functions, are accepted and echoed")
    void v7GoodExpression(String expression) {
        Policy stored = createOk(live(LIST, spec(allow("a"), deny("b").when(expression))));
        assertEquals(Optional.of(expression), rules(stored).get(1).condition().map(c -> c.expression()));
    }

    // ---- V8 ---------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("V8: under: is rejected on a constraint without supportsUnder")
    void v8UnderNeedsSupport() {
        assertCreateInvalid(live(LIST, spec(allow("a", "under:folders/11"))),
                "policy.spec.rules[0].values.allowed_values[1]");
        assertCreateInvalid(live(LOC, spec(deny("under:organizations/1"))),
                "policy.spec.rules[0].values.denied_values[0]");
    }

    @Test
    @DisplayName("V8: an under: subtree must be projects/{id|number}, folders/{digits} or organizations/{digits}")
    void v8UnderSyntax() {
        assertCreateInvalid(live(UNDER, spec(allow("under:billingAccounts/1"))),
                "policy.spec.rules[0].values.allowed_values[0]");
        assertCreateInvalid(live(UNDER, spec(deny("under:folders/abc"))),
                "policy.spec.rules[0].values.denied_values[0]");
        assertCreateInvalid(live(UNDER, spec(allow("under:organizations/x1"))),
                "policy.spec.rules[0].values.allowed_values[0]");
        assertCreateInvalid(live(UNDER, spec(allow("under:"))), "policy.spec.rules[0].values.allowed_values[0]");
    }

    @Test
    @DisplayName("V8: an under: subtree that does not exist is accepted on testing.listUnder and stored as written")
    void v8UnderNeedNotExist() {
        List<String> values = List.of("under:folders/999", "under:organizations/42", "under:projects/no-such-project",
                "under:projects/987654321", "under:projects/proj-p101");
        Policy stored = createOk(live(UNDER, spec(PolicyRule.values(new StringValues(values,
                List.of("under:folders/11"))))));
        assertEquals(List.of(PolicyRule.values(new StringValues(values, List.of("under:folders/11")))),
                rules(stored));
    }

    @Test
    @DisplayName("V8: in: is rejected on a constraint without supportsIn")
    void v8InNeedsSupport() {
        assertCreateInvalid(live(LIST, spec(allow("in:us-locations"))),
                "policy.spec.rules[0].values.allowed_values[0]");
        assertCreateInvalid(live(UNDER, spec(deny("in:eu-locations"))),
                "policy.spec.rules[0].values.denied_values[0]");
    }

    // ---- V9 ---------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("V9: 501 values are rejected; 500 are accepted")
    void v9TooManyValues() {
        assertInvalidUnder(() -> policies.createPolicy(P, live(LIST, spec(
                allow(numbered("a", 300).toArray(String[]::new)), deny(numbered("d", 201).toArray(String[]::new))))),
                "policy");
        assertAbsent(LIST);
        Policy ok = createOk(live(LIST, spec(allow(numbered("a", 300).toArray(String[]::new)),
                deny(numbered("d", 200).toArray(String[]::new)))));
        assertEquals(500, rules(ok).stream().mapToInt(r -> ((PolicyRule.Values) r.kind()).values().size()).sum());
    }

    @Test
    @DisplayName("V9: the 500-value limit counts all rules of both specs")
    void v9CountsBothSpecs() {
        Policy tooMany = live(LIST, spec(allow(numbered("a", 250).toArray(String[]::new))))
                .withDryRunSpec(spec(deny(numbered("d", 251).toArray(String[]::new))));
        assertInvalidUnder(() -> policies.createPolicy(P, tooMany), "policy");
        assertAbsent(LIST);
        Policy before = set(P, LIST, spec(allow(numbered("a", 250).toArray(String[]::new))),
                spec(deny(numbered("d", 250).toArray(String[]::new))));
        assertInvalidUnder(() -> policies.updatePolicy(live(LIST, spec(allow(numbered("b", 251)
                .toArray(String[]::new)))), UpdateMask.of("spec")), "policy");
        assertEquals(before, policies.getPolicy(name(LIST)));
    }

    @Test
    @DisplayName("V9: a policy over 32 KB of JSON is rejected although it has fewer than 500 values")
    void v9TooLarge() {
        String[] big = IntStream.range(0, 40).mapToObj(i -> i + "-" + repeat('x', 1000)).toArray(String[]::new);
        assertInvalidUnder(() -> policies.createPolicy(P, live(LIST, spec(allow(big)))), "policy");
        assertAbsent(LIST);
        String[] fits = IntStream.range(0, 20).mapToObj(i -> i + "-" + repeat('x', 1000)).toArray(String[]::new);
        createOk(live(LIST, spec(allow(fits))));
    }

    // ---- V10 --------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("V10: an unknown in: group is rejected on gcp.resourceLocations")
    void v10UnknownGroup() {
        assertCreateInvalid(live(LOC, spec(allow("in:asia-locations"))),
                "policy.spec.rules[0].values.allowed_values[0]");
        assertCreateInvalid(live(LOC, spec(allow("us"), deny("in:nowhere-locations"))),
                "policy.spec.rules[1].values.denied_values[0]");
        assertCreateInvalid(live(LOC, spec(allow("europe-locations"))),
                "policy.spec.rules[0].values.allowed_values[0]");
    }

    @Test
    @DisplayName("V10: regions become in:{region}-locations, bare groups become in:{group}, zones and multi-regions stay")
    void v10Rewrite() {
        Policy stored = createOk(live(LOC, spec(
                PolicyRule.values(new StringValues(
                        List.of("us-east1", "us-east1-locations", "eu-locations", "us-west1-b", "us", "eu",
                                "in:us-west1-locations", "europe-west2"),
                        List.of("asia-northeast1", "us-central1-f"))))));
        assertEquals(List.of(PolicyRule.values(new StringValues(
                List.of("in:us-east1-locations", "in:us-east1-locations", "in:eu-locations", "us-west1-b", "us", "eu",
                        "in:us-west1-locations", "in:europe-west2-locations"),
                List.of("in:asia-northeast1-locations", "us-central1-f")))), rules(stored));
    }

    @Test
    @DisplayName("V10: the rewrite applies to dry-run specs and updates, and only on gcp.resourceLocations")
    void v10RewriteElsewhere() {
        set(P, LOC, spec(allow("us")));
        Policy updated = policies.updatePolicy(live(LOC, spec(allow("us-east4")))
                .withDryRunSpec(spec(deny("europe-west1"))), UpdateMask.absent());
        assertEquals(List.of(allow("in:us-east4-locations")), rules(updated));
        assertEquals(List.of(deny("in:europe-west1-locations")), updated.dryRunSpec().orElseThrow().rules());
        Policy list = createOk(live(LIST, spec(allow("us-east1", "us-east1-locations"))));
        assertEquals(List.of(allow("us-east1", "us-east1-locations")), rules(list));
    }

    // ---- V11 --------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("V11: a constraint that is neither built-in, registered nor custom in the org is NOT_FOUND")
    void v11UnknownConstraint() {
        assertCode(ErrorCode.NOT_FOUND, () -> policies.createPolicy(P, live("testing.noSuchConstraint",
                spec(allow("a")))));
        assertCode(ErrorCode.NOT_FOUND, () -> policies.createPolicy(P, live("custom.missing",
                spec(PolicyRule.enforce(true)))));
        assertEquals(List.of(), policies.listPolicies(P, PageRequest.first()).items());
        assertCode(ErrorCode.NOT_FOUND, () -> policies.getPolicy(name("testing.noSuchConstraint")));
        assertCode(ErrorCode.NOT_FOUND, () -> policies.updatePolicy(live("testing.noSuchConstraint",
                spec(allow("a"))), UpdateMask.absent()));
        assertCode(ErrorCode.NOT_FOUND, () -> policies.deletePolicy(name("testing.noSuchConstraint"), ""));
    }

    @Test
    @DisplayName("V11: a custom constraint of another organization is NOT_FOUND; one of the resource's org works")
    void v11CustomOfOtherOrg() {
        org(2);
        policies.createCustomConstraint("organizations/2", new CustomConstraint(
                "organizations/2/customConstraints/custom.other", List.of("compute.googleapis.com/Instance"),
                List.of(MethodType.CREATE), "true", ActionType.ALLOW, "", "", Optional.empty()));
        assertCode(ErrorCode.NOT_FOUND, () -> policies.createPolicy(P, live("custom.other",
                spec(PolicyRule.enforce(true)))));
        assertAbsent("custom.other");
        policies.createCustomConstraint(ORG, custom("custom.mine"));
        Policy stored = createOk(live("custom.mine", spec(PolicyRule.enforce(true))));
        assertEquals(name("custom.mine"), stored.name());
    }

    @Test
    @DisplayName("V11: the constraint is resolved before the content is validated")
    void v11BeforeContent() {
        assertCode(ErrorCode.NOT_FOUND, () -> policies.createPolicy(P, live("testing.noSuchConstraint",
                spec(noKind()))));
        assertCode(ErrorCode.NOT_FOUND, () -> policies.createPolicy("projects/999",
                Policy.of("projects/999/policies/" + LIST, spec(noKind()))));
    }

    // ---- V12 --------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("V12: creating an existing policy is ALREADY_EXISTS and leaves it unchanged")
    void v12AlreadyExists() {
        Policy before = set(P, LIST, spec(allow("a")));
        PolicyHubException e = assertCode(ErrorCode.ALREADY_EXISTS,
                () -> policies.createPolicy(P, live(LIST, spec(deny("b")))));
        assertEquals(PolicyHubException.ALREADY_EXISTS_MESSAGE, e.getMessage());
        assertCode(ErrorCode.ALREADY_EXISTS, () -> policies.createPolicy("projects/proj-p101",
                Policy.of("projects/proj-p101/policies/" + LIST, spec(deny("b")))));
        assertEquals(before, policies.getPolicy(name(LIST)));
    }

    @Test
    @DisplayName("V12: content is validated before existence, so invalid content on an existing policy is 400")
    void v12ContentFirst() {
        Policy before = set(P, LIST, spec(allow("a")));
        assertInvalid(() -> policies.createPolicy(P, live(LIST, spec(PolicyRule.enforce(true)))),
                "policy.spec.rules[0].enforce");
        assertEquals(before, policies.getPolicy(name(LIST)));
    }

    // ---- V13 --------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("V13: updating or deleting a missing policy is NOT_FOUND and creates nothing")
    void v13Missing() {
        assertCode(ErrorCode.NOT_FOUND, () -> policies.updatePolicy(live(LIST, spec(allow("a"))),
                UpdateMask.absent()));
        assertCode(ErrorCode.NOT_FOUND, () -> policies.updatePolicy(live(LIST, spec(allow("a"))),
                UpdateMask.of("*")));
        assertCode(ErrorCode.NOT_FOUND, () -> policies.deletePolicy(name(LIST), ""));
        assertCode(ErrorCode.NOT_FOUND, () -> policies.deletePolicy(name(LIST), "AAAAAAAAAAA="));
        assertAbsent(LIST);
    }

    @Test
    @DisplayName("V13: content is validated before existence on update")
    void v13ContentFirst() {
        assertInvalid(() -> policies.updatePolicy(live(LIST, spec(noKind())), UpdateMask.absent()),
                "policy.spec.rules[0]");
        assertAbsent(LIST);
    }

    // ---- V14 --------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("V14: a stale etag on update is ABORTED and leaves the policy unchanged")
    void v14StaleUpdate() {
        Policy first = set(P, LIST, spec(allow("a")));
        Policy current = policies.updatePolicy(live(LIST, spec(allow("b"))), UpdateMask.absent());
        PolicyHubException e = assertCode(ErrorCode.ABORTED, () -> policies.updatePolicy(
                live(LIST, spec(allow("c"))).withEtag(first.etag()), UpdateMask.absent()));
        assertEquals(PolicyHubException.ETAG_MISMATCH_MESSAGE, e.getMessage());
        assertEquals(current, policies.getPolicy(name(LIST)));
    }

    @Test
    @DisplayName("V14: a stale etag on delete is ABORTED and the policy stays")
    void v14StaleDelete() {
        Policy first = set(P, LIST, spec(allow("a")));
        Policy current = policies.updatePolicy(live(LIST, spec(allow("b"))), UpdateMask.absent());
        assertCode(ErrorCode.ABORTED, () -> policies.deletePolicy(name(LIST), first.etag()));
        assertCode(ErrorCode.ABORTED, () -> policies.deletePolicy(name(LIST), "not-the-etag"));
        assertEquals(current, policies.getPolicy(name(LIST)));
    }

    @Test
    @DisplayName("V14: content is validated before the etag is compared")
    void v14ContentFirst() {
        Policy before = set(P, LIST, spec(allow("a")));
        assertInvalid(() -> policies.updatePolicy(live(LIST, spec(noKind())).withEtag("stale-etag"),
                UpdateMask.absent()), "policy.spec.rules[0]");
        assertEquals(before, policies.getPolicy(name(LIST)));
    }

    // ---- V15 --------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("V15: a dryRunSpec on a constraint with supportsDryRun false is rejected at policy.dry_run_spec")
    void v15NoDryRun() {
        try (PolicyHub own = PolicyHub.builder().storage(newStorage())
                .constraint(Constraint.list("testing.noDryRun", ConstraintDefault.ALLOW, false, false)
                        .withSupportsDryRun(false))
                .build()) {
            own.hierarchy().createOrganization(1L, "org1.example.com", "");
            OrgPolicyService svc = own.orgPolicies();
            String n = ORG + "/policies/testing.noDryRun";
            assertInvalid(() -> svc.createPolicy(ORG, Policy.of(n, spec(allow("a"))).withDryRunSpec(spec(deny("b")))),
                    "policy.dry_run_spec");
            assertInvalid(() -> svc.createPolicy(ORG, new Policy(n, Optional.empty(), Optional.of(reset()), "")),
                    "policy.dry_run_spec");
            assertCode(ErrorCode.NOT_FOUND, () -> svc.getPolicy(n));
            Policy before = svc.createPolicy(ORG, Policy.of(n, spec(allow("a"))));
            assertInvalid(() -> svc.updatePolicy(new Policy(n, Optional.empty(), Optional.of(spec(deny("b"))), ""),
                    UpdateMask.of("dryRunSpec")), "policy.dry_run_spec");
            assertEquals(before, svc.getPolicy(n));
        }
    }

    // ---- V16 --------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("V16: a valid allowedDomains list on essentialcontacts.managed.allowedContactDomains is stored")
    void v16ValidParameters() {
        PolicyRule rule = PolicyRule.enforce(true)
                .withParameters(Map.of("allowedDomains", List.of("@example.com", "@example.org")));
        Policy stored = createOk(live(MANAGED, spec(rule)));
        assertEquals(List.of(rule), rules(stored));
        Policy noParameters = policies.createPolicy(P2, Policy.of(P2 + "/policies/" + MANAGED,
                spec(PolicyRule.enforce(true))));
        assertEquals(List.of(PolicyRule.enforce(true)), noParameters.spec().orElseThrow().rules());
    }

    @Test
    @DisplayName("V16: parameters on a constraint that defines none are rejected at …rules[i].parameters")
    void v16NoParametersDefined() {
        Map<String, Object> params = Map.of("allowedDomains", List.of("@example.com"));
        assertCreateInvalid(live(BOOL, spec(PolicyRule.enforce(true).withParameters(params))),
                "policy.spec.rules[0].parameters");
        assertCreateInvalid(live("iam.managed.disableServiceAccountKeyCreation",
                spec(PolicyRule.enforce(true).withParameters(params))), "policy.spec.rules[0].parameters");
        assertCreateInvalid(live(LIST, spec(allow("a").withParameters(params))), "policy.spec.rules[0].parameters");
    }

    @Test
    @DisplayName("V16: an undefined key or a value of the wrong type is rejected")
    void v16KeysAndTypes() {
        assertInvalidUnder(() -> policies.createPolicy(P, live(MANAGED, spec(PolicyRule.enforce(true)
                .withParameters(Map.of("blockedDomains", List.of("@example.com")))))),
                "policy.spec.rules[0].parameters");
        assertInvalidUnder(() -> policies.createPolicy(P, live(MANAGED, spec(PolicyRule.enforce(true)
                .withParameters(Map.of("allowedDomains", "@example.com"))))), "policy.spec.rules[0].parameters");
        assertInvalidUnder(() -> policies.createPolicy(P, live(MANAGED, spec(PolicyRule.enforce(true)
                .withParameters(Map.of("allowedDomains", List.of("@example.com", 7)))))),
                "policy.spec.rules[0].parameters");
        assertInvalidUnder(() -> policies.createPolicy(P, live(MANAGED, spec(PolicyRule.enforce(true)
                .withParameters(Map.of("allowedDomains", true))))), "policy.spec.rules[0].parameters");
        assertAbsent(MANAGED);
    }

    // ---- V17 --------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("V17: a malformed parent is rejected at parent")
    void v17MalformedParent() {
        for (String parent : List.of("billingAccounts/1", "folders/abc", "organizations/x", "projects/", "p101",
                "projects/101/extra")) {
            assertInvalid(() -> policies.createPolicy(parent, Policy.of(parent + "/policies/" + LIST,
                    spec(allow("a")))), "parent");
            assertInvalid(() -> policies.listPolicies(parent, PageRequest.first()), "parent");
        }
        assertEquals(List.of(), policies.listPolicies(P, PageRequest.first()).items());
    }

    @Test
    @DisplayName("V17: on create the body name is required and must be under the parent")
    void v17BodyName() {
        assertInvalid(() -> policies.createPolicy(P, Policy.of("", spec(allow("a")))), "policy.name");
        assertAbsent(LIST);
        assertInvalid(() -> policies.createPolicy(P, Policy.of(P2 + "/policies/" + LIST, spec(allow("a")))),
                "policy.name");
        assertAbsent(LIST);
        assertCode(ErrorCode.NOT_FOUND, () -> policies.getPolicy(P2 + "/policies/" + LIST));
        assertInvalid(() -> policies.createPolicy(P, Policy.of("folders/11/policies/" + LIST, spec(allow("a")))),
                "policy.name");
        assertAbsent(LIST);
    }

    @Test
    @DisplayName("V17: a policy name with a constraints/ prefix or a malformed shape is rejected")
    void v17MalformedName() {
        assertInvalid(() -> policies.createPolicy(P, Policy.of(P + "/policies/constraints/" + LIST,
                spec(allow("a")))), "policy.name");
        assertAbsent(LIST);
        assertInvalid(() -> policies.getPolicy(P + "/constraints/" + LIST), "name");
        assertInvalid(() -> policies.getPolicy(P + "/policies/constraints/" + LIST), "name");
        assertInvalid(() -> policies.getPolicy("folders/x/policies/" + LIST), "name");
        assertInvalid(() -> policies.deletePolicy("billingAccounts/1/policies/" + LIST, ""), "name");
        assertInvalid(() -> policies.getEffectivePolicy(P + "/policies/"), "name");
        Policy before = set(P, LIST, spec(allow("a")));
        assertInvalid(() -> policies.updatePolicy(Policy.of(P + "/policies/constraints/" + LIST, spec(allow("b"))),
                UpdateMask.absent()), "policy.name");
        assertEquals(before, policies.getPolicy(name(LIST)));
    }

    @Test
    @DisplayName("V17: project ids and numbers name the same parent")
    void v17ProjectIdAccepted() {
        Policy stored = policies.createPolicy("projects/proj-p101", Policy.of(name(LIST), spec(allow("a"))));
        assertEquals(name(LIST), stored.name());
    }

    // ---- V18 --------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("V18: a rule with no kind is rejected at the rule")
    void v18NoKind() {
        assertCreateInvalid(live(LIST, spec(allow("a"), noKind())), "policy.spec.rules[1]");
        assertCreateInvalid(dryRunOnly(LIST, spec(noKind())), "policy.dry_run_spec.rules[0]");
    }

    @Test
    @DisplayName("V18: a values rule with both lists empty is rejected at …values")
    void v18EmptyValues() {
        assertCreateInvalid(live(LIST, spec(PolicyRule.values(new StringValues(List.of(), List.of())))),
                "policy.spec.rules[0].values");
    }

    @Test
    @DisplayName("V18: an empty string value is rejected at its index")
    void v18EmptyString() {
        assertCreateInvalid(live(LIST, spec(allow("a", ""))), "policy.spec.rules[0].values.allowed_values[1]");
        assertCreateInvalid(live(LIST, spec(allow("a"), deny(""))), "policy.spec.rules[1].values.denied_values[0]");
        Policy before = set(P, LIST, spec(allow("a")));
        assertUpdateInvalid(before, live(LIST, spec(allow("a"))).withDryRunSpec(spec(deny("x", ""))),
                "policy.dry_run_spec.rules[0].values.denied_values[1]");
    }

    // ---- V19 --------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("V19: a custom constraint id is custom. plus letters and digits, at most 70 characters")
    void v19Id() {
        for (String id : List.of("custom.", "custom.no_underscore", "custom.no-dash", "custom.a.b", "notcustom.x",
                "Custom.upper", "custom." + repeat('a', 64))) {
            assertCustomInvalid(custom(id), "custom_constraint.name");
        }
        CustomConstraint longest = custom("custom." + repeat('a', 63));
        assertEquals(70, longest.id().length());
        policies.createCustomConstraint(ORG, longest);
        policies.createCustomConstraint(ORG, custom("custom.Mixed9Case"));
    }

    @Test
    @DisplayName("V19: resourceTypes must not be empty")
    void v19ResourceTypes() {
        CustomConstraint c = custom("custom.noTypes");
        assertCustomInvalid(new CustomConstraint(c.name(), List.of(), c.methodTypes(), c.condition(), c.actionType(),
                c.displayName(), c.description(), Optional.empty()), "custom_constraint.resource_types");
    }

    @Test
    @DisplayName("V19: methodTypes must be non-empty, without UNSPECIFIED, and not UPDATE alone")
    void v19MethodTypes() {
        CustomConstraint c = custom("custom.methods");
        assertCustomInvalid(withMethods(c), "custom_constraint.method_types");
        assertCustomInvalid(withMethods(c, MethodType.METHOD_TYPE_UNSPECIFIED), "custom_constraint.method_types");
        assertCustomInvalid(withMethods(c, MethodType.CREATE, MethodType.METHOD_TYPE_UNSPECIFIED),
                "custom_constraint.method_types");
        assertCustomInvalid(withMethods(c, MethodType.UPDATE), "custom_constraint.method_types");
        policies.createCustomConstraint(ORG, withMethods(c, MethodType.UPDATE, MethodType.CREATE));
        policies.createCustomConstraint(ORG, withMethods(custom("custom.deletes"), MethodType.DELETE));
        policies.createCustomConstraint(ORG, withMethods(custom("custom.grants"), MethodType.REMOVE_GRANT,
                MethodType.GOVERN_TAGS));
    }

    @Test
    @DisplayName("V19: the condition is 1 to 1000 characters")
    void v19Condition() {
        CustomConstraint c = custom("custom.cond");
        for (String condition : List.of("", repeat('x', 1001))) {
            assertCustomInvalid(new CustomConstraint(c.name(), c.resourceTypes(), c.methodTypes(), condition,
                    c.actionType(), c.displayName(), c.description(), Optional.empty()), "custom_constraint.condition");
        }
        policies.createCustomConstraint(ORG, new CustomConstraint(c.name(), c.resourceTypes(), c.methodTypes(),
                repeat('x', 1000), c.actionType(), c.displayName(), c.description(), Optional.empty()));
    }

    @Test
    @DisplayName("V19: the action type is ALLOW or DENY")
    void v19ActionType() {
        CustomConstraint c = custom("custom.action");
        assertCustomInvalid(new CustomConstraint(c.name(), c.resourceTypes(), c.methodTypes(), c.condition(),
                ActionType.ACTION_TYPE_UNSPECIFIED, c.displayName(), c.description(), Optional.empty()),
                "custom_constraint.action_type");
        policies.createCustomConstraint(ORG, new CustomConstraint(c.name(), c.resourceTypes(), c.methodTypes(),
                c.condition(), ActionType.ALLOW, c.displayName(), c.description(), Optional.empty()));
    }

    @Test
    @DisplayName("V19: displayName is at most 200 characters and description at most 2000")
    void v19Lengths() {
        CustomConstraint c = custom("custom.texts");
        assertCustomInvalid(new CustomConstraint(c.name(), c.resourceTypes(), c.methodTypes(), c.condition(),
                c.actionType(), repeat('d', 201), c.description(), Optional.empty()), "custom_constraint.display_name");
        assertCustomInvalid(new CustomConstraint(c.name(), c.resourceTypes(), c.methodTypes(), c.condition(),
                c.actionType(), c.displayName(), repeat('e', 2001), Optional.empty()), "custom_constraint.description");
        policies.createCustomConstraint(ORG, new CustomConstraint(c.name(), c.resourceTypes(), c.methodTypes(),
                c.condition(), c.actionType(), repeat('d', 200), repeat('e', 2000), Optional.empty()));
    }

    @Test
    @DisplayName("V19: every violation of a custom constraint is collected, and an invalid update changes nothing")
    void v19AllCollectedAndUpdate() {
        CustomConstraint bad = new CustomConstraint(ORG + "/customConstraints/custom.bad_id", List.of(),
                List.of(MethodType.UPDATE), "", ActionType.ACTION_TYPE_UNSPECIFIED, repeat('d', 201),
                repeat('e', 2001), Optional.empty());
        PolicyHubException e = assertCode(ErrorCode.INVALID_ARGUMENT,
                () -> policies.createCustomConstraint(ORG, bad));
        assertEquals(Set.of("custom_constraint.name", "custom_constraint.resource_types",
                "custom_constraint.method_types", "custom_constraint.condition", "custom_constraint.action_type",
                "custom_constraint.display_name", "custom_constraint.description"), Set.copyOf(fields(e)));
        assertEquals(7, e.fieldViolations().size(), e.fieldViolations()::toString);
        assertMessageNamesFirstField(e);
        assertCode(ErrorCode.NOT_FOUND, () -> policies.getCustomConstraint(bad.name()));

        CustomConstraint stored = policies.createCustomConstraint(ORG, custom("custom.good"));
        assertInvalid(() -> policies.updateCustomConstraint(withMethods(custom("custom.good"), MethodType.UPDATE)),
                "custom_constraint.method_types");
        assertEquals(stored, policies.getCustomConstraint(stored.name()));
    }

    // ---- V20 --------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"spec.rules", "policy.spec.rules", "dryRunSpec.rules", "labels", "policy.", "update_time",
        "spec,bogus"})
    @DisplayName("V20: an unknown update-mask path is rejected at update_mask and changes nothing")
    void v20UnknownMaskPath(String mask) {
        Policy before = set(P, LIST, spec(allow("a")), spec(deny("b")));
        assertInvalid(() -> policies.updatePolicy(live(LIST, spec(allow("c"))).withDryRunSpec(spec(deny("d"))),
                UpdateMask.parse(mask)), "update_mask");
        assertEquals(before, policies.getPolicy(name(LIST)));
    }

    // ---- collection -------------------------------------------------------------------------------------------

    @Test
    @DisplayName("All content violations of both specs are collected in one error whose message is the first")
    void allViolationsCollected() {
        Policy bad = live(LIST, spec(PolicyRule.enforce(true), noKind(), allow("ok", ""), deny("x").when("bogus")))
                .withDryRunSpec(new PolicySpec("", Optional.empty(), List.of(allow("under:folders/1")), false, true));
        PolicyHubException e = assertInvalid(() -> policies.createPolicy(P, bad),
                "policy.spec.rules[0].enforce",
                "policy.spec.rules[1]",
                "policy.spec.rules[2].values.allowed_values[1]",
                "policy.spec.rules[3].condition.expression",
                "policy.dry_run_spec.reset",
                "policy.dry_run_spec.rules[0].values.allowed_values[0]");
        assertEquals(e.fieldViolations().get(0).toString(), e.getMessage());
        assertTrue(e.fieldViolations().stream().noneMatch(v -> v.description().isBlank()),
                "every violation has a description");
        assertAbsent(LIST);
        assertEquals(List.of(), policies.listPolicies(P, PageRequest.first()).items());
    }
}
