package dev.policyhub.core.hierarchy;

import java.time.Instant;
import java.util.Objects;

/** The root of a hierarchy. {@code directoryCustomerId} is {@code ""} when unset. */
public record Organization(long id, String displayName, String directoryCustomerId, State state,
                           Instant createTime, Instant updateTime, String etag) {
    public Organization {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(directoryCustomerId, "directoryCustomerId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createTime, "createTime");
        Objects.requireNonNull(updateTime, "updateTime");
        Objects.requireNonNull(etag, "etag");
    }

    /** This organization as a node. */
    public NodeKey key() {
        return NodeKey.organization(id);
    }

    /** {@code organizations/{id}}. */
    public String name() {
        return key().name();
    }
}
