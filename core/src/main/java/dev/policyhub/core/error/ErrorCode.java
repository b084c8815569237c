package dev.policyhub.core.error;

/** Canonical error codes (google.rpc.Code names); each HTTP API maps them to its own status and shape. */
public enum ErrorCode {
    INVALID_ARGUMENT,
    FAILED_PRECONDITION,
    NOT_FOUND,
    ALREADY_EXISTS,
    ABORTED,
    PERMISSION_DENIED,
    UNAUTHENTICATED,
    RESOURCE_EXHAUSTED,
    INTERNAL
}
