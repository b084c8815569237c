package dev.policyhub.core.policygroups;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stack of an organization: its project and name, its resource count, how many times its state was imported
 * ({@code version}) and when that last happened.
 */
public record Stack(String org, String project, String name, long resourceCount, int version,
                    Optional<Instant> lastUpdate) {
    public Stack {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(name, "name");
        lastUpdate = Objects.requireNonNullElse(lastUpdate, Optional.empty());
    }

    /** This stack as a group member. */
    public StackRef ref() {
        return new StackRef(project, name);
    }

    /** {@code org/project/stack}. */
    public String id() {
        return org + "/" + project + "/" + name;
    }
}
