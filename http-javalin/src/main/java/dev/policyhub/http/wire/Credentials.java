package dev.policyhub.http.wire;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The credential of an {@code Authorization} header, {@code <scheme> <credential>}, the scheme in any case. */
public final class Credentials {
    private Credentials() {
    }

    /** The credential when the header is sent with one of {@code schemes} (lower case) and one word after it. */
    public static Optional<String> of(Optional<String> header, Set<String> schemes) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        int space = indexOfBlank(value);
        if (space < 0 || !schemes.contains(value.substring(0, space).toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String credential = value.substring(space + 1).strip();
        return credential.isEmpty() || indexOfBlank(credential) >= 0 ? Optional.empty() : Optional.of(credential);
    }

    private static int indexOfBlank(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == ' ' || value.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }
}
