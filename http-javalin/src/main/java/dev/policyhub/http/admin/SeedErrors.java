package dev.policyhub.http.admin;

import dev.policyhub.core.error.ErrorCode;
import dev.policyhub.core.error.FieldViolation;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.error.PreconditionViolation;
import java.util.List;

/**
 * Names the seed entry a service refused: field paths become the entry's own ({@code project.project_id} of
 * {@code projects[2]} becomes {@code projects[2].project_id}, in proto names as Google's errors print paths), other
 * messages are prefixed with the entry.
 */
final class SeedErrors {
    private SeedErrors() {
    }

    static PolicyHubException named(String entry, PolicyHubException e) {
        if (e.code() == ErrorCode.INVALID_ARGUMENT && !e.fieldViolations().isEmpty()) {
            List<FieldViolation> renamed = e.fieldViolations().stream()
                    .map(v -> new FieldViolation(entryField(entry, v.field()), v.description())).toList();
            return PolicyHubException.invalidArgument(renamed);
        }
        if (e.code() == ErrorCode.FAILED_PRECONDITION && !e.preconditionViolations().isEmpty()) {
            PreconditionViolation first = e.preconditionViolations().get(0);
            return PolicyHubException.failedPrecondition(first.type(), first.subject(),
                    entry + ": " + first.description());
        }
        return PolicyHubException.of(e.code(), entry + ": " + e.getMessage());
    }

    /**
     * A service's field path in the entry's terms: a leading request-message segment ({@code project.}) is dropped,
     * since the entry is that message.
     */
    static String entryField(String entry, String field) {
        if (field.isEmpty()) {
            return entry;
        }
        int dot = field.indexOf('.');
        String inEntry = dot < 0 ? field : field.substring(dot + 1);
        return entry + "." + inEntry;
    }
}
