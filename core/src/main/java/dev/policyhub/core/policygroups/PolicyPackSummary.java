package dev.policyhub.core.policygroups;

import java.util.List;
import java.util.Objects;

/** A pack in a registry listing: name, the newest complete version's display name, complete versions newest first. */
public record PolicyPackSummary(String name, String displayName, List<Integer> versions, List<String> versionTags) {
    public PolicyPackSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        versions = List.copyOf(versions);
        versionTags = List.copyOf(versionTags);
    }
}
