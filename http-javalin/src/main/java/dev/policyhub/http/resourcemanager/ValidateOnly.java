package dev.policyhub.http.resourcemanager;

import dev.policyhub.http.wire.ApiError;
import dev.policyhub.http.wire.GoogleQuery;

/** The {@code validateOnly} query parameter. */
final class ValidateOnly {
    private ValidateOnly() {
    }

    /** Whether the caller asked only to validate. */
    static boolean of(GoogleQuery query) {
        return query.bool("validateOnly", "validate_only");
    }

    /**
     * Refuses {@code validateOnly=true} on a method whose service call cannot validate without writing. Google's
     * clients send {@code validateOnly=false} on every such call, so the parameter itself must be accepted; a dry run
     * that wrote would be worse than a refusal.
     */
    static void refuseTrue(GoogleQuery query) {
        if (of(query)) {
            throw ApiError.invalidField("validate_only", "validate_only: PolicyHub does not support validate_only"
                    + " for this method");
        }
    }
}
