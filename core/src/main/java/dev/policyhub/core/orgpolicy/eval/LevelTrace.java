package dev.policyhub.core.orgpolicy.eval;

import java.util.List;
import java.util.Objects;

/** What evaluation found at one level: the resource, its policy's name ({@code ""} if none), its effect and rules. */
public record LevelTrace(String resource, String policy, LevelEffect effect, List<RuleTrace> rules) {
    public LevelTrace {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(effect, "effect");
        rules = List.copyOf(rules);
    }
}
