package dev.policyhub.core.policygroups;

import java.util.Objects;
import java.util.Optional;

/**
 * A pack reference in a request: name, version number ({@code 0} = none), version tag ({@code ""} = none), and the
 * raw JSON of {@code config} and {@code environments} as plain Java values (validated by the service).
 */
public record PackRef(String name, long version, String versionTag, Optional<Object> config,
                      Optional<Object> environments) {
    public PackRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(versionTag, "versionTag");
        config = Objects.requireNonNullElse(config, Optional.empty());
        environments = Objects.requireNonNullElse(environments, Optional.empty());
    }

    /** The latest version of a pack, no config. */
    public static PackRef latest(String name) {
        return new PackRef(name, 0, "", Optional.empty(), Optional.empty());
    }

    /** A tagged version of a pack, no config. */
    public static PackRef tagged(String name, String versionTag) {
        return new PackRef(name, 0, versionTag, Optional.empty(), Optional.empty());
    }

    /** The same reference with a config. */
    public PackRef withConfig(Object newConfig) {
        return new PackRef(name, version, versionTag, Optional.of(newConfig), environments);
    }
}
