package dev.policyhub.http.resourcemanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.hierarchy.HierarchyService;
import dev.policyhub.core.hierarchy.TagValue;
import dev.policyhub.http.wire.GoogleCall;
import dev.policyhub.http.wire.GoogleRouter;
import dev.policyhub.http.wire.Json;
import java.util.Set;

/** Tag values: create (or only validate), get by name or namespaced name, list, patch and delete. */
final class TagValueRoutes {
    private static final String ONE = "/v3/tagValues/([^/:]+)";

    private final HierarchyService hierarchy;
    private final Operations operations;

    TagValueRoutes(HierarchyService hierarchy, Operations operations) {
        this.hierarchy = hierarchy;
        this.operations = operations;
    }

    void register(GoogleRouter router) {
        router.add("POST", "/v3/tagValues", Set.of("validateOnly"), this::create);
        router.add("GET", "/v3/tagValues", Set.of("parent", "pageSize", "pageToken"), this::list);
        // before the single value, whose pattern would take "namespaced" for an id
        router.add("GET", "/v3/tagValues/namespaced", Set.of("name"), this::getNamespaced);
        router.add("GET", ONE, Set.of(), this::get);
        router.add("PATCH", ONE, Set.of("updateMask", "validateOnly"), this::update);
        router.add("DELETE", ONE, Set.of("etag", "validateOnly"), this::delete);
    }

    private JsonNode create(GoogleCall call) {
        TagValueJson.Body body = TagValueJson.read(call.body(), "tagValue");
        boolean validateOnly = ValidateOnly.of(call.query());
        TagValue value = hierarchy.createTagValue(body.toNew(0), validateOnly);
        if (validateOnly) {
            return operations.validated(Operations.Kind.TAG_VALUE, "CreateTagValueMetadata", call.format());
        }
        return done(call, "CreateTagValueMetadata", value);
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
        ValidateOnly.refuseTrue(call.query());
        TagValueJson.Body body = TagValueJson.read(call.body(), "tagValue");
        TagValue value = hierarchy.updateTagValue(name(call), body.description(), body.etag(),
                call.query().updateMask());
        return done(call, "UpdateTagValueMetadata", value);
    }

    private JsonNode delete(GoogleCall call) {
        ValidateOnly.refuseTrue(call.query());
        return done(call, "DeleteTagValueMetadata", hierarchy.deleteTagValue(name(call), call.query().get("etag")));
    }

    private ObjectNode done(GoogleCall call, String metadataType, TagValue value) {
        return operations.completed(Operations.Kind.TAG_VALUE, metadataType, Json.object(), TagValueJson.TYPE,
                format -> TagValueJson.write(value, format), call.format());
    }

    private static String name(GoogleCall call) {
        return "tagValues/" + call.path(1);
    }
}
