package dev.policyhub.core.policygroups;

import dev.policyhub.core.internal.JsonValues;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pack applied by a group: the resolved version and tag, the registry's display name, per-policy config (policy
 * name or {@code all} → object, {@code enforcementLevel} inside), ESC environments, and the store time in
 * microseconds of the write that last changed this entry (not on the wire; it breaks ties in resolution).
 */
public record AppliedPolicyPack(String name, String displayName, int version, String versionTag,
                                Map<String, Map<String, Object>> config, List<String> environments,
                                long modifiedMicros) {
    public AppliedPolicyPack {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(versionTag, "versionTag");
        config = copy(config);
        environments = List.copyOf(environments);
    }

    /** A deep copy ordered by policy name ({@code all} among them). */
    static Map<String, Map<String, Object>> copy(Map<String, Map<String, Object>> config) {
        Map<String, Map<String, Object>> out = new java.util.TreeMap<>();
        config.forEach((k, v) -> out.put(k, JsonValues.object(v)));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** True when version, config and environments are the same (the stamp and display name aside). */
    public boolean sameContent(AppliedPolicyPack other) {
        return name.equals(other.name) && version == other.version && versionTag.equals(other.versionTag)
                && config.equals(other.config) && environments.equals(other.environments);
    }

    /** The effective level of a policy: its own config, else {@code all}'s, else the level it was published with. */
    public EnforcementLevel effectiveLevel(PackPolicy policy) {
        return level(config.get(policy.name()))
                .or(() -> level(config.get("all")))
                .orElse(policy.enforcementLevel());
    }

    private static java.util.Optional<EnforcementLevel> level(Map<String, Object> entry) {
        if (entry == null || !(entry.get("enforcementLevel") instanceof String s)) {
            return java.util.Optional.empty();
        }
        return EnforcementLevel.parse(s);
    }
}
