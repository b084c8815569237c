package dev.policyhub.testkit.store;

import static dev.policyhub.testkit.store.Fixtures.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;
import dev.policyhub.core.spi.PolicyStore;
import dev.policyhub.core.spi.Storage;
import dev.policyhub.core.spi.Versioned;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The conformance suite of {@link PolicyStore}: policies keyed by (resource, constraint id). */
public abstract class PolicyStoreKit {
    private static final NodeKey FOLDER = NodeKey.folder(5);
    private static final NodeKey PROJECT = NodeKey.project(5);
    private static final String CONSTRAINT = "compute.requireOsLogin";

    private Storage storage;

    /** Subclasses name the store under test. */
    protected PolicyStoreKit() {
    }

    /** Opens a new, empty store; called once before each test and closed after it. */
    protected abstract Storage newStorage();

    @BeforeEach
    void openStorage() {
        storage = newStorage();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    private <T> T write(Function<PolicyStore, T> work) {
        return storage.write(session -> work.apply(session.policies()));
    }

    private <T> T read(Function<PolicyStore, T> work) {
        return storage.read(session -> work.apply(session.policies()));
    }

    private boolean succeeds(Predicate<PolicyStore> work) {
        return storage.write(session -> work.test(session.policies()));
    }

    private static Optional<Versioned<Policy>> stored(Policy policy, long version) {
        return Optional.of(new Versioned<>(policy, version));
    }

    private static Policy edited(Policy policy) {
        return new Policy(policy.name(), Optional.of(PolicySpec.of(PolicyRule.enforce(true))), Optional.empty(),
                "edited-etag");
    }

    @Nested
    @DisplayName("single policies")
    class SinglePolicies {
        private final Policy osLogin = policy(FOLDER, CONSTRAINT);

        @Test
        @DisplayName("an inserted policy reads back whole at version 1")
        void insertedReadsBack() {
            assertTrue(succeeds(s -> s.insert(FOLDER, CONSTRAINT, osLogin)));

            assertEquals(stored(osLogin, 1), read(s -> s.get(FOLDER, CONSTRAINT)));
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
            write(s -> s.insert(FOLDER, CONSTRAINT, osLogin));

            assertFalse(succeeds(s -> s.insert(FOLDER, CONSTRAINT, edited(osLogin))));
            assertEquals(stored(osLogin, 1), read(s -> s.get(FOLDER, CONSTRAINT)));
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
            write(s -> s.insert(FOLDER, CONSTRAINT, osLogin));
            Policy edited = edited(osLogin);

            assertTrue(succeeds(s -> s.replace(FOLDER, CONSTRAINT, edited, 1)));
            assertEquals(stored(edited, 2), read(s -> s.get(FOLDER, CONSTRAINT)));
        }

        @Test
        @DisplayName("a replace with a stale version fails and changes nothing")
        void replaceWithStaleVersion() {
            write(s -> s.insert(FOLDER, CONSTRAINT, osLogin));
            Policy edited = edited(osLogin);
            write(s -> s.replace(FOLDER, CONSTRAINT, edited, 1));

            assertFalse(succeeds(s -> s.replace(FOLDER, CONSTRAINT, osLogin, 1)));
            assertEquals(stored(edited, 2), read(s -> s.get(FOLDER, CONSTRAINT)));
        }

        @Test
        @DisplayName("a replace of a missing policy fails and stores nothing")
        void replaceMissing() {
            assertFalse(succeeds(s -> s.replace(FOLDER, CONSTRAINT, osLogin, 1)));
            assertEquals(Optional.empty(), read(s -> s.get(FOLDER, CONSTRAINT)));
        }

        @Test
        @DisplayName("a delete with the stored version removes the policy")
        void deleteWithStoredVersion() {
            write(s -> s.insert(FOLDER, CONSTRAINT, osLogin));

            assertTrue(succeeds(s -> s.delete(FOLDER, CONSTRAINT, 1)));
            assertEquals(Optional.empty(), read(s -> s.get(FOLDER, CONSTRAINT)));
            assertEquals(List.of(), read(s -> s.list(FOLDER, "", 10)));
        }

        @Test
        @DisplayName("a delete with a stale version fails and keeps the policy")
        void deleteWithStaleVersion() {
            write(s -> s.insert(FOLDER, CONSTRAINT, osLogin));

            assertFalse(succeeds(s -> s.delete(FOLDER, CONSTRAINT, 2)));
            assertEquals(stored(osLogin, 1), read(s -> s.get(FOLDER, CONSTRAINT)));
        }

        @Test
        @DisplayName("a delete of a missing policy fails")
        void deleteMissing() {
            write(s -> s.insert(PROJECT, CONSTRAINT, policy(PROJECT, CONSTRAINT)));

            assertFalse(succeeds(s -> s.delete(FOLDER, CONSTRAINT, 1)));
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

            List<Versioned<Policy>> seen = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            String after = "";
            while (true) {
                String cursor = after;
                List<Versioned<Policy>> page = read(s -> s.list(FOLDER, cursor, 2));
                if (page.isEmpty()) {
                    break;
                }
                pageSizes.add(page.size());
                seen.addAll(page);
                after = page.get(page.size() - 1).value().constraint();
            }

            assertEquals(List.of(2, 2, 1), pageSizes);
            assertEquals(expected, seen);
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
