package dev.policyhub.core.spi;

/** The stores visible inside one unit of work. */
public interface StoreSession {

    /** Organizations, folders and projects. */
    NodeStore nodes();

    /** Tag keys, values and bindings. */
    TagStore tags();

    /** Organization policies. */
    PolicyStore policies();

    /** Custom constraints. */
    CustomConstraintStore customConstraints();

    /** The id sequence and the update-time stamp. */
    SequenceStore sequences();

    /** Pulumi organizations. */
    PulumiOrgStore pulumiOrgs();

    /** Pulumi stacks. */
    StackStore stacks();

    /** Insights accounts. */
    AccountStore accounts();

    /** The policy-pack registry. */
    PolicyPackStore policyPacks();

    /** Policy groups. */
    PolicyGroupStore policyGroups();

    /**
     * What the organization's policy groups cover, for the policy-group metadata. The default reads every stack,
     * account and group; a store with a membership index should answer from it without reading them all.
     */
    default GroupCoverage groupCoverage(String org) {
        return CoverageByListing.of(this, org);
    }
}
