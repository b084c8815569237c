package dev.policyhub.core.policygroups;

import java.util.List;

/** The outcome of creating several accounts, each independently: those created and, per failed name, its error. */
public record BulkCreateResult(List<InsightsAccount> accounts, List<Failure> failures) {
    public BulkCreateResult {
        accounts = List.copyOf(accounts);
        failures = List.copyOf(failures);
    }

    /** One account that could not be created and why. */
    public record Failure(String name, dev.policyhub.core.error.PolicyHubException error) {}
}
