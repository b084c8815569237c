package dev.policyhub.core.hierarchy;

import java.util.Objects;

/** A tag that applies to a resource, bound to it ({@code inherited == false}) or to an ancestor. */
public record EffectiveTag(TagKey key, TagValue value, NodeKey boundTo, boolean inherited) {
    public EffectiveTag {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(boundTo, "boundTo");
    }
}
