package dev.policyhub.core.policygroups;

import java.util.Locale;
import java.util.Optional;

/** How a policy's violations are treated. */
public enum EnforcementLevel {
    ADVISORY,
    MANDATORY,
    REMEDIATE,
    DISABLED;

    /** The JSON spelling, e.g. {@code mandatory}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level spelled {@code value}, if any. */
    public static Optional<EnforcementLevel> parse(String value) {
        for (EnforcementLevel l : values()) {
            if (l.wire().equals(value)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
