package dev.policyhub.core.orgpolicy.eval;

/** A condition expression that does not follow the grammar; the message says what and where. */
public final class ConditionSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConditionSyntaxException(String message) {
        super(message, null, false, false);
    }
}
