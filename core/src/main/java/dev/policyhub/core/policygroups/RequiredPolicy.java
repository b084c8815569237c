package dev.policyhub.core.policygroups;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pack a stack or account must run: the pack version chosen across its groups, with that group entry's config and
 * environments. The archive of {@code org/name/version} is where the pack is downloaded from.
 */
public record RequiredPolicy(String org, String name, int version, String versionTag, String displayName,
                             Map<String, Map<String, Object>> config, List<String> environments) {
    public RequiredPolicy {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(versionTag, "versionTag");
        Objects.requireNonNull(displayName, "displayName");
        config = AppliedPolicyPack.copy(config);
        environments = List.copyOf(environments);
    }
}
