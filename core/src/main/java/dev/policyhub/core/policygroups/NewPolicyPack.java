package dev.policyhub.core.policygroups;

import java.util.List;
import java.util.Objects;

/**
 * A publish request (CreatePolicyPack): the pack name, display name, version tag ({@code ""} = the version number),
 * runtime ({@code ""} = unknown) and the policies. Each policy's level is given as spelled, to be validated.
 */
public record NewPolicyPack(String name, String displayName, String versionTag, String runtime,
                            List<PolicyDraft> policies) {
    public NewPolicyPack {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(versionTag, "versionTag");
        Objects.requireNonNull(runtime, "runtime");
        policies = List.copyOf(policies);
    }

    /** A policy as published: its content and its enforcement level as spelled ({@code mandatory}, …). */
    public record PolicyDraft(PackPolicy content, String enforcementLevel) {
        public PolicyDraft {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(enforcementLevel, "enforcementLevel");
        }

        /** A policy with only a name and a level. */
        public static PolicyDraft of(String name, String level) {
            return new PolicyDraft(PackPolicy.of(name, EnforcementLevel.ADVISORY), level);
        }
    }
}
