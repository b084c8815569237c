package dev.policyhub.http.pulumi.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks one HTTP exchange of a Pulumi-side route against Pulumi's OpenAPI document (and PolicyHub's schemas for the
 * routes that document leaves out): the route, the status, the body's schema and field order, and the error shape.
 */
public final class OpenApiContract {
    private static final String BASE = "https://policyhub.invalid/pulumi-openapi/";
    private static final List<String> DOCUMENTS = List.of(
            "policygroups-subset-spec.json", "policyhub-inventory-schemas.json");
    /** In Pulumi's document but not served: PolicyHub answers them as unknown routes. */
    private static final Set<String> NOT_SERVED = Set.of("ListPolicyPacks", "ListPolicyPacks_post");
    private static final int MAX_LISTED = 10;
    /** OpenAPI 3.0 schemas plus the annotations Pulumi's document carries, so the validator does not warn about them. */
    private static final Dialect PULUMI_DIALECT = Dialect.builder(Dialects.getOpenApi30())
            .keyword(new NonValidationKeyword("x-order"))
            .keyword(new NonValidationKeyword("x-pulumi-model-property"))
            .build();

    private final List<ApiOperation> operations = new ArrayList<>();
    private final SchemaRegistry registry;
    private final PropertyOrder propertyOrder;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract() {
        Map<String, ApiDocument> documents = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : DOCUMENTS) {
            ObjectNode tree = (ObjectNode) JsonMapper.shared().readTree(resource(name));
            ClosedSchemas.close(tree);
            ApiDocument document = new ApiDocument(BASE + name, tree);
            documents.put(document.iri(), document);
            texts.put(document.iri(), tree.toString());
            document.operations().stream().filter(op -> !NOT_SERVED.contains(op.operationId())).forEach(operations::add);
        }
        registry = SchemaRegistry.withDialect(PULUMI_DIALECT, builder -> builder.schemas(texts));
        propertyOrder = new PropertyOrder(documents);
    }

    /** The contract, loaded once. */
    public static OpenApiContract pulumi() {
        return Holder.INSTANCE;
    }

    /**
     * Fails with an {@link AssertionError} listing every breach when the exchange breaks the contract.
     *
     * @param rawPathWithoutQuery the request path as sent, escapes kept
     * @param contentType the response's Content-Type, or null
     */
    public void check(String method, String rawPathWithoutQuery, int status, String contentType, byte[] body) {
        List<String> problems = problems(method, rawPathWithoutQuery, status, contentType, body);
        if (!problems.isEmpty()) {
            throw new AssertionError(method + " " + rawPathWithoutQuery + " -> " + status
                    + " breaks the Pulumi wire contract:\n  - " + String.join("\n  - ", problems)
                    + "\n  body: " + new String(body, StandardCharsets.UTF_8));
        }
    }

    /** What is wrong with the exchange; empty when it keeps the contract. */
    public List<String> problems(String method, String rawPathWithoutQuery, int status, String contentType, byte[] body) {
        if (rawPathWithoutQuery.indexOf('?') >= 0) {
            throw new IllegalArgumentException("pass the path without its query: " + rawPathWithoutQuery);
        }
        if (ErrorBodies.routeNotFound(status, contentType, body)) {
            return List.of();
        }
        Optional<ApiOperation> found = operation(method, rawPathWithoutQuery);
        if (found.isEmpty()) {
            return List.of("no route matches " + method + " " + rawPathWithoutQuery
                    + ", so the answer must be 404 'Not Found: route not found'");
        }
        ApiOperation operation = found.get();
        if (!operation.allowedStatuses().contains(status)) {
            return List.of(operation + " answers " + operation.allowedStatuses() + ", not " + status);
        }
        if (status >= 400) {
            return ErrorBodies.problems(status, contentType, body);
        }
        return successProblems(operation.responses().get(status), contentType, body);
    }

    /** The operation the exchange belongs to: same method, matching path, literal segments before parameters. */
    Optional<ApiOperation> operation(String method, String rawPath) {
        // one trailing slash is ignored
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        return operations.stream()
                .filter(op -> op.method().equals(method) && op.path().matches(path))
                .min((a, b) -> a.path().compareSpecificity(b.path()));
    }

    /** Every JSON response schema location of both documents, for checking that each one loads. */
    List<String> schemaLocations() {
        return operations.stream()
                .flatMap(op -> op.responses().values().stream())
                .map(DocumentedResponse::schemaLocation)
                .filter(location -> location != null)
                .distinct().sorted(Comparator.naturalOrder())
                .collect(Collectors.toList());
    }

    /** The validator for the schema at {@code location}, loaded once. */
    Schema schema(String location) {
        return schemas.computeIfAbsent(location, key -> registry.getSchema(SchemaLocation.of(key)));
    }

    private List<String> successProblems(DocumentedResponse response, String contentType, byte[] body) {
        if (response.empty()) {
            return body.length == 0 ? List.of() : List.of("this response has no body, but " + body.length + " bytes came");
        }
        String mediaType = JsonBodies.mediaType(contentType);
        if (!mediaType.equals(response.mediaType())) {
            return List.of("Content-Type is '" + contentType + "', not " + response.mediaType());
        }
        if (response.schemaLocation() == null) {
            return List.of();
        }
        JsonNode json;
        try {
            json = JsonBodies.parse(body);
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        if (!JsonBodies.compact(body)) {
            problems.add("JSON is not compact");
        }
        List<Error> errors = schema(response.schemaLocation()).validate(json);
        errors.stream().limit(MAX_LISTED).map(OpenApiContract::describe).forEach(problems::add);
        if (errors.size() > MAX_LISTED) {
            problems.add("and " + (errors.size() - MAX_LISTED) + " more schema errors");
        }
        if (errors.isEmpty()) {
            problems.addAll(propertyOrder.problems(response.schemaLocation(), json));
        }
        return problems;
    }

    private static String describe(Error error) {
        return "body" + error.getInstanceLocation() + ": " + error.getMessage();
    }

    private static byte[] resource(String name) {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/pulumi-openapi/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource pulumi-openapi/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the documents on first use only. */
    private static final class Holder {
        static final OpenApiContract INSTANCE = new OpenApiContract();
    }
}
