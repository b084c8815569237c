package dev.policyhub.http.resourcemanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.hierarchy.EffectiveTag;
import dev.policyhub.core.hierarchy.TagBinding;
import dev.policyhub.http.wire.Json;
import dev.policyhub.http.wire.JsonObjectReader;

/** The v3 JSON of a TagBinding and of an EffectiveTag. */
public final class TagBindingJson {
    /** Proto type of a TagBinding, as in an Operation's {@code response}. */
    public static final String TYPE = "google.cloud.resourcemanager.v3.TagBinding";

    /** The input fields of a TagBinding as given ({@code ""} when absent). */
    public record Body(String parent, String tagValue, String tagValueNamespacedName) {
    }

    private TagBindingJson() {
    }

    /** Prints a binding; {@code tagValueNamespacedName} is printed when non-empty (create does, list does not). */
    public static ObjectNode write(TagBinding binding, String tagValueNamespacedName) {
        ObjectNode json = Json.object();
        json.put("name", binding.name());
        json.put("parent", binding.resource().fullResourceName());
        json.put("tagValue", binding.tagValueName());
        if (!tagValueNamespacedName.isEmpty()) {
            json.put("tagValueNamespacedName", tagValueNamespacedName);
        }
        return json;
    }

    /** Prints an effective tag; {@code inherited} is left out when false, as protobuf JSON leaves out defaults. */
    public static ObjectNode writeEffective(EffectiveTag tag) {
        ObjectNode json = Json.object();
        json.put("tagValue", tag.value().name());
        json.put("namespacedTagValue", tag.value().namespacedName());
        json.put("tagKey", tag.key().name());
        json.put("namespacedTagKey", tag.key().namespacedName());
        json.put("tagKeyParentName", tag.key().parent().name());
        if (tag.inherited()) {
            json.put("inherited", true);
        }
        return json;
    }

    /** Reads a TagBinding object at {@code path}; its output-only {@code name} is accepted and ignored. */
    public static Body read(JsonNode json, String path) {
        JsonObjectReader reader = JsonObjectReader.of(json, path);
        Body body = new Body(reader.string("parent").orElse(""), reader.string("tagValue").orElse(""),
                reader.string("tagValueNamespacedName").orElse(""));
        reader.ignore("name");
        reader.finish();
        return body;
    }
}
