package dev.policyhub.core.orgpolicy;

/** What applies where no policy says otherwise: ALLOW (list: all allowed; boolean: not enforced) or DENY. */
public enum ConstraintDefault {
    CONSTRAINT_DEFAULT_UNSPECIFIED,
    ALLOW,
    DENY
}
