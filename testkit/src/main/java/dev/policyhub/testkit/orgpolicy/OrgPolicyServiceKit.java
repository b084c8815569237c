package dev.policyhub.testkit.orgpolicy;

import dev.policyhub.core.Page;
import dev.policyhub.core.PageRequest;
import dev.policyhub.core.UpdateMask;
import dev.policyhub.core.error.ErrorCode;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.orgpolicy.ActionType;
import dev.policyhub.core.orgpolicy.Constraint;
import dev.policyhub.core.orgpolicy.ConstraintCatalog;
import dev.policyhub.core.orgpolicy.ConstraintDefault;
import dev.policyhub.core.orgpolicy.CustomConstraint;
import dev.policyhub.core.orgpolicy.Expr;
import dev.policyhub.core.orgpolicy.MethodType;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;
import dev.policyhub.core.orgpolicy.StringValues;
import dev.policyhub.testkit.Concurrently;
import dev.policyhub.testkit.HubKitBase;
import dev.policyhub.testkit.KitConstraints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the Org Policy service behaves: create/get round trips, listing and paging, update
 * masks, etags, deletes, constraints, custom constraints, update times and concurrent compare-and-set writers.
 */
public abstract class OrgPolicyServiceKit extends HubKitBase {
    /** Project 101 ({@code proj-p101}) directly under organization 1. */
    protected static final String P = "projects/101";
    /** Project 101 by its project id. */
    protected static final String P_BY_ID = "projects/" + projectId("p101");
    /** Project 102 under organization 1. */
    protected static final String P2 = "projects/102";
    /** Folder 11 under organization 1. */
    protected static final String F = "folders/11";
    /** A legacy boolean constraint. */
    protected static final String BOOL = "compute.disableSerialPortAccess";
    /** A list constraint without prefixes. */
    protected static final String LIST = KitConstraints.LIST_ALLOW;
    /** A valid tag condition. */
    protected static final String DEV = "resource.matchTag('1/env', 'dev')";

    private static final Pattern ETAG = Pattern.compile("[A-Za-z0-9+/]{11}=");

    /** For subclasses: a concrete suite per store. */
    protected OrgPolicyServiceKit() {
    }

