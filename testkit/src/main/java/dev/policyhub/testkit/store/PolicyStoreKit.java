package dev.policyhub.testkit.store;

import static dev.policyhub.testkit.store.Fixtures.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;
import dev.policyhub.core.spi.PolicyStore;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.Versioned;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The conformance suite of {@link PolicyStore}: policies keyed by (resource, constraint id). */
public abstract class PolicyStoreKit extends StoreKitBase<PolicyStore> {
    private static final NodeKey FOLDER = NodeKey.folder(5);
    private static final NodeKey PROJECT = NodeKey.project(5);
    private static final String CONSTRAINT = "compute.requireOsLogin";

    /** Subclasses name the store under test. */
    protected PolicyStoreKit() {
    }

    @Override
    PolicyStore store(StoreSession session) {
        return session.policies();
    }

    private static Policy edited(Policy policy) {
        return new Policy(policy.name(), Optional.of(PolicySpec.of(PolicyRule.enforce(true))), Optional.empty(),
                "edited-etag");
    }

    @Nested
    @DisplayName("single policies")
    class SinglePolicies {
        private final Policy osLogin = policy(FOLDER, CONSTRAINT);

        /** The checks made on the policy of {@code FOLDER} for {@code CONSTRAINT}. */
        private final VersionChecks<Policy> checks = new VersionChecks<>(
                (s, policy) -> s.insert(FOLDER, CONSTRAINT, policy),
                (s, policy, version) -> s.replace(FOLDER, CONSTRAINT, policy, version),
                (s, version) -> s.delete(FOLDER, CONSTRAINT, version),
                s -> s.get(FOLDER, CONSTRAINT));

        @Test
        @DisplayName("an inserted policy reads back whole at version 1")
        void insertedReadsBack() {
            checks.insertedReadsBack(osLogin);
        }

        @Test
        @DisplayName("a policy is found only under its own resource and constraint")
        void foundOnlyUnderItsKey() {
            write(s -> s.insert(FOLDER, CONSTRAINT, osLogin));

            assertEquals(Optional.empty(), read(s -> s.get(PROJECT, CONSTRAINT)));
            assertEquals(Optional.empty(), read(s -> s.get(FOLDER, "compute.skipDefaultNetworkCreation")));
        }

        @Test
        @DisplayName("inserts fail when the resource already has a policy for the constraint, and the first is kept")
        void insertFailsWhenTaken() {
            checks.insertFailsWhenTaken(osLogin, edited(osLogin));
        }

        @Test
        @DisplayName("the same constraint can have a policy on each resource")
        void sameConstraintOnSeveralResources() {
            Policy onProject = policy(PROJECT, CONSTRAINT);
            write(s -> s.insert(FOLDER, CONSTRAINT, osLogin));

            assertTrue(succeeds(s -> s.insert(PROJECT, CONSTRAINT, onProject)));
            assertEquals(stored(osLogin, 1), read(s -> s.get(FOLDER, CONSTRAINT)));
            assertEquals(stored(onProject, 1), read(s -> s.get(PROJECT, CONSTRAINT)));
        }

        @Test
        @DisplayName("a replace with the stored version stores the new content at the next version")
        void replaceWithStoredVersion() {
            checks.replaceWithStoredVersion(osLogin, edited(osLogin));
        }

        @Test
        @DisplayName("a replace with a stale version fails and changes nothing")
        void replaceWithStaleVersion() {
            checks.replaceWithStaleVersion(osLogin, edited(osLogin), osLogin);
        }

        @Test
        @DisplayName("a replace of a missing policy fails and stores nothing")
        void replaceMissing() {
            checks.replaceMissing(osLogin);
        }

        @Test
        @DisplayName("a delete with the stored version removes the policy")
        void deleteWithStoredVersion() {
            checks.deleteWithStoredVersion(osLogin);
            assertEquals(List.of(), read(s -> s.list(FOLDER, "", 10)));
        }

        @Test
        @DisplayName("a delete with a stale version fails and keeps the policy")
        void deleteWithStaleVersion() {
            checks.deleteWithStaleVersion(osLogin, 2);
        }

        @Test
        @DisplayName("a delete of a missing policy fails")
        void deleteMissing() {
            write(s -> s.insert(PROJECT, CONSTRAINT, policy(PROJECT, CONSTRAINT)));

            checks.deleteMissing();
        }
    }

    @Nested
    @DisplayName("policy lists")
    class Lists {
        /** Constraint ids in String order; upper case sorts before lower case. */
        private final List<String> constraints = List.of("Zeta.upper", "compute.a", "compute.b", "custom.x", "iam.z");

        private List<Versioned<Policy>> insertAll() {
            List<Versioned<Policy>> expected = new ArrayList<>();
            for (String constraint : constraints) {
                expected.add(new Versioned<>(policy(FOLDER, constraint), 1));
            }
            for (int i : new int[] {3, 0, 4, 1, 2}) {
                String constraint = constraints.get(i);
                write(s -> s.insert(FOLDER, constraint, policy(FOLDER, constraint)));
            }
            write(s -> s.insert(PROJECT, "compute.a", policy(PROJECT, "compute.a")));
            write(s -> s.insert(NodeKey.folder(6), "compute.a", policy(NodeKey.folder(6), "compute.a")));
            return expected;
        }

        @Test
        @DisplayName("policies of a resource are listed by constraint id, from the start with an empty cursor")
        void listedByConstraintId() {
            List<Versioned<Policy>> expected = insertAll();

            assertEquals(expected, read(s -> s.list(FOLDER, "", 10)));
        }

        @Test
        @DisplayName("the list starts strictly after the given constraint id, also where no policy sits")
        void listStartsAfterConstraint() {
            List<Versioned<Policy>> expected = insertAll();

            assertEquals(expected.subList(2, 5), read(s -> s.list(FOLDER, "compute.a", 10)));
            assertEquals(expected.subList(3, 5), read(s -> s.list(FOLDER, "compute.c", 10)));
        }

        @Test
        @DisplayName("paging by two from the last constraint seen visits every policy once, in order")
        void pagingVisitsEveryPolicyOnce() {
            List<Versioned<Policy>> expected = insertAll();

            Paged<Versioned<Policy>> paged =
                    pageThrough("", after -> read(s -> s.list(FOLDER, after, 2)), Policy::constraint, expected.size());

            assertEquals(List.of(2, 2, 1), paged.pageSizes());
            assertEquals(expected, paged.seen());
        }

        @Test
        @DisplayName("a resource of another type with the same id has its own list")
        void resourcesAreTyped() {
            insertAll();

            assertEquals(List.of(new Versioned<>(policy(PROJECT, "compute.a"), 1)),
                    read(s -> s.list(PROJECT, "", 10)));
            assertEquals(List.of(), read(s -> s.list(NodeKey.organization(5), "", 10)));
        }
    }
}
