package dev.policyhub.core.hierarchy;

import java.util.Map;
import java.util.Objects;

/**
 * What a new project needs: a number ({@code 0} = assign one), its project id, a parent name, an optional display name
 * ({@code ""} = none), labels and tags to bind in the same write.
 */
public record NewProject(long number, String projectId, String parent, String displayName,
                         Map<String, String> labels, Map<String, String> tags) {
    public NewProject {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(displayName, "displayName");
        labels = Map.copyOf(labels);
        tags = Map.copyOf(tags);
    }

    /** A project with an assigned number and nothing else set. */
    public static NewProject of(String projectId, String parent) {
        return new NewProject(0, projectId, parent, "", Map.of(), Map.of());
    }

    /** The same project with an explicit number. */
    public NewProject withNumber(long newNumber) {
        return new NewProject(newNumber, projectId, parent, displayName, labels, tags);
    }
}
