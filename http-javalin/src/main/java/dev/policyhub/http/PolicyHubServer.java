package dev.policyhub.http;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.access.AccessGrant;
import dev.policyhub.core.access.AccessTokens;
import dev.policyhub.core.error.ErrorCode;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.error.StorageFailureException;
import dev.policyhub.http.admin.AdminRoutes;
import dev.policyhub.http.orgpolicy.OrgPolicyRoutes;
import dev.policyhub.http.pulumi.PulumiApi;
import dev.policyhub.http.pulumi.PulumiRequest;
import dev.policyhub.http.pulumi.PulumiResponse;
import dev.policyhub.http.resourcemanager.Operations;
import dev.policyhub.http.resourcemanager.ResourceManagerRoutes;
import dev.policyhub.http.wire.ApiError;
import dev.policyhub.http.wire.Credentials;
import dev.policyhub.http.wire.GoogleErrors;
import dev.policyhub.http.wire.GoogleRouter;
import dev.policyhub.http.wire.Json;
import dev.policyhub.http.wire.TransportErrors;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PolicyHub over HTTP: Google's Organization Policy v2 and Resource Manager v3, and Pulumi Cloud's policy groups
 * with the inventory they refer to, on one Javalin server, plus the emulator control endpoints. Handlers only
 * translate; every rule is in the services of the given {@link PolicyHub}. With access tokens configured, every API
 * and control route needs one: Google's routes read {@code Authorization: Bearer <t>}, Pulumi's
 * {@code Authorization: token <t>}, the control endpoints either, and the pack archives none.
 */
