package dev.policyhub.core.policygroups;

import java.util.Optional;

/** What a group does with its packs: report violations only, or block the update. */
public enum Mode {
    AUDIT("audit"),
    PREVENTATIVE("preventative");

    private final String wire;

    Mode(String wire) {
        this.wire = wire;
    }

    /** The JSON spelling: {@code audit} or {@code preventative}. */
    public String wire() {
        return wire;
    }

    /** The mode spelled {@code value}, if any. */
    public static Optional<Mode> parse(String value) {
        for (Mode m : values()) {
            if (m.wire.equals(value)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
