package dev.policyhub.http.pulumi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.policygroups.EnforcementLevel;
import dev.policyhub.core.policygroups.NewPolicyPack;
import dev.policyhub.core.policygroups.PackPolicy;
import dev.policyhub.core.policygroups.PolicyPackDetails;
import dev.policyhub.core.policygroups.PolicyPackSummary;
import dev.policyhub.core.policygroups.PolicyPackVersion;
import dev.policyhub.core.policygroups.PublishedVersion;
import dev.policyhub.http.wire.Json;
import dev.policyhub.http.wire.PlainJson;
import java.util.List;
import java.util.Map;

/** The policy-pack registry in Pulumi's JSON: CreatePolicyPackRequest, its answer, lists, versions, schemas. */
final class PolicyPackJson {
    private PolicyPackJson() {
    }

    /** A CreatePolicyPackRequest; each policy's level is left as spelled for the service to check. */
    static NewPolicyPack read(BodyFields body) {
        // read only to refuse a wrong JSON type, as Go's decoding does: these values are not kept
        body.string("description");
        body.string("readme");
        body.string("provider");
        body.string("repository");
        body.strings("tags");
        body.plainObject("metadata");
        List<NewPolicyPack.PolicyDraft> policies = body.array("policies", PolicyPackJson::readPolicy)
                .orElse(List.of());
        return new NewPolicyPack(body.text("name"), body.text("displayName"), body.text("versionTag"),
                body.text("runtime"), policies);
    }

    private static NewPolicyPack.PolicyDraft readPolicy(JsonNode node) {
        BodyFields p = BodyFields.of(node);
        // the content's level is a placeholder: the service sets the one spelled in the draft once it is checked
        PackPolicy content = new PackPolicy(p.text("name"), p.text("displayName"), p.text("description"),
                EnforcementLevel.ADVISORY, p.text("message"), p.plainObject("configSchema"), p.text("severity"),
                p.plainObject("framework"), p.strings("tags").orElse(List.of()), p.text("remediationSteps"),
                p.text("url"));
        return new NewPolicyPack.PolicyDraft(content, p.text("enforcementLevel"));
    }

    /** The 201 answer of a publish: the version, where to upload its archive and the headers to send. */
    static JsonNode created(PublishedVersion v, String uploadUri) {
        ObjectNode out = Json.object().put("version", v.version()).put("uploadURI", uploadUri);
        out.set("requiredHeaders", Json.object().put("Content-Type", "application/octet-stream"));
        return out;
    }

    /** {@code {"policyPacks":[PolicyPackWithVersions…]}}. */
    static JsonNode list(List<PolicyPackSummary> packs) {
        ArrayNode items = Json.array();
        for (PolicyPackSummary p : packs) {
            ObjectNode item = Json.object().put("name", p.name()).put("displayName", p.displayName());
            item.set("versions", PlainJson.toJson(p.versions()));
            item.set("versionTags", PlainJson.toJson(p.versionTags()));
            items.add(item);
        }
        ObjectNode out = Json.object();
        out.set("policyPacks", items);
        return out;
    }

    /** A GetPolicyPackResponse. */
    static JsonNode details(PolicyPackDetails d) {
        PolicyPackVersion v = d.version();
        ObjectNode out = Json.object().put("name", v.name()).put("displayName", v.displayName())
                .put("version", v.version()).put("versionTag", v.versionTag());
        ArrayNode policies = Json.array();
        v.policies().forEach(p -> policies.add(policy(p)));
        out.set("policies", policies);
        return out.put("applied", d.applied());
    }

    /** A Policy: the five text fields always, the others only when they were published. */
    static ObjectNode policy(PackPolicy p) {
        ObjectNode out = Json.object().put("name", p.name()).put("displayName", p.displayName())
                .put("description", p.description()).put("enforcementLevel", p.enforcementLevel().wire())
                .put("message", p.message());
        if (!p.configSchema().isEmpty()) {
            out.set("configSchema", PlainJson.toJson(p.configSchema()));
        }
        if (!p.severity().isEmpty()) {
            out.put("severity", p.severity());
        }
        if (!p.framework().isEmpty()) {
            out.set("framework", PlainJson.toJson(p.framework()));
        }
        if (!p.tags().isEmpty()) {
            out.set("tags", PlainJson.toJson(p.tags()));
        }
        if (!p.remediationSteps().isEmpty()) {
            out.put("remediationSteps", p.remediationSteps());
        }
        if (!p.url().isEmpty()) {
            out.put("url", p.url());
        }
        return out;
    }

    /** {@code {"configSchema":{"<policy>":{…}}}}. */
    static JsonNode schema(Map<String, Map<String, Object>> schemas) {
        ObjectNode out = Json.object();
        out.set("configSchema", PlainJson.toJson(schemas));
        return out;
    }
}
