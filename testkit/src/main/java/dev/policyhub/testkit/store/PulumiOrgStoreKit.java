package dev.policyhub.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.policygroups.EntityType;
import dev.policyhub.core.policygroups.InsightsAccount;
import dev.policyhub.core.policygroups.Mode;
import dev.policyhub.core.policygroups.PolicyGroup;
import dev.policyhub.core.policygroups.PolicyPackLedger;
import dev.policyhub.core.policygroups.PolicyPackVersion;
import dev.policyhub.core.policygroups.Stack;
import dev.policyhub.core.spi.PulumiOrgStore;
import dev.policyhub.core.spi.StoreSession;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The conformance suite of {@link PulumiOrgStore}: Pulumi organizations, by name. */
public abstract class PulumiOrgStoreKit extends StoreKitBase<PulumiOrgStore> {
    private static final String ORG = "acme";

    /** Subclasses name the store under test. */
    protected PulumiOrgStoreKit() {
    }

    @Override
    PulumiOrgStore store(StoreSession session) {
        return session.pulumiOrgs();
    }

    private List<String> listAll() {
        return read(s -> s.list("", 100));
    }

    @Nested
    @DisplayName("organizations")
    class Organizations {

        @Test
        @DisplayName("an inserted organization exists, under its exact name only")
        void insertedExists() {
            assertTrue(succeeds(s -> s.insert(ORG)));

            assertTrue(holds(s -> s.exists(ORG)));
            assertFalse(holds(s -> s.exists("Acme")));
            assertFalse(holds(s -> s.exists("acm")));
            assertFalse(holds(s -> s.exists("acme2")));
        }

        @Test
        @DisplayName("an unknown organization does not exist")
        void unknownDoesNotExist() {
            assertFalse(holds(s -> s.exists(ORG)));
            assertEquals(List.of(), listAll());
        }

        @Test
        @DisplayName("inserting an existing organization fails, and it is kept once")
        void insertFailsWhenExists() {
            write(s -> s.insert(ORG));

            assertFalse(succeeds(s -> s.insert(ORG)));
            assertEquals(List.of(ORG), listAll());
        }

        @Test
        @DisplayName("names that differ only in case are two organizations")
        void namesAreCaseSensitive() {
            assertTrue(succeeds(s -> s.insert(ORG)));
            assertTrue(succeeds(s -> s.insert("Acme")));

            assertEquals(List.of("Acme", ORG), listAll());
        }

        @Test
        @DisplayName("a delete removes the organization")
        void deleteRemoves() {
            write(s -> s.insert(ORG));
            write(s -> s.insert("globex"));

            assertTrue(succeeds(s -> s.delete(ORG)));
            assertFalse(holds(s -> s.exists(ORG)));
            assertEquals(List.of("globex"), listAll());
        }

        @Test
        @DisplayName("a delete of a missing organization fails, also the second delete of one")
        void deleteMissing() {
            write(s -> s.insert("globex"));

            assertFalse(succeeds(s -> s.delete(ORG)));
            write(s -> s.insert(ORG));
            assertTrue(succeeds(s -> s.delete(ORG)));
            assertFalse(succeeds(s -> s.delete(ORG)));
            assertEquals(List.of("globex"), listAll());
        }

        @Test
        @DisplayName("a deleted name can be inserted again")
        void reinsertAfterDelete() {
            write(s -> s.insert(ORG));
            write(s -> s.delete(ORG));

            assertTrue(succeeds(s -> s.insert(ORG)));
            assertTrue(holds(s -> s.exists(ORG)));
        }

        @Test
        @DisplayName("a delete removes only the name: the organization's stacks, accounts, groups and packs stay")
        void deleteRemovesOnlyTheName() {
            Stack stack = new Stack(ORG, "web", "prod", 12, 2, Optional.of(Instant.parse("2024-05-06T07:08:09Z")));
            InsightsAccount account = new InsightsAccount(ORG, "aws-main", "acct-1", "aws", "production", "daily",
                    Map.of("region", "us-west-2"), "pool-1", 7);
            PolicyGroup group = new PolicyGroup(ORG, PolicyGroup.DEFAULT_STACKS_GROUP, EntityType.STACKS, Mode.AUDIT,
                    true, List.of(stack.ref()), List.of(), List.of(), "");
            PolicyPackLedger ledger = new PolicyPackLedger(ORG, "aws-guard", 1, List.of("1.0.0"), "nodejs");
            PolicyPackVersion version = new PolicyPackVersion(ORG, "aws-guard", 1, "1.0.0", "AWS Guard", "nodejs",
                    List.of(), true, "token-1", true);
            byte[] archive = {1, 2, 3};
            storage().write(session -> session.pulumiOrgs().insert(ORG)
                    && session.stacks().insert(stack)
                    && session.accounts().insert(account)
                    && session.policyGroups().insert(group)
                    && session.policyPacks().insertLedger(ledger)
                    && session.policyPacks().insertVersion(version)
                    && putArchive(session, archive));

            assertTrue(succeeds(s -> s.delete(ORG)));
            assertFalse(holds(s -> s.exists(ORG)));
            assertEquals(stored(stack, 1), storage().read(session -> session.stacks().get(ORG, "web", "prod")));
            assertEquals(stored(account, 1), storage().read(session -> session.accounts().get(ORG, "aws-main")));
            assertEquals(atVersion1(List.of(group)), storage().read(session -> session.policyGroups().list(ORG)));
            assertEquals(stored(ledger, 1), storage().read(session -> session.policyPacks().ledger(ORG, "aws-guard")));
            assertEquals(atVersion1(List.of(version)),
                    storage().read(session -> session.policyPacks().versions(ORG, "aws-guard")));
            assertEquals(Optional.of("010203"), storage().read(session -> session.policyPacks()
                    .archive(ORG, "aws-guard", 1).map(HexFormat.of()::formatHex)));
        }

