package dev.policyhub.core.orgpolicy.eval;

import java.util.Objects;

/** One effective tag of the evaluated resource, as conditions see it. */
public record TagFact(long keyId, String keyNamespacedName, long valueId, String valueShortName) {
    public TagFact {
        Objects.requireNonNull(keyNamespacedName, "keyNamespacedName");
        Objects.requireNonNull(valueShortName, "valueShortName");
    }

    /** {@code 1/env/dev}. */
    public String describe() {
        return keyNamespacedName + "/" + valueShortName;
    }
}
