package dev.policyhub.http.resourcemanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.hierarchy.Folder;
import dev.policyhub.core.hierarchy.NewFolder;
import dev.policyhub.http.wire.Json;
import dev.policyhub.http.wire.JsonObjectReader;
import dev.policyhub.http.wire.WireFormat;
import java.util.Map;
import java.util.Optional;

/** The v3 JSON of a Folder. */
public final class FolderJson {
    /** Proto type of a Folder, as in an Operation's {@code response}. */
    public static final String TYPE = "google.cloud.resourcemanager.v3.Folder";

    /** The input fields of a Folder as given ({@code ""} or empty when absent). */
    public record Body(Optional<String> name, String parent, String displayName, Map<String, String> tags) {
        /** The folder to create with this id ({@code 0} = assign one). */
        public NewFolder toNew(long id) {
            return new NewFolder(id, parent, displayName, tags);
        }
    }

    private FolderJson() {
    }

    /** Prints a folder. */
    public static ObjectNode write(Folder folder, WireFormat format) {
        ObjectNode json = Json.object();
        json.put("name", folder.name());
        json.put("parent", folder.parent().name());
        json.put("displayName", folder.displayName());
        json.set("state", format.enumValue(folder.state().name(), Enums.STATES));
        json.put("createTime", WireFormat.timestamp(folder.createTime()));
        json.put("updateTime", WireFormat.timestamp(folder.updateTime()));
        folder.deleteTime().ifPresent(t -> json.put("deleteTime", WireFormat.timestamp(t)));
        json.put("etag", folder.etag());
        return json;
    }

    /** Reads a Folder object at {@code path}; output-only fields are accepted and ignored. */
    public static Body read(JsonNode json, String path) {
        JsonObjectReader reader = JsonObjectReader.of(json, path);
        Body body = new Body(reader.string("name"), reader.string("parent").orElse(""),
                reader.string("displayName").orElse(""), reader.stringMap("tags"));
        reader.ignore("state", "createTime", "updateTime", "deleteTime", "etag");
        reader.finish();
        return body;
    }
}
