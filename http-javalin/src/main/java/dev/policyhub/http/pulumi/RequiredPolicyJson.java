package dev.policyhub.http.pulumi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.policygroups.RequiredPolicy;
import dev.policyhub.http.wire.Json;
import dev.policyhub.http.wire.PlainJson;
import java.util.List;

/** RequiredPolicy, an item of {@code requiredPolicies} and of an account's {@code packs}: a pack to run and where it is. */
final class RequiredPolicyJson {
    private RequiredPolicyJson() {
    }

    /** {@code {"<field>":[RequiredPolicy…]}}, the array always printed. */
    static JsonNode list(String field, List<RequiredPolicy> policies, String baseUrl) {
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray(field);
        policies.forEach(p -> items.add(write(p, baseUrl)));
        return out;
    }

    /** One RequiredPolicy; {@code config} and {@code environments} are left out when empty. */
    static ObjectNode write(RequiredPolicy p, String baseUrl) {
        ObjectNode out = Json.object().put("name", p.name()).put("version", p.version())
                .put("versionTag", p.versionTag()).put("displayName", p.displayName())
                .put("packLocation", BlobRoutes.archiveUrl(baseUrl, p.org(), p.name(), p.version()));
        if (!p.config().isEmpty()) {
            out.set("config", PlainJson.toJson(p.config()));
        }
        if (!p.environments().isEmpty()) {
            out.set("environments", PlainJson.toJson(p.environments()));
        }
        return out;
    }
}
