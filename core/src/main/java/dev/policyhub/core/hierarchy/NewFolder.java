package dev.policyhub.core.hierarchy;

import java.util.Map;
import java.util.Objects;

/**
 * What a new folder needs: an id ({@code 0} = assign one), a parent name, a display name, and tags to bind in the
 * same write ({@code {"1/env": "dev"}}: namespaced key to value short name).
 */
public record NewFolder(long id, String parent, String displayName, Map<String, String> tags) {
    public NewFolder {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(displayName, "displayName");
        tags = Map.copyOf(tags);
    }

    /** A folder with an assigned id and no tags. */
    public static NewFolder of(String parent, String displayName) {
        return new NewFolder(0, parent, displayName, Map.of());
    }
}
