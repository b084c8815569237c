package dev.policyhub.http.orgpolicy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.core.Page;
import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.hierarchy.HierarchyService;
import dev.policyhub.core.orgpolicy.Constraint;
import dev.policyhub.core.orgpolicy.CustomConstraint;
import dev.policyhub.core.orgpolicy.OrgPolicyService;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.eval.Decision;
import dev.policyhub.http.wire.GoogleCall;
import dev.policyhub.http.wire.GoogleRouter;
import dev.policyhub.http.wire.Json;
import java.util.Set;

/**
 * The Organization Policy v2 bindings: policies and constraints on projects, folders and organizations, custom
 * constraints on organizations, and PolicyHub's own {@code :decide} method. Each handler reads the request, calls
 * {@link OrgPolicyService} and prints the result.
 */
public final class OrgPolicyRoutes {
    private static final Set<String> PAGING = Set.of("pageSize", "pageToken");

    private final OrgPolicyService orgPolicies;
    private final HierarchyService hierarchy;

    /** Routes for the given hub. */
    public OrgPolicyRoutes(PolicyHub hub) {
        this.orgPolicies = hub.orgPolicies();
        this.hierarchy = hub.hierarchy();
    }

    /** Adds the bindings. */
    public void register(GoogleRouter router) {
        router.add("GET", PolicyPaths.CONSTRAINTS, PAGING, GoogleRouter.Names.PATH, this::listConstraints);
        router.add("GET", PolicyPaths.POLICIES, PAGING, GoogleRouter.Names.PATH, this::listPolicies);
        router.add("GET", PolicyPaths.POLICY, Set.of(), GoogleRouter.Names.PATH, this::getPolicy);
        router.add("GET", PolicyPaths.EFFECTIVE_POLICY, Set.of(), GoogleRouter.Names.PATH, this::getEffectivePolicy);
        router.add("POST", PolicyPaths.POLICIES, Set.of(), GoogleRouter.Names.PATH, this::createPolicy);
        router.add("PATCH", PolicyPaths.POLICY, Set.of("updateMask"), GoogleRouter.Names.PATH, this::updatePolicy);
        router.add("DELETE", PolicyPaths.POLICY, Set.of("etag"), GoogleRouter.Names.PATH, this::deletePolicy);
        router.add("GET", PolicyPaths.DECISION, Set.of("value", "dryRun"), GoogleRouter.Names.PATH, this::decide);
        router.add("POST", PolicyPaths.CUSTOM_CONSTRAINTS, Set.of(), GoogleRouter.Names.PATH, this::createCustomConstraint);
        router.add("PATCH", PolicyPaths.CUSTOM_CONSTRAINT, Set.of(), GoogleRouter.Names.PATH, this::updateCustomConstraint);
        router.add("GET", PolicyPaths.CUSTOM_CONSTRAINT, Set.of(), GoogleRouter.Names.PATH, this::getCustomConstraint);
        router.add("GET", PolicyPaths.CUSTOM_CONSTRAINTS, PAGING, GoogleRouter.Names.PATH, this::listCustomConstraints);
        router.add("DELETE", PolicyPaths.CUSTOM_CONSTRAINT, Set.of(), GoogleRouter.Names.PATH, this::deleteCustomConstraint);
    }

    private JsonNode listConstraints(GoogleCall call) {
        Page<Constraint> page = orgPolicies.listConstraints(call.path(1), call.query().page());
        // constraint names carry the resource as responses name it: a project by number
        String parent = hierarchy.canonicalName(call.path(1));
        return OrgPolicyWire.page(page, "constraints", c -> OrgPolicyWire.writeConstraint(c, parent, call.format()));
    }

    private JsonNode listPolicies(GoogleCall call) {
        Page<Policy> page = orgPolicies.listPolicies(call.path(1), call.query().page());
        return OrgPolicyWire.page(page, "policies", OrgPolicyWire::writePolicy);
    }

    private JsonNode getPolicy(GoogleCall call) {
        return OrgPolicyWire.writePolicy(orgPolicies.getPolicy(call.path(1)));
    }

    private JsonNode getEffectivePolicy(GoogleCall call) {
        return OrgPolicyWire.writePolicy(orgPolicies.getEffectivePolicy(call.path(1)));
    }

    private JsonNode createPolicy(GoogleCall call) {
        // the URL's name is checked before the body is read: a malformed name is reported before a malformed body
        orgPolicies.checkPolicyParent(call.path(1));
        Policy policy = OrgPolicyWire.readPolicy(call.body(), "policy");
        return OrgPolicyWire.writePolicy(orgPolicies.createPolicy(call.path(1), policy));
    }

    private JsonNode updatePolicy(GoogleCall call) {
        orgPolicies.checkPolicyName(call.path(1));
        Policy body = OrgPolicyWire.readPolicy(call.body(), "policy");
        // the URL's policy.name beats the body's, as gRPC transcoding does
        Policy policy = new Policy(call.path(1), body.spec(), body.dryRunSpec(), body.etag());
        return OrgPolicyWire.writePolicy(orgPolicies.updatePolicy(policy, call.query().updateMask()));
    }

    private JsonNode deletePolicy(GoogleCall call) {
        orgPolicies.deletePolicy(call.path(1), call.query().get("etag"));
        return Json.object();
    }

    private JsonNode decide(GoogleCall call) {
        String resource = call.path(1);
        String constraint = call.path(2);
        String value = call.query().get("value");
        boolean dryRun = call.query().bool("dryRun", "dry_run");
        Decision decision;
        if (dryRun) {
            decision = orgPolicies.decideDryRun(resource, constraint, value);
        } else if (value.isEmpty()) {
            decision = orgPolicies.decide(resource, constraint);
        } else {
            decision = orgPolicies.decide(resource, constraint, value);
        }
        return OrgPolicyWire.writeDecision(decision, dryRun);
    }

    private JsonNode createCustomConstraint(GoogleCall call) {
        orgPolicies.checkCustomConstraintParent(call.path(1));
        CustomConstraint constraint = OrgPolicyWire.readCustomConstraint(call.body(), "custom_constraint");
        return OrgPolicyWire.writeCustomConstraint(orgPolicies.createCustomConstraint(call.path(1), constraint),
                call.format());
    }

    private JsonNode updateCustomConstraint(GoogleCall call) {
        orgPolicies.checkCustomConstraintName(call.path(1));
        CustomConstraint body = OrgPolicyWire.readCustomConstraint(call.body(), "custom_constraint");
        CustomConstraint constraint = body.withName(call.path(1));
        return OrgPolicyWire.writeCustomConstraint(orgPolicies.updateCustomConstraint(constraint), call.format());
    }

    private JsonNode getCustomConstraint(GoogleCall call) {
        return OrgPolicyWire.writeCustomConstraint(orgPolicies.getCustomConstraint(call.path(1)), call.format());
    }

    private JsonNode listCustomConstraints(GoogleCall call) {
        Page<CustomConstraint> page = orgPolicies.listCustomConstraints(call.path(1), call.query().page());
        return OrgPolicyWire.page(page, "customConstraints", c -> OrgPolicyWire.writeCustomConstraint(c,
                call.format()));
    }

    private JsonNode deleteCustomConstraint(GoogleCall call) {
        orgPolicies.deleteCustomConstraint(call.path(1));
        return Json.object();
    }
}
