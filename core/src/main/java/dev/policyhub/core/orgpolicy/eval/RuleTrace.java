package dev.policyhub.core.orgpolicy.eval;

import java.util.List;
import java.util.Objects;

/**
 * One rule of a level's spec: its index, a readable summary, its condition ({@code ""} if none), whether it applies
 * to the target, and which of the target's tags satisfied the condition.
 */
public record RuleTrace(int index, String summary, String condition, boolean applies, List<String> matchedTags) {
    public RuleTrace {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(condition, "condition");
        matchedTags = List.copyOf(matchedTags);
    }
}
