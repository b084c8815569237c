package dev.policyhub.http.resourcemanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.hierarchy.HierarchyService;
import dev.policyhub.core.hierarchy.Project;
import dev.policyhub.http.wire.GoogleCall;
import dev.policyhub.http.wire.GoogleRouter;
import dev.policyhub.http.wire.Json;
import dev.policyhub.http.wire.JsonObjectReader;
import dev.policyhub.http.wire.WireFormat;
import java.util.Set;

/** Projects, named by id or number: create, get, list, patch, move and delete; writes answer completed operations. */
final class ProjectRoutes {
    private static final String ONE = "/v3/projects/([^/:]+)";
    private static final GoogleRouter.Names NAMED = ResourceNames.named("projects");

    private final HierarchyService hierarchy;
    private final Operations operations;

    ProjectRoutes(HierarchyService hierarchy, Operations operations) {
        this.hierarchy = hierarchy;
        this.operations = operations;
    }

    void register(GoogleRouter router) {
        router.add("POST", "/v3/projects", Set.of(), ResourceNames.CREATED, this::create);
        router.add("GET", "/v3/projects", Set.of("parent", "pageSize", "pageToken", "showDeleted"), ResourceNames.PARENT_QUERY,
                this::list);
        router.add("GET", ONE, Set.of(), NAMED, this::get);
        router.add("PATCH", ONE, Set.of("updateMask"), NAMED, this::update);
        router.add("POST", ONE + ":move", Set.of(), ResourceNames.moved("projects"), this::move);
        router.add("DELETE", ONE, Set.of(), NAMED, this::delete);
    }

    private JsonNode create(GoogleCall call) {
        ProjectJson.Body body = ProjectJson.read(call.body(), "project");
        Project project = hierarchy.createProject(body.toNew(0));
        ObjectNode metadata = Json.object().put("createTime", WireFormat.timestamp(project.createTime()))
                .put("gettable", true).put("ready", true);
        return done(call, "CreateProjectMetadata", metadata, project);
    }

    private JsonNode get(GoogleCall call) {
        return ProjectJson.write(hierarchy.getProject(name(call)), call.format());
    }

    private JsonNode list(GoogleCall call) {
        boolean showDeleted = call.query().bool("showDeleted", "show_deleted");
        return PageJson.write("projects",
                hierarchy.listProjects(call.query().get("parent"), call.query().page(), showDeleted),
                project -> ProjectJson.write(project, call.format()));
    }

    private JsonNode update(GoogleCall call) {
        ProjectJson.Body body = ProjectJson.read(call.body(), "project");
        Project project = hierarchy.updateProject(name(call), body.displayName(), body.labels(),
                call.query().updateMask());
        return done(call, "UpdateProjectMetadata", Json.object(), project);
    }

    private JsonNode move(GoogleCall call) {
        JsonObjectReader body = JsonObjectReader.of(call.body(), "");
        String destination = body.string("destinationParent").orElse("");
        body.ignore("name");
        body.finish();
        return done(call, "MoveProjectMetadata", Json.object(), hierarchy.moveProject(name(call), destination));
    }

    private JsonNode delete(GoogleCall call) {
        return done(call, "DeleteProjectMetadata", Json.object(), hierarchy.deleteProject(name(call)));
    }

    private ObjectNode done(GoogleCall call, String metadataType, ObjectNode metadata, Project project) {
        return operations.completed(Operations.Kind.PROJECT, project.name(), metadataType, metadata, ProjectJson.TYPE,
                format -> ProjectJson.write(project, format), call.format());
    }

    private static String name(GoogleCall call) {
        return "projects/" + call.path(1);
    }
}
