package dev.policyhub.http.pulumi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.Page;
import dev.policyhub.core.policygroups.BulkCreateResult;
import dev.policyhub.core.policygroups.InsightsAccount;
import dev.policyhub.core.policygroups.NewInsightsAccount;
import dev.policyhub.http.wire.Json;
import dev.policyhub.http.wire.PlainJson;
import java.util.List;

/** Insights accounts in Pulumi's JSON: the create body, InsightsAccount, lists, bulk results and required packs. */
final class AccountJson {
    private AccountJson() {
    }

    /** The fields of a create body ({@code provider}, {@code environment}, …) for an account named {@code name}. */
    static NewInsightsAccount read(String name, BodyFields body) {
        // the deprecated cron field is ignored
        return new NewInsightsAccount(name, body.text("provider"), body.text("environment"),
                body.text("scanSchedule"), body.plainObject("providerConfig"), body.text("agentPoolID"));
    }

    /** One item of a bulk create: an object whose {@code name} names the account. */
    static NewInsightsAccount readItem(JsonNode item) {
        BodyFields body = BodyFields.of(item);
        return read(body.text("name"), body);
    }

    /** An InsightsAccount; {@code agentPoolID} and {@code providerConfig} only when set. */
    static ObjectNode account(InsightsAccount a) {
        ObjectNode out = Json.object().put("id", a.id()).put("name", a.name());
        // accounts have no owning user here: every account is shown as owned by PolicyHub
        out.set("ownedBy", Json.object().put("name", "policyhub").put("githubLogin", "policyhub")
                .put("avatarUrl", ""));
        out.put("provider", a.provider()).put("providerEnvRef", a.environment())
                .put("scheduledScanEnabled", !a.scanSchedule().equals("none"));
        if (!a.agentPoolId().isEmpty()) {
            out.put("agentPoolID", a.agentPoolId());
        }
        if (!a.providerConfig().isEmpty()) {
            out.set("providerConfig", PlainJson.toJson(a.providerConfig()));
        }
        return out;
    }

    /** {@code {"accounts":[…],"nextToken"?}}, the token absent on the last page. */
    static JsonNode list(Page<InsightsAccount> page) {
        ObjectNode out = Json.object();
        out.set("accounts", accounts(page.items()));
        if (page.hasNextPage()) {
            out.put("nextToken", page.nextPageToken());
        }
        return out;
    }

    /** {@code {"accounts":[…],"failures":[{"name","error"}]}}, each error as the single create would answer it. */
    static JsonNode bulk(BulkCreateResult result) {
        ArrayNode failures = Json.array();
        for (BulkCreateResult.Failure f : result.failures()) {
            String reason = PulumiErrors.reason(PulumiErrors.status(f.error().code()));
            failures.add(Json.object().put("name", f.name()).put("error", reason + ": " + f.error().getMessage()));
        }
        ObjectNode out = Json.object();
        out.set("accounts", accounts(result.accounts()));
        out.set("failures", failures);
        return out;
    }

    private static ArrayNode accounts(List<InsightsAccount> accounts) {
        ArrayNode items = Json.array();
        accounts.forEach(a -> items.add(account(a)));
        return items;
    }
}
