package dev.policyhub.http.wire;

import dev.policyhub.core.error.ErrorCode;
import dev.policyhub.core.error.FieldViolation;
import java.util.List;

/**
 * A request the HTTP layer refuses before it reaches a service (bad JSON, bad query, unknown route), with the
 * canonical code and message Google's front end would answer.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient List<FieldViolation> fieldViolations;

    /** An error with a canonical code, a message and the bad fields (may be empty). */
    public ApiError(ErrorCode code, String message, List<FieldViolation> fieldViolations) {
        super(message, null, false, false);
        this.code = code;
        this.fieldViolations = List.copyOf(fieldViolations);
    }

    /** INVALID_ARGUMENT with a message and no field detail. */
    public static ApiError invalid(String message) {
        return new ApiError(ErrorCode.INVALID_ARGUMENT, message, List.of());
    }

    /** INVALID_ARGUMENT naming one field: the detail carries the field and the message. */
    public static ApiError invalidField(String field, String message) {
        return new ApiError(ErrorCode.INVALID_ARGUMENT, message, List.of(new FieldViolation(field, message)));
    }

    /** A JSON field the request message does not have. */
    public static ApiError unknownField(String name, String parentPath) {
        String at = parentPath.isEmpty() ? "" : " at '" + parentPath + "'";
        String message = "Invalid JSON payload received. Unknown name \"" + name + "\"" + at + ": Cannot find field.";
        return new ApiError(ErrorCode.INVALID_ARGUMENT, message,
                List.of(new FieldViolation(parentPath, message)));
    }

    /** A JSON value of the wrong type, e.g. {@code Invalid value at 'policy.spec.rules[0].enforce' (TYPE_BOOL), "x"}. */
    public static ApiError invalidValue(String path, String protoType, String rawValue) {
        String message = "Invalid value at '" + path + "' (" + protoType + "), " + rawValue;
        return new ApiError(ErrorCode.INVALID_ARGUMENT, message, List.of(new FieldViolation(path, message)));
    }

    /** A path or verb that matches no binding. */
    public static ApiError methodNotFound() {
        return new ApiError(ErrorCode.NOT_FOUND, "Method not found.", List.of());
    }

    /** The canonical code. */
    public ErrorCode code() {
        return code;
    }

    /** The bad fields, for the BadRequest detail. */
    public List<FieldViolation> fieldViolations() {
        return fieldViolations;
    }
}
