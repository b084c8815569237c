package dev.policyhub.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The paths of a field mask as the caller spelled them; an absent mask has no paths. */
public record UpdateMask(List<String> paths) {
    public UpdateMask {
        paths = List.copyOf(paths);
    }

    /** No mask at all. */
    public static UpdateMask absent() {
        return new UpdateMask(List.of());
    }

    /** Parses the comma-separated JSON form ({@code "policy.spec, dryRunSpec"}); null or blank is absent. */
    public static UpdateMask parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return absent();
        }
        List<String> paths = new ArrayList<>();
        Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(p -> !p.isEmpty()).forEach(paths::add);
        return new UpdateMask(paths);
    }

    /** The given paths. */
    public static UpdateMask of(String... paths) {
        return new UpdateMask(List.of(paths));
    }

    /** True when no path is given. */
    public boolean isAbsent() {
        return paths.isEmpty();
    }
}
