package dev.policyhub.core.error;

import java.util.Objects;

/** A hierarchy precondition that failed: a type such as {@code FOLDER_TOO_DEEP}, the resource concerned, and why. */
public record PreconditionViolation(String type, String subject, String description) {
    public PreconditionViolation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(description, "description");
    }
}
