package dev.policyhub.testkit.store;

import static dev.policyhub.testkit.store.Fixtures.customConstraint;
import static dev.policyhub.testkit.store.Fixtures.redescribed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.orgpolicy.CustomConstraint;
import dev.policyhub.core.spi.CustomConstraintStore;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.Versioned;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The conformance suite of {@link CustomConstraintStore}: constraints keyed by (organization, constraint id). */
public abstract class CustomConstraintStoreKit extends StoreKitBase<CustomConstraintStore> {
    private static final long ORG = 1;
    private static final long OTHER_ORG = 2;
    private static final String ID = "custom.denyPublicIp";

    /** Subclasses name the store under test. */
    protected CustomConstraintStoreKit() {
    }

    @Override
    CustomConstraintStore store(StoreSession session) {
        return session.customConstraints();
    }

    @Nested
    @DisplayName("single custom constraints")
    class SingleConstraints {
        private final CustomConstraint denyPublicIp = customConstraint(ORG, ID);

        /** The checks made on the constraint of {@code ORG} with the id {@code ID}. */
        private final VersionChecks<CustomConstraint> checks = new VersionChecks<>(
                (s, constraint) -> s.insert(ORG, constraint),
                (s, constraint, version) -> s.replace(ORG, constraint, version),
                (s, version) -> s.delete(ORG, ID, version),
                s -> s.get(ORG, ID));

        @Test
        @DisplayName("an inserted constraint reads back whole at version 1, under the id segment of its name")
        void insertedReadsBack() {
            checks.insertedReadsBack(denyPublicIp);
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
            checks.insertFailsWhenTaken(denyPublicIp, redescribed(denyPublicIp, "impostor"));
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
            checks.replaceWithStoredVersion(denyPublicIp, redescribed(denyPublicIp, "no public IPs"));
        }

        @Test
        @DisplayName("a replace with a stale version fails and changes nothing")
        void replaceWithStaleVersion() {
            checks.replaceWithStaleVersion(denyPublicIp, redescribed(denyPublicIp, "no public IPs"),
                    redescribed(denyPublicIp, "late"));
        }

        @Test
        @DisplayName("a replace of a missing constraint fails and stores nothing")
        void replaceMissing() {
            checks.replaceMissing(denyPublicIp);
        }

        @Test
        @DisplayName("a delete with the stored version removes the constraint")
        void deleteWithStoredVersion() {
            checks.deleteWithStoredVersion(denyPublicIp);
            assertEquals(List.of(), read(s -> s.list(ORG, "", 10)));
        }

        @Test
        @DisplayName("a delete with a stale version fails and keeps the constraint")
        void deleteWithStaleVersion() {
            checks.deleteWithStaleVersion(denyPublicIp, 2);
        }

        @Test
        @DisplayName("a delete of a missing constraint fails")
        void deleteMissing() {
            write(s -> s.insert(OTHER_ORG, customConstraint(OTHER_ORG, ID)));

            checks.deleteMissing();
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

            Paged<Versioned<CustomConstraint>> paged =
                    pageThrough("", after -> read(s -> s.list(ORG, after, 2)), CustomConstraint::id, expected.size());

            assertEquals(List.of(2, 2, 1), paged.pageSizes());
            assertEquals(expected, paged.seen());
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
