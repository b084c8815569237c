package dev.policyhub.http.resourcemanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.hierarchy.HierarchyService;
import dev.policyhub.core.hierarchy.TagValue;
import dev.policyhub.http.wire.GoogleCall;
import dev.policyhub.http.wire.GoogleRouter;
import dev.policyhub.http.wire.Json;
import java.util.List;
import java.util.Set;

/** Tag values: get by name or namespaced name, list, and create, patch and delete (or only validate them). */
final class TagValueRoutes {
    private static final String ONE = "/v3/tagValues/([^/:]+)";

    private final HierarchyService hierarchy;
    private final Operations operations;

    TagValueRoutes(HierarchyService hierarchy, Operations operations) {
        this.hierarchy = hierarchy;
        this.operations = operations;
    }

    void register(GoogleRouter router) {
        router.add("POST", "/v3/tagValues", Set.of("validateOnly"), call -> call.bodyTexts("parent"), this::create);
        router.add("GET", "/v3/tagValues", Set.of("parent", "pageSize", "pageToken"), ResourceNames.PARENT_QUERY, this::list);
        // before the single value, whose pattern would take "namespaced" for an id
        router.add("GET", "/v3/tagValues/namespaced", Set.of("name"), call -> List.of(call.query().get("name")),
                this::getNamespaced);
        router.add("GET", ONE, Set.of(), TagValueRoutes::named, this::get);
        router.add("PATCH", ONE, Set.of("updateMask", "validateOnly"), TagValueRoutes::named, this::update);
        router.add("DELETE", ONE, Set.of("etag", "validateOnly"), TagValueRoutes::named, this::delete);
    }

    private JsonNode create(GoogleCall call) {
        TagValueJson.Body body = TagValueJson.read(call.body(), "tagValue");
        boolean validateOnly = ValidateOnly.of(call.query());
        TagValue value = hierarchy.createTagValue(body.toNew(0), validateOnly);
        return done(call, "CreateTagValueMetadata", value, validateOnly);
    }

    private JsonNode get(GoogleCall call) {
        return TagValueJson.write(hierarchy.getTagValue(name(call)), call.format());
    }

    private JsonNode getNamespaced(GoogleCall call) {
        return TagValueJson.write(hierarchy.getNamespacedTagValue(call.query().get("name")), call.format());
    }

    private JsonNode list(GoogleCall call) {
        return PageJson.write("tagValues", hierarchy.listTagValues(call.query().get("parent"), call.query().page()),
                value -> TagValueJson.write(value, call.format()));
    }

    private JsonNode update(GoogleCall call) {
        TagValueJson.Body body = TagValueJson.read(call.body(), "tagValue");
        boolean validateOnly = ValidateOnly.of(call.query());
        TagValue value = hierarchy.updateTagValue(name(call), body.description(), body.etag(),
                call.query().updateMask(), validateOnly);
        return done(call, "UpdateTagValueMetadata", value, validateOnly);
    }

    private JsonNode delete(GoogleCall call) {
        boolean validateOnly = ValidateOnly.of(call.query());
        TagValue value = hierarchy.deleteTagValue(name(call), call.query().get("etag"), validateOnly);
        return done(call, "DeleteTagValueMetadata", value, validateOnly);
    }

    /** The done operation of a call: with the value as response, or without one when the call only validated. */
    private ObjectNode done(GoogleCall call, String metadataType, TagValue value, boolean validateOnly) {
        // the key outlives a deleted value
        String owner = "tagKeys/" + value.tagKeyId();
        if (validateOnly) {
            return operations.validated(Operations.Kind.TAG_VALUE, owner, metadataType, call.format());
        }
        return operations.completed(Operations.Kind.TAG_VALUE, owner, metadataType, Json.object(), TagValueJson.TYPE,
                format -> TagValueJson.write(value, format), call.format());
    }

    private static List<String> named(GoogleCall call) {
        return List.of(name(call));
    }

    private static String name(GoogleCall call) {
        return "tagValues/" + call.path(1);
    }
}
