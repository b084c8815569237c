package dev.policyhub.http.pulumi.contract;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** An OpenAPI document loaded under an absolute IRI, read for its operations. */
record ApiDocument(String iri, JsonNode tree) {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** Every operation of the document, in document order. */
    List<ApiOperation> operations() {
        List<ApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> pathItem : tree.path("paths").properties()) {
            PathTemplate template = new PathTemplate(pathItem.getKey());
            for (Map.Entry<String, JsonNode> entry : pathItem.getValue().properties()) {
                if (METHODS.contains(entry.getKey())) {
                    JsonNode operation = entry.getValue();
                    operations.add(new ApiOperation(operation.path("operationId").asString(),
                            entry.getKey().toUpperCase(Locale.ROOT), template, responses(operation)));
                }
            }
        }
        return operations;
    }

    /** The absolute location of {@code ref} as written in this document. */
    String resolve(String ref) {
        return ref.startsWith("#") ? iri + ref : URI.create(iri).resolve(ref).toString();
    }

    private Map<Integer, DocumentedResponse> responses(JsonNode operation) {
        Map<Integer, DocumentedResponse> responses = new TreeMap<>();
        for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
            JsonNode content = response.getValue().path("content");
            if (content.size() > 1) {
                throw new IllegalStateException("more than one media type in " + response);
            }
            DocumentedResponse documented = new DocumentedResponse(null, null);
            for (Map.Entry<String, JsonNode> media : content.properties()) {
                JsonNode ref = media.getValue().path("schema").path("$ref");
                documented = new DocumentedResponse(media.getKey(), ref.isString() ? resolve(ref.stringValue()) : null);
            }
            responses.put(Integer.valueOf(response.getKey()), documented);
        }
        return responses;
    }
}
