package dev.policyhub.core.policygroups;

import java.util.List;
import java.util.Objects;

/**
 * One version of a pack in an organization's registry: its number (1, 2, … per pack name), tag, display name,
 * runtime, policies, whether it is complete (uploaded and completed), and the token its upload must carry.
 */
public record PolicyPackVersion(String org, String name, int version, String versionTag, String displayName,
                                String runtime, List<PackPolicy> policies, boolean complete, String uploadToken,
                                boolean uploaded) {
    public PolicyPackVersion {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(versionTag, "versionTag");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(runtime, "runtime");
        policies = List.copyOf(policies);
        Objects.requireNonNull(uploadToken, "uploadToken");
    }

    /** The same version, uploaded. */
    public PolicyPackVersion withUpload() {
        return new PolicyPackVersion(org, name, version, versionTag, displayName, runtime, policies, complete,
                uploadToken, true);
    }

    /** The same version, completed. */
    public PolicyPackVersion completed() {
        return new PolicyPackVersion(org, name, version, versionTag, displayName, runtime, policies, true,
                uploadToken, uploaded);
    }
}
