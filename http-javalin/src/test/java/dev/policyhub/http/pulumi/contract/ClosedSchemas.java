package dev.policyhub.http.pulumi.contract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes an OpenAPI document's object schemas reject unknown properties, so a misspelt or extra field fails validation.
 * The documents leave {@code additionalProperties} open; PolicyHub must send exactly the documented fields.
 */
final class ClosedSchemas {
    /** Free-form maps whose keys belong to policies, providers or HTTP, with everything inside them. */
    static final Set<String> OPEN_MAPS = Set.of("config", "providerConfig", "configSchema", "properties", "requiredHeaders");
    private static final String LOCAL_SCHEMAS = "#/components/schemas/";
    private static final List<String> COMPOSITIONS = List.of("allOf", "anyOf", "oneOf");

    private ClosedSchemas() {
    }

    /** Closes, in place, every object schema of {@code document} outside the open maps. */
    static void close(ObjectNode document) {
        JsonNode components = document.path("components").path("schemas");
        Set<String> open = openComponents(components);
        for (Map.Entry<String, JsonNode> component : components.properties()) {
            if (!open.contains(component.getKey())) {
                closeSchema(component.getValue());
            }
        }
    }

    /** Components reached from inside an open map are open as well (a policy's config schema is one). */
    private static Set<String> openComponents(JsonNode components) {
        Set<String> open = new HashSet<>();
        Deque<String> toVisit = new ArrayDeque<>();
        for (Map.Entry<String, JsonNode> component : components.properties()) {
            collectReferences(component.getValue(), false, toVisit);
        }
        while (!toVisit.isEmpty()) {
            String name = toVisit.pop();
            if (open.add(name)) {
                collectReferences(components.path(name), true, toVisit);
            }
        }
        return open;
    }

    private static void collectReferences(JsonNode schema, boolean insideOpenMap, Deque<String> found) {
        if (!schema.isObject()) {
            return;
        }
        JsonNode ref = schema.path("$ref");
        if (insideOpenMap && ref.isString() && ref.stringValue().startsWith(LOCAL_SCHEMAS)) {
            found.push(ref.stringValue().substring(LOCAL_SCHEMAS.length()));
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            collectReferences(property.getValue(), insideOpenMap || OPEN_MAPS.contains(property.getKey()), found);
        }
        collectReferences(schema.path("items"), insideOpenMap, found);
        collectReferences(schema.path("additionalProperties"), insideOpenMap, found);
        for (String composition : COMPOSITIONS) {
            for (JsonNode part : schema.path(composition).values()) {
                collectReferences(part, insideOpenMap, found);
            }
        }
    }

    private static void closeSchema(JsonNode schema) {
        // a composed schema splits its properties among its parts, so neither it nor its parts can be closed
        if (!schema.isObject() || schema.has("$ref") || COMPOSITIONS.stream().anyMatch(schema::has)) {
            return;
        }
        ObjectNode object = (ObjectNode) schema;
        if (object.has("properties") && !object.has("additionalProperties")) {
            ObjectNode properties = (ObjectNode) object.get("properties");
            // a required name is a documented field even where the document does not declare it (AppPolicy's description)
            for (JsonNode required : object.path("required").values()) {
                if (!properties.has(required.stringValue())) {
                    properties.putObject(required.stringValue());
                }
            }
            object.put("additionalProperties", false);
        }
        for (Map.Entry<String, JsonNode> property : object.path("properties").properties()) {
            if (!OPEN_MAPS.contains(property.getKey())) {
                closeSchema(property.getValue());
            }
        }
        closeSchema(object.path("items"));
        closeSchema(object.path("additionalProperties"));
    }
}
