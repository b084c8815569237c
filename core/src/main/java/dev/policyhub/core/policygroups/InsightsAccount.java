package dev.policyhub.core.policygroups;

import dev.policyhub.core.internal.JsonValues;

import java.util.Map;
import java.util.Objects;

/**
 * A cloud account scanned by Insights; a child account is named {@code parent/child}. {@code scanSchedule} is
 * {@code none}, {@code 12h} or {@code daily}; {@code agentPoolId} is {@code ""} when unset.
 */
public record InsightsAccount(String org, String name, String id, String provider, String environment,
                              String scanSchedule, Map<String, Object> providerConfig, String agentPoolId,
                              long resourceCount) {
    public InsightsAccount {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(scanSchedule, "scanSchedule");
        providerConfig = JsonValues.object(providerConfig);
        Objects.requireNonNull(agentPoolId, "agentPoolId");
    }

    /** The parent's name of a child account ({@code aws-main} of {@code aws-main/us-east-1}); {@code ""} otherwise. */
    public String parentName() {
        int slash = name.indexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    /** The same account with another resource count. */
    public InsightsAccount withResourceCount(long count) {
        return new InsightsAccount(org, name, id, provider, environment, scanSchedule, providerConfig, agentPoolId,
                count);
    }
}
