package dev.policyhub.http.pulumi;

/**
 * A request the Pulumi routes refuse before it reaches a service (no route, bad body, bad query, missing
 * credentials, a token that may not reach the call's organization), with the HTTP status and Pulumi's detail text; the reason phrase is added when it is rendered.
 */
public final class PulumiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /** An error with an HTTP status and a detail, e.g. {@code 400} and {@code invalid request body}. */
    public PulumiError(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    /** No route has this path and verb. */
    public static PulumiError routeNotFound() {
        return new PulumiError(404, "route not found");
    }

    /** A body that is not JSON, has a known field of the wrong type, or is missing where one is required. */
    public static PulumiError invalidBody() {
        return new PulumiError(400, "invalid request body");
    }

    /** A query parameter with a value the route does not take. */
    public static PulumiError invalidQuery() {
        return new PulumiError(400, "invalid query parameter");
    }

    /** A missing, malformed or unknown {@code Authorization: token …} header. */
    public static PulumiError unauthorized() {
        return new PulumiError(401, "No credentials provided or are invalid.");
    }

    /** A token whose grant does not reach the organization the call names, or an admin call without the scope. */
    public static PulumiError forbidden() {
        return new PulumiError(403, "You do not have permission to perform this operation.");
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }
}
