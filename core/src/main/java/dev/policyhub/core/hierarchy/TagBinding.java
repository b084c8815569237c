package dev.policyhub.core.hierarchy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A tag value attached to an organization, folder or project. */
public record TagBinding(NodeKey resource, long tagValueId) {
    public TagBinding {
        Objects.requireNonNull(resource, "resource");
    }

    /** {@code tagBindings/{escaped full resource name}/tagValues/{id}}, with the project number. */
    public String name() {
        return "tagBindings/" + URLEncoder.encode(resource.fullResourceName(), StandardCharsets.UTF_8)
                + "/tagValues/" + tagValueId;
    }

    /** {@code tagValues/{id}}. */
    public String tagValueName() {
        return "tagValues/" + tagValueId;
    }
}
