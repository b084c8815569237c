package dev.policyhub.http.pulumi;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.access.AccessTokens;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.error.StorageFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Pulumi Cloud surface of the server: policy groups, stack and account resolution, stacks, Insights accounts, the
 * policy-pack registry with its archive blobs, and (when enabled) the Pulumi admin endpoints. Every answer, error or
 * not, is in Pulumi's shape; nothing thrown here reaches the Google error handlers.
 */
public final class PulumiApi {
    private static final Logger LOG = LoggerFactory.getLogger(PulumiApi.class);

    private final PulumiRouter router;

    /**
     * The API over {@code hub}; unless {@code tokens} is empty, every route but the archive blobs needs one of them
     * ({@code Authorization: token <t>}) reaching the call's organization, and the admin routes one with the admin
     * scope; {@code adminEnabled} serves {@code /admin/v1/pulumi/}.
     */
    public PulumiApi(PolicyHub hub, AccessTokens tokens, boolean adminEnabled) {
        this.router = new PulumiRouter(tokens);
        new PolicyGroupRoutes(hub.policyGroups()).register(router);
        new StackRoutes(hub.policyGroups(), hub::newId).register(router);
        new AccountRoutes(hub.policyGroups()).register(router);
        new PolicyPackRoutes(hub.policyGroups()).register(router);
        new BlobRoutes(hub.policyGroups()).register(router);
        if (adminEnabled) {
            new PulumiAdminRoutes(hub.policyGroups()).register(router);
        }
    }

    /** True for the paths this API answers, so that errors below the routes can be given its shape too. */
    public static boolean serves(String path) {
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/blobs/")
                || path.startsWith("/admin/v1/pulumi/");
    }

    /** Answers one request; never throws. */
    public PulumiResponse handle(PulumiRequest request) {
        try {
            return router.dispatch(request);
        } catch (PulumiError e) {
            return PulumiErrors.of(e);
        } catch (PolicyHubException e) {
            return PulumiErrors.of(e);
        } catch (StorageFailureException e) {
            LOG.warn("storage failure on {} {}: {}", request.method(), request.rawPath(), String.valueOf(e.getCause()));
            return PulumiErrors.of(e);
        } catch (RuntimeException e) {
            LOG.error("unexpected failure on {} {}", request.method(), request.rawPath(), e);
            return PulumiErrors.internal();
        }
    }
}
