package dev.policyhub.core.error;

import java.util.Objects;

/**
 * The store's medium failed: it is full, read-only, or could not be read or written. The unit of work that met the
 * failure was undone; the condition is outside PolicyHub, and a store recovers by itself once it clears. The message
 * says what happened in words a caller may see; the cause holds the store's own detail, for the server's log only.
 */
public final class StorageFailureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure the store met. */
    public enum Reason {
        /** No space is left for the data (disk full, quota or file size limit reached). */
        FULL("The storage is full: the change was not saved. Free space, then retry."),
        /** The data may be read but not written (read-only file, directory or file system). */
        READ_ONLY("The storage is read-only: the change was not saved. Make it writable, then retry."),
        /** Reading or writing failed at the device or file system (it may be full or failing). */
        IO("The storage could not be read or written (it may be full or failing). Retry once it is repaired.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        /** The message a caller sees for this reason. */
        public String message() {
            return message;
        }
    }

    private final Reason reason;

    /** A failure of this reason, caused by the store's own error. */
    public StorageFailureException(Reason reason, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason").message(), cause);
        this.reason = reason;
    }

    /** What kind of failure it was. */
    public Reason reason() {
        return reason;
    }

    /** The canonical code callers are answered with: INTERNAL, the failure being the server's, not the request's. */
    public ErrorCode code() {
        return ErrorCode.INTERNAL;
    }
}
