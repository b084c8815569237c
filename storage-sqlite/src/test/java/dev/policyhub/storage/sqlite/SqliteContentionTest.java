package dev.policyhub.storage.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.UpdateMask;
import dev.policyhub.core.error.ErrorCode;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.hierarchy.Organization;
import dev.policyhub.core.hierarchy.State;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;
import dev.policyhub.core.orgpolicy.StringValues;
import dev.policyhub.core.policygroups.NewPolicyGroup;
import dev.policyhub.core.policygroups.PolicyGroup;
import dev.policyhub.core.policygroups.PolicyGroupUpdate;
import dev.policyhub.core.policygroups.StackRef;
import dev.policyhub.core.spi.Versioned;
import dev.policyhub.testkit.Concurrently;
import dev.policyhub.testkit.KitConstraints;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eight threads writing the same objects at once through the services: no update is lost, no error surfaces. */
class SqliteContentionTest {
    private static final int THREADS = 8;
    private static final int UPDATES_PER_THREAD = 25;
    private static final String ORG = "organizations/1";
    private static final String POLICY = ORG + "/policies/" + KitConstraints.LIST_ALLOW;

    @TempDir
    Path dir;
    private PolicyHub hub;

    @BeforeEach
    void open() {
        hub = PolicyHub.builder().storage(SqliteStorage.open(dir.resolve("contention.db")))
                .constraint(KitConstraints.listAllow())
                .build();
        hub.hierarchy().createOrganization(1L, "example.com", "");
    }

    @AfterEach
    void close() {
        hub.close();
    }

    @Test
    @DisplayName("8 threads each appending 25 values to one org policy under its etag: all 200 land, none twice")
    void etagGuardedUpdatesLoseNothing() throws Exception {
        hub.orgPolicies().createPolicy(ORG, Policy.of(POLICY, PolicySpec.of(PolicyRule.allow("seed"))));

        Concurrently.run(THREADS, thread -> {
            for (int i = 0; i < UPDATES_PER_THREAD; i++) {
                while (!append(thread + "-" + i)) {
                    Thread.onSpinWait();
                }
            }
            return null;
        });

        List<String> values = allowed(hub.orgPolicies().getPolicy(POLICY));
        assertEquals(1 + THREADS * UPDATES_PER_THREAD, values.size(), () -> "values: " + values);
        assertEquals(values.size(), new TreeSet<>(values).size(), "no value was appended twice");
    }

    /** Reads the policy and appends one value under its etag; false if another thread changed it in between. */
    private boolean append(String value) {
        Policy current = hub.orgPolicies().getPolicy(POLICY);
        List<String> values = new ArrayList<>(allowed(current));
        values.add(value);
        Policy next = Policy.of(POLICY, PolicySpec.of(PolicyRule.values(new StringValues(values, List.of()))))
                .withEtag(current.etag());
        try {
            hub.orgPolicies().updatePolicy(next, UpdateMask.absent());
            return true;
        } catch (PolicyHubException e) {
            if (e.code() != ErrorCode.ABORTED) {
                throw e;
            }
            return false;
        }
    }

    private static List<String> allowed(Policy policy) {
        PolicyRule.Values values = (PolicyRule.Values) policy.spec().orElseThrow().rules().get(0).kind();
        return values.values().allowedValues();
    }

    @Test
    @DisplayName("8 threads each adding 25 stacks to one policy group without etags: every stack is a member")
    void unconditionalGroupUpdatesLoseNothing() throws Exception {
        hub.policyGroups().createOrganization("acme");
        for (int thread = 0; thread < THREADS; thread++) {
            for (int i = 0; i < UPDATES_PER_THREAD; i++) {
                hub.policyGroups().createStack("acme", "p" + thread, "s" + i, Optional.empty());
            }
        }
        hub.policyGroups().createPolicyGroup("acme", NewPolicyGroup.of("shared", "stacks"));

        Concurrently.run(THREADS, thread -> {
            for (int i = 0; i < UPDATES_PER_THREAD; i++) {
                hub.policyGroups().updatePolicyGroup("acme", "shared",
                        PolicyGroupUpdate.none().withAddStack(new StackRef("p" + thread, "s" + i)));
            }
            return null;
        });

        PolicyGroup shared = hub.policyGroups().getPolicyGroup("acme", "shared");
        assertEquals(THREADS * UPDATES_PER_THREAD, shared.stacks().size());
    }

    @Test
    @DisplayName("two stores on one file, like two processes, with 4 threads each incrementing one counter: exact")
    void twoStoresOnOneFileLoseNothing() throws Exception {
        Instant time = Instant.parse("2025-01-02T03:04:05Z");
        try (SqliteStorage first = SqliteStorage.open(dir.resolve("shared.db"));
             SqliteStorage second = SqliteStorage.open(dir.resolve("shared.db"))) {
            first.write(s -> s.nodes().insertOrganization(
                    new Organization(1, "0", "", State.ACTIVE, time, time, "")));

            Concurrently.run(THREADS, thread -> {
                SqliteStorage storage = thread % 2 == 0 ? first : second;
                for (int i = 0; i < UPDATES_PER_THREAD; i++) {
                    boolean applied;
                    do {
                        Versioned<Organization> current = storage.read(s -> s.nodes().organization(1)).orElseThrow();
                        Organization next = new Organization(1,
                                String.valueOf(Integer.parseInt(current.value().displayName()) + 1), "",
                                State.ACTIVE, time, time, "");
                        applied = storage.write(s -> s.nodes().replaceOrganization(next, current.version()));
                    } while (!applied);
                }
                return null;
            });

            assertEquals(String.valueOf(THREADS * UPDATES_PER_THREAD),
                    second.read(s -> s.nodes().organization(1)).orElseThrow().value().displayName());
        }
    }
}
