package dev.policyhub.http.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.error.ErrorCode;
import java.util.List;

/**
 * Errors found below the API, by Jetty or Javalin (an unparsable request line, a body over the size limit), in
 * Google's error envelope with the HTTP status they arose with: a client never sees an HTML error page.
 */
public final class TransportErrors {
    private TransportErrors() {
    }

    /** The envelope for an HTTP status raised by the web stack, with a message that says what was wrong. */
    public static ObjectNode body(int httpStatus, String reason, long maxRequestBytes) {
        ObjectNode envelope = GoogleErrors.body(code(httpStatus), message(httpStatus, reason, maxRequestBytes),
                List.of(), List.of());
        ((ObjectNode) envelope.get("error")).put("code", httpStatus);
        return envelope;
    }

    private static ErrorCode code(int httpStatus) {
        if (httpStatus == 404 || httpStatus == 405) {
            return ErrorCode.NOT_FOUND;
        }
        if (httpStatus == 429) {
            return ErrorCode.RESOURCE_EXHAUSTED;
        }
        return httpStatus >= 400 && httpStatus < 500 ? ErrorCode.INVALID_ARGUMENT : ErrorCode.INTERNAL;
    }

    private static String message(int httpStatus, String reason, long maxRequestBytes) {
        if (httpStatus == 413) {
            return "Request payload size exceeds the limit: " + maxRequestBytes + " bytes.";
        }
        if (httpStatus == 404 || httpStatus == 405) {
            return ApiError.methodNotFound().getMessage();
        }
        if (httpStatus >= 500) {
            return GoogleErrors.INTERNAL_MESSAGE;
        }
        String said = reason == null || reason.isBlank() ? "Bad Request" : reason.trim();
        return "The request could not be read: " + said + ".";
    }
}
