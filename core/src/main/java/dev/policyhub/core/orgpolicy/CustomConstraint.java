package dev.policyhub.core.orgpolicy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An organization's own constraint, {@code organizations/{o}/customConstraints/custom.{x}}. PolicyHub stores its CEL
 * condition and never evaluates it; policies on it are boolean policies.
 */
public record CustomConstraint(String name, List<String> resourceTypes, List<MethodType> methodTypes,
                               String condition, ActionType actionType, String displayName, String description,
                               Optional<Instant> updateTime) {
    public CustomConstraint {
        Objects.requireNonNull(name, "name");
        resourceTypes = List.copyOf(resourceTypes);
        methodTypes = List.copyOf(methodTypes);
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(actionType, "actionType");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        updateTime = Objects.requireNonNullElse(updateTime, Optional.empty());
    }

    /** The id segment of the name, e.g. {@code custom.disableGkeAutoUpgrade}. */
    public String id() {
        int i = name.lastIndexOf('/');
        return i < 0 ? name : name.substring(i + 1);
    }

    /** The same constraint stamped with an update time. */
    public CustomConstraint stamped(Instant time) {
        return new CustomConstraint(name, resourceTypes, methodTypes, condition, actionType, displayName, description,
                Optional.of(time));
    }

    /** The same constraint under a normalized name. */
    public CustomConstraint withName(String newName) {
        return new CustomConstraint(newName, resourceTypes, methodTypes, condition, actionType, displayName,
                description, updateTime);
    }
}
