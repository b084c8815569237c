package dev.policyhub.bench;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.hierarchy.NewFolder;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.List;

/**
 * P4: heap retained by the memory store per stored simple policy ({@code enforce: true}): the projects are created
 * first, the heap is measured after full collections before and after adding the policies, and the difference is
 * divided by their number.
 */
final class HeapPerPolicy {
    private HeapPerPolicy() {
    }

    /** Measures and returns bytes per policy. */
    static List<Figure> run(Mode mode) throws InterruptedException {
        int count = mode.pick(1_000, 100_000, 1_000_000);
        try (PolicyHub hub = Hubs.open("memory", null)) {
            hub.hierarchy().createOrganization(Fixtures.ORG, "bench.example.com", "");
            String folder = hub.hierarchy().createFolder(NewFolder.of("organizations/" + Fixtures.ORG, "f")).name();
            List<String> projects = Fixtures.createProjects(hub, List.of(folder), count / Hubs.FLAGS);
            long before = usedAfterGc();
            for (int start = 0; start < count; start += 10_000) {
                int from = start;
                int to = Math.min(count, start + 10_000);
                hub.storage().write(s -> {
                    for (int i = from; i < to; i++) {
                        String parent = projects.get(i / Hubs.FLAGS);
                        hub.orgPolicies().createPolicy(parent, Policy.of(parent + "/policies/"
                                + Hubs.flag(i % Hubs.FLAGS), PolicySpec.of(PolicyRule.enforce(true))));
                    }
                    return null;
                });
            }
            long after = usedAfterGc();
            Reference.reachabilityFence(projects);
            double perPolicy = (after - before) / (double) count;
            System.out.printf("P4: %,d policies: heap %,d -> %,d bytes after GC%n", count, before, after);
            return List.of(new Figure("P4", "heap per simple policy (" + count + " policies)", perPolicy, "bytes"),
                    new Figure("P4", "ratio to 1 KiB", perPolicy / 1024, "x"));
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
