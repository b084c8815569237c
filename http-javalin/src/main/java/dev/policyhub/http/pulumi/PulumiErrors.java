package dev.policyhub.http.pulumi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.error.ErrorCode;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.error.StorageFailureException;
import dev.policyhub.http.wire.Json;

/**
 * Pulumi's error body, {@code {"code":404,"message":"Not Found: Policy Group 'prod' not found"}}: the status, and
 * the status's reason phrase (Go's {@code http.StatusText}) before the detail.
 */
public final class PulumiErrors {
    /** Detail of an unexpected failure; what went wrong is logged, never sent. */
    public static final String INTERNAL_DETAIL = "internal error";

    private PulumiErrors() {
    }

    /** The HTTP status a service error is answered with: Google's, but 413 for a size limit. */
    public static int status(ErrorCode code) {
        return code == ErrorCode.RESOURCE_EXHAUSTED ? 413 : code.httpStatus();
    }

    /** The response to a service error. */
    public static PulumiResponse of(PolicyHubException e) {
        return of(status(e.code()), e.getMessage());
    }

    /** The response to an error found by the HTTP layer. */
    public static PulumiResponse of(PulumiError e) {
        return of(e.status(), e.getMessage());
    }

    /** The response to a failure of the store's medium: 500, with the failure's message, which names no detail. */
    public static PulumiResponse of(StorageFailureException e) {
        return of(status(e.code()), e.getMessage());
    }

    /** The response to an unexpected failure. */
    public static PulumiResponse internal() {
        return of(500, INTERNAL_DETAIL);
    }

    /** An error response with this status and detail. */
    public static PulumiResponse of(int status, String detail) {
        ObjectNode body = Json.object().put("code", status).put("message", reason(status) + ": " + detail);
        return PulumiResponse.json(status, body);
    }

    /** Go's reason phrase of the statuses the Pulumi routes use. */
    public static String reason(int status) {
        switch (status) {
            case 400:
                return "Bad Request";
            case 401:
                return "Unauthorized";
            case 403:
                return "Forbidden";
            case 404:
                return "Not Found";
            case 405:
                return "Method Not Allowed";
            case 409:
                return "Conflict";
            case 413:
                return "Request Entity Too Large";
            case 414:
                return "Request URI Too Long";
            case 417:
                return "Expectation Failed";
            case 426:
                return "Upgrade Required";
            case 431:
                return "Request Header Fields Too Large";
            default:
                return status >= 500 ? "Internal Server Error" : "Bad Request";
        }
    }
}
