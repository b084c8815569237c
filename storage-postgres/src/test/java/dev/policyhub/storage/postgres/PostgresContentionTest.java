package dev.policyhub.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.UpdateMask;
import dev.policyhub.core.error.ErrorCode;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;
import dev.policyhub.core.orgpolicy.StringValues;
import dev.policyhub.core.policygroups.NewPolicyGroup;
import dev.policyhub.core.policygroups.PolicyGroupUpdate;
import dev.policyhub.core.policygroups.StackRef;
import dev.policyhub.testkit.Concurrently;
import dev.policyhub.testkit.KitConstraints;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two stores with pools of their own on one database, as two servers would have, and 8 threads on each writing the
 * same objects at once through the services: no update is lost, and every write that does not land fails with the
 * error the services document for it.
 */
class PostgresContentionTest {
    private static final int THREADS_PER_SERVER = 8;
    private static final int ROUNDS = 5;
    private static final String ORG = "organizations/1";
    private static final String POLICY = ORG + "/policies/" + KitConstraints.LIST_ALLOW;
    /** The error of a batch update of a policy group that lost every optimistic race it was allowed. */
    private static final String GROUP_CONFLICT = "concurrent modification, retry";

    private final List<PolicyHub> servers = new ArrayList<>();

    @BeforeEach
    void open() {
        String url = EmbeddedServer.createDatabase();
        for (int i = 0; i < 2; i++) {
            servers.add(PolicyHub.builder()
                    .storage(PostgresStorage.open(EmbeddedServer.settings(url)))
                    .constraint(KitConstraints.listAllow())
                    .build());
        }
    }

    @AfterEach
    void close() {
        servers.forEach(PolicyHub::close);
    }

    /** The hub of the server that thread {@code thread} sends its requests to. */
    private PolicyHub serverOf(int thread) {
        return servers.get(thread % 2);
    }

    @Test
    @DisplayName("16 threads on two stores updating one org policy under its etag: each write lands or is ABORTED,"
            + " and the policy holds every landed value once, at one version per landed write")
    void etagGuardedUpdatesLoseNothing() throws Exception {
        servers.get(0).hierarchy().createOrganization(1L, "example.com", "");
        servers.get(0).orgPolicies().createPolicy(ORG, Policy.of(POLICY, PolicySpec.of(PolicyRule.allow("seed"))));
        AtomicInteger landed = new AtomicInteger();
        AtomicInteger aborted = new AtomicInteger();

        Concurrently.run(2 * THREADS_PER_SERVER, thread -> {
            PolicyHub hub = serverOf(thread);
            for (int round = 0; round < ROUNDS; round++) {
                Policy current = hub.orgPolicies().getPolicy(POLICY);
                List<String> values = new ArrayList<>(allowed(current));
                values.add("t" + thread + "-r" + round);
                Policy next = Policy.of(POLICY, PolicySpec.of(PolicyRule.values(new StringValues(values, List.of()))))
                        .withEtag(current.etag());
                try {
                    hub.orgPolicies().updatePolicy(next, UpdateMask.absent());
                    landed.incrementAndGet();
                } catch (PolicyHubException e) {
                    if (e.code() != ErrorCode.ABORTED) {
                        throw e;
                    }
                    aborted.incrementAndGet();
                }
            }
            return null;
        });

        List<String> values = allowed(servers.get(1).orgPolicies().getPolicy(POLICY));
        assertEquals(2 * THREADS_PER_SERVER * ROUNDS, landed.get() + aborted.get());
        assertTrue(landed.get() > 0, "some writes land");
        assertEquals(1 + landed.get(), values.size(), () -> "values: " + values);
        assertEquals(values.size(), new TreeSet<>(values).size(), "no value was appended twice");
        long version = servers.get(1).storage().read(s -> s.policies()
                .get(NodeKey.organization(1), KitConstraints.LIST_ALLOW)).orElseThrow().version();
        assertEquals(1 + landed.get(), version, "one stored version per landed write");
    }

    @Test
    @DisplayName("16 threads on two stores sending batch updates of one policy group: each lands or gets the"
            + " group's conflict error, and the group holds exactly the stacks of the landed batches")
    void groupBatchUpdatesLoseNothing() throws Exception {
        PolicyHub first = servers.get(0);
        first.policyGroups().createOrganization("acme");
        for (int thread = 0; thread < 2 * THREADS_PER_SERVER; thread++) {
            for (int round = 0; round < ROUNDS; round++) {
                first.policyGroups().createStack("acme", "p" + thread, "s" + round, Optional.empty());
                first.policyGroups().createStack("acme", "p" + thread, "s" + round + "-b", Optional.empty());
            }
        }
        first.policyGroups().createPolicyGroup("acme", NewPolicyGroup.of("shared", "stacks"));
        long before = groupVersion();
        TreeSet<StackRef> expected = new TreeSet<>(
                Comparator.comparing(StackRef::routingProject).thenComparing(StackRef::name));
        AtomicInteger rejected = new AtomicInteger();

        List<List<StackRef>> landedPerThread = Concurrently.run(2 * THREADS_PER_SERVER, thread -> {
            PolicyHub hub = serverOf(thread);
            List<StackRef> landed = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                StackRef a = new StackRef("p" + thread, "s" + round);
                StackRef b = new StackRef("p" + thread, "s" + round + "-b");
                try {
                    hub.policyGroups().batchUpdatePolicyGroup("acme", "shared", List.of(
                            PolicyGroupUpdate.none().withAddStack(a), PolicyGroupUpdate.none().withAddStack(b)));
                    landed.add(a);
                    landed.add(b);
                } catch (PolicyHubException e) {
                    if (e.code() != ErrorCode.ABORTED || !GROUP_CONFLICT.equals(e.getMessage())) {
                        throw e;
                    }
                    rejected.incrementAndGet();
                }
            }
            return landed;
        });

        landedPerThread.forEach(expected::addAll);
        int landedBatches = expected.size() / 2;
        assertEquals(2 * THREADS_PER_SERVER * ROUNDS, landedBatches + rejected.get());
        assertEquals(List.copyOf(expected), servers.get(1).policyGroups().getPolicyGroup("acme", "shared").stacks());
        assertEquals(before + landedBatches, groupVersion(), "one stored version per landed batch");
    }

    private long groupVersion() {
        return servers.get(1).storage().read(s -> s.policyGroups().get("acme", "shared")).orElseThrow().version();
    }

    private static List<String> allowed(Policy policy) {
        PolicyRule.Values values = (PolicyRule.Values) policy.spec().orElseThrow().rules().get(0).kind();
        return values.values().allowedValues();
    }
}
