package dev.policyhub.core.orgpolicy.eval;

import java.util.List;
import java.util.Objects;

/**
 * A decision and its explanation: per hierarchy level from the organization down, the policy found and what it did,
 * then the reason and, when a rule decided, which one ({@code decidingResource} and {@code decidingRule}; {@code ""}
 * and {@code -1} when the constraint default decided).
 *
 * @param value the value asked about; {@code ""} for a boolean constraint
 */
public record Decision(String resource, String constraint, String value, Outcome outcome, List<LevelTrace> levels,
                       String reason, String decidingResource, int decidingRule) {
    public Decision {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(constraint, "constraint");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(outcome, "outcome");
        levels = List.copyOf(levels);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(decidingResource, "decidingResource");
    }

    /** True for ALLOW and NOT_ENFORCED. */
    public boolean permits() {
        return outcome == Outcome.ALLOW || outcome == Outcome.NOT_ENFORCED;
    }
}