        private boolean putArchive(StoreSession session, byte[] archive) {
            session.policyPacks().putArchive(ORG, "aws-guard", 1, archive);
            return true;
        }
    }

    @Nested
    @DisplayName("organization lists")
    class Lists {
        /** Names in list order; upper case sorts before lower case. */
        private final List<String> ordered = List.of("Zeta", "acme", "acme-corp", "beta", "gamma");

        private void insertAll() {
            for (int i : new int[] {3, 0, 4, 1, 2}) {
                String name = ordered.get(i);
                write(s -> s.insert(name));
            }
        }

        @Test
        @DisplayName("organizations are listed by name, from the start with an empty cursor")
        void listedByName() {
            insertAll();

            assertEquals(ordered, read(s -> s.list("", 10)));
        }

        @Test
        @DisplayName("the list starts strictly after the given name, also where no organization sits")
        void listStartsAfterName() {
            insertAll();

            assertEquals(ordered.subList(2, 5), read(s -> s.list("acme", 10)));
            assertEquals(ordered.subList(2, 5), read(s -> s.list("acme-a", 10)));
            assertEquals(ordered.subList(3, 5), read(s -> s.list("b", 10)));
            assertEquals(List.of(), read(s -> s.list("gamma", 10)));
        }

        @Test
        @DisplayName("the limit caps the list")
        void limitCapsList() {
            insertAll();

            assertEquals(ordered.subList(0, 2), read(s -> s.list("", 2)));
        }

        @Test
        @DisplayName("paging by two from the last name seen visits every organization once, in order")
        void pagingVisitsEveryOrganizationOnce() {
            insertAll();

            Paged<String> paged = pageThroughNames(after -> read(s -> s.list(after, 2)), ordered.size());

            assertEquals(List.of(2, 2, 1), paged.pageSizes());
            assertEquals(ordered, paged.seen());
        }

        @Test
        @DisplayName("between pages, names inserted behind the cursor are not seen, those ahead of it are, once")
        void changesBetweenPages() {
            insertAll();
            List<String> first = read(s -> s.list("", 2));

            write(s -> s.insert("Alpha") && s.insert("delta") && s.delete("beta") && s.delete("acme"));
            List<String> rest = read(s -> s.list(first.get(1), 10));

            assertEquals(List.of("Zeta", "acme"), first);
            assertEquals(List.of("acme-corp", "delta", "gamma"), rest);
        }
    }

    @Nested
    @DisplayName("units of work")
    class Units {

        @Test
        @DisplayName("an insert in a unit that throws is undone")
        void insertRolledBack() {
            writeAndFail(s -> s.insert(ORG));

            assertFalse(holds(s -> s.exists(ORG)));
            assertEquals(List.of(), listAll());
            assertTrue(succeeds(s -> s.insert(ORG)));
        }

        @Test
        @DisplayName("a delete in a unit that throws is undone")
        void deleteRolledBack() {
            write(s -> s.insert(ORG));

            writeAndFail(s -> s.delete(ORG));
            assertTrue(holds(s -> s.exists(ORG)));
            assertEquals(List.of(ORG), listAll());
            assertFalse(succeeds(s -> s.insert(ORG)));
        }

        @Test
        @DisplayName("deletes and inserts mixed in a unit that throws leave every name as it was")
        void mixedWritesRolledBack() {
            write(s -> s.insert(ORG) && s.insert("globex"));

            writeAndFail(s -> s.delete(ORG) && s.insert("initech") && s.insert(ORG) && s.delete("globex"));
            assertEquals(List.of(ORG, "globex"), listAll());
        }

        @Test
        @DisplayName("a read unit refuses an insert and stores nothing")
        void readUnitRefusesInsert() {
            assertThrows(IllegalStateException.class, () -> read(s -> s.insert(ORG)));

            assertFalse(holds(s -> s.exists(ORG)));
        }
    }

    @Nested
    @DisplayName("clear()")
    class Clearing {

        @Test
        @DisplayName("clear() forgets every organization, and the names can be inserted again")
        void clearForgetsOrganizations() {
            write(s -> s.insert(ORG) && s.insert("globex"));

            storage().clear();
            assertEquals(List.of(), listAll());
            assertFalse(holds(s -> s.exists(ORG)));
            assertTrue(succeeds(s -> s.insert(ORG)));
        }
    }
}
