package dev.policyhub.http.resourcemanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.hierarchy.NewTagValue;
import dev.policyhub.core.hierarchy.TagValue;
import dev.policyhub.http.wire.Json;
import dev.policyhub.http.wire.JsonObjectReader;
import dev.policyhub.http.wire.WireFormat;
import java.util.Optional;

/** The v3 JSON of a TagValue. */
public final class TagValueJson {
    /** Proto type of a TagValue, as in an Operation's {@code response}. */
    public static final String TYPE = "google.cloud.resourcemanager.v3.TagValue";

    /** The input fields of a TagValue as given ({@code ""} or empty when absent); {@code etag} is input on update. */
    public record Body(Optional<String> name, String parent, String shortName, String description, String etag) {
        /** The value to create with this id ({@code 0} = assign one). */
        public NewTagValue toNew(long id) {
            return new NewTagValue(id, parent, shortName, description);
        }
    }

    private TagValueJson() {
    }

    /** Prints a tag value; an empty description is left out. */
    public static ObjectNode write(TagValue value, WireFormat format) {
        ObjectNode json = Json.object();
        json.put("name", value.name());
        json.put("parent", value.parentName());
        json.put("shortName", value.shortName());
        json.put("namespacedName", value.namespacedName());
        if (!value.description().isEmpty()) {
            json.put("description", value.description());
        }
        json.put("createTime", WireFormat.timestamp(value.createTime()));
        json.put("updateTime", WireFormat.timestamp(value.updateTime()));
        json.put("etag", value.etag());
        return json;
    }

    /** Reads a TagValue object at {@code path}; output-only fields are accepted and ignored. */
    public static Body read(JsonNode json, String path) {
        JsonObjectReader reader = JsonObjectReader.of(json, path);
        Body body = new Body(reader.string("name"), reader.string("parent").orElse(""),
                reader.string("shortName").orElse(""), reader.string("description").orElse(""),
                reader.string("etag").orElse(""));
        reader.ignore("namespacedName", "createTime", "updateTime");
        reader.finish();
        return body;
    }
}
