package dev.policyhub.http.resourcemanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.hierarchy.HierarchyService;
import dev.policyhub.core.hierarchy.TagKey;
import dev.policyhub.http.wire.GoogleCall;
import dev.policyhub.http.wire.GoogleRouter;
import dev.policyhub.http.wire.Json;
import java.util.List;
import java.util.Set;

/** Tag keys: get by name or namespaced name, list, and create, patch and delete (or only validate them). */
final class TagKeyRoutes {
    private static final String ONE = "/v3/tagKeys/([^/:]+)";

    private final HierarchyService hierarchy;
    private final Operations operations;

    TagKeyRoutes(HierarchyService hierarchy, Operations operations) {
        this.hierarchy = hierarchy;
        this.operations = operations;
    }

    void register(GoogleRouter router) {
        router.add("POST", "/v3/tagKeys", Set.of("validateOnly"), call -> call.bodyTexts("parent"), this::create);
        router.add("GET", "/v3/tagKeys", Set.of("parent", "pageSize", "pageToken"), ResourceNames.PARENT_QUERY, this::list);
        // before the single key, whose pattern would take "namespaced" for an id
        router.add("GET", "/v3/tagKeys/namespaced", Set.of("name"), call -> List.of(call.query().get("name")),
                this::getNamespaced);
        router.add("GET", ONE, Set.of(), TagKeyRoutes::named, this::get);
        router.add("PATCH", ONE, Set.of("updateMask", "validateOnly"), TagKeyRoutes::named, this::update);
        router.add("DELETE", ONE, Set.of("etag", "validateOnly"), TagKeyRoutes::named, this::delete);
    }

    private JsonNode create(GoogleCall call) {
        TagKeyJson.Body body = TagKeyJson.read(call.body(), "tagKey");
        boolean validateOnly = ValidateOnly.of(call.query());
        TagKey key = hierarchy.createTagKey(body.toNew(0), validateOnly);
        return done(call, "CreateTagKeyMetadata", key, validateOnly);
    }

    private JsonNode get(GoogleCall call) {
        return TagKeyJson.write(hierarchy.getTagKey(name(call)), call.format());
    }

    private JsonNode getNamespaced(GoogleCall call) {
        return TagKeyJson.write(hierarchy.getNamespacedTagKey(call.query().get("name")), call.format());
    }

    private JsonNode list(GoogleCall call) {
        return PageJson.write("tagKeys", hierarchy.listTagKeys(call.query().get("parent"), call.query().page()),
                key -> TagKeyJson.write(key, call.format()));
    }

    private JsonNode update(GoogleCall call) {
        TagKeyJson.Body body = TagKeyJson.read(call.body(), "tagKey");
        boolean validateOnly = ValidateOnly.of(call.query());
        TagKey key = hierarchy.updateTagKey(name(call), body.description(), body.etag(), call.query().updateMask(),
                validateOnly);
        return done(call, "UpdateTagKeyMetadata", key, validateOnly);
    }

    private JsonNode delete(GoogleCall call) {
        boolean validateOnly = ValidateOnly.of(call.query());
        TagKey key = hierarchy.deleteTagKey(name(call), call.query().get("etag"), validateOnly);
        return done(call, "DeleteTagKeyMetadata", key, validateOnly);
    }

    /**
     * The done operation of a call: with the key as response, or without one when the call only validated; it
     * belongs with the key's parent, which outlives a deleted key.
     */
    private ObjectNode done(GoogleCall call, String metadataType, TagKey key, boolean validateOnly) {
        String owner = key.parent().name();
        if (validateOnly) {
            return operations.validated(Operations.Kind.TAG_KEY, owner, metadataType, call.format());
        }
        return operations.completed(Operations.Kind.TAG_KEY, owner, metadataType, Json.object(), TagKeyJson.TYPE,
                format -> TagKeyJson.write(key, format), call.format());
    }

    private static List<String> named(GoogleCall call) {
        return List.of(name(call));
    }

    private static String name(GoogleCall call) {
        return "tagKeys/" + call.path(1);
    }
}
