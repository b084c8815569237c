package dev.policyhub.core.hierarchy;

import java.util.Objects;

/** What a new tag value needs: an id ({@code 0} = assign one), a parent key ({@code tagKeys/{id}}) and a short name. */
public record NewTagValue(long id, String parent, String shortName, String description) {
    public NewTagValue {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(shortName, "shortName");
        Objects.requireNonNull(description, "description");
    }

    /** A value with an assigned id and no description. */
    public static NewTagValue of(String parent, String shortName) {
        return new NewTagValue(0, parent, shortName, "");
    }

    /** The same value with an explicit id. */
    public NewTagValue withId(long newId) {
        return new NewTagValue(newId, parent, shortName, description);
    }
}
