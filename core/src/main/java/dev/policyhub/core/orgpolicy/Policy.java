package dev.policyhub.core.orgpolicy;

import java.util.Objects;
import java.util.Optional;

/**
 * An organization policy: {@code {parent}/policies/{constraint}}, its live {@code spec} and its audit-only
 * {@code dryRunSpec}, each optional, and a server-computed {@code etag} ({@code ""} when unset). On input the name may
 * use a project id; every policy PolicyHub returns names the project by number.
 */
public record Policy(String name, Optional<PolicySpec> spec, Optional<PolicySpec> dryRunSpec, String etag) {
    public Policy {
        Objects.requireNonNull(name, "name");
        spec = Objects.requireNonNullElse(spec, Optional.empty());
        dryRunSpec = Objects.requireNonNullElse(dryRunSpec, Optional.empty());
        Objects.requireNonNull(etag, "etag");
    }

    /** A policy with a live spec only. */
    public static Policy of(String name, PolicySpec spec) {
        return new Policy(name, Optional.of(spec), Optional.empty(), "");
    }

    /** The same policy with this dry-run spec. */
    public Policy withDryRunSpec(PolicySpec dryRun) {
        return new Policy(name, spec, Optional.of(dryRun), etag);
    }

    /** The same policy with this etag (for a conditional update or delete). */
    public Policy withEtag(String newEtag) {
        return new Policy(name, spec, dryRunSpec, newEtag);
    }

    /** The constraint segment of the name. */
    public String constraint() {
        int i = name.lastIndexOf("/policies/");
        return i < 0 ? "" : name.substring(i + "/policies/".length());
    }
}
