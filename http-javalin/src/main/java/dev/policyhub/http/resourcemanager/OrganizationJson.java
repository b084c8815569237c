package dev.policyhub.http.resourcemanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.hierarchy.Organization;
import dev.policyhub.http.wire.Json;
import dev.policyhub.http.wire.JsonObjectReader;
import dev.policyhub.http.wire.WireFormat;
import java.util.Optional;

/** The v3 JSON of an Organization. */
public final class OrganizationJson {
    /** The fields of an Organization as given: {@code name} is {@code organizations/{id}} when present. */
    public record Body(Optional<String> name, Optional<String> displayName, Optional<String> directoryCustomerId) {
    }

    private OrganizationJson() {
    }

    /** Prints an organization; an empty directory customer id is left out. */
    public static ObjectNode write(Organization org, WireFormat format) {
        ObjectNode json = Json.object();
        json.put("name", org.name());
        json.put("displayName", org.displayName());
        if (!org.directoryCustomerId().isEmpty()) {
            json.put("directoryCustomerId", org.directoryCustomerId());
        }
        json.set("state", format.enumValue(org.state().name(), Enums.STATES));
        json.put("createTime", WireFormat.timestamp(org.createTime()));
        json.put("updateTime", WireFormat.timestamp(org.updateTime()));
        json.put("etag", org.etag());
        return json;
    }

    /** Reads an Organization object at {@code path}; output-only fields are accepted and ignored. */
    public static Body read(JsonNode json, String path) {
        JsonObjectReader reader = JsonObjectReader.of(json, path);
        Body body = new Body(reader.string("name"), reader.string("displayName"), reader.string("directoryCustomerId"));
        reader.ignore("state", "createTime", "updateTime", "deleteTime", "etag");
        reader.finish();
        return body;
    }
}
