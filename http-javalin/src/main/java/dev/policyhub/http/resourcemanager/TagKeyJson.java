package dev.policyhub.http.resourcemanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.hierarchy.NewTagKey;
import dev.policyhub.core.hierarchy.TagKey;
import dev.policyhub.core.hierarchy.TagPurpose;
import dev.policyhub.http.wire.Json;
import dev.policyhub.http.wire.JsonObjectReader;
import dev.policyhub.http.wire.WireFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The v3 JSON of a TagKey. */
public final class TagKeyJson {
    /** Proto type of a TagKey, as in an Operation's {@code response}. */
    public static final String TYPE = "google.cloud.resourcemanager.v3.TagKey";

    /** The input fields of a TagKey as given ({@code ""} or empty when absent); {@code etag} is an input on update. */
    public record Body(Optional<String> name, String parent, String shortName, String description, TagPurpose purpose,
                       Map<String, String> purposeData, String etag) {
        /** The key to create with this id ({@code 0} = assign one). */
        public NewTagKey toNew(long id) {
            return new NewTagKey(id, parent, shortName, description, purpose, purposeData);
        }
    }

    private TagKeyJson() {
    }

    /** Prints a tag key; an empty description, an unspecified purpose and empty purpose data are left out. */
    public static ObjectNode write(TagKey key, WireFormat format) {
        ObjectNode json = Json.object();
        json.put("name", key.name());
        json.put("parent", key.parent().name());
        json.put("shortName", key.shortName());
        json.put("namespacedName", key.namespacedName());
        if (!key.description().isEmpty()) {
            json.put("description", key.description());
        }
        json.put("createTime", WireFormat.timestamp(key.createTime()));
        json.put("updateTime", WireFormat.timestamp(key.updateTime()));
        json.put("etag", key.etag());
        if (key.purpose() != TagPurpose.PURPOSE_UNSPECIFIED) {
            json.set("purpose", format.enumValue(key.purpose().name(), Enums.PURPOSES));
        }
        if (!key.purposeData().isEmpty()) {
            ObjectNode data = json.putObject("purposeData");
            new TreeMap<>(key.purposeData()).forEach(data::put);
        }
        return json;
    }

    /** Reads a TagKey object at {@code path}; output-only fields are accepted and ignored. */
    public static Body read(JsonNode json, String path) {
        JsonObjectReader reader = JsonObjectReader.of(json, path);
        Body body = new Body(reader.string("name"), reader.string("parent").orElse(""),
                reader.string("shortName").orElse(""), reader.string("description").orElse(""),
                reader.enumName("purpose", Enums.PURPOSE_TYPE, Enums.PURPOSES).map(TagPurpose::valueOf)
                        .orElse(TagPurpose.PURPOSE_UNSPECIFIED),
                reader.stringMap("purposeData"), reader.string("etag").orElse(""));
        reader.ignore("namespacedName", "createTime", "updateTime");
        reader.finish();
        return body;
    }
}
