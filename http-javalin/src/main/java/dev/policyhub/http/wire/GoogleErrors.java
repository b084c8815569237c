package dev.policyhub.http.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.error.ErrorCode;
import dev.policyhub.core.error.FieldViolation;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.error.PreconditionViolation;
import dev.policyhub.core.error.StorageFailureException;
import java.util.List;

/** Google's error envelope: {@code {"error":{"code","message","status","details"}}} with the HTTP status per code. */
public final class GoogleErrors {
    /** Message of an unexpected failure; nothing about the cause reaches the caller. */
    public static final String INTERNAL_MESSAGE = "Internal error encountered.";

    private GoogleErrors() {
    }

    /** The envelope of a service error. */
    public static ObjectNode body(PolicyHubException e) {
        return body(e.code(), e.getMessage(), e.fieldViolations(), e.preconditionViolations());
    }

    /** The envelope of an error found by the HTTP layer. */
    public static ObjectNode body(ApiError e) {
        return body(e.code(), e.getMessage(), e.fieldViolations(), List.of());
    }

    /** The envelope of a failure of the store's medium: INTERNAL, with the failure's message, which names no detail. */
    public static ObjectNode body(StorageFailureException e) {
        return body(e.code(), e.getMessage(), List.of(), List.of());
    }

    /** The envelope of an unexpected failure. */
    public static ObjectNode internal() {
        return body(ErrorCode.INTERNAL, INTERNAL_MESSAGE, List.of(), List.of());
    }

    /** The envelope for a code, a message and its details (each list may be empty). */
    public static ObjectNode body(ErrorCode code, String message, List<FieldViolation> fields,
                                  List<PreconditionViolation> preconditions) {
        ObjectNode error = Json.object();
        error.put("code", code.httpStatus());
        error.put("message", message);
        error.put("status", code.name());
        ArrayNode details = Json.array();
        if (!fields.isEmpty()) {
            ObjectNode badRequest = details.addObject();
            badRequest.put("@type", "type.googleapis.com/google.rpc.BadRequest");
            ArrayNode violations = badRequest.putArray("fieldViolations");
            for (FieldViolation field : fields) {
                violations.addObject().put("field", field.field()).put("description", field.description());
            }
        }
        if (!preconditions.isEmpty()) {
            ObjectNode failure = details.addObject();
            failure.put("@type", "type.googleapis.com/google.rpc.PreconditionFailure");
            ArrayNode violations = failure.putArray("violations");
            for (PreconditionViolation p : preconditions) {
                violations.addObject().put("type", p.type()).put("subject", p.subject())
                        .put("description", p.description());
            }
        }
        if (!details.isEmpty()) {
            error.set("details", details);
        }
        ObjectNode envelope = Json.object();
        envelope.set("error", error);
        return envelope;
    }
}
