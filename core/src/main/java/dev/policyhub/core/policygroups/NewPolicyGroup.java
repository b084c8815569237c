package dev.policyhub.core.policygroups;

import java.util.Objects;

/** A create request as sent: name, entity type and mode as spelled ({@code ""} = absent), agent pool ({@code ""} = none). */
public record NewPolicyGroup(String name, String entityType, String mode, String agentPoolId) {
    public NewPolicyGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(agentPoolId, "agentPoolId");
    }

    /** A group with the default mode of its entity type. */
    public static NewPolicyGroup of(String name, String entityType) {
        return new NewPolicyGroup(name, entityType, "", "");
    }
}
