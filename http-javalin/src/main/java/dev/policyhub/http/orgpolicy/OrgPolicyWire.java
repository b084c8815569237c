package dev.policyhub.http.orgpolicy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.Page;
import dev.policyhub.core.orgpolicy.Constraint;
import dev.policyhub.core.orgpolicy.CustomConstraint;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.eval.Decision;
import dev.policyhub.http.wire.Json;
import dev.policyhub.http.wire.WireFormat;
import java.util.function.Function;

/**
 * Organization Policy v2 JSON to and from core records, by protobuf JSON rules: lowerCamel or snake_case in,
 * lowerCamel out, unset fields omitted, enums by name or number in and as the caller asked out.
 */
public final class OrgPolicyWire {
    private OrgPolicyWire() {
    }

    /** Reads a Policy from its v2 JSON; {@code path} prefixes field paths in errors (e.g. {@code policy}). */
    public static Policy readPolicy(JsonNode json, String path) {
        return PolicyJsonReader.policy(json, path);
    }

    /** Reads a CustomConstraint from its v2 JSON; {@code path} prefixes field paths in errors. */
    public static CustomConstraint readCustomConstraint(JsonNode json, String path) {
        return CustomConstraintJson.read(json, path);
    }

    /** The v2 JSON of a Policy. */
    public static ObjectNode writePolicy(Policy policy) {
        return PolicyJsonWriter.policy(policy);
    }

    /** The v2 JSON of a CustomConstraint. */
    public static ObjectNode writeCustomConstraint(CustomConstraint constraint, WireFormat format) {
        return CustomConstraintJson.write(constraint, format);
    }

    /** The v2 JSON of a Constraint as seen at {@code parent}, a canonical resource name. */
    public static ObjectNode writeConstraint(Constraint constraint, String parent, WireFormat format) {
        return ConstraintJson.constraint(constraint, parent, format);
    }

    /** The JSON of a decision and its explanation ({@code dryRun}: the dry-run specs were evaluated). */
    public static ObjectNode writeDecision(Decision decision, boolean dryRun) {
        return DecisionJson.decision(decision, dryRun);
    }

    /** A list response: the items under {@code field} and {@code nextPageToken}, each omitted when empty. */
    static <T> ObjectNode page(Page<T> page, String field, Function<T, JsonNode> item) {
        ObjectNode out = Json.object();
        if (!page.items().isEmpty()) {
            ArrayNode items = out.putArray(field);
            page.items().forEach(i -> items.add(item.apply(i)));
        }
        if (page.hasNextPage()) {
            out.put("nextPageToken", page.nextPageToken());
        }
        return out;
    }
}
