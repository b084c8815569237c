package dev.policyhub.http.pulumi.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** PolicyHub writes an object's documented fields in the order the document's {@code x-order} gives. */
final class PropertyOrder {
    private final Map<String, ApiDocument> documents;

    /** Reads schemas from {@code documents}, keyed by IRI. */
    PropertyOrder(Map<String, ApiDocument> documents) {
        this.documents = documents;
    }

    /** Fields of {@code value}, at any depth, that come before a field the schema at {@code location} orders first. */
    List<String> problems(String location, JsonNode value) {
        List<String> problems = new ArrayList<>();
        visit(location, value, "body", problems);
        return problems;
    }

    private void visit(String location, JsonNode value, String at, List<String> problems) {
        int hash = location.indexOf('#');
        ApiDocument document = documents.get(location.substring(0, hash));
        JsonNode schema = document.tree().at(location.substring(hash + 1));
        if (schema.path("$ref").isString()) {
            visit(document.resolve(schema.path("$ref").stringValue()), value, at, problems);
        } else if (value.isObject()) {
            int lastOrder = Integer.MIN_VALUE;
            String lastName = null;
            for (String name : value.propertyNames()) {
                JsonNode property = schema.path("properties").path(name);
                JsonNode order = property.path("x-order");
                if (order.isInt()) {
                    if (order.intValue() < lastOrder) {
                        problems.add(at + ": '" + name + "' must come before '" + lastName + "' (x-order)");
                    }
                    lastOrder = order.intValue();
                    lastName = name;
                }
                if (!property.isMissingNode() && !ClosedSchemas.OPEN_MAPS.contains(name)) {
                    visit(location + "/properties/" + escape(name), value.get(name), at + "/" + name, problems);
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                visit(location + "/items", value.get(i), at + "/" + i, problems);
            }
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
