package dev.policyhub.http.orgpolicy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.orgpolicy.ActionType;
import dev.policyhub.core.orgpolicy.CustomConstraint;
import dev.policyhub.core.orgpolicy.MethodType;
import dev.policyhub.http.wire.Json;
import dev.policyhub.http.wire.JsonObjectReader;
import dev.policyhub.http.wire.WireFormat;
import java.util.List;
import java.util.Optional;

/** A v2 CustomConstraint in protobuf JSON, both ways; {@code updateTime} is output only. */
final class CustomConstraintJson {
    private static final List<String> METHOD_TYPES = EnumNames.of(MethodType.class);
    private static final List<String> ACTION_TYPES = EnumNames.of(ActionType.class);

    private CustomConstraintJson() {
    }

    static CustomConstraint read(JsonNode json, String path) {
        JsonObjectReader r = JsonObjectReader.of(json, path);
        String name = r.string("name").orElse("");
        List<String> resourceTypes = r.strings("resourceTypes");
        List<MethodType> methodTypes = r.enumNames("methodTypes", "MethodType", METHOD_TYPES).stream()
                .map(MethodType::valueOf).toList();
        String condition = r.string("condition").orElse("");
        ActionType actionType = r.enumName("actionType", "ActionType", ACTION_TYPES).map(ActionType::valueOf)
                .orElse(ActionType.ACTION_TYPE_UNSPECIFIED);
        String displayName = r.string("displayName").orElse("");
        String description = r.string("description").orElse("");
        r.ignore("updateTime");
        r.finish();
        return new CustomConstraint(name, resourceTypes, methodTypes, condition, actionType, displayName, description,
                Optional.empty());
    }

    static ObjectNode write(CustomConstraint constraint, WireFormat format) {
        ObjectNode out = Json.object();
        PolicyJsonWriter.putString(out, "name", constraint.name());
        PolicyJsonWriter.putStrings(out, "resourceTypes", constraint.resourceTypes());
        if (!constraint.methodTypes().isEmpty()) {
            ArrayNode methods = out.putArray("methodTypes");
            constraint.methodTypes().forEach(m -> methods.add(format.enumValue(m.name(), METHOD_TYPES)));
        }
        PolicyJsonWriter.putString(out, "condition", constraint.condition());
        if (constraint.actionType() != ActionType.ACTION_TYPE_UNSPECIFIED) {
            out.set("actionType", format.enumValue(constraint.actionType().name(), ACTION_TYPES));
        }
        PolicyJsonWriter.putString(out, "displayName", constraint.displayName());
        PolicyJsonWriter.putString(out, "description", constraint.description());
        constraint.updateTime().ifPresent(time -> out.put("updateTime", WireFormat.timestamp(time)));
        return out;
    }
}
