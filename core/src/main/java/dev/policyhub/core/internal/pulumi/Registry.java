package dev.policyhub.core.internal.pulumi;

import dev.policyhub.core.policygroups.PolicyPackVersion;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.Versioned;

import java.util.List;
import java.util.Optional;

/** Finds pack versions in an organization's registry. */
final class Registry {
    private Registry() {
    }

    /**
     * The version a path segment names: a version tag first, then, if all digits, a number. Pending versions are
     * included; callers decide what they may do with one.
     */
    static Optional<Versioned<PolicyPackVersion>> byTagOrNumber(StoreSession s, String org, String name,
                                                                String versionOrTag) {
        List<Versioned<PolicyPackVersion>> versions = s.policyPacks().versions(org, name);
        for (Versioned<PolicyPackVersion> v : versions) {
            if (v.value().versionTag().equals(versionOrTag)) {
                return Optional.of(v);
            }
        }
        if (!versionOrTag.isEmpty() && versionOrTag.length() < 10 && versionOrTag.chars().allMatch(Character::isDigit)) {
            int number = Integer.parseInt(versionOrTag);
            return versions.stream().filter(v -> v.value().version() == number).findFirst();
        }
        return Optional.empty();
    }

    /**
     * The complete version a group reference selects: its tag if non-empty, else its number if positive, else the
     * highest complete version.
     */
    static Optional<PolicyPackVersion> select(StoreSession s, String org, String name, long version, String tag) {
        List<PolicyPackVersion> complete = s.policyPacks().versions(org, name).stream().map(Versioned::value)
                .filter(PolicyPackVersion::complete).toList();
        if (!tag.isEmpty()) {
            return complete.stream().filter(v -> v.versionTag().equals(tag)).findFirst();
        }
        if (version > 0) {
            return complete.stream().filter(v -> v.version() == version).findFirst();
        }
        return complete.isEmpty() ? Optional.empty() : Optional.of(complete.get(complete.size() - 1));
    }
}
