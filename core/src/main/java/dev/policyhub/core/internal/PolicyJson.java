package dev.policyhub.core.internal;

import dev.policyhub.core.orgpolicy.Expr;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compact protobuf-JSON text of a policy, the way Google prints it: lowerCamel names, unset fields omitted, oneof
 * members kept even when false. Used for the 32 KB size limit and as the canonical content behind etags.
 */
public final class PolicyJson {
    private PolicyJson() {
    }

    public static String of(Policy policy) {
        StringBuilder out = new StringBuilder("{");
        Fields f = new Fields(out);
        f.string("name", policy.name());
        policy.spec().ifPresent(s -> f.raw("spec", of(s)));
        policy.dryRunSpec().ifPresent(s -> f.raw("dryRunSpec", of(s)));
        f.string("etag", policy.etag());
        return out.append('}').toString();
    }

    public static String of(PolicySpec spec) {
        StringBuilder out = new StringBuilder("{");
        Fields f = new Fields(out);
        f.string("etag", spec.etag());
        spec.updateTime().ifPresent(t -> f.string("updateTime", DateTimeFormatter.ISO_INSTANT.format(t)));
        if (!spec.rules().isEmpty()) {
            StringBuilder rules = new StringBuilder("[");
            for (int i = 0; i < spec.rules().size(); i++) {
                rules.append(i == 0 ? "" : ",").append(of(spec.rules().get(i)));
            }
            f.raw("rules", rules.append(']').toString());
        }
        if (spec.inheritFromParent()) {
            f.raw("inheritFromParent", "true");
        }
        if (spec.reset()) {
            f.raw("reset", "true");
        }
        return out.append('}').toString();
    }

    public static String of(PolicyRule rule) {
        StringBuilder out = new StringBuilder("{");
        Fields f = new Fields(out);
        kind(f, rule.kind());
        rule.condition().ifPresent(c -> f.raw("condition", of(c)));
        if (!rule.parameters().isEmpty()) {
            f.raw("parameters", value(rule.parameters()));
        }
        return out.append('}').toString();
    }

    private static void kind(Fields f, PolicyRule.Kind kind) {
        if (kind instanceof PolicyRule.Values v) {
            StringBuilder values = new StringBuilder("{");
            Fields vf = new Fields(values);
            if (!v.values().allowedValues().isEmpty()) {
                vf.raw("allowedValues", value(v.values().allowedValues()));
            }
            if (!v.values().deniedValues().isEmpty()) {
                vf.raw("deniedValues", value(v.values().deniedValues()));
            }
            f.raw("values", values.append('}').toString());
        } else if (kind instanceof PolicyRule.AllowAll a) {
            f.raw("allowAll", String.valueOf(a.value()));
        } else if (kind instanceof PolicyRule.DenyAll d) {
            f.raw("denyAll", String.valueOf(d.value()));
        } else if (kind instanceof PolicyRule.Enforce e) {
            f.raw("enforce", String.valueOf(e.value()));
        } else if (kind instanceof PolicyRule.SeveralKinds several) {
            several.members().forEach(m -> kind(f, m));
        }
    }

    private static String of(Expr expr) {
        StringBuilder out = new StringBuilder("{");
        Fields f = new Fields(out);
        f.string("expression", expr.expression());
        f.string("title", expr.title());
        f.string("description", expr.description());
        f.string("location", expr.location());
        return out.append('}').toString();
    }

    /** JSON of a plain Java value: String, Boolean, Number, List, Map or null. */
    public static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof Boolean || value instanceof Number) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",").append(value(list.get(i)));
            }
            return out.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                out.append(first ? "" : ",").append(quote(String.valueOf(e.getKey()))).append(':')
                        .append(value(e.getValue()));
                first = false;
            }
            return out.append('}').toString();
        }
        return quote(value.toString());
    }

    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Appends {@code "name":value} pairs with commas, skipping empty strings. */
    private static final class Fields {
        private final StringBuilder out;
        private boolean first = true;

        Fields(StringBuilder out) {
            this.out = out;
        }

        void string(String name, String value) {
            if (!value.isEmpty()) {
                raw(name, quote(value));
            }
        }

        void raw(String name, String json) {
            out.append(first ? "" : ",").append('"').append(name).append("\":").append(json);
            first = false;
        }
    }
}
