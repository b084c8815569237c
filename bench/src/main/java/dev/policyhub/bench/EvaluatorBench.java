package dev.policyhub.bench;

import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.orgpolicy.Constraint;
import dev.policyhub.core.orgpolicy.ConstraintDefault;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;
import dev.policyhub.core.orgpolicy.StringValues;
import dev.policyhub.core.orgpolicy.ValueGroups;
import dev.policyhub.core.orgpolicy.eval.EffectivePolicyEvaluator;
import dev.policyhub.core.orgpolicy.eval.HierarchyLevel;
import dev.policyhub.core.orgpolicy.eval.SubtreeTest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * P6: the evaluator alone (no store) on a chain of {@code depth} levels, each with a policy allowing {@code values}
 * values of its own and inheriting from its parent.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EvaluatorBench {
    private static final Constraint CONSTRAINT = Constraint.list("bench.list", ConstraintDefault.ALLOW, false, false);

    @Param({"1", "5", "10"})
    public int depth;
    @Param({"10", "100", "500"})
    public int values;

    private List<HierarchyLevel> chain;

    /** The curve's points of each mode; the first of each is the baseline. */
    static Map<String, String[]> params(Mode mode) {
        return Map.of("depth", mode.pick(new String[] {"1", "10"}, new String[] {"1", "5", "10"},
                        new String[] {"1", "5", "10"}),
                "values", mode.pick(new String[] {"10"}, new String[] {"10", "100", "500"},
                        new String[] {"10", "100", "500"}));
    }

    /** Builds the chain: the project first, folders, the organization last. */
    @Setup(Level.Trial)
    public void build() {
        chain = new ArrayList<>();
        for (int level = 0; level < depth; level++) {
            NodeKey node = level == depth - 1 ? NodeKey.organization(1)
                    : level == 0 ? NodeKey.project(1) : NodeKey.folder(level);
            List<String> allowed = new ArrayList<>();
            for (int v = 0; v < values; v++) {
                allowed.add("value-" + level + "-" + v);
            }
            PolicyRule rule = PolicyRule.values(new StringValues(allowed, List.of()));
            PolicySpec spec = level == depth - 1 ? PolicySpec.of(rule) : PolicySpec.inheriting(rule);
            chain.add(new HierarchyLevel(node, Optional.of(Policy.of("p/policies/bench.list", spec))));
        }
    }

    /** Builds the evaluator and computes the effective policy, as a service call does after its reads. */
    @Benchmark
    public Policy effectivePolicy() {
        return new EffectivePolicyEvaluator(CONSTRAINT, ValueGroups.none(), chain, List.of(), SubtreeTest.textual())
                .effectivePolicy("projects/1/policies/bench.list");
    }

    /** Each point against depth 1 with 10 values, and per (level x value). */
    static List<Figure> ratios(List<Figure> figures) {
        Figure base = Jmh.find(figures, "effectivePolicy[depth=1,values=10]");
        List<Figure> out = new ArrayList<>(figures);
        for (Figure f : figures) {
            Map<String, Integer> p = parse(f.label());
            int work = p.get("depth") * p.get("values");
            out.add(new Figure("P6", "ratio " + f.label().substring("effectivePolicy".length()) + " (work x"
                    + work / 10 + ")", f.value() / base.value(), "x"));
            out.add(new Figure("P6", "ns per level-value " + f.label().substring("effectivePolicy".length()),
                    f.value() * 1000 / work, "ns"));
        }
        return out;
    }

    private static Map<String, Integer> parse(String label) {
        String inner = label.substring(label.indexOf('[') + 1, label.length() - 1);
        Map<String, Integer> out = new java.util.HashMap<>();
        for (String kv : inner.split(",")) {
            String[] parts = kv.split("=");
            out.put(parts[0], Integer.parseInt(parts[1]));
        }
        return out;
    }
}
