package dev.policyhub.core.orgpolicy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The live or dry-run part of a policy. {@code etag} ({@code ""} when unset) and {@code updateTime} are set by the
 * server on every stored spec and ignored on input.
 */
public record PolicySpec(String etag, Optional<Instant> updateTime, List<PolicyRule> rules,
                         boolean inheritFromParent, boolean reset) {
    public PolicySpec {
        Objects.requireNonNull(etag, "etag");
        updateTime = Objects.requireNonNullElse(updateTime, Optional.empty());
        rules = List.copyOf(rules);
    }

    /** A spec with these rules and neither inheritance nor reset. */
    public static PolicySpec of(PolicyRule... rules) {
        return new PolicySpec("", Optional.empty(), List.of(rules), false, false);
    }

    /** A spec that merges these rules with the parent's ({@code inheritFromParent: true}). */
    public static PolicySpec inheriting(PolicyRule... rules) {
        return new PolicySpec("", Optional.empty(), List.of(rules), true, false);
    }

    /** A spec that restores the constraint default ({@code reset: true}). */
    public static PolicySpec resetToDefault() {
        return new PolicySpec("", Optional.empty(), List.of(), false, true);
    }

    /** The same content with a server stamp. */
    public PolicySpec stamped(String newEtag, Instant newUpdateTime) {
        return new PolicySpec(newEtag, Optional.of(newUpdateTime), rules, inheritFromParent, reset);
    }
}
