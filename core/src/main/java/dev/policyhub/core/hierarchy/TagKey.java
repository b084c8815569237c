package dev.policyhub.core.hierarchy;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A tag key owned by an organization or a project; {@code namespacedName} is {@code {orgId|projectId}/{shortName}}. */
public record TagKey(long id, NodeKey parent, String shortName, String namespacedName, String description,
                     TagPurpose purpose, Map<String, String> purposeData, Instant createTime, Instant updateTime,
                     String etag) {
    public TagKey {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(shortName, "shortName");
        Objects.requireNonNull(namespacedName, "namespacedName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(purpose, "purpose");
        purposeData = Map.copyOf(purposeData);
        Objects.requireNonNull(createTime, "createTime");
        Objects.requireNonNull(updateTime, "updateTime");
        Objects.requireNonNull(etag, "etag");
    }

    /** {@code tagKeys/{id}}. */
    public String name() {
        return "tagKeys/" + id;
    }
}
