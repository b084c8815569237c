package dev.policyhub.core.error;

/** Canonical error codes (google.rpc.Code names); each HTTP API maps them to its own status and shape. */
public enum ErrorCode {
    INVALID_ARGUMENT(400),
    FAILED_PRECONDITION(400),
    NOT_FOUND(404),
    ALREADY_EXISTS(409),
    ABORTED(409),
    PERMISSION_DENIED(403),
    UNAUTHENTICATED(401),
    RESOURCE_EXHAUSTED(429),
    INTERNAL(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The HTTP status google.rpc's canonical mapping gives this code (Google's APIs answer it as is). */
    public int httpStatus() {
        return httpStatus;
    }
}
