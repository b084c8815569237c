package dev.policyhub.core.internal.pulumi;

import dev.policyhub.core.policygroups.EnforcementLevel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Validates and normalizes the {@code config} and {@code environments} of an applied pack. */
final class PackConfig {
    private static final String ALL = "all";
    private static final String LEVEL = "enforcementLevel";

    private PackConfig() {
    }

    /**
     * Policy name or {@code all} → object; {@code "all": "mandatory"} becomes {@code {"enforcementLevel": "mandatory"}};
     * every {@code enforcementLevel} must be one of the four levels.
     */
    static Map<String, Map<String, Object>> config(String pack, Optional<Object> raw) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return out;
        }
        if (!(raw.get() instanceof Map<?, ?> map)) {
            throw PulumiErrors.badRequest("invalid config for '" + pack + "'");
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object value = e.getValue();
            if (ALL.equals(key) && value instanceof String level) {
                checkLevel(key, level);
                out.put(key, Map.of(LEVEL, level));
            } else if (value instanceof Map<?, ?> entry) {
                Map<String, Object> copy = new LinkedHashMap<>();
                entry.forEach((k, v) -> copy.put(String.valueOf(k), v));
                if (copy.containsKey(LEVEL)) {
                    if (!(copy.get(LEVEL) instanceof String level)) {
                        throw PulumiErrors.badRequest("invalid enforcement level '" + copy.get(LEVEL) + "' for '"
                                + key + "'");
                    }
                    checkLevel(key, level);
                }
                out.put(key, copy);
            } else {
                throw PulumiErrors.badRequest("invalid config for '" + key + "'");
            }
        }
        return out;
    }

    private static void checkLevel(String key, String level) {
        if (EnforcementLevel.parse(level).isEmpty()) {
            throw PulumiErrors.badRequest("invalid enforcement level '" + level + "' for '" + key + "'");
        }
    }

    /** ESC environment references: an array of non-empty strings. */
    static List<String> environments(Optional<Object> raw) {
        if (raw.isEmpty()) {
            return List.of();
        }
        if (!(raw.get() instanceof List<?> list)) {
            throw PulumiErrors.badRequest("invalid environments");
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s) || s.isEmpty()) {
                throw PulumiErrors.badRequest("invalid environments");
            }
            out.add(s);
        }
        return out;
    }
}
