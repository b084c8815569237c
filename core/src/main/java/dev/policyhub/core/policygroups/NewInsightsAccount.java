package dev.policyhub.core.policygroups;

import dev.policyhub.core.internal.JsonValues;

import java.util.Map;
import java.util.Objects;

/** What creating an Insights account takes; {@code scanSchedule} {@code ""} means {@code none}. */
public record NewInsightsAccount(String name, String provider, String environment, String scanSchedule,
                                 Map<String, Object> providerConfig, String agentPoolId) {
    public NewInsightsAccount {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(scanSchedule, "scanSchedule");
        providerConfig = JsonValues.object(providerConfig);
        Objects.requireNonNull(agentPoolId, "agentPoolId");
    }

    /** An account with only the required fields. */
    public static NewInsightsAccount of(String name, String provider, String environment) {
        return new NewInsightsAccount(name, provider, environment, "", Map.of(), "");
    }
}
