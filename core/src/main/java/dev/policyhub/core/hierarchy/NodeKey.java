package dev.policyhub.core.hierarchy;

import java.util.Objects;

/** A resolved hierarchy node: its type and numeric id (for a project, its number). */
public record NodeKey(NodeType type, long id) {
    public NodeKey {
        Objects.requireNonNull(type, "type");
        if (id <= 0) {
            throw new IllegalArgumentException("ids are positive: " + id);
        }
    }

    /** {@code organizations/{id}}. */
    public static NodeKey organization(long id) {
        return new NodeKey(NodeType.ORGANIZATION, id);
    }

    /** {@code folders/{id}}. */
    public static NodeKey folder(long id) {
        return new NodeKey(NodeType.FOLDER, id);
    }

    /** {@code projects/{number}}. */
    public static NodeKey project(long number) {
        return new NodeKey(NodeType.PROJECT, number);
    }

    /** The canonical resource name, e.g. {@code projects/100000000003}. */
    public String name() {
        return type.collection() + "/" + id;
    }

    /** The full resource name used by tag bindings: {@code //cloudresourcemanager.googleapis.com/folders/11}. */
    public String fullResourceName() {
        return FULL_NAME_PREFIX + name();
    }

    /** Prefix of full resource names of Resource Manager nodes. */
    public static final String FULL_NAME_PREFIX = "//cloudresourcemanager.googleapis.com/";

    @Override
    public String toString() {
        return name();
    }
}