public final class PolicyHubServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyHubServer.class);
    private static final String JSON = "application/json; charset=UTF-8";
    private static final long STOP_TIMEOUT_MILLIS = 10_000;
    private static final long SHUTDOWN_IDLE_MILLIS = 2_000;
    /** Largest request body accepted; a policy with the maximum number of values fits many times over. */
    private static final long MAX_REQUEST_BYTES = 1024 * 1024;
    /** The header every Pulumi answer carries, errors included; the CLI appends it to the messages of server errors. */
    static final String PULUMI_REQUEST_ID = "X-Pulumi-Request-ID";
    private static final Set<String> BEARER = Set.of("bearer");
    private static final Set<String> EITHER = Set.of("bearer", "token");
    private static final String UNAUTHENTICATED = "Request had invalid authentication credentials.";
    private static final String NO_PERMISSION = "The caller does not have permission";

    private final Javalin javalin;
    private final String host;

    private PolicyHubServer(Javalin javalin, String host) {
        this.javalin = javalin;
        this.host = host;
    }

    /**
     * Starts a server for {@code hub}; returns once it accepts connections. A bind address that is not loopback
     * without tokens, and without {@link ServerOptions#insecure()}, is refused with an {@link IllegalStateException}.
     */
    public static PolicyHubServer start(PolicyHub hub, ServerOptions options) {
        return start(hub, options, AccessLog.toLogger());
    }

    /** Starts a server as {@link #start(PolicyHub, ServerOptions)} does, with its access lines going to {@code log}. */
    static PolicyHubServer start(PolicyHub hub, ServerOptions options, AccessLog log) {
        Objects.requireNonNull(hub, "hub");
        Objects.requireNonNull(options, "options");
        BindRule.refusal(options).ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        AccessTokens tokens = options.tokens();
        GoogleRouter google = new GoogleRouter(hub.access());
        new OrgPolicyRoutes(hub).register(google);
        // without tokens every caller reaches every operation: no need to look up whose it is
        Operations operations = new Operations(hub::newId,
                tokens.isEmpty() ? name -> Optional.empty() : hub.access()::organizationOf);
        new ResourceManagerRoutes(hub, operations).register(google);
        GoogleRouter admin = new GoogleRouter(hub.access());
        if (options.adminEnabled()) {
            new AdminRoutes(hub, operations::clear).register(admin);
        }
        PulumiApi pulumi = new PulumiApi(hub, tokens, options.adminEnabled());
        Handler googleHandler = ctx -> {
            Optional<AccessGrant> grant = grant(tokens, ctx, BEARER);
            if (grant.isEmpty()) {
                refuseUnauthenticated(ctx);
            } else {
                dispatch(google, ctx, grant.get());
            }
        };
        Handler pulumiHandler = ctx -> dispatch(pulumi, options, ctx);
        Handler adminHandler = ctx -> {
            if (PulumiApi.serves(ctx.path())) {
                dispatch(pulumi, options, ctx);
                return;
            }
            Optional<AccessGrant> grant = grant(tokens, ctx, EITHER);
            if (grant.isEmpty()) {
                refuseUnauthenticated(ctx);
            } else if (!grant.get().admin()) {
                render(ctx, GoogleErrors.body(ErrorCode.PERMISSION_DENIED, NO_PERMISSION, List.of(), List.of()));
            } else {
                dispatch(admin, ctx, grant.get());
            }
        };
        Javalin javalin = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
            cfg.jetty.host = options.bindAddress();
            cfg.jetty.port = options.port();
            // tag binding names carry escaped slashes (%2F, %252F): Jetty refuses them unless told otherwise
            cfg.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(UriCompliance.UNSAFE));
            cfg.jetty.modifyServletContextHandler(PolicyHubServer::allowAmbiguousUris);
            cfg.jetty.modifyServer(PolicyHubServer::stopGracefully);
            // in Jetty, not in the routes: requests Jetty refuses before any route runs get their line too
            cfg.jetty.modifyServer(server -> server.setRequestLog(log));
            for (String prefix : new String[] {"/v2/*", "/v3/*"}) {
                cfg.routes.get(prefix, googleHandler);
                cfg.routes.post(prefix, googleHandler);
                cfg.routes.patch(prefix, googleHandler);
                cfg.routes.delete(prefix, googleHandler);
                cfg.routes.put(prefix, googleHandler);
            }
            for (String prefix : new String[] {"/api/*", "/blobs/*", "/admin/v1/*"}) {
                Handler handler = prefix.startsWith("/admin") ? adminHandler : pulumiHandler;
                cfg.routes.get(prefix, handler);
                cfg.routes.post(prefix, handler);
                cfg.routes.patch(prefix, handler);
                cfg.routes.delete(prefix, handler);
                cfg.routes.put(prefix, handler);
                cfg.routes.head(prefix, handler);
                cfg.routes.options(prefix, handler);
            }
            cfg.routes.before(PolicyHubServer::closeAfterBodyOnBodilessMethod);
            cfg.routes.exception(PolicyHubException.class, (e, ctx) -> render(ctx, GoogleErrors.body(e)));
            cfg.routes.exception(ApiError.class, (e, ctx) -> render(ctx, GoogleErrors.body(e)));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (PulumiApi.serves(ctx.path())) {
                    send(ctx, JsonErrorHandler.pulumiError(e.getStatus()));
                } else {
                    render(ctx, TransportErrors.body(e.getStatus(), e.getMessage(), MAX_REQUEST_BYTES));
                }
            });
            cfg.routes.exception(StorageFailureException.class, (e, ctx) -> {
                LOG.warn("storage failure on {} {}: {}", ctx.method(), ctx.path(), String.valueOf(e.getCause()));
                render(ctx, GoogleErrors.body(e));
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
                render(ctx, GoogleErrors.internal());
            });
            cfg.routes.error(404, ctx -> {
                String type = ctx.res().getContentType();
                if (type == null || !type.startsWith("application/json")) {
                    renderNoRoute(ctx);
                }
            });
            cfg.routes.error(405, PolicyHubServer::renderNoRoute);
        });
        javalin.start();
        // once shutdown starts, Jetty allows a connection this much silence: its default, 1 s, cuts a client still
        // sending a body on a busy machine (408); longer would hold idle keep-alive connections, and so the stop
        for (Connector connector : javalin.jettyServer().server().getConnectors()) {
            if (connector instanceof AbstractConnector jetty) {
                jetty.setShutdownIdleTimeout(SHUTDOWN_IDLE_MILLIS);
            }
        }
        return new PolicyHubServer(javalin, options.bindAddress());
    }

    /** The port the server listens on (useful when started on port 0). */
    public int port() {
        return javalin.port();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port();
    }

    /** Stops accepting connections, lets in-flight requests finish (up to 10 s) and stops the server. */
    @Override
    public void close() {
        javalin.stop();
    }

    /** The grant of the request's token; everything when there are no tokens, empty when the token is not known. */
    private static Optional<AccessGrant> grant(AccessTokens tokens, Context ctx, Set<String> schemes) {
        if (tokens.isEmpty()) {
            return Optional.of(AccessGrant.everything());
        }
        return Credentials.of(Optional.ofNullable(ctx.header("Authorization")), schemes).flatMap(tokens::grantOf);
    }

    /** Google's 401, with the challenge its front end sends. */
    private static void refuseUnauthenticated(Context ctx) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"policyhub\"");
        render(ctx, GoogleErrors.body(ErrorCode.UNAUTHENTICATED, UNAUTHENTICATED, List.of(), List.of()));
    }

    private static void dispatch(GoogleRouter router, Context ctx, AccessGrant grant) {
        // the verb as sent: Javalin's ctx.method() already obeys X-HTTP-Method-Override on any verb (a HEAD with
        // "PATCH" would update), while Google only lets a POST stand for a PATCH
        String method = GoogleRouter.effectiveMethod(ctx.req().getMethod(), ctx.header("X-HTTP-Method-Override"));
        GoogleRouter.Response response = router.dispatch(method, ctx.req().getRequestURI(), ctx.queryString(),
                body(ctx), grant);
        ctx.status(response.status()).contentType(JSON).result(response.body());
    }

    // a body the web stack cannot read (a broken chunk) is the client's error, not an unexpected failure
    private static byte[] body(Context ctx) {
        try {
            return ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            throw e;
        } catch (Exception e) {
            // Jetty's HttpEofException arrives unchecked through Javalin
            throw ApiError.invalid("The request body could not be read.");
        }
    }

    private static void dispatch(PulumiApi api, ServerOptions options, Context ctx) throws IOException {
        String baseUrl = options.publicBaseUrl().orElseGet(() -> ctx.scheme() + "://" + ctx.host());
        // the verb as sent: Pulumi has no method override, so the header must not turn a HEAD into a DELETE
        PulumiRequest request = new PulumiRequest(ctx.req().getMethod(), ctx.req().getRequestURI(), ctx.queryString(),
                name -> Optional.ofNullable(ctx.header(name)), ctx.req().getInputStream(), baseUrl);
        send(ctx, api.handle(request));
    }

    private static void send(Context ctx, PulumiResponse response) {
        ctx.header(PULUMI_REQUEST_ID, newPulumiRequestId());
        ctx.status(response.status());
        if (response.hasBody()) {
            ctx.contentType(response.contentType()).result(response.body());
        } else {
            // an empty answer (204, the empty 200s) has no content type either
            ctx.res().setContentType(null);
        }
    }

    /** A fresh {@value #PULUMI_REQUEST_ID} value. */
    static String newPulumiRequestId() {
        return UUID.randomUUID().toString();
    }

    /**
     * A GET, HEAD, DELETE or OPTIONS carrying a body is answered, then its connection is closed. On a kept-alive
     * connection, the answer to the request after such a GET was now and then sent twice (about once in 50,000
     * requests of the fuzz run; the access log shows the request once), which shifts every later answer on that
     * connection by one. No client of either API sends such bodies.
     */
    private static void closeAfterBodyOnBodilessMethod(Context ctx) {
        String method = ctx.req().getMethod();
        boolean bodiless = method.equals("GET") || method.equals("HEAD") || method.equals("DELETE")
                || method.equals("OPTIONS");
        if (bodiless && (ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null)) {
            ctx.header("Connection", "close");
        }
    }

    // a path or verb no Javalin route has: on the Pulumi paths (e.g. /api itself, TRACE) Pulumi's 404, never 405
    private static void renderNoRoute(Context ctx) {
        if (PulumiApi.serves(ctx.path())) {
            send(ctx, JsonErrorHandler.pulumiError(404));
        } else {
            render(ctx, GoogleErrors.body(ApiError.methodNotFound()));
        }
    }

    private static void render(Context ctx, ObjectNode envelope) {
        int status = envelope.get("error").get("code").intValue();
        ctx.status(status).contentType(JSON).result(Json.print(envelope, true));
    }

    // on stop, Jetty stops accepting, lets in-flight requests finish (up to the timeout), then closes connections
    private static void stopGracefully(Server server) {
        server.setErrorHandler(new JsonErrorHandler(MAX_REQUEST_BYTES));
        server.setHandler(new GracefulHandler());
        server.setStopTimeout(STOP_TIMEOUT_MILLIS);
    }

    private static void allowAmbiguousUris(ServletContextHandler handler) {
        handler.getServletHandler().setDecodeAmbiguousURIs(true);
    }
}
