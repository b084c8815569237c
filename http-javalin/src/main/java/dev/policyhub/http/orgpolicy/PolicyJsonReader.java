package dev.policyhub.http.orgpolicy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.core.orgpolicy.Expr;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;
import dev.policyhub.core.orgpolicy.StringValues;
import dev.policyhub.http.wire.JsonObjectReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a v2 Policy from protobuf JSON into core's records. Output-only fields ({@code spec.etag},
 * {@code spec.updateTime}) and the deprecated {@code alternate} are accepted and dropped; the rule's kind is taken as
 * written (none or several members included), so that core's validation can say what is wrong with it.
 */
final class PolicyJsonReader {
    private PolicyJsonReader() {
    }

    static Policy policy(JsonNode json, String path) {
        JsonObjectReader r = JsonObjectReader.of(json, path);
        String name = r.string("name").orElse("");
        Optional<PolicySpec> spec = r.object("spec").map(PolicyJsonReader::spec);
        Optional<PolicySpec> dryRunSpec = r.object("dryRunSpec").map(PolicyJsonReader::spec);
        String etag = r.string("etag").orElse("");
        r.ignore("alternate");
        r.finish();
        return new Policy(name, spec, dryRunSpec, etag);
    }

    private static PolicySpec spec(JsonObjectReader r) {
        r.ignore("etag", "updateTime");
        List<PolicyRule> rules = r.list("rules", (node, at) -> rule(JsonObjectReader.of(node, at)));
        boolean inheritFromParent = r.bool("inheritFromParent").orElse(false);
        boolean reset = r.bool("reset").orElse(false);
        r.finish();
        return new PolicySpec("", Optional.empty(), rules, inheritFromParent, reset);
    }

    private static PolicyRule rule(JsonObjectReader r) {
        List<PolicyRule.Kind> kinds = new ArrayList<>();
        r.object("values").map(PolicyJsonReader::values).ifPresent(kinds::add);
        r.bool("allowAll").map(PolicyRule.AllowAll::new).ifPresent(kinds::add);
        r.bool("denyAll").map(PolicyRule.DenyAll::new).ifPresent(kinds::add);
        r.bool("enforce").map(PolicyRule.Enforce::new).ifPresent(kinds::add);
        Optional<Expr> condition = r.object("condition").map(PolicyJsonReader::expr);
        Map<String, Object> parameters = r.any("parameters")
                .map(node -> StructJson.struct(node, r.pathOf("parameters"))).orElse(Map.of());
        r.finish();
        return new PolicyRule(kind(kinds), condition, parameters);
    }

    private static PolicyRule.Kind kind(List<PolicyRule.Kind> kinds) {
        if (kinds.isEmpty()) {
            return new PolicyRule.NoKind();
        }
        return kinds.size() == 1 ? kinds.get(0) : new PolicyRule.SeveralKinds(kinds);
    }

    private static PolicyRule.Kind values(JsonObjectReader r) {
        StringValues values = new StringValues(r.strings("allowedValues"), r.strings("deniedValues"));
        r.finish();
        return new PolicyRule.Values(values);
    }

    private static Expr expr(JsonObjectReader r) {
        Expr expr = new Expr(r.string("expression").orElse(""), r.string("title").orElse(""),
                r.string("description").orElse(""), r.string("location").orElse(""));
        r.finish();
        return expr;
    }
}
