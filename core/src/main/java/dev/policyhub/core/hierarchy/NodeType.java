package dev.policyhub.core.hierarchy;

/** The kinds of node of the resource hierarchy, with the collection name they use in resource names. */
public enum NodeType {
    ORGANIZATION("organizations"),
    FOLDER("folders"),
    PROJECT("projects");

    private final String collection;

    NodeType(String collection) {
        this.collection = collection;
    }

    /** The collection segment of a name: {@code organizations}, {@code folders} or {@code projects}. */
    public String collection() {
        return collection;
    }
}
