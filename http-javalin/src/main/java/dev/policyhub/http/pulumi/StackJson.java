package dev.policyhub.http.pulumi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.Page;
import dev.policyhub.core.policygroups.Stack;
import dev.policyhub.http.wire.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stacks in Pulumi's JSON, and the resource count of an untyped deployment in a request. */
final class StackJson {
    private StackJson() {
    }

    /** A Stack: {@code id}, names, {@code activeUpdate}, {@code version} (the number of imports) and {@code tags}. */
    static ObjectNode stack(Stack s) {
        ObjectNode out = names(s).put("activeUpdate", "").put("version", s.version());
        out.set("tags", Json.object());
        return out;
    }

    /** {@code {"stacks":[StackSummary…],"continuationToken"?}}, the token absent on the last page. */
    static JsonNode list(Page<Stack> page) {
        ArrayNode items = Json.array();
        page.items().forEach(s -> items.add(summary(s)));
        ObjectNode out = Json.object();
        out.set("stacks", items);
        if (page.hasNextPage()) {
            out.put("continuationToken", page.nextPageToken());
        }
        return out;
    }

    /** A StackSummary: {@code lastUpdate} (Unix seconds of the last import) only once there is one. */
    static ObjectNode summary(Stack s) {
        ObjectNode out = names(s);
        s.lastUpdate().ifPresent(t -> out.put("lastUpdate", t.getEpochSecond()));
        return out.put("resourceCount", s.resourceCount());
    }

    /** {@code {"updateId":"00000000-0000-0000-0000-000000000041"}}: an id from the id source, shaped as a UUID. */
    static JsonNode update(long id) {
        String digits = String.format("%032d", id);
        String uuid = digits.substring(0, 8) + "-" + digits.substring(8, 12) + "-" + digits.substring(12, 16) + "-"
                + digits.substring(16, 20) + "-" + digits.substring(20);
        return Json.object().put("updateId", uuid);
    }

    /**
     * The number of entries of {@code deployment.resources} in an untyped deployment ({@code {"version",
     * "deployment"}}); a missing or {@code null} deployment counts 0 unless {@code required}. A deployment that is not
     * an object, or resources that are not an array, are 400 {@code invalid deployment}.
     */
    static long resourceCount(BodyFields untypedDeployment, boolean required) {
        // Go decodes the version as an int: only its type is checked, the value is not kept
        untypedDeployment.int64("version");
        Optional<Object> deployment = untypedDeployment.plain("deployment");
        if (deployment.isEmpty() && !required) {
            return 0;
        }
        if (deployment.isEmpty() || !(deployment.get() instanceof Map<?, ?> fields)) {
            throw invalidDeployment();
        }
        Object resources = fields.get("resources");
        if (resources == null) {
            return 0;
        }
        if (!(resources instanceof List<?> list)) {
            throw invalidDeployment();
        }
        return list.size();
    }

    private static PulumiError invalidDeployment() {
        return new PulumiError(400, "invalid deployment");
    }

    private static ObjectNode names(Stack s) {
        return Json.object().put("id", s.id()).put("orgName", s.org()).put("projectName", s.project())
                .put("stackName", s.name());
    }
}
