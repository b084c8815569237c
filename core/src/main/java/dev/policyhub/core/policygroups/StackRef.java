package dev.policyhub.core.policygroups;

import java.util.Objects;

/** A stack of an organization: {@code routingProject} (the project) and {@code name}; in requests the project may be {@code ""}. */
public record StackRef(String routingProject, String name) {
    public StackRef {
        Objects.requireNonNull(routingProject, "routingProject");
        Objects.requireNonNull(name, "name");
    }

    /** {@code project/stack}. */
    @Override
    public String toString() {
        return routingProject + "/" + name;
    }
}
