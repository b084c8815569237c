package dev.policyhub.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.hierarchy.HierarchyService;
import dev.policyhub.core.hierarchy.NewFolder;
import dev.policyhub.core.hierarchy.NewProject;
import dev.policyhub.core.hierarchy.NewTagKey;
import dev.policyhub.core.hierarchy.NewTagValue;
import dev.policyhub.core.orgpolicy.CustomConstraint;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.http.orgpolicy.OrgPolicyWire;
import dev.policyhub.http.resourcemanager.FolderJson;
import dev.policyhub.http.resourcemanager.OrganizationJson;
import dev.policyhub.http.resourcemanager.ProjectJson;
import dev.policyhub.http.resourcemanager.ResourceNames;
import dev.policyhub.http.resourcemanager.TagBindingJson;
import dev.policyhub.http.resourcemanager.TagKeyJson;
import dev.policyhub.http.resourcemanager.TagValueJson;
import dev.policyhub.http.wire.ApiError;
import dev.policyhub.http.wire.Json;
import dev.policyhub.http.wire.JsonObjectReader;
import java.util.List;
import java.util.function.Consumer;

/**
 * Loads a seed file: a JSON object whose arrays {@code organizations}, {@code folders}, {@code projects},
 * {@code tagKeys}, {@code tagValues}, {@code tagBindings}, {@code customConstraints} and {@code policies} are applied
 * in that order, each entry in array order, through the hub's services and so with the API's validation, followed by
 * the Pulumi inventory of its {@code pulumi} object (see {@link PulumiSeed}). Entries use the Resource Manager v3 JSON
 * (an explicit {@code name} such as {@code folders/11} is honoured) or, for policies and custom constraints, the
 * Organization Policy v2 JSON.
 *
 * <p>All or nothing: the whole file is read before anything is written, so a malformed entry writes nothing; the
 * entries are then created inside one write unit of the store, which the services' own units join (the store nests
 * write units started on the same thread), so a failure at any entry rolls back every entry before it, the ids they
 * claimed included, and no other request sees a half-loaded seed. Errors name the entry, e.g.
 * {@code projects[2].projectId}.
 */
public final class SeedLoader {
    private SeedLoader() {
    }

    /** An organization entry: an explicit id or null, a display name or null, a directory customer id or null. */
    private record OrganizationEntry(Long id, String displayName, String directoryCustomerId) {
    }

    /** A policy or custom constraint entry with the parent its name lies under. */
    private record Attached<T>(String parent, T value) {
    }

    /** Everything a seed file asks for, read and checked for shape, nothing written yet. */
    private record Seed(List<OrganizationEntry> organizations, List<NewFolder> folders, List<NewProject> projects,
                        List<NewTagKey> tagKeys, List<NewTagValue> tagValues, List<TagBindingJson.Body> tagBindings,
                        List<Attached<CustomConstraint>> customConstraints, List<Attached<Policy>> policies,
                        PulumiSeed pulumi) {
    }

    /** Loads seed JSON given as bytes (UTF-8); malformed JSON is a 400 like a request body. */
    public static SeedSummary load(PolicyHub hub, byte[] json) {
        return load(hub, Json.parse(json));
    }

    /** Loads a parsed seed; on any failure the store is left as it was and the error names the entry. */
    public static SeedSummary load(PolicyHub hub, JsonNode json) {
        Seed seed = read(json);
        // the unit's own session is not used: it only makes every service call below part of one atomic write
        return hub.storage().write(session -> apply(hub, seed));
    }

    private static Seed read(JsonNode json) {
        JsonObjectReader reader = JsonObjectReader.of(json, "");
        Seed seed = new Seed(
                reader.list("organizations", SeedLoader::organization),
                reader.list("folders", SeedLoader::folder),
                reader.list("projects", SeedLoader::project),
                reader.list("tagKeys", SeedLoader::tagKey),
                reader.list("tagValues", SeedLoader::tagValue),
                reader.list("tagBindings", TagBindingJson::read),
                reader.list("customConstraints", (node, at) -> {
                    CustomConstraint c = OrgPolicyWire.readCustomConstraint(node, at);
                    return new Attached<>(parentOf(c.name(), "/customConstraints/", at), c);
                }),
                reader.list("policies", (node, at) -> {
                    Policy p = OrgPolicyWire.readPolicy(node, at);
                    return new Attached<>(parentOf(p.name(), "/policies/", at), p);
                }),
                PulumiSeed.read(reader));
        reader.finish();
        return seed;
    }

    private static OrganizationEntry organization(JsonNode node, String at) {
        OrganizationJson.Body body = OrganizationJson.read(node, at);
        long id = ResourceNames.explicitId(body.name(), "organizations", at + ".name");
        return new OrganizationEntry(id == 0 ? null : id, body.displayName().orElse(null),
                body.directoryCustomerId().orElse(null));
    }

    private static NewFolder folder(JsonNode node, String at) {
        FolderJson.Body body = FolderJson.read(node, at);
        return body.toNew(ResourceNames.explicitId(body.name(), "folders", at + ".name"));
    }

    private static NewProject project(JsonNode node, String at) {
        ProjectJson.Body body = ProjectJson.read(node, at);
        return body.toNew(ResourceNames.explicitId(body.name(), "projects", at + ".name"));
    }

    private static NewTagKey tagKey(JsonNode node, String at) {
        TagKeyJson.Body body = TagKeyJson.read(node, at);
        return body.toNew(ResourceNames.explicitId(body.name(), "tagKeys", at + ".name"));
    }

    private static NewTagValue tagValue(JsonNode node, String at) {
        TagValueJson.Body body = TagValueJson.read(node, at);
        return body.toNew(ResourceNames.explicitId(body.name(), "tagValues", at + ".name"));
    }

    /** The resource a policy or custom constraint name lies under: the part before {@code marker}. */
    private static String parentOf(String name, String marker, String at) {
        int i = name.indexOf(marker);
        if (i <= 0) {
            throw ApiError.invalidField(at + ".name", at + ".name: '" + name
                    + "' is not a valid name; expected {parent}" + marker + "{id}");
        }
        return name.substring(0, i);
    }

    private static SeedSummary apply(PolicyHub hub, Seed seed) {
        HierarchyService h = hub.hierarchy();
        return new SeedSummary(
                apply("organizations", seed.organizations(),
                        o -> h.createOrganization(o.id(), o.displayName(), o.directoryCustomerId())),
                apply("folders", seed.folders(), h::createFolder),
                apply("projects", seed.projects(), h::createProject),
                apply("tag_keys", seed.tagKeys(), k -> h.createTagKey(k, false)),
                apply("tag_values", seed.tagValues(), v -> h.createTagValue(v, false)),
                apply("tag_bindings", seed.tagBindings(),
                        b -> h.createTagBinding(b.parent(), b.tagValue(), b.tagValueNamespacedName(), false)),
                apply("custom_constraints", seed.customConstraints(),
                        c -> hub.orgPolicies().createCustomConstraint(c.parent(), c.value())),
                apply("policies", seed.policies(), p -> hub.orgPolicies().createPolicy(p.parent(), p.value())),
                seed.pulumi().apply(hub.policyGroups()));
    }

    private static <T> int apply(String kind, List<T> entries, Consumer<T> create) {
        for (int i = 0; i < entries.size(); i++) {
            try {
                create.accept(entries.get(i));
            } catch (PolicyHubException e) {
                throw SeedErrors.named(kind + "[" + i + "]", e);
            }
        }
        return entries.size();
    }
}
