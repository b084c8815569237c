package dev.policyhub.http.orgpolicy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.orgpolicy.Constraint;
import dev.policyhub.core.orgpolicy.ConstraintDefault;
import dev.policyhub.core.orgpolicy.ConstraintParameter;
import dev.policyhub.core.orgpolicy.ParameterType;
import dev.policyhub.http.wire.Json;
import dev.policyhub.http.wire.WireFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints a v2 Constraint: {@code listConstraint} or {@code booleanConstraint} (with a
 * {@code customConstraintDefinition} holding the parameters when the constraint is managed), the default as an enum,
 * and false flags omitted as proto3 does.
 */
final class ConstraintJson {
    private static final List<String> DEFAULTS = EnumNames.of(ConstraintDefault.class);
    private static final List<String> PARAMETER_TYPES = EnumNames.of(ParameterType.class);

    private ConstraintJson() {
    }

    /** The constraint as seen at {@code parent} (a canonical resource name). */
    static ObjectNode constraint(Constraint constraint, String parent, WireFormat format) {
        ObjectNode out = Json.object();
        out.put("name", parent + "/constraints/" + constraint.id());
        PolicyJsonWriter.putString(out, "displayName", constraint.displayName());
        PolicyJsonWriter.putString(out, "description", constraint.description());
        if (constraint.constraintDefault() != ConstraintDefault.CONSTRAINT_DEFAULT_UNSPECIFIED) {
            out.set("constraintDefault", format.enumValue(constraint.constraintDefault().name(), DEFAULTS));
        }
        if (constraint.type() instanceof Constraint.ListType list) {
            ObjectNode node = out.putObject("listConstraint");
            putTrue(node, "supportsIn", list.supportsIn());
            putTrue(node, "supportsUnder", list.supportsUnder());
        } else if (constraint.type() instanceof Constraint.BooleanType bool) {
            ObjectNode node = out.putObject("booleanConstraint");
            if (bool.managed()) {
                node.set("customConstraintDefinition", definition(bool.parameters(), format));
            }
        }
        putTrue(out, "supportsDryRun", constraint.supportsDryRun());
        PolicyJsonWriter.putString(out, "equivalentConstraint", constraint.equivalentConstraint());
        putTrue(out, "supportsSimulation", constraint.supportsSimulation());
        return out;
    }

    // PolicyHub keeps only the parameters of a managed constraint's definition.
    private static ObjectNode definition(Map<String, ConstraintParameter> parameters, WireFormat format) {
        ObjectNode out = Json.object();
        if (!parameters.isEmpty()) {
            ObjectNode map = out.putObject("parameters");
            new TreeMap<>(parameters).forEach((key, parameter) -> map.set(key, parameter(parameter, format)));
        }
        return out;
    }

    private static ObjectNode parameter(ConstraintParameter parameter, WireFormat format) {
        ObjectNode out = Json.object();
        putEnum(out, "type", parameter.type(), format);
        parameter.defaultValue().ifPresent(value -> out.set("defaultValue", StructJson.toJson(value)));
        PolicyJsonWriter.putString(out, "validValuesExpr", parameter.validValuesExpr());
        if (!parameter.description().isEmpty()) {
            out.putObject("metadata").put("description", parameter.description());
        }
        putEnum(out, "item", parameter.item(), format);
        return out;
    }

    private static void putEnum(ObjectNode out, String field, ParameterType type, WireFormat format) {
        if (type != ParameterType.TYPE_UNSPECIFIED) {
            out.set(field, format.enumValue(type.name(), PARAMETER_TYPES));
        }
    }

    private static void putTrue(ObjectNode out, String field, boolean value) {
        if (value) {
            out.put(field, true);
        }
    }
}
