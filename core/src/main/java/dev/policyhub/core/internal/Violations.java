package dev.policyhub.core.internal;

import dev.policyhub.core.error.FieldViolation;
import dev.policyhub.core.error.PolicyHubException;

import java.util.ArrayList;
import java.util.List;

/** Collects every field violation of a request, then fails with all of them at once. */
public final class Violations {
    private final List<FieldViolation> found = new ArrayList<>();

    public Violations add(String field, String description) {
        found.add(new FieldViolation(field, description));
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<FieldViolation> list() {
        return List.copyOf(found);
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw PolicyHubException.invalidArgument(found);
        }
    }
}
