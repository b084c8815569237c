package dev.policyhub.core.orgpolicy.eval;

/** The answer of a decision: ALLOW/DENY for a value of a list constraint, ENFORCED/NOT_ENFORCED for a boolean one. */
public enum Outcome {
    ALLOW,
    DENY,
    ENFORCED,
    NOT_ENFORCED
}
