package dev.policyhub.core.orgpolicy.eval;

/** Which spec of each policy an evaluation reads: the live {@code spec}, or the {@code dryRunSpec} (else the spec). */
public enum SpecKind {
    LIVE,
    DRY_RUN
}
