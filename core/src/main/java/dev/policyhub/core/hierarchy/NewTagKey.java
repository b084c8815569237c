package dev.policyhub.core.hierarchy;

import java.util.Map;
import java.util.Objects;

/** What a new tag key needs: an id ({@code 0} = assign one), a parent (organization or project) and a short name. */
public record NewTagKey(long id, String parent, String shortName, String description, TagPurpose purpose,
                        Map<String, String> purposeData) {
    public NewTagKey {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(shortName, "shortName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(purpose, "purpose");
        purposeData = Map.copyOf(purposeData);
    }

    /** A key with an assigned id and no description or purpose. */
    public static NewTagKey of(String parent, String shortName) {
        return new NewTagKey(0, parent, shortName, "", TagPurpose.PURPOSE_UNSPECIFIED, Map.of());
    }

    /** The same key with an explicit id. */
    public NewTagKey withId(long newId) {
        return new NewTagKey(newId, parent, shortName, description, purpose, purposeData);
    }
}
