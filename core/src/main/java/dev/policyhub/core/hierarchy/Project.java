package dev.policyhub.core.hierarchy;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A project: a server-assigned number, a user-chosen immutable id, and a parent. {@code displayName} may be {@code ""}. */
public record Project(long number, String projectId, NodeKey parent, String displayName, Map<String, String> labels,
                      State state, Instant createTime, Instant updateTime, Optional<Instant> deleteTime,
                      String etag) {
    public Project {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(displayName, "displayName");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createTime, "createTime");
        Objects.requireNonNull(updateTime, "updateTime");
        Objects.requireNonNull(deleteTime, "deleteTime");
        Objects.requireNonNull(etag, "etag");
    }

    /** This project as a node. */
    public NodeKey key() {
        return NodeKey.project(number);
    }

    /** {@code projects/{number}}. */
    public String name() {
        return key().name();
    }

    /** True unless deletion was requested. */
    public boolean isActive() {
        return state == State.ACTIVE;
    }
}
