package dev.policyhub.bench;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.orgpolicy.Policy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** P2: in-process {@code getEffectivePolicy} of a three-level project with few and with very many stored policies. */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EffectivePolicyScaleBench {
    @Param({"memory", "sqlite"})
    public String store;
    @Param({"1000", "1000000"})
    public int policies;

    private Path dir;
    private PolicyHub hub;
    private String name;

    /** The data sizes of each mode: the baseline (first) and the large case. */
    static Map<String, String[]> params(Mode mode) {
        return Map.of("policies", mode.pick(new String[] {"100", "1000"}, new String[] {"1000", "1000000"},
                new String[] {"1000", "1000000"}));
    }

    /** Loads the three-level fixture and fills the store up to {@code policies} policies. */
    @Setup(Level.Trial)
    public void load() {
        dir = Hubs.scratch();
        hub = Hubs.open(store, dir);
        String project = Fixtures.threeLevels(hub);
        Fixtures.fillPolicies(hub, policies - 6);
        name = project + "/policies/" + Fixtures.LIST_CONSTRAINT;
    }

    /** Closes the hub and removes its files. */
    @TearDown(Level.Trial)
    public void close() {
        hub.close();
        Hubs.delete(dir);
    }

    /** The measured call. */
    @Benchmark
    public Policy getEffectivePolicy() {
        return hub.orgPolicies().getEffectivePolicy(name);
    }

    /** Each store's large case against its small one. */
    static List<Figure> ratios(List<Figure> figures, Mode mode) {
        String[] sizes = params(mode).get("policies");
        List<Figure> out = new ArrayList<>(figures);
        for (String s : List.of("memory", "sqlite")) {
            out.add(Jmh.ratio("P2", "ratio " + s + " " + sizes[1] + "/" + sizes[0],
                    Jmh.find(figures, "getEffectivePolicy[policies=" + sizes[1] + ",store=" + s + "]"),
                    Jmh.find(figures, "getEffectivePolicy[policies=" + sizes[0] + ",store=" + s + "]")));
        }
        return out;
    }
}
