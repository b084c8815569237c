package dev.policyhub.core.policygroups;

import java.util.Objects;

/** A complete pack version as GetPolicyPack answers it, and whether any group of the organization applies it. */
public record PolicyPackDetails(PolicyPackVersion version, boolean applied) {
    public PolicyPackDetails {
        Objects.requireNonNull(version, "version");
    }
}
