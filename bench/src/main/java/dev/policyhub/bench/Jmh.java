package dev.policyhub.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs a JMH benchmark class with the iterations and data sizes of a {@link Mode}; turns results into figures. */
final class Jmh {
    private Jmh() {
    }

    /**
     * Runs {@code benchmark} with {@code params} overriding its {@code @Param} values; extra args go to JMH, and a
     * {@code -p} among them overrides {@code params}.
     */
    static List<Figure> run(String id, Class<?> benchmark, Map<String, String[]> params, Mode mode, String... jmhArgs)
            throws RunnerException, CommandLineOptionException {
        CommandLineOptions commandLine = new CommandLineOptions(jmhArgs);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .parent(commandLine)
                .include("^" + benchmark.getName().replace(".", "\\.") + "\\.")
                .forks(mode.pick(0, 1, 1))
                .warmupIterations(mode.pick(0, 1, 5))
                .warmupTime(TimeValue.milliseconds(mode.pick(100, 1000, 2000)))
                .measurementIterations(mode.pick(1, 3, 5))
                .measurementTime(TimeValue.milliseconds(mode.pick(100, 1000, 2000)))
                .jvmArgsAppend("-Xmx4g", "-XX:+UseParallelGC")
                .shouldFailOnError(true);
        // a -p on the command line wins over the mode's data sizes, e.g. to profile one case
        params.forEach((name, values) -> {
            if (!commandLine.getParameter(name).hasValue()) {
                options.param(name, values);
            }
        });
        Collection<RunResult> results = new Runner(options.build()).run();
        List<Figure> figures = new ArrayList<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            Map<String, String> values = new TreeMap<>();
            for (String key : r.getParams().getParamsKeys()) {
                values.put(key, r.getParams().getParam(key));
            }
            figures.add(new Figure(id, label(method, values), r.getPrimaryResult().getScore(),
                    r.getPrimaryResult().getScoreUnit()));
        }
        return figures;
    }

    /** {@code method[k=v,k=v]}, the params in key order. */
    static String label(String method, Map<String, String> params) {
        StringBuilder b = new StringBuilder(method);
        if (!params.isEmpty()) {
            b.append('[');
            params.forEach((k, v) -> b.append(k).append('=').append(v).append(','));
            b.setLength(b.length() - 1);
            b.append(']');
        }
        return b.toString();
    }

    /** The figure with this label; fails if the run did not produce it. */
    static Figure find(List<Figure> figures, String label) {
        return figures.stream().filter(f -> f.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no figure " + label + " in " + figures));
    }

    /** The figure {@code measured / baseline}. */
    static Figure ratio(String id, String label, Figure measured, Figure baseline) {
        return new Figure(id, label, measured.value() / baseline.value(), "x");
    }
}
