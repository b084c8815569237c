package dev.policyhub.http.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.http.wire.Json;

/** What a seed created: how many objects of each kind. */
public record SeedSummary(int organizations, int folders, int projects, int tagKeys, int tagValues,
                          int tagBindings, int customConstraints, int policies) {

    /** The summary as {@code {"organizations": n, "folders": n, ...}}, every kind present. */
    public ObjectNode toJson() {
        return Json.object()
                .put("organizations", organizations)
                .put("folders", folders)
                .put("projects", projects)
                .put("tagKeys", tagKeys)
                .put("tagValues", tagValues)
                .put("tagBindings", tagBindings)
                .put("customConstraints", customConstraints)
                .put("policies", policies);
    }
}
