package dev.policyhub.core.policygroups;

import dev.policyhub.core.internal.JsonValues;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One policy of a published pack version. Strings are {@code ""} when not published; {@code configSchema} and
 * {@code framework} are JSON objects as plain Java maps (empty when not published).
 */
public record PackPolicy(String name, String displayName, String description, EnforcementLevel enforcementLevel,
                         String message, Map<String, Object> configSchema, String severity,
                         Map<String, Object> framework, List<String> tags, String remediationSteps, String url) {
    public PackPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(enforcementLevel, "enforcementLevel");
        Objects.requireNonNull(message, "message");
        configSchema = JsonValues.object(configSchema);
        Objects.requireNonNull(severity, "severity");
        framework = JsonValues.object(framework);
        tags = List.copyOf(tags);
        Objects.requireNonNull(remediationSteps, "remediationSteps");
        Objects.requireNonNull(url, "url");
    }

    /** A policy with only a name and a level. */
    public static PackPolicy of(String name, EnforcementLevel level) {
        return new PackPolicy(name, "", "", level, "", Map.of(), "", Map.of(), List.of(), "", "");
    }
}
