package dev.policyhub.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs one benchmark by id: {@code java -jar policyhub-bench.jar P2 -short}; {@code ALL} runs every one. Arguments
 * after the mode go to JMH (e.g. {@code -prof stack}) for the JMH benchmarks.
 */
public final class Launcher {
    private static final List<String> IDS = List.of("P1", "P2", "P3", "P4", "P5", "P6", "P7");
    /** The server's access log, off unless asked for: P1 measures the request path, not a log's writes. */
    private static final String ACCESS_LOG_LEVEL = "org.slf4j.simpleLogger.log.policyhub.access";

    private Launcher() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java -jar policyhub-bench.jar P1|P2|P3|P4|P5|P6|P7|ALL [-smoke|-short|-full]"
                    + " [JMH options]");
            System.exit(2);
        }
        if (System.getProperty(ACCESS_LOG_LEVEL) == null) {
            System.setProperty(ACCESS_LOG_LEVEL, "warn");
        }
        String id = args[0].toUpperCase(Locale.ROOT);
        Mode mode = args.length > 1 ? Mode.parse(args[1]) : Mode.SHORT;
        String[] extra = args.length > 2 ? Arrays.copyOfRange(args, 2, args.length) : new String[0];
        List<Figure> figures = new ArrayList<>();
        for (String one : id.equals("ALL") ? IDS : List.of(id)) {
            figures.addAll(run(one, mode, extra));
        }
        System.out.println();
        System.out.println("== figures (" + mode.name().toLowerCase(Locale.ROOT) + " mode) ==");
        figures.forEach(System.out::println);
    }

    /**
     * Runs one benchmark and returns its figures (the measurement, its baseline, and the ratio). With JMH arguments
     * (a profiler, one case only) the ratios are left out: the run may lack a baseline.
     */
    public static List<Figure> run(String id, Mode mode, String... jmhArgs) throws Exception {
        List<Figure> figures = measure(id, mode, jmhArgs);
        return jmhArgs.length > 0 ? figures : withRatios(id, figures, mode);
    }

    private static List<Figure> withRatios(String id, List<Figure> figures, Mode mode) {
        switch (id) {
            case "P2":
                return EffectivePolicyScaleBench.ratios(figures, mode);
            case "P3":
                return CreatePolicyBench.ratios(figures, mode);
            case "P5":
                return GroupMetadataBench.ratios(figures, mode);
            case "P6":
                return EvaluatorBench.ratios(figures);
            default:
                return figures;
        }
    }

    private static List<Figure> measure(String id, Mode mode, String... jmhArgs) throws Exception {
        switch (id) {
            case "P1":
                return HttpThroughput.run(mode);
            case "P2":
                return Jmh.run("P2", EffectivePolicyScaleBench.class, EffectivePolicyScaleBench.params(mode), mode,
                        jmhArgs);
            case "P3":
                return Jmh.run("P3", CreatePolicyBench.class, CreatePolicyBench.params(mode), mode, jmhArgs);
            case "P4":
                return HeapPerPolicy.run(mode);
            case "P5":
                return Jmh.run("P5", GroupMetadataBench.class, GroupMetadataBench.params(mode), mode, jmhArgs);
            case "P6":
                return Jmh.run("P6", EvaluatorBench.class, EvaluatorBench.params(mode), mode, jmhArgs);
            case "P7":
                return ColdStart.run(mode);
            default:
                throw new IllegalArgumentException("unknown benchmark " + id + "; known: " + IDS);
        }
    }
}
