package dev.policyhub.http.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.http.wire.Json;
import java.util.Objects;

/** What a seed created: how many objects of each kind, the Pulumi ones apart. */
public record SeedSummary(int organizations, int folders, int projects, int tagKeys, int tagValues,
                          int tagBindings, int customConstraints, int policies, Pulumi pulumi) {
    public SeedSummary {
        Objects.requireNonNull(pulumi, "pulumi");
    }

    /** What the {@code pulumi} key created. */
    public record Pulumi(int organizations, int stacks, int accounts, int policyPacks, int policyGroups) {
        /** The counts as {@code {"organizations": n, "stacks": n, ...}}. */
        public ObjectNode toJson() {
            return Json.object()
                    .put("organizations", organizations)
                    .put("stacks", stacks)
                    .put("accounts", accounts)
                    .put("policyPacks", policyPacks)
                    .put("policyGroups", policyGroups);
        }
    }

    /** The summary as {@code {"organizations": n, "folders": n, ..., "pulumi": {...}}}, every kind present. */
    public ObjectNode toJson() {
        ObjectNode out = Json.object()
                .put("organizations", organizations)
                .put("folders", folders)
                .put("projects", projects)
                .put("tagKeys", tagKeys)
                .put("tagValues", tagValues)
                .put("tagBindings", tagBindings)
                .put("customConstraints", customConstraints)
                .put("policies", policies);
        out.set("pulumi", pulumi.toJson());
        return out;
    }
}
