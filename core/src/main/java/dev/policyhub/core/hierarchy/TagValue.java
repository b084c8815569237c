package dev.policyhub.core.hierarchy;

import java.time.Instant;
import java.util.Objects;

/** A value of a tag key; {@code namespacedName} is {@code {keyNamespacedName}/{shortName}}. */
public record TagValue(long id, long tagKeyId, String shortName, String namespacedName, String description,
                       Instant createTime, Instant updateTime, String etag) {
    public TagValue {
        Objects.requireNonNull(shortName, "shortName");
        Objects.requireNonNull(namespacedName, "namespacedName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(createTime, "createTime");
        Objects.requireNonNull(updateTime, "updateTime");
        Objects.requireNonNull(etag, "etag");
    }

    /** {@code tagValues/{id}}. */
    public String name() {
        return "tagValues/" + id;
    }

    /** {@code tagKeys/{keyId}}. */
    public String parentName() {
        return "tagKeys/" + tagKeyId;
    }
}
