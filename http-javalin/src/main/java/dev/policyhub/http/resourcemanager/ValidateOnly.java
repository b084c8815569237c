package dev.policyhub.http.resourcemanager;

import dev.policyhub.http.wire.GoogleQuery;

/** The {@code validateOnly} query parameter. */
final class ValidateOnly {
    private ValidateOnly() {
    }

    /** Whether the caller asked only to validate. */
    static boolean of(GoogleQuery query) {
        return query.bool("validateOnly", "validate_only");
    }
}
