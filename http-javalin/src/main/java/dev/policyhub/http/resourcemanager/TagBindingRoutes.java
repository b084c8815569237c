package dev.policyhub.http.resourcemanager;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.core.hierarchy.HierarchyService;
import dev.policyhub.core.hierarchy.TagBinding;
import dev.policyhub.http.wire.GoogleCall;
import dev.policyhub.http.wire.GoogleRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Tag bindings (create or only validate, list, delete) and the effective tags of a resource. */
final class TagBindingRoutes {
    private final HierarchyService hierarchy;

    TagBindingRoutes(HierarchyService hierarchy) {
        this.hierarchy = hierarchy;
    }

    void register(GoogleRouter router) {
        router.add("POST", "/v3/tagBindings", Set.of("validateOnly"), TagBindingRoutes::bound, this::create);
        // Terraform-era clients list with a trailing slash (/v3/tagBindings/?parent=…)
        router.add("GET", "/v3/tagBindings/?", Set.of("parent", "pageSize", "pageToken"), ResourceNames.PARENT_QUERY,
                this::list);
        // the resource part holds slashes, escaped once more than the path: match greedily up to the last value
        router.add("DELETE", "/v3/tagBindings/(.+)/tagValues/([^/]+)", Set.of(),
                call -> List.of(ResourceNames.bindingResource(call.path(1)), "tagValues/" + call.path(2)), this::delete);
        router.add("GET", "/v3/effectiveTags", Set.of("parent", "pageSize", "pageToken"), ResourceNames.PARENT_QUERY,
                this::effectiveTags);
    }

    /** A binding names the resource and the value, by name or namespaced name. */
    private static List<String> bound(GoogleCall call) {
        List<String> names = new ArrayList<>(call.bodyTexts("parent"));
        names.addAll(call.bodyTexts("tagValue"));
        names.addAll(call.bodyTexts("tagValueNamespacedName"));
        return names;
    }

    private JsonNode create(GoogleCall call) {
        TagBindingJson.Body body = TagBindingJson.read(call.body(), "tagBinding");
        boolean validateOnly = ValidateOnly.of(call.query());
        TagBinding binding = hierarchy.createTagBinding(body.parent(), body.tagValue(), body.tagValueNamespacedName(),
                validateOnly);
        if (validateOnly) {
            return Operations.unnamedValidated();
        }
        String namespaced = hierarchy.getTagValue(binding.tagValueName()).namespacedName();
        return Operations.unnamed(TagBindingJson.TYPE, TagBindingJson.write(binding, namespaced));
    }

    private JsonNode list(GoogleCall call) {
        return PageJson.write("tagBindings",
                hierarchy.listTagBindings(call.query().get("parent"), call.query().page()),
                binding -> TagBindingJson.write(binding, ""));
    }

    private JsonNode delete(GoogleCall call) {
        String resource = ResourceNames.bindingResource(call.path(1));
        hierarchy.deleteTagBinding("tagBindings/" + resource + "/tagValues/" + call.path(2));
        return Operations.unnamedEmpty();
    }

    private JsonNode effectiveTags(GoogleCall call) {
        return PageJson.write("effectiveTags",
                hierarchy.listEffectiveTags(call.query().get("parent"), call.query().page()),
                TagBindingJson::writeEffective);
    }
}
