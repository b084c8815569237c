package dev.policyhub.http.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How one fixture is replayed: its exchanges after the rewrites (in log order, which later lookups use) and the steps
 * in replay order, each with the deviation that applies to it. Deviations select exchanges by their URL as recorded.
 */
public record ReplayPlan(String fixture, List<RecordedExchange> log, List<Step> steps) {

    /** One exchange to replay, and the deviation that applies to it, if any. */
    public record Step(RecordedExchange exchange, Optional<Deviation> deviation) {
        private static final int SHOWN_URL = 110;

        /** {@code #3 POST /v2/projects/${projectId}/policies?…}: the exchange by its number in the log. */
        public String displayName() {
            String url = exchange.pathAndQuery();
            url = url.length() > SHOWN_URL ? url.substring(0, SHOWN_URL) + "…" : url;
            String suffix = deviation.map(d -> " [" + d.treatment().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + "]").orElse("");
            return "#" + exchange.index() + " " + exchange.method() + " " + url + suffix;
        }
    }

    public ReplayPlan {
        log = List.copyOf(log);
        steps = List.copyOf(steps);
    }

    /** The plan for a fixture's recorded exchanges. */
    public static ReplayPlan of(String fixture, List<RecordedExchange> recorded, List<Rewrite> rewrites,
                                List<Deviation> deviations) {
        List<RecordedExchange> log = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (RecordedExchange exchange : recorded) {
            List<Deviation> matching = deviations.stream().filter(d -> d.which().selects(fixture, exchange)).toList();
            if (matching.size() > 1) {
                throw new IllegalStateException(fixture + " " + exchange.label() + " has several deviations: "
                        + matching);
            }
            RecordedExchange rewritten = exchange;
            for (Rewrite rewrite : rewrites) {
                rewritten = rewrite.apply(fixture, rewritten);
            }
            log.add(rewritten);
            steps.add(new Step(rewritten, matching.stream().findFirst()));
        }
        return new ReplayPlan(fixture, log, reorder(fixture, steps));
    }

    private static List<Step> reorder(String fixture, List<Step> inLogOrder) {
        List<Step> ordered = new ArrayList<>(inLogOrder);
        for (Step step : inLogOrder) {
            Optional<Deviation> d = step.deviation();
            if (d.isPresent() && d.get().treatment() == Deviation.Treatment.REPLAYED_EARLIER) {
                ordered.remove(step);
                int before = indexOf(ordered, d.get().replayedBefore());
                if (before < 0) {
                    throw new IllegalStateException(fixture + " has no exchange #" + d.get().replayedBefore());
                }
                ordered.add(before, step);
            }
        }
        return ordered;
    }

    private static int indexOf(List<Step> steps, int exchangeIndex) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).exchange().index() == exchangeIndex) {
                return i;
            }
        }
        return -1;
    }
}
