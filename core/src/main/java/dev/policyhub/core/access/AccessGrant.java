package dev.policyhub.core.access;

import java.util.Objects;
import java.util.Set;

/**
 * What one access token may reach: Pulumi organizations by name (or all of them), Google organizations by resource
 * name {@code organizations/{id}} with everything under them (or all of them), and whether the emulator's control
 * endpoints under {@code /admin/v1/} are allowed.
 */
public record AccessGrant(Set<String> pulumiOrganizations, boolean allPulumi, Set<String> googleOrganizations,
                          boolean allGoogle, boolean admin) {
    private static final AccessGrant EVERYTHING = new AccessGrant(Set.of(), true, Set.of(), true, true);

    public AccessGrant {
        pulumiOrganizations = Set.copyOf(Objects.requireNonNull(pulumiOrganizations, "pulumiOrganizations"));
        googleOrganizations = Set.copyOf(Objects.requireNonNull(googleOrganizations, "googleOrganizations"));
    }

    /** Every organization of both APIs and the control endpoints: what a server without tokens allows anyone. */
    public static AccessGrant everything() {
        return EVERYTHING;
    }

    /** True when the grant reaches the Pulumi organization {@code name}. */
    public boolean reachesPulumi(String name) {
        return allPulumi || pulumiOrganizations.contains(name);
    }

    /** True when the grant reaches the Google organization {@code organizations/{id}} and its subtree. */
    public boolean reachesGoogleOrganization(String organizationName) {
        return allGoogle || googleOrganizations.contains(organizationName);
    }
}
