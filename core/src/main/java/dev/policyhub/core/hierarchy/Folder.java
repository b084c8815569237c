package dev.policyhub.core.hierarchy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A folder under an organization or another folder. */
public record Folder(long id, NodeKey parent, String displayName, State state, Instant createTime,
                     Instant updateTime, Optional<Instant> deleteTime, String etag) {
    public Folder {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createTime, "createTime");
        Objects.requireNonNull(updateTime, "updateTime");
        Objects.requireNonNull(deleteTime, "deleteTime");
        Objects.requireNonNull(etag, "etag");
    }

    /** This folder as a node. */
    public NodeKey key() {
        return NodeKey.folder(id);
    }

    /** {@code folders/{id}}. */
    public String name() {
        return key().name();
    }

    /** True unless deletion was requested. */
    public boolean isActive() {
        return state == State.ACTIVE;
    }
}
