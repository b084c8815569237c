package dev.policyhub.core.policygroups;

import java.util.List;
import java.util.Objects;

/**
 * What a pack name has ever used in an organization, kept even when versions are deleted: the last version number,
 * every version tag, and the runtime of the last publish.
 */
public record PolicyPackLedger(String org, String name, int lastVersion, List<String> usedTags, String runtime) {
    public PolicyPackLedger {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(name, "name");
        usedTags = List.copyOf(usedTags);
        Objects.requireNonNull(runtime, "runtime");
    }
}
