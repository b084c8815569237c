package dev.policyhub.core.orgpolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Named value groups for {@code in:} values of one constraint, e.g. {@code in:us-east1-locations}. Members are
 * values or other groups ({@code in:…}), in expansion order.
 */
public record ValueGroups(Map<String, List<String>> groups) {
    public ValueGroups {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        groups.forEach((name, members) -> copy.put(Objects.requireNonNull(name), List.copyOf(members)));
        groups = java.util.Collections.unmodifiableMap(copy);
    }

    /** No groups at all. */
    public static ValueGroups none() {
        return new ValueGroups(Map.of());
    }

    /** True if {@code group} (with its {@code in:} prefix) is known. */
    public boolean contains(String group) {
        return groups.containsKey(group);
    }

    /** The concrete values of a group, nested groups expanded in order; empty for an unknown group. */
    public List<String> expand(String group) {
        List<String> out = new ArrayList<>();
        expandInto(group, out, 0);
        return out;
    }

    /** True if {@code value} is a member of {@code group} or of a group nested in it. */
    public boolean isMember(String value, String group) {
        return expand(group).contains(value);
    }

    private void expandInto(String group, List<String> out, int depth) {
        if (depth > 16) {
            return;
        }
        for (String member : groups.getOrDefault(group, List.of())) {
            if (member.startsWith("in:")) {
                expandInto(member, out, depth + 1);
            } else {
                out.add(member);
            }
        }
    }
}
