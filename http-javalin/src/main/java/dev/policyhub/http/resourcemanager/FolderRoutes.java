package dev.policyhub.http.resourcemanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.hierarchy.Folder;
import dev.policyhub.core.hierarchy.HierarchyService;
import dev.policyhub.http.wire.GoogleCall;
import dev.policyhub.http.wire.GoogleRouter;
import dev.policyhub.http.wire.Json;
import dev.policyhub.http.wire.JsonObjectReader;
import java.util.Set;

/** Folders: create, get, list, patch, move and delete; every write answers a completed operation. */
final class FolderRoutes {
    private static final String ONE = "/v3/folders/([^/:]+)";
    private static final GoogleRouter.Names NAMED = ResourceNames.named("folders");

    private final HierarchyService hierarchy;
    private final Operations operations;

    FolderRoutes(HierarchyService hierarchy, Operations operations) {
        this.hierarchy = hierarchy;
        this.operations = operations;
    }

    void register(GoogleRouter router) {
        router.add("POST", "/v3/folders", Set.of(), ResourceNames.CREATED, this::create);
        router.add("GET", "/v3/folders", Set.of("parent", "pageSize", "pageToken", "showDeleted"), ResourceNames.PARENT_QUERY,
                this::list);
        router.add("GET", ONE, Set.of(), NAMED, this::get);
        router.add("PATCH", ONE, Set.of("updateMask"), NAMED, this::update);
        router.add("POST", ONE + ":move", Set.of(), ResourceNames.moved("folders"), this::move);
        router.add("DELETE", ONE, Set.of(), NAMED, this::delete);
    }

    private JsonNode create(GoogleCall call) {
        FolderJson.Body body = FolderJson.read(call.body(), "folder");
        Folder folder = hierarchy.createFolder(body.toNew(0));
        ObjectNode metadata = Json.object().put("displayName", folder.displayName())
                .put("parent", folder.parent().name());
        return done(call, "CreateFolderMetadata", metadata, folder);
    }

    private JsonNode get(GoogleCall call) {
        return FolderJson.write(hierarchy.getFolder(name(call)), call.format());
    }

    private JsonNode list(GoogleCall call) {
        boolean showDeleted = call.query().bool("showDeleted", "show_deleted");
        return PageJson.write("folders",
                hierarchy.listFolders(call.query().get("parent"), call.query().page(), showDeleted),
                folder -> FolderJson.write(folder, call.format()));
    }

    private JsonNode update(GoogleCall call) {
        FolderJson.Body body = FolderJson.read(call.body(), "folder");
        Folder folder = hierarchy.updateFolder(name(call), body.displayName(), call.query().updateMask());
        return done(call, "UpdateFolderMetadata", Json.object(), folder);
    }

    private JsonNode move(GoogleCall call) {
        JsonObjectReader body = JsonObjectReader.of(call.body(), "");
        String destination = body.string("destinationParent").orElse("");
        body.ignore("name");
        body.finish();
        String source = hierarchy.getFolder(name(call)).parent().name();
        Folder folder = hierarchy.moveFolder(name(call), destination);
        ObjectNode metadata = Json.object().put("displayName", folder.displayName()).put("sourceParent", source)
                .put("destinationParent", folder.parent().name());
        return done(call, "MoveFolderMetadata", metadata, folder);
    }

    private JsonNode delete(GoogleCall call) {
        return done(call, "DeleteFolderMetadata", Json.object(), hierarchy.deleteFolder(name(call)));
    }

    private ObjectNode done(GoogleCall call, String metadataType, ObjectNode metadata, Folder folder) {
        return operations.completed(Operations.Kind.FOLDER, folder.name(), metadataType, metadata, FolderJson.TYPE,
                format -> FolderJson.write(folder, format), call.format());
    }

    private static String name(GoogleCall call) {
        return "folders/" + call.path(1);
    }
}
