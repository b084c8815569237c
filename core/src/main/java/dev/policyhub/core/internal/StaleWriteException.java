package dev.policyhub.core.internal;

/** A store refused a write because someone else wrote first; the unit of work is retried from the start. */
final class StaleWriteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StaleWriteException() {
        super("stale write", null, false, false);
    }
}
