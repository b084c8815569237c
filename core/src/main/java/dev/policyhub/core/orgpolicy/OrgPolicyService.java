package dev.policyhub.core.orgpolicy;

import dev.policyhub.core.Page;
import dev.policyhub.core.PageRequest;
import dev.policyhub.core.UpdateMask;
import dev.policyhub.core.orgpolicy.eval.Decision;

/**
 * Organization Policy v2 on organizations, folders and projects: policies, constraints, custom constraints, the
 * effective policy and, beyond Google, decisions with their explanation. Names may use project ids; results use
 * project numbers. A missing resource, constraint or policy is NOT_FOUND.
 */
public interface OrgPolicyService {

    /** Creates a policy on {@code parent}; the policy's name is required and must be under {@code parent}. */
    Policy createPolicy(String parent, Policy policy);

    /**
     * Checks only the syntax of a parent as {@link #createPolicy} takes it, INVALID_ARGUMENT on {@code parent} when
     * malformed; lets a caller report it first, before it reads the request body.
     */
    void checkPolicyParent(String parent);

    /**
     * Checks only the syntax of a policy name as {@link #updatePolicy} takes it, INVALID_ARGUMENT on
     * {@code policy.name} when malformed; lets a caller report it first, before it reads the request body.
     */
    void checkPolicyName(String name);

    /**
     * Checks only the syntax of a parent as {@link #createCustomConstraint} takes it, INVALID_ARGUMENT on
     * {@code parent} when malformed; lets a caller report it first, before it reads the request body.
     */
    void checkCustomConstraintParent(String parent);

    /**
     * Checks only the syntax of a custom constraint name as {@link #updateCustomConstraint} takes it,
     * INVALID_ARGUMENT on {@code custom_constraint.name} when malformed; lets a caller report it before the body.
     */
    void checkCustomConstraintName(String name);

    /** The policy {@code {parent}/policies/{constraint}}. */
    Policy getPolicy(String name);

    /** Policies attached to this resource only, ordered by constraint. */
    Page<Policy> listPolicies(String parent, PageRequest page);

    /** Updates a policy by its name; a non-empty {@code policy.etag} must match (ABORTED otherwise). */
    Policy updatePolicy(Policy policy, UpdateMask mask);

    /** Deletes a policy; a non-empty etag must match (ABORTED otherwise). */
    void deletePolicy(String name, String etag);

    /** The policy in force at a resource after merging the hierarchy, live {@code spec} and {@code dryRunSpec}. */
    Policy getEffectivePolicy(String name);

    /** Decides whether {@code value} is allowed by a list constraint at a resource, with the trace of why. */
    Decision decide(String resource, String constraint, String value);

    /** Decides whether a boolean constraint is enforced at a resource, with the trace of why. */
    Decision decide(String resource, String constraint);

    /** Decides against the dry-run specs instead of the live ones. */
    Decision decideDryRun(String resource, String constraint, String value);

    /** Constraints usable at a resource: the catalog and its organization's custom constraints, by id. */
    Page<Constraint> listConstraints(String parent, PageRequest page);

    /** Creates a custom constraint under {@code organizations/{o}}. */
    CustomConstraint createCustomConstraint(String parent, CustomConstraint constraint);

    /** The custom constraint {@code organizations/{o}/customConstraints/{id}}. */
    CustomConstraint getCustomConstraint(String name);

    /** Custom constraints of an organization, by id. */
    Page<CustomConstraint> listCustomConstraints(String parent, PageRequest page);

    /** Overwrites a custom constraint (its resource types are immutable). */
    CustomConstraint updateCustomConstraint(CustomConstraint constraint);

    /** Deletes a custom constraint; policies on it stay stored but answer NOT_FOUND until it is recreated. */
    void deleteCustomConstraint(String name);
}
