package dev.policyhub.testkit.store;

import static dev.policyhub.testkit.store.Fixtures.customConstraint;
import static dev.policyhub.testkit.store.Fixtures.redescribed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.orgpolicy.CustomConstraint;
import dev.policyhub.core.spi.CustomConstraintStore;
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

/** The conformance suite of {@link CustomConstraintStore}: constraints keyed by (organization, constraint id). */
public abstract class CustomConstraintStoreKit {
    private static final long ORG = 1;
    private static final long OTHER_ORG = 2;
    private static final String ID = "custom.denyPublicIp";

    private Storage storage;

    /** Subclasses name the store under test. */
    protected CustomConstraintStoreKit() {
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

    private <T> T write(Function<CustomConstraintStore, T> work) {
        return storage.write(session -> work.apply(session.customConstraints()));
    }

    private <T> T read(Function<CustomConstraintStore, T> work) {
        return storage.read(session -> work.apply(session.customConstraints()));
    }

    private boolean succeeds(Predicate<CustomConstraintStore> work) {
        return storage.write(session -> work.test(session.customConstraints()));
    }

    private static Optional<Versioned<CustomConstraint>> stored(CustomConstraint constraint, long version) {
        return Optional.of(new Versioned<>(constraint, version));
    }

    @Nested
    @DisplayName("single custom constraints")
    class SingleConstraints {
        private final CustomConstraint denyPublicIp = customConstraint(ORG, ID);

        @Test
        @DisplayName("an inserted constraint reads back whole at version 1, under the id segment of its name")
        void insertedReadsBack() {
            assertTrue(succeeds(s -> s.insert(ORG, denyPublicIp)));

            assertEquals(stored(denyPublicIp, 1), read(s -> s.get(ORG, ID)));
        }

        @Test
        @DisplayName("a constraint is found only under its own organization and id")
        void foundOnlyUnderItsKey() {
            write(s -> s.insert(ORG, denyPublicIp));

            assertEquals(Optional.empty(), read(s -> s.get(OTHER_ORG, ID)));
            assertEquals(Optional.empty(), read(s -> s.get(ORG, "custom.other")));
        }

        @Test
        @DisplayName("inserts fail when the organization already has the id, and the first constraint is kept")
        void insertFailsWhenTaken() {
            write(s -> s.insert(ORG, denyPublicIp));

            assertFalse(succeeds(s -> s.insert(ORG, redescribed(denyPublicIp, "impostor"))));
            assertEquals(stored(denyPublicIp, 1), read(s -> s.get(ORG, ID)));
        }

        @Test
        @DisplayName("the same id can be used by each organization")
        void sameIdInSeveralOrganizations() {
            CustomConstraint other = customConstraint(OTHER_ORG, ID);
            write(s -> s.insert(ORG, denyPublicIp));

            assertTrue(succeeds(s -> s.insert(OTHER_ORG, other)));
            assertEquals(stored(other, 1), read(s -> s.get(OTHER_ORG, ID)));
            assertEquals(stored(denyPublicIp, 1), read(s -> s.get(ORG, ID)));
        }

        @Test
        @DisplayName("a replace with the stored version stores the new content at the next version")
        void replaceWithStoredVersion() {
            write(s -> s.insert(ORG, denyPublicIp));
            CustomConstraint edited = redescribed(denyPublicIp, "no public IPs");

            assertTrue(succeeds(s -> s.replace(ORG, edited, 1)));
            assertEquals(stored(edited, 2), read(s -> s.get(ORG, ID)));
        }

        @Test
        @DisplayName("a replace with a stale version fails and changes nothing")
        void replaceWithStaleVersion() {
            write(s -> s.insert(ORG, denyPublicIp));
            CustomConstraint edited = redescribed(denyPublicIp, "no public IPs");
            write(s -> s.replace(ORG, edited, 1));

            assertFalse(succeeds(s -> s.replace(ORG, redescribed(denyPublicIp, "late"), 1)));
            assertEquals(stored(edited, 2), read(s -> s.get(ORG, ID)));
        }

        @Test
        @DisplayName("a replace of a missing constraint fails and stores nothing")
        void replaceMissing() {
            assertFalse(succeeds(s -> s.replace(ORG, denyPublicIp, 1)));
            assertEquals(Optional.empty(), read(s -> s.get(ORG, ID)));
        }

        @Test
        @DisplayName("a delete with the stored version removes the constraint")
        void deleteWithStoredVersion() {
            write(s -> s.insert(ORG, denyPublicIp));

            assertTrue(succeeds(s -> s.delete(ORG, ID, 1)));
            assertEquals(Optional.empty(), read(s -> s.get(ORG, ID)));
            assertEquals(List.of(), read(s -> s.list(ORG, "", 10)));
        }

        @Test
        @DisplayName("a delete with a stale version fails and keeps the constraint")
        void deleteWithStaleVersion() {
            write(s -> s.insert(ORG, denyPublicIp));

            assertFalse(succeeds(s -> s.delete(ORG, ID, 2)));
            assertEquals(stored(denyPublicIp, 1), read(s -> s.get(ORG, ID)));
        }

        @Test
        @DisplayName("a delete of a missing constraint fails")
        void deleteMissing() {
            write(s -> s.insert(OTHER_ORG, customConstraint(OTHER_ORG, ID)));

            assertFalse(succeeds(s -> s.delete(ORG, ID, 1)));
        }
    }

    @Nested
    @DisplayName("custom constraint lists")
    class Lists {
        private final List<String> ids = List.of("custom.a", "custom.b", "custom.c", "custom.d", "custom.e");

        private List<Versioned<CustomConstraint>> insertAll() {
            List<Versioned<CustomConstraint>> expected = new ArrayList<>();
            for (String id : ids) {
                expected.add(new Versioned<>(customConstraint(ORG, id), 1));
            }
            for (int i : new int[] {4, 1, 3, 0, 2}) {
                CustomConstraint constraint = customConstraint(ORG, ids.get(i));
                write(s -> s.insert(ORG, constraint));
            }
            write(s -> s.insert(OTHER_ORG, customConstraint(OTHER_ORG, "custom.a")));
            return expected;
        }

        @Test
        @DisplayName("constraints of an organization are listed by id, from the start with an empty cursor")
        void listedById() {
            List<Versioned<CustomConstraint>> expected = insertAll();

            assertEquals(expected, read(s -> s.list(ORG, "", 10)));
        }

        @Test
        @DisplayName("the list starts strictly after the given id, also where no constraint sits")
        void listStartsAfterId() {
            List<Versioned<CustomConstraint>> expected = insertAll();

            assertEquals(expected.subList(2, 5), read(s -> s.list(ORG, "custom.b", 10)));
            assertEquals(expected.subList(3, 5), read(s -> s.list(ORG, "custom.cc", 10)));
        }

        @Test
        @DisplayName("paging by two from the last id seen visits every constraint once, in order")
        void pagingVisitsEveryConstraintOnce() {
            List<Versioned<CustomConstraint>> expected = insertAll();

            List<Versioned<CustomConstraint>> seen = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            String after = "";
            while (true) {
                String cursor = after;
                List<Versioned<CustomConstraint>> page = read(s -> s.list(ORG, cursor, 2));
                if (page.isEmpty()) {
                    break;
                }
                pageSizes.add(page.size());
                seen.addAll(page);
                after = page.get(page.size() - 1).value().id();
            }

            assertEquals(List.of(2, 2, 1), pageSizes);
            assertEquals(expected, seen);
        }

        @Test
        @DisplayName("only constraints of the given organization are listed")
        void onlyOwnOrganization() {
            insertAll();

            assertEquals(List.of(new Versioned<>(customConstraint(OTHER_ORG, "custom.a"), 1)),
                    read(s -> s.list(OTHER_ORG, "", 10)));
            assertEquals(List.of(), read(s -> s.list(3, "", 10)));
        }
    }
}