    @BeforeEach
    void serviceHierarchy() {
        org(1);
        folder(11, ORG);
        project(101, ORG);
        project(102, ORG);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** {@code {resource}/policies/{constraint}}. */
    protected static String policyName(String resource, String constraint) {
        return resource + "/policies/" + constraint;
    }

    /** Asserts the call fails with this code and returns the error. */
    protected static PolicyHubException assertCode(ErrorCode code, Executable call) {
        PolicyHubException e = assertThrows(PolicyHubException.class, call);
        assertEquals(code, e.code(), e::getMessage);
        return e;
    }

    /** Asserts INVALID_ARGUMENT whose only field violation is {@code field} and whose message starts with it. */
    protected static void assertInvalid(String field, Executable call) {
        PolicyHubException e = assertCode(ErrorCode.INVALID_ARGUMENT, call);
        assertEquals(List.of(field), e.fieldViolations().stream().map(v -> v.field()).toList(), e::getMessage);
        assertTrue(e.getMessage().startsWith(field + ": "), e::getMessage);
    }

    /** Asserts an etag has its documented shape: 12 characters of standard base64 over 8 bytes. */
    protected static void assertEtagShape(String etag) {
        assertTrue(ETAG.matcher(etag).matches(), () -> "'" + etag + "' is not a 12-character base64 etag");
    }

    /** Asserts a spec carries a server stamp: etag of the right shape and a microsecond update time from the clock. */
    protected static void assertStamped(PolicySpec spec) {
        assertEtagShape(spec.etag());
        Instant t = spec.updateTime().orElseThrow(() -> new AssertionError("a stored spec has an update time"));
        assertEquals(0, t.getNano() % 1000, () -> t + " has microsecond precision");
        assertFalse(t.isBefore(CLOCK_START), () -> t + " comes from the kit's clock");
        assertTrue(t.isBefore(CLOCK_START.plusSeconds(1)), () -> t + " comes from the kit's fixed clock");
    }

    /** The time of a spec. */
    protected static Instant time(Optional<PolicySpec> spec) {
        return spec.orElseThrow().updateTime().orElseThrow();
    }

    /** Every item of a list, following page tokens at the given page size. */
    protected static <T> List<T> all(Function<PageRequest, Page<T>> list, int pageSize) {
        List<T> out = new ArrayList<>();
        PageRequest request = PageRequest.ofSize(pageSize);
        for (int guard = 0; guard < 10_000; guard++) {
            Page<T> page = list.apply(request);
            out.addAll(page.items());
            if (!page.hasNextPage()) {
                return out;
            }
            assertEquals(pageSize, page.items().size(), "a page with a next token is full");
            request = request.next(page);
        }
        throw new AssertionError("paging did not end");
    }

    /** A valid custom constraint {@code {org}/customConstraints/{id}}. */
    protected static CustomConstraint custom(String org, String id) {
        return new CustomConstraint(org + "/customConstraints/" + id, List.of("container.googleapis.com/NodePool"),
                List.of(MethodType.CREATE, MethodType.UPDATE), "resource.management.autoUpgrade == false",
                ActionType.DENY, "Disable auto upgrade", "Node pools must keep auto upgrade on.", Optional.empty());
    }

    // ---- create and get -------------------------------------------------------------------------------------------

    /** Creating and reading policies. */
    @Nested
    @DisplayName("Creating a policy and reading it back")
    class CreateAndGet {

        @Test
        @DisplayName("a policy created by project id is named by project number and reads back identically")
        void projectIdNormalized() {
            Policy created = policies.createPolicy(P_BY_ID, Policy.of(policyName(P_BY_ID, LIST), spec(allow("a"))));
            assertEquals(policyName(P, LIST), created.name());
            assertEquals(created, policies.getPolicy(policyName(P_BY_ID, LIST)));
            assertEquals(created, policies.getPolicy(policyName(P, LIST)));
            Policy mixed = policies.createPolicy(P, Policy.of(policyName(P_BY_ID, BOOL),
                    spec(PolicyRule.enforce(true))));
            assertEquals(policyName(P, BOOL), mixed.name());
        }

        @Test
        @DisplayName("rule parameters are copied deeply: changing the caller's collections afterwards changes nothing stored")
        void parametersCopied() {
            String managed = "essentialcontacts.managed.allowedContactDomains";
            List<Object> domains = new ArrayList<>(List.of("@example.com"));
            Map<String, Object> parameters = new java.util.HashMap<>(Map.of("allowedDomains", domains));
            set(P, managed, spec(PolicyRule.enforce(true).withParameters(parameters)));

            domains.add("@evil.example");
            parameters.put("other", "x");

            assertEquals(Map.of("allowedDomains", List.of("@example.com")),
                    policies.getPolicy(policyName(P, managed)).spec().orElseThrow().rules().get(0).parameters());
        }

        @Test
        @DisplayName("policies on folders and organizations keep their names")
        void folderAndOrganization() {
            assertEquals(policyName(F, LIST), set(F, LIST, spec(allow("a"))).name());
            assertEquals(policyName(ORG, LIST), set(ORG, LIST, spec(allow("a"))).name());
            assertEquals(policyName(F, LIST), policies.getPolicy(policyName(F, LIST)).name());
        }

        @Test
        @DisplayName("each stored spec gets a 12-character base64 etag and an update time; so does the policy's etag")
        void stamps() {
            Policy created = set(P, LIST, spec(allow("a")), inh(deny("b")));
            assertEtagShape(created.etag());
            assertStamped(created.spec().orElseThrow());
            assertStamped(created.dryRunSpec().orElseThrow());
            assertEquals(time(created.spec()), time(created.dryRunSpec()), "both specs are written at once");
        }

        @Test
        @DisplayName("output-only input (spec etag, update time, policy etag) is ignored on create")
        void outputOnlyIgnored() {
            PolicySpec claimed = new PolicySpec("client-etag", Optional.of(Instant.parse("2000-01-01T00:00:00Z")),
                    List.of(allow("a")), false, false);
            Policy created = policies.createPolicy(P, Policy.of(policyName(P, LIST), claimed).withEtag("whatever"));
            assertNotEquals("client-etag", created.spec().orElseThrow().etag());
            assertNotEquals("whatever", created.etag());
            assertStamped(created.spec().orElseThrow());
            assertEtagShape(created.etag());
        }

        @Test
        @DisplayName("a spec absent from the body stays absent")
        void absentSpecsStayAbsent() {
            Policy liveOnly = set(P, LIST, spec(allow("a")));
            assertEquals(Optional.empty(), liveOnly.dryRunSpec());
            Policy dryOnly = setDryRunOnly(P, KitConstraints.LIST_DENY, spec(allow("a")));
            assertEquals(Optional.empty(), dryOnly.spec());
            assertStamped(dryOnly.dryRunSpec().orElseThrow());
            Policy neither = policies.createPolicy(P, new Policy(policyName(P, KitConstraints.LIST_UNDER),
                    Optional.empty(), Optional.empty(), ""));
            assertEquals(Optional.empty(), neither.spec());
            assertEquals(Optional.empty(), neither.dryRunSpec());
            assertEtagShape(neither.etag());
            assertEquals(neither, policies.getPolicy(neither.name()));
            assertEquals(dryOnly, policies.getPolicy(dryOnly.name()));
        }

        @Test
        @DisplayName("rules keep their order and content, conditions with title, description and location")
        void contentEchoed() {
            Expr condition = new Expr(DEV, "Dev only", "Applies to dev resources", "main.tf:12");
            PolicyRule conditional = new PolicyRule(new PolicyRule.Values(
                    new StringValues(List.of("z", "a"), List.of("m"))),
                    Optional.of(condition), Map.of());
            Policy created = set(P, LIST, inh(deny("b", "a"), conditional, PolicyRule.allowAll()));
            PolicySpec stored = created.spec().orElseThrow();
            assertEquals(List.of(deny("b", "a"), conditional, PolicyRule.allowAll()), stored.rules());
            assertTrue(stored.inheritFromParent());
            assertFalse(stored.reset());
            Policy bool = set(P, BOOL, spec(PolicyRule.enforce(false), PolicyRule.enforce(true).when(DEV)));
            assertEquals(List.of(PolicyRule.enforce(false), PolicyRule.enforce(true).when(DEV)),
                    policies.getPolicy(bool.name()).spec().orElseThrow().rules());
        }

        @Test
        @DisplayName("reading a missing policy, or one on a missing resource, is NOT_FOUND")
        void missing() {
            assertCode(ErrorCode.NOT_FOUND, () -> policies.getPolicy(policyName(P, LIST)));
            assertCode(ErrorCode.NOT_FOUND, () -> policies.getPolicy(policyName("projects/999", LIST)));
            assertCode(ErrorCode.NOT_FOUND, () -> policies.getPolicy(policyName("projects/no-such-proj", LIST)));
            assertCode(ErrorCode.NOT_FOUND, () -> policies.getPolicy(policyName("folders/999", LIST)));
            assertCode(ErrorCode.NOT_FOUND, () -> policies.createPolicy("organizations/9",
                    Policy.of(policyName("organizations/9", LIST), spec(allow("a")))));
        }
    }

    // ---- list policies --------------------------------------------------------------------------------------------

    /** Listing the policies of one resource. */
    @Nested
    @DisplayName("Listing the policies of a resource")
    class ListPolicies {
        private final List<String> expected = List.of(BOOL, "gcp.restrictServiceUsage", KitConstraints.LIST_ALLOW,
                KitConstraints.LIST_DENY, KitConstraints.LIST_UNDER);

        @BeforeEach
        void fivePolicies() {
            set(P, KitConstraints.LIST_UNDER, spec(allow("a")));
            set(P, BOOL, spec(PolicyRule.enforce(true)));
            set(P, KitConstraints.LIST_ALLOW, spec(allow("a")));
            set(P, "gcp.restrictServiceUsage", spec(deny("compute.googleapis.com")));
            set(P, KitConstraints.LIST_DENY, spec(allow("a")));
            set(ORG, "gcp.resourceLocations", spec(allow("us")));
            set(P2, "compute.requireOsLogin", spec(PolicyRule.enforce(true)));
            set(F, KitConstraints.LIST_ALLOW, spec(allow("b")));
        }

        private List<String> constraints(Page<Policy> page) {
            return page.items().stream().map(Policy::constraint).toList();
        }

        @Test
        @DisplayName("only the resource's own policies are listed, ordered by constraint, in one default page")
        void ownPoliciesOrdered() {
            Page<Policy> page = policies.listPolicies(P, PageRequest.first());
            assertEquals(expected, constraints(page));
            assertEquals("", page.nextPageToken());
            for (Policy p : page.items()) {
                assertEquals(p, policies.getPolicy(p.name()));
            }
            assertEquals(page, policies.listPolicies(P_BY_ID, PageRequest.first()));
            assertEquals(List.of(policyName(ORG, "gcp.resourceLocations")),
                    policies.listPolicies(ORG, PageRequest.first()).items().stream().map(Policy::name).toList());
        }

        @Test
        @DisplayName("a resource without policies lists nothing and no token")
        void empty() {
            folder(12, ORG);
            Page<Policy> page = policies.listPolicies("folders/12", PageRequest.first());
            assertEquals(List.of(), page.items());
            assertFalse(page.hasNextPage());
        }

        @Test
        @DisplayName("page size 2 gives three pages with stable tokens, the last without a token")
        void threePages() {
            Page<Policy> first = policies.listPolicies(P, PageRequest.ofSize(2));
            assertEquals(expected.subList(0, 2), constraints(first));
            assertTrue(first.hasNextPage());
            Page<Policy> second = policies.listPolicies(P, PageRequest.ofSize(2).next(first));
            assertEquals(expected.subList(2, 4), constraints(second));
            assertTrue(second.hasNextPage());
            Page<Policy> third = policies.listPolicies(P, PageRequest.ofSize(2).next(second));
            assertEquals(expected.subList(4, 5), constraints(third));
            assertEquals("", third.nextPageToken());

            assertEquals(first, policies.listPolicies(P, PageRequest.ofSize(2)), "the same page, the same token");
            assertEquals(second, policies.listPolicies(P, PageRequest.ofSize(2).next(first)));
            assertEquals(second, policies.listPolicies(P_BY_ID, PageRequest.ofSize(2).next(first)),
                    "a project id names the same parent");
            assertEquals(expected, constraints(new Page<>(all(r -> policies.listPolicies(P, r), 2), "")));
        }

        @Test
        @DisplayName("a page resumes after the last key: an insert before it causes no duplicate")
        void resumeAfterLastKey() {
            Page<Policy> first = policies.listPolicies(P, PageRequest.ofSize(2));
            set(P, "gcp.resourceLocations", spec(allow("us")));
            set(P, "compute.requireOsLogin", spec(PolicyRule.enforce(true)));
            Page<Policy> second = policies.listPolicies(P, PageRequest.ofSize(2).next(first));
            assertEquals(expected.subList(2, 4), constraints(second));
        }

        @Test
        @DisplayName("a token from another parent or method, or an undecodable one, is INVALID_ARGUMENT page_token")
        void foreignToken() {
            Page<Policy> first = policies.listPolicies(P, PageRequest.ofSize(2));
            assertInvalid("page_token", () -> policies.listPolicies(P2, new PageRequest(2, first.nextPageToken())));
            assertInvalid("page_token", () -> policies.listPolicies(ORG, new PageRequest(2, first.nextPageToken())));
            assertInvalid("page_token", () -> policies.listConstraints(P, new PageRequest(2,
                    first.nextPageToken())));
            Page<Constraint> constraints = policies.listConstraints(P, PageRequest.ofSize(2));
            assertInvalid("page_token", () -> policies.listPolicies(P, new PageRequest(2,
                    constraints.nextPageToken())));
            assertInvalid("page_token", () -> policies.listPolicies(P, new PageRequest(2, "not a token!")));
            assertInvalid("page_token", () -> policies.listPolicies(P, new PageRequest(2, "bm90LWEtdG9rZW4")));
        }

        @Test
        @DisplayName("a negative page size is INVALID_ARGUMENT page_size; a huge one is clamped")
        void pageSize() {
            assertInvalid("page_size", () -> policies.listPolicies(P, PageRequest.ofSize(-1)));
            assertEquals(expected, constraints(policies.listPolicies(P, PageRequest.ofSize(1_000_000))));
        }

        @Test
        @DisplayName("listing a missing resource is NOT_FOUND")
        void missingResource() {
            assertCode(ErrorCode.NOT_FOUND, () -> policies.listPolicies("projects/999", PageRequest.first()));
            assertCode(ErrorCode.NOT_FOUND, () -> policies.listPolicies("folders/999", PageRequest.first()));
        }
    }

    // ---- update masks ---------------------------------------------------------------------------------------------

    /** Update masks and what they replace. */
    @Nested
    @DisplayName("Updating a policy with each update-mask spelling")
    class UpdateMasks {
        private final String name = policyName(P, LIST);
        private final PolicyRule live2 = allow("live2");
        private final PolicyRule dry2 = deny("dry2");
        private Policy original;

        @BeforeEach
        void original() {
            original = set(P, LIST, spec(allow("live1")), spec(deny("dry1")));
        }

        private Policy body(boolean withSpec, boolean withDryRun) {
            return new Policy(name, withSpec ? Optional.of(spec(live2)) : Optional.empty(),
                    withDryRun ? Optional.of(spec(dry2)) : Optional.empty(), "");
        }

        private Policy update(Policy body, UpdateMask mask) {
            Policy updated = policies.updatePolicy(body, mask);
            assertEquals(name, updated.name());
            assertEtagShape(updated.etag());
            assertNotEquals(original.etag(), updated.etag(), "the top-level etag always changes");
            assertEquals(updated, policies.getPolicy(name), "the returned policy is the stored one");
            return updated;
        }

        private void assertReplaced(PolicySpec old, Optional<PolicySpec> now, PolicyRule rule) {
            PolicySpec spec = now.orElseThrow(() -> new AssertionError("the spec should have been replaced"));
            assertEquals(List.of(rule), spec.rules());
            assertStamped(spec);
            assertNotEquals(old.etag(), spec.etag(), "a replaced spec gets a new etag");
            assertTrue(spec.updateTime().orElseThrow().isAfter(old.updateTime().orElseThrow()),
                    "a replaced spec gets a new update time");
        }

        private void assertUntouched(PolicySpec old, Optional<PolicySpec> now) {
            assertEquals(Optional.of(old), now, "an untouched spec keeps its content, etag and update time");
        }

        private PolicySpec oldSpec() {
            return original.spec().orElseThrow();
        }

        private PolicySpec oldDryRun() {
            return original.dryRunSpec().orElseThrow();
        }

        @Test
        @DisplayName("no mask, body without dryRunSpec: spec replaced, dryRunSpec untouched")
        void absentMaskSpecOnly() {
            Policy u = update(body(true, false), UpdateMask.absent());
            assertReplaced(oldSpec(), u.spec(), live2);
            assertUntouched(oldDryRun(), u.dryRunSpec());
        }

        @Test
        @DisplayName("no mask, body with both specs: both replaced")
        void absentMaskBoth() {
            Policy u = update(body(true, true), UpdateMask.absent());
            assertReplaced(oldSpec(), u.spec(), live2);
            assertReplaced(oldDryRun(), u.dryRunSpec(), dry2);
            assertEquals(time(u.spec()), time(u.dryRunSpec()));
        }

        @Test
        @DisplayName("no mask, body with only dryRunSpec: spec cleared, dryRunSpec replaced")
        void absentMaskDryRunOnly() {
            Policy u = update(body(false, true), UpdateMask.absent());
            assertEquals(Optional.empty(), u.spec());
            assertReplaced(oldDryRun(), u.dryRunSpec(), dry2);
        }

        @Test
        @DisplayName("no mask, body without specs: spec cleared, dryRunSpec untouched")
        void absentMaskEmptyBody() {
            Policy u = update(body(false, false), UpdateMask.parse("  "));
            assertEquals(Optional.empty(), u.spec());
            assertUntouched(oldDryRun(), u.dryRunSpec());
        }

        @ParameterizedTest
        @ValueSource(strings = {"*", "policy.*", "spec,*", "*,name"})
        @DisplayName("* replaces both specs")
        void star(String mask) {
            Policy u = update(body(true, true), UpdateMask.parse(mask));
            assertReplaced(oldSpec(), u.spec(), live2);
            assertReplaced(oldDryRun(), u.dryRunSpec(), dry2);
        }

        @Test
        @DisplayName("* clears a spec absent from the body")
        void starClears() {
            Policy u = update(body(true, false), UpdateMask.of("*"));
            assertReplaced(oldSpec(), u.spec(), live2);
            assertEquals(Optional.empty(), u.dryRunSpec());
            Policy none = policies.updatePolicy(body(false, false), UpdateMask.of("*"));
            assertEquals(Optional.empty(), none.spec());
            assertEquals(Optional.empty(), none.dryRunSpec());
        }

        @ParameterizedTest
        @ValueSource(strings = {"spec", "policy.spec"})
        @DisplayName("spec and policy.spec replace only the live spec, even when the body has a dryRunSpec")
        void specOnly(String mask) {
            Policy u = update(body(true, true), UpdateMask.of(mask));
            assertReplaced(oldSpec(), u.spec(), live2);
            assertUntouched(oldDryRun(), u.dryRunSpec());
        }

        @ParameterizedTest
        @ValueSource(strings = {"spec", "policy.spec"})
        @DisplayName("spec and policy.spec clear the live spec when the body has none")
        void specCleared(String mask) {
            Policy u = update(body(false, true), UpdateMask.of(mask));
            assertEquals(Optional.empty(), u.spec());
            assertUntouched(oldDryRun(), u.dryRunSpec());
        }

        @ParameterizedTest
        @ValueSource(strings = {"dryRunSpec", "dry_run_spec", "policy.dry_run_spec", "policy.dryRunSpec"})
        @DisplayName("dryRunSpec, dry_run_spec and policy.dry_run_spec replace only the dry-run spec")
        void dryRunOnly(String mask) {
            Policy u = update(body(true, true), UpdateMask.of(mask));
            assertUntouched(oldSpec(), u.spec());
            assertReplaced(oldDryRun(), u.dryRunSpec(), dry2);
        }

        @ParameterizedTest
        @ValueSource(strings = {"dryRunSpec", "dry_run_spec", "policy.dry_run_spec", "policy.dryRunSpec"})
        @DisplayName("a dry-run mask clears the dry-run spec when the body has none")
        void dryRunCleared(String mask) {
            Policy u = update(body(true, false), UpdateMask.of(mask));
            assertUntouched(oldSpec(), u.spec());
            assertEquals(Optional.empty(), u.dryRunSpec());
        }

        @ParameterizedTest
        @ValueSource(strings = {"spec,dryRunSpec", "policy.spec, policy.dryRunSpec", "policy.dry_run_spec,spec"})
        @DisplayName("both paths together (Java client, KCC, Terraform spellings) replace both specs")
        void bothPaths(String mask) {
            Policy u = update(body(true, true), UpdateMask.parse(mask));
            assertReplaced(oldSpec(), u.spec(), live2);
            assertReplaced(oldDryRun(), u.dryRunSpec(), dry2);
        }

        @ParameterizedTest
        @ValueSource(strings = {"name", "etag", "alternate", "policy.name", "policy.etag", "name,etag"})
        @DisplayName("name, etag and alternate are accepted with no effect on the specs; the policy etag changes")
        void noEffectPaths(String mask) {
            Policy u = update(body(true, true), UpdateMask.parse(mask));
            assertUntouched(oldSpec(), u.spec());
            assertUntouched(oldDryRun(), u.dryRunSpec());
        }

        @ParameterizedTest
        @ValueSource(strings = {"spec.rules", "policy.spec.rules", "dry_run_spec.rules", "spec.inheritFromParent"})
        @DisplayName("a sub-path such as spec.rules is INVALID_ARGUMENT on update_mask and changes nothing")
        void subPathRejected(String mask) {
            assertInvalid("update_mask", () -> policies.updatePolicy(body(true, true), UpdateMask.parse(mask)));
            assertEquals(original, policies.getPolicy(name));
        }

        @Test
        @DisplayName("validation runs on the resulting policy: a body spec the mask does not take is not validated")
        void validatesResult() {
            Policy body = new Policy(name, Optional.of(spec(live2)), Optional.of(spec(PolicyRule.enforce(true))), "");
            Policy u = update(body, UpdateMask.of("spec"));
            assertReplaced(oldSpec(), u.spec(), live2);
            assertUntouched(oldDryRun(), u.dryRunSpec());
        }

        @Test
        @DisplayName("rewriting a spec with identical content still gives it a new etag and update time")
        void identicalContent() {
            Policy u = update(new Policy(name, Optional.of(spec(allow("live1"))), Optional.empty(), ""),
                    UpdateMask.of("spec"));
            assertReplaced(oldSpec(), u.spec(), allow("live1"));
        }

        @Test
        @DisplayName("the name may use the project id; the result names the project number")
        void byProjectId() {
            Policy u = policies.updatePolicy(Policy.of(policyName(P_BY_ID, LIST), spec(live2)), UpdateMask.absent());
            assertEquals(name, u.name());
            assertReplaced(oldSpec(), u.spec(), live2);
        }
    }

    // ---- etags ----------------------------------------------------------------------------------------------------

    /** Etag compare-and-set on update and delete. */
    @Nested
    @DisplayName("Etags guarding updates and deletes")
    class Etags {
        private final String name = policyName(P, LIST);
        private Policy original;

        @BeforeEach
        void original() {
            original = set(P, LIST, spec(allow("a")));
        }

        @Test
        @DisplayName("an update with the current etag lands; the old etag is then stale and ABORTED")
        void updateCompareAndSet() {
            Policy second = policies.updatePolicy(Policy.of(name, spec(allow("b"))).withEtag(original.etag()),
                    UpdateMask.absent());
            assertNotEquals(original.etag(), second.etag());
            PolicyHubException e = assertCode(ErrorCode.ABORTED, () -> policies.updatePolicy(
                    Policy.of(name, spec(allow("c"))).withEtag(original.etag()), UpdateMask.absent()));
            assertEquals(PolicyHubException.ETAG_MISMATCH_MESSAGE, e.getMessage());
            assertEquals(second, policies.getPolicy(name));
            Policy third = policies.updatePolicy(Policy.of(name, spec(allow("c"))).withEtag(second.etag()),
                    UpdateMask.absent());
            assertEquals(List.of(allow("c")), third.spec().orElseThrow().rules());
        }

        @Test
        @DisplayName("an update with an empty etag is unconditional")
        void updateUnconditional() {
            policies.updatePolicy(Policy.of(name, spec(allow("b"))), UpdateMask.absent());
            Policy u = policies.updatePolicy(Policy.of(name, spec(allow("c"))), UpdateMask.absent());
            assertEquals(List.of(allow("c")), u.spec().orElseThrow().rules());
        }

        @Test
        @DisplayName("a spec etag in the update body is not compared")
        void specEtagIgnored() {
            PolicySpec claimed = new PolicySpec("stale-spec-etag", Optional.empty(), List.of(allow("b")), false,
                    false);
            Policy u = policies.updatePolicy(new Policy(name, Optional.of(claimed), Optional.empty(),
                    original.etag()), UpdateMask.absent());
            assertNotEquals("stale-spec-etag", u.spec().orElseThrow().etag());
            assertEtagShape(u.spec().orElseThrow().etag());
        }

        @Test
        @DisplayName("a delete with a stale etag is ABORTED and the policy stays; with the current one it goes")
        void deleteCompareAndSet() {
            Policy second = policies.updatePolicy(Policy.of(name, spec(allow("b"))), UpdateMask.absent());
            assertCode(ErrorCode.ABORTED, () -> policies.deletePolicy(name, original.etag()));
            assertEquals(second, policies.getPolicy(name));
            policies.deletePolicy(name, second.etag());
            assertCode(ErrorCode.NOT_FOUND, () -> policies.getPolicy(name));
        }

        @Test
        @DisplayName("a delete with an empty etag is unconditional")
        void deleteUnconditional() {
            policies.updatePolicy(Policy.of(name, spec(allow("b"))), UpdateMask.absent());
            policies.deletePolicy(name, "");
            assertCode(ErrorCode.NOT_FOUND, () -> policies.getPolicy(name));
        }

        @Test
        @DisplayName("every successful write gives a new policy etag")
        void etagsChange() {
            Set<String> seen = new HashSet<>();
            seen.add(original.etag());
            for (int i = 0; i < 5; i++) {
                Policy u = policies.updatePolicy(Policy.of(name, spec(allow("a"))), UpdateMask.absent());
                assertTrue(seen.add(u.etag()), "etag " + u.etag() + " was already used");
            }
        }
    }

    // ---- delete and effective -------------------------------------------------------------------------------------

    /** Deleting policies; missing things answer NOT_FOUND. */
    @Nested
    @DisplayName("Deleting a policy and asking for missing things")
    class DeleteAndMissing {

        @Test
        @DisplayName("after a delete, get and a second delete are NOT_FOUND and the list no longer has it")
        void deleteThenGet() {
            Policy p = set(P, LIST, spec(allow("a")));
            set(P, BOOL, spec(PolicyRule.enforce(true)));
            policies.deletePolicy(p.name(), p.etag());
            assertCode(ErrorCode.NOT_FOUND, () -> policies.getPolicy(p.name()));
            assertCode(ErrorCode.NOT_FOUND, () -> policies.deletePolicy(p.name(), ""));
            assertEquals(List.of(policyName(P, BOOL)),
                    policies.listPolicies(P, PageRequest.first()).items().stream().map(Policy::name).toList());
            Policy again = set(P, LIST, spec(allow("b")));
            assertEquals(again, policies.getPolicy(p.name()));
        }

        @Test
        @DisplayName("deleting by project id removes the policy named by number")
        void deleteByProjectId() {
            set(P, LIST, spec(allow("a")));
            policies.deletePolicy(policyName(P_BY_ID, LIST), "");
            assertCode(ErrorCode.NOT_FOUND, () -> policies.getPolicy(policyName(P, LIST)));
        }

        @Test
        @DisplayName("getEffectivePolicy on a missing resource or constraint is NOT_FOUND")
        void effectiveMissing() {
            assertCode(ErrorCode.NOT_FOUND, () -> policies.getEffectivePolicy(policyName("projects/999", LIST)));
            assertCode(ErrorCode.NOT_FOUND, () -> policies.getEffectivePolicy(policyName("projects/nope-nope",
                    LIST)));
            assertCode(ErrorCode.NOT_FOUND, () -> policies.getEffectivePolicy(policyName("folders/999", LIST)));
            assertCode(ErrorCode.NOT_FOUND, () -> policies.getEffectivePolicy(policyName("organizations/9", LIST)));
            assertCode(ErrorCode.NOT_FOUND, () -> policies.getEffectivePolicy(policyName(P, "testing.nothing")));
            assertCode(ErrorCode.NOT_FOUND, () -> policies.getEffectivePolicy(policyName(P, "custom.nothing")));
            assertEquals(policyName(P, LIST), policies.getEffectivePolicy(policyName(P_BY_ID, LIST)).name());
        }

        @Test
        @DisplayName("deleting on a missing resource or constraint is NOT_FOUND")
        void deleteMissing() {
            assertCode(ErrorCode.NOT_FOUND, () -> policies.deletePolicy(policyName("projects/999", LIST), ""));
            assertCode(ErrorCode.NOT_FOUND, () -> policies.deletePolicy(policyName(P, "testing.nothing"), ""));
            assertCode(ErrorCode.NOT_FOUND, () -> policies.deletePolicy(policyName(P, LIST), ""));
        }
    }

    // ---- list constraints -----------------------------------------------------------------------------------------

    /** The constraints usable at a resource. */
    @Nested
    @DisplayName("Listing constraints")
    class ListConstraints {
        private List<String> expectedIds;

        @BeforeEach
        void customConstraints() {
            policies.createCustomConstraint(ORG, custom(ORG, "custom.zeta"));
            policies.createCustomConstraint(ORG, custom(ORG, "custom.alpha"));
            org(2);
            policies.createCustomConstraint("organizations/2", custom("organizations/2", "custom.other"));
            List<String> ids = new ArrayList<>();
            ConstraintCatalog.builtIn().all().forEach(c -> ids.add(c.id()));
            ids.addAll(List.of(KitConstraints.LIST_ALLOW, KitConstraints.LIST_DENY, KitConstraints.LIST_UNDER,
                    "custom.alpha", "custom.zeta"));
            Collections.sort(ids);
            expectedIds = List.copyOf(ids);
        }

        private List<String> ids(List<Constraint> constraints) {
            return constraints.stream().map(Constraint::id).toList();
        }

        @Test
        @DisplayName("built-ins, testing.* and the org's custom constraints are listed together, sorted by id")
        void allSorted() {
            for (String resource : List.of(P, P_BY_ID, F, ORG)) {
                Page<Constraint> page = policies.listConstraints(resource, PageRequest.first());
                assertEquals(expectedIds, ids(page.items()), resource);
                assertFalse(page.hasNextPage());
            }
            assertTrue(expectedIds.contains("gcp.resourceLocations"));
            assertTrue(expectedIds.contains("essentialcontacts.managed.allowedContactDomains"));
        }

        @Test
        @DisplayName("custom constraints are listed as boolean, ALLOW by default, supporting dry run")
        void customShape() {
            Constraint alpha = policies.listConstraints(P, PageRequest.first()).items().stream()
                    .filter(c -> c.id().equals("custom.alpha")).findFirst().orElseThrow();
            assertFalse(alpha.isList());
            assertEquals(ConstraintDefault.ALLOW, alpha.constraintDefault());
            assertTrue(alpha.supportsDryRun());
            Constraint deny = policies.listConstraints(P, PageRequest.first()).items().stream()
                    .filter(c -> c.id().equals(KitConstraints.LIST_DENY)).findFirst().orElseThrow();
            assertTrue(deny.isList());
            assertEquals(ConstraintDefault.DENY, deny.constraintDefault());
        }

        @Test
        @DisplayName("another organization sees its own custom constraints only")
        void otherOrg() {
            project(201, "organizations/2");
            List<String> ids = ids(policies.listConstraints("projects/201", PageRequest.first()).items());
            assertTrue(ids.contains("custom.other"));
            assertFalse(ids.contains("custom.alpha"));
            assertFalse(ids.contains("custom.zeta"));
            assertEquals(expectedIds.size() - 1, ids.size());
        }

        @Test
        @DisplayName("paging through constraints gives the same list, full pages, and rejects foreign tokens")
        void paging() {
            assertEquals(expectedIds, ids(all(r -> policies.listConstraints(P, r), 7)));
            assertEquals(expectedIds, ids(all(r -> policies.listConstraints(P, r), 1)));
            Page<Constraint> first = policies.listConstraints(P, PageRequest.ofSize(7));
            assertEquals(first, policies.listConstraints(P, PageRequest.ofSize(7)), "tokens are stable");
            assertInvalid("page_token", () -> policies.listConstraints(P2, new PageRequest(7,
                    first.nextPageToken())));
            assertInvalid("page_size", () -> policies.listConstraints(P, PageRequest.ofSize(-5)));
            assertEquals(expectedIds, ids(policies.listConstraints(P, PageRequest.ofSize(5000)).items()));
        }

        @Test
        @DisplayName("listing constraints of a missing resource is NOT_FOUND")
        void missing() {
            assertCode(ErrorCode.NOT_FOUND, () -> policies.listConstraints("projects/999", PageRequest.first()));
        }
    }

    // ---- custom constraints ---------------------------------------------------------------------------------------

    /** Custom constraint create, get, list, update and delete. */
    @Nested
    @DisplayName("Custom constraints")
    class CustomConstraints {
        private final CustomConstraint input = custom(ORG, "custom.disableAutoUpgrade");

        @Test
        @DisplayName("create stamps an update time and get returns the same constraint")
        void createGet() {
            CustomConstraint created = policies.createCustomConstraint(ORG, input);
            Instant t = created.updateTime().orElseThrow();
            assertFalse(t.isBefore(CLOCK_START));
            assertEquals(input.stamped(t), created);
            assertEquals(created, policies.getCustomConstraint(input.name()));
        }

        @Test
        @DisplayName("creating an existing custom constraint is ALREADY_EXISTS and changes nothing")
        void duplicate() {
            CustomConstraint created = policies.createCustomConstraint(ORG, input);
            CustomConstraint other = new CustomConstraint(input.name(), input.resourceTypes(), List.of(
                    MethodType.DELETE), "true", ActionType.ALLOW, "x", "y", Optional.empty());
            PolicyHubException e = assertCode(ErrorCode.ALREADY_EXISTS,
                    () -> policies.createCustomConstraint(ORG, other));
            assertEquals(PolicyHubException.ALREADY_EXISTS_MESSAGE, e.getMessage());
            assertEquals(created, policies.getCustomConstraint(input.name()));
        }

        @Test
        @DisplayName("get, update and delete of a missing custom constraint, and create in a missing org, are NOT_FOUND")
        void missing() {
            assertCode(ErrorCode.NOT_FOUND, () -> policies.getCustomConstraint(input.name()));
            assertCode(ErrorCode.NOT_FOUND, () -> policies.updateCustomConstraint(input));
            assertCode(ErrorCode.NOT_FOUND, () -> policies.deleteCustomConstraint(input.name()));
            assertCode(ErrorCode.NOT_FOUND, () -> policies.createCustomConstraint("organizations/77",
                    custom("organizations/77", "custom.x")));
            assertCode(ErrorCode.NOT_FOUND, () -> policies.listCustomConstraints("organizations/77",
                    PageRequest.first()));
            assertCode(ErrorCode.NOT_FOUND, () -> policies.getCustomConstraint(input.name()));
        }

        @Test
        @DisplayName("update overwrites everything but the name and stamps a later update time")
        void update() {
            CustomConstraint created = policies.createCustomConstraint(ORG, input);
            CustomConstraint changed = new CustomConstraint(input.name(), input.resourceTypes(),
                    List.of(MethodType.CREATE), "resource.initialNodeCount > 3", ActionType.ALLOW, "New name", "",
                    Optional.empty());
            CustomConstraint updated = policies.updateCustomConstraint(changed);
            Instant t = updated.updateTime().orElseThrow();
            assertTrue(t.isAfter(created.updateTime().orElseThrow()));
            assertEquals(changed.stamped(t), updated);
            assertEquals(updated, policies.getCustomConstraint(input.name()));
        }

        @Test
        @DisplayName("resource types are immutable: changing them is INVALID_ARGUMENT and changes nothing")
        void resourceTypesImmutable() {
            CustomConstraint created = policies.createCustomConstraint(ORG, input);
            CustomConstraint changed = new CustomConstraint(input.name(), List.of("compute.googleapis.com/Instance"),
                    input.methodTypes(), input.condition(), input.actionType(), input.displayName(),
                    input.description(), Optional.empty());
            assertInvalid("custom_constraint.resource_types", () -> policies.updateCustomConstraint(changed));
            assertEquals(created, policies.getCustomConstraint(input.name()));
        }

        @Test
        @DisplayName("the list is sorted by id, pages, and is empty for an org without custom constraints")
        void list() {
            for (String id : List.of("custom.b", "custom.c", "custom.a", "custom.B1")) {
                policies.createCustomConstraint(ORG, custom(ORG, id));
            }
            List<String> expected = List.of("custom.B1", "custom.a", "custom.b", "custom.c");
            assertEquals(expected, policies.listCustomConstraints(ORG, PageRequest.first()).items().stream()
                    .map(CustomConstraint::id).toList());
            Page<CustomConstraint> first = policies.listCustomConstraints(ORG, PageRequest.ofSize(3));
            assertEquals(expected.subList(0, 3), first.items().stream().map(CustomConstraint::id).toList());
            Page<CustomConstraint> second = policies.listCustomConstraints(ORG, PageRequest.ofSize(3).next(first));
            assertEquals(expected.subList(3, 4), second.items().stream().map(CustomConstraint::id).toList());
            assertFalse(second.hasNextPage());
            for (CustomConstraint c : first.items()) {
                assertEquals(c, policies.getCustomConstraint(c.name()));
            }
            org(2);
            Page<CustomConstraint> empty = policies.listCustomConstraints("organizations/2", PageRequest.first());
            assertEquals(List.of(), empty.items());
            assertFalse(empty.hasNextPage());
            assertInvalid("page_token", () -> policies.listCustomConstraints("organizations/2",
                    new PageRequest(3, first.nextPageToken())));
            assertInvalid("page_size", () -> policies.listCustomConstraints(ORG, PageRequest.ofSize(-1)));
        }

        @Test
        @DisplayName("delete removes it from get and list")
        void delete() {
            policies.createCustomConstraint(ORG, input);
            policies.createCustomConstraint(ORG, custom(ORG, "custom.keep"));
            policies.deleteCustomConstraint(input.name());
            assertCode(ErrorCode.NOT_FOUND, () -> policies.getCustomConstraint(input.name()));
            assertCode(ErrorCode.NOT_FOUND, () -> policies.deleteCustomConstraint(input.name()));
            assertEquals(List.of("custom.keep"), policies.listCustomConstraints(ORG, PageRequest.first()).items()
                    .stream().map(CustomConstraint::id).toList());
        }

        @Test
        @DisplayName("a policy on a custom constraint is a boolean policy with an effective result")
        void policyOnCustom() {
            policies.createCustomConstraint(ORG, input);
            Policy p = set(P, input.id(), spec(PolicyRule.enforce(true)));
            assertEquals(policyName(P, "custom.disableAutoUpgrade"), p.name());
            assertEnforced(P, input.id());
            assertNotEnforced(P2, input.id());
        }

        @Test
        @DisplayName("policies on a deleted custom constraint stay listed but get and getEffectivePolicy are "
                + "NOT_FOUND until it is recreated")
        void deletedConstraintPolicies() {
            policies.createCustomConstraint(ORG, input);
            Policy p = set(P, input.id(), spec(PolicyRule.enforce(true)));
            policies.deleteCustomConstraint(input.name());
            assertEquals(List.of(p), policies.listPolicies(P, PageRequest.first()).items());
            assertCode(ErrorCode.NOT_FOUND, () -> policies.getPolicy(p.name()));
            assertCode(ErrorCode.NOT_FOUND, () -> policies.getEffectivePolicy(p.name()));
            policies.createCustomConstraint(ORG, input);
            assertEquals(p, policies.getPolicy(p.name()));
            assertEquals(new PolicyRule.Enforce(true), effectiveRule(P, input.id()).kind());
        }
    }

    // ---- update times ---------------------------------------------------------------------------------------------

    /** Update times from the fixed clock. */
    @Nested
    @DisplayName("Update times with a fixed clock")
    class UpdateTimes {

        @Test
        @DisplayName("each write is stamped one microsecond after the previous one")
        void strictlyIncreasing() {
            List<Instant> times = new ArrayList<>();
            Policy a = set(P, LIST, spec(allow("a")));
            times.add(time(a.spec()));
            Policy a2 = policies.updatePolicy(Policy.of(a.name(), spec(allow("b"))), UpdateMask.absent());
            times.add(time(a2.spec()));
            times.add(policies.createCustomConstraint(ORG, custom(ORG, "custom.t")).updateTime().orElseThrow());
            times.add(time(set(F, BOOL, spec(PolicyRule.enforce(true))).spec()));
            times.add(policies.updateCustomConstraint(custom(ORG, "custom.t")).updateTime().orElseThrow());
            times.add(time(policies.updatePolicy(Policy.of(a.name(), spec(allow("c"))), UpdateMask.absent())
                    .spec()));
            assertFalse(times.get(0).isBefore(CLOCK_START));
            for (int i = 1; i < times.size(); i++) {
                assertEquals(times.get(i - 1).plusNanos(1000), times.get(i), "write " + i + " of " + times);
            }
        }

        @Test
        @DisplayName("an untouched spec keeps its update time while the other one advances")
        void untouchedKeepsTime() {
            Policy a = set(P, LIST, spec(allow("a")), spec(deny("b")));
            Policy u = policies.updatePolicy(Policy.of(a.name(), spec(allow("c"))), UpdateMask.of("spec"));
            assertEquals(time(a.dryRunSpec()), time(u.dryRunSpec()));
            assertTrue(time(u.spec()).isAfter(time(a.spec())));
        }
    }

    // ---- concurrency ----------------------------------------------------------------------------------------------

    /** Concurrent writers of one policy. */
    @Nested
    @DisplayName("Concurrent writers")
    class Concurrency {
        private static final int THREADS = 8;
        private static final int ROUNDS = 60;

        /** One landed write: the etag it was based on, the etag it produced, its value and time. */
        private record Landed(String base, String result, String value, Instant time) {}

        @Test
        @Timeout(value = 60, unit = TimeUnit.SECONDS)
        @DisplayName("8 threads racing read-etag-then-update: each write lands or is ABORTED, none is lost, and the "
                + "stored etag is the last landed one")
        void racingCompareAndSet() throws Exception {
            String name = policyName(P, LIST);
            Policy initial = set(P, LIST, spec(allow("initial")));
            Map<String, Landed> byBase = new ConcurrentHashMap<>();
            List<Landed> landed = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger aborted = new AtomicInteger();
            ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
            Concurrently.run(THREADS, thread -> {
                for (int r = 0; r < ROUNDS; r++) {
                    String value = "t" + thread + "-r" + r;
                    try {
                        Policy current = policies.getPolicy(name);
                        Policy written = policies.updatePolicy(
                                Policy.of(name, spec(allow(value))).withEtag(current.etag()),
                                UpdateMask.absent());
                        Landed l = new Landed(current.etag(), written.etag(), value, time(written.spec()));
                        Landed previous = byBase.putIfAbsent(l.base(), l);
                        if (previous != null) {
                            unexpected.add(new AssertionError("two writes landed on etag " + l.base()
                                    + ": " + previous.value() + " and " + value));
                        }
                        landed.add(l);
                    } catch (PolicyHubException e) {
                        if (e.code() == ErrorCode.ABORTED) {
                            aborted.incrementAndGet();
                        } else {
                            unexpected.add(e);
                        }
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                    }
                }
                return null;
            });

            assertEquals(List.of(), List.copyOf(unexpected), "every failure is ABORTED");
            assertEquals(THREADS * ROUNDS, landed.size() + aborted.get(), "every write lands or is ABORTED");
            assertFalse(landed.isEmpty(), "some writes land");
            Set<String> revisions = new HashSet<>();
            Set<Instant> times = new HashSet<>();
            for (Landed l : landed) {
                revisions.add(l.result());
                times.add(l.time());
            }
            assertEquals(landed.size(), revisions.size(), "each landed write is a distinct revision");
            assertEquals(landed.size(), times.size(), "each landed write has its own update time");

            String etag = initial.etag();
            Landed last = null;
            int chain = 0;
            while (byBase.containsKey(etag) && chain <= landed.size()) {
                Landed next = byBase.get(etag);
                if (last != null) {
                    assertTrue(next.time().isAfter(last.time()), "update times increase along the chain");
                }
                last = next;
                etag = next.result();
                chain++;
            }
            assertEquals(landed.size(), chain, "every landed write builds on the previous one: none is lost");
            Policy stored = policies.getPolicy(name);
            assertEquals(last.result(), stored.etag(), "the stored etag is the last landed write's");
            assertEquals(List.of(allow(last.value())), stored.spec().orElseThrow().rules());
        }

        @Test
        @Timeout(value = 60, unit = TimeUnit.SECONDS)
        @DisplayName("8 threads racing to create one policy: exactly one lands, the others are ALREADY_EXISTS")
        void racingCreates() throws Exception {
            String name = policyName(P, LIST);
            AtomicInteger created = new AtomicInteger();
            AtomicInteger exists = new AtomicInteger();
            ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
            Map<String, Policy> winners = new ConcurrentHashMap<>();
            Concurrently.run(THREADS, thread -> {
                String value = "t" + thread;
                try {
                    winners.put(value, policies.createPolicy(P, Policy.of(name, spec(allow(value)))));
                    created.incrementAndGet();
                } catch (PolicyHubException e) {
                    if (e.code() == ErrorCode.ALREADY_EXISTS) {
                        exists.incrementAndGet();
                    } else {
                        unexpected.add(e);
                    }
                } catch (RuntimeException e) {
                    unexpected.add(e);
                }
                return null;
            });
            assertEquals(List.of(), List.copyOf(unexpected));
            assertEquals(1, created.get());
            assertEquals(THREADS - 1, exists.get());
            assertEquals(winners.values().iterator().next(), policies.getPolicy(name));
        }
    }
}
