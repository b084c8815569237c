package dev.policyhub.http.pulumi;

import dev.policyhub.core.policygroups.NewInsightsAccount;
import dev.policyhub.core.policygroups.PolicyGroupService;
import dev.policyhub.core.policygroups.RequiredPolicy;
import java.util.List;

/**
 * The Insights account endpoints under {@code /api/preview/insights/{org}/accounts}: create (one or many), list,
 * read, delete, and the packs an account must run. A child account is named {@code parent%2Fchild} in the path.
 */
final class AccountRoutes {
    private static final String ACCOUNTS = "/api/preview/insights/{org}/accounts";
    private static final String ACCOUNT = ACCOUNTS + "/{account}";

    private final PolicyGroupService service;

    AccountRoutes(PolicyGroupService service) {
        this.service = service;
    }

    void register(PulumiRouter router) {
        router.add("GET", ACCOUNT + "/policy/packs", this::packs);
        router.add("POST", ACCOUNTS, this::bulkCreate);
        router.add("GET", ACCOUNTS, this::list);
        router.add("POST", ACCOUNT, this::create);
        router.add("GET", ACCOUNT, call -> PulumiResponse.ok(AccountJson.account(
                service.getAccount(call.path("org"), call.path("account")))));
        router.add("DELETE", ACCOUNT, call -> {
            service.deleteAccount(call.path("org"), call.path("account"));
            return PulumiResponse.noContent();
        });
    }

    private PulumiResponse create(PulumiCall call) {
        String org = call.path("org");
        service.requireOrganization(org);
        service.createAccount(org, AccountJson.read(call.path("account"), BodyFields.of(call.json())));
        return PulumiResponse.noContent();
    }

    private PulumiResponse bulkCreate(PulumiCall call) {
        String org = call.path("org");
        service.requireOrganization(org);
        BodyFields body = BodyFields.of(call.json());
        List<NewInsightsAccount> accounts = body.array("accounts", AccountJson::readItem).orElse(List.of());
        // accepted for compatibility: packs are never enabled automatically here
        body.bool("skipAutoEnablePolicyPacks");
        return PulumiResponse.ok(AccountJson.bulk(service.createAccounts(org, accounts)));
    }

    private PulumiResponse list(PulumiCall call) {
        String org = call.path("org");
        service.requireOrganization(org);
        int count = call.query("count").map(AccountRoutes::parseCount)
                .orElse(PolicyGroupService.DEFAULT_ACCOUNT_COUNT);
        return PulumiResponse.ok(AccountJson.list(service.listAccounts(org, call.query("parent").orElse(""), count,
                call.query("continuationToken").orElse(""))));
    }

    private PulumiResponse packs(PulumiCall call) {
        List<RequiredPolicy> packs = service.accountPolicyPacks(call.path("org"), call.path("account"));
        // this list never pages, so any continuation token is one it did not hand out
        if (call.query("continuationToken").isPresent()) {
            throw new PulumiError(400, "invalid continuation token");
        }
        return PulumiResponse.ok(RequiredPolicyJson.list("packs", packs, call.baseUrl()));
    }

    // an integer outside int's range is still out of [1, 1000]: the service refuses it with its own message
    private static int parseCount(String value) {
        try {
            long count = Long.parseLong(value);
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, count));
        } catch (NumberFormatException e) {
            throw PulumiError.invalidQuery();
        }
    }
}
