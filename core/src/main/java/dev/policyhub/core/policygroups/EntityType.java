package dev.policyhub.core.policygroups;

import java.util.Optional;

/** What a group is meant for: stacks or Insights accounts (members of either kind are accepted regardless). */
public enum EntityType {
    STACKS("stacks"),
    ACCOUNTS("accounts");

    private final String wire;

    EntityType(String wire) {
        this.wire = wire;
    }

    /** The JSON spelling: {@code stacks} or {@code accounts}. */
    public String wire() {
        return wire;
    }

    /** The entity type spelled {@code value}, if any. */
    public static Optional<EntityType> parse(String value) {
        for (EntityType t : values()) {
            if (t.wire.equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
