package dev.policyhub.core.error;

import java.util.List;
import java.util.Objects;

/**
 * The one error type of PolicyHub: a canonical {@link ErrorCode}, a message a user can act on, and the offending
 * field paths or preconditions. Each HTTP API renders it in its own native shape.
 */
public final class PolicyHubException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Message of Google's NOT_FOUND answers. */
    public static final String NOT_FOUND_MESSAGE = "Requested entity was not found.";
    /** Message of Google's ALREADY_EXISTS answers. */
    public static final String ALREADY_EXISTS_MESSAGE = "Requested entity already exists";
    /** Message of an etag mismatch. */
    public static final String ETAG_MISMATCH_MESSAGE = "The etag does not match the current version.";

    private final ErrorCode code;
    private final transient List<FieldViolation> fieldViolations;
    private final transient List<PreconditionViolation> preconditionViolations;

    private PolicyHubException(ErrorCode code, String message, List<FieldViolation> fieldViolations,
                               List<PreconditionViolation> preconditionViolations) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.fieldViolations = List.copyOf(fieldViolations);
        this.preconditionViolations = List.copyOf(preconditionViolations);
    }

    /** A general error with no field details. */
    public static PolicyHubException of(ErrorCode code, String message) {
        return new PolicyHubException(code, message, List.of(), List.of());
    }

    /** INVALID_ARGUMENT for one field: the message reads {@code field: description}. */
    public static PolicyHubException invalidArgument(String field, String description) {
        return invalidArgument(List.of(new FieldViolation(field, description)));
    }

    /** INVALID_ARGUMENT carrying every violation; the message is the first one. */
    public static PolicyHubException invalidArgument(List<FieldViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an INVALID_ARGUMENT error needs at least one violation");
        }
        return new PolicyHubException(ErrorCode.INVALID_ARGUMENT, violations.get(0).toString(), violations, List.of());
    }

    /** FAILED_PRECONDITION with one precondition violation. */
    public static PolicyHubException failedPrecondition(String type, String subject, String description) {
        return new PolicyHubException(ErrorCode.FAILED_PRECONDITION, description, List.of(),
                List.of(new PreconditionViolation(type, subject, description)));
    }

    /** NOT_FOUND with Google's standard message. */
    public static PolicyHubException notFound() {
        return of(ErrorCode.NOT_FOUND, NOT_FOUND_MESSAGE);
    }

    /** ALREADY_EXISTS with Google's standard message. */
    public static PolicyHubException alreadyExists() {
        return of(ErrorCode.ALREADY_EXISTS, ALREADY_EXISTS_MESSAGE);
    }

    /** ABORTED: the caller's etag no longer matches the stored one. */
    public static PolicyHubException etagMismatch() {
        return of(ErrorCode.ABORTED, ETAG_MISMATCH_MESSAGE);
    }

    /** PERMISSION_DENIED the way Resource Manager answers for a resource that does not exist. */
    public static PolicyHubException permissionDenied(String resourceName) {
        return of(ErrorCode.PERMISSION_DENIED,
                "Permission denied on resource '" + resourceName + "' (or it may not exist).");
    }

    /** The canonical code. */
    public ErrorCode code() {
        return code;
    }

    /** Every bad field, in the order found; empty unless the code is INVALID_ARGUMENT. */
    public List<FieldViolation> fieldViolations() {
        return fieldViolations;
    }

    /** Every failed precondition; empty unless the code is FAILED_PRECONDITION. */
    public List<PreconditionViolation> preconditionViolations() {
        return preconditionViolations;
    }
}
