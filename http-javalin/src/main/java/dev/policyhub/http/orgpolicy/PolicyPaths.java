package dev.policyhub.http.orgpolicy;

/**
 * The URL patterns of the v2 bindings, over the path decoded once. Group 1 is always the resource name the RPC takes
 * ({@code parent} or {@code name}). A constraint segment holds dots but no slash or colon, so a name whose constraint
 * carries a {@code constraints/} prefix, or a custom verb the API does not have, matches nothing.
 */
final class PolicyPaths {
    private static final String PARENT = "(?:projects|folders|organizations)/[^/]+";
    private static final String ORGANIZATION = "organizations/[^/]+";
    private static final String ID = "[^/:]+";

    /** {@code /v2/{parent}/constraints}. */
    static final String CONSTRAINTS = "/v2/(" + PARENT + ")/constraints";
    /** {@code /v2/{parent}/policies}. */
    static final String POLICIES = "/v2/(" + PARENT + ")/policies";
    /** {@code /v2/{name={parent}/policies/*}}. */
    static final String POLICY = "/v2/(" + PARENT + "/policies/" + ID + ")";
    /** {@code /v2/{name}:getEffectivePolicy}. */
    static final String EFFECTIVE_POLICY = POLICY + ":getEffectivePolicy";
    /** {@code /v2/{resource}/policies/{constraint}:decide}; group 2 is the constraint. */
    static final String DECISION = "/v2/(" + PARENT + ")/policies/(" + ID + "):decide";
    /** {@code /v2/{parent=organizations/*}/customConstraints}. */
    static final String CUSTOM_CONSTRAINTS = "/v2/(" + ORGANIZATION + ")/customConstraints";
    /** {@code /v2/{name=organizations/*}/customConstraints/*}. */
    static final String CUSTOM_CONSTRAINT = "/v2/(" + ORGANIZATION + "/customConstraints/" + ID + ")";

    private PolicyPaths() {
    }
}
