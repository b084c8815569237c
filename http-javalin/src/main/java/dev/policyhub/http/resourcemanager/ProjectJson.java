package dev.policyhub.http.resourcemanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.hierarchy.NewProject;
import dev.policyhub.core.hierarchy.Project;
import dev.policyhub.http.wire.Json;
import dev.policyhub.http.wire.JsonObjectReader;
import dev.policyhub.http.wire.WireFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The v3 JSON of a Project. */
public final class ProjectJson {
    /** Proto type of a Project, as in an Operation's {@code response}. */
    public static final String TYPE = "google.cloud.resourcemanager.v3.Project";

    /** The input fields of a Project as given ({@code ""} or empty when absent). */
    public record Body(Optional<String> name, String projectId, String parent, String displayName,
                       Map<String, String> labels, Map<String, String> tags) {
        /** The project to create with this number ({@code 0} = assign one). */
        public NewProject toNew(long number) {
            return new NewProject(number, projectId, parent, displayName, labels, tags);
        }
    }

    private ProjectJson() {
    }

    /** Prints a project; an empty display name and empty labels are left out, labels sorted by key. */
    public static ObjectNode write(Project project, WireFormat format) {
        ObjectNode json = Json.object();
        json.put("name", project.name());
        json.put("parent", project.parent().name());
        json.put("projectId", project.projectId());
        json.set("state", format.enumValue(project.state().name(), Enums.STATES));
        if (!project.displayName().isEmpty()) {
            json.put("displayName", project.displayName());
        }
        json.put("createTime", WireFormat.timestamp(project.createTime()));
        json.put("updateTime", WireFormat.timestamp(project.updateTime()));
        project.deleteTime().ifPresent(t -> json.put("deleteTime", WireFormat.timestamp(t)));
        json.put("etag", project.etag());
        if (!project.labels().isEmpty()) {
            ObjectNode labels = json.putObject("labels");
            new TreeMap<>(project.labels()).forEach(labels::put);
        }
        return json;
    }

    /** Reads a Project object at {@code path}; output-only fields are accepted and ignored. */
    public static Body read(JsonNode json, String path) {
        JsonObjectReader reader = JsonObjectReader.of(json, path);
        Body body = new Body(reader.string("name"), reader.string("projectId").orElse(""),
                reader.string("parent").orElse(""), reader.string("displayName").orElse(""),
                reader.stringMap("labels"), reader.stringMap("tags"));
        reader.ignore("state", "createTime", "updateTime", "deleteTime", "etag");
        reader.finish();
        return body;
    }
}
