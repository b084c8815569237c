package dev.policyhub.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.policygroups.InsightsAccount;
import dev.policyhub.core.spi.AccountStore;
import dev.policyhub.core.spi.Storage;
import dev.policyhub.core.spi.Versioned;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The conformance suite of {@link AccountStore}: Insights accounts keyed by (org, name). */
public abstract class AccountStoreKit {
    private static final String ORG = "acme";
    private static final String OTHER_ORG = "globex";
    private static final String NAME = "aws-main";

    /** More pages than any paging test needs: a store that never ends its list fails instead of looping. */
    private static final int MAX_PAGES = 10;

    private Storage storage;

    /** Subclasses name the store under test. */
    protected AccountStoreKit() {
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

    private <T> T write(Function<AccountStore, T> work) {
        return storage.write(session -> work.apply(session.accounts()));
    }

    private <T> T read(Function<AccountStore, T> work) {
        return storage.read(session -> work.apply(session.accounts()));
    }

    private boolean succeeds(Predicate<AccountStore> work) {
        return storage.write(session -> work.test(session.accounts()));
    }

    /** Runs writes that must all succeed in a unit that then throws, and checks the failure propagates. */
    private void writeAndFail(Predicate<AccountStore> work) {
        IllegalStateException failure = new IllegalStateException("rolled back on purpose");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> storage.write(session -> {
            assertTrue(work.test(session.accounts()), "the writes succeed before the unit fails");
            throw failure;
        })));
    }

    private static Optional<Versioned<InsightsAccount>> stored(InsightsAccount account, long version) {
        return Optional.of(new Versioned<>(account, version));
    }

    private static List<Versioned<InsightsAccount>> atVersion1(List<InsightsAccount> accounts) {
        List<Versioned<InsightsAccount>> out = new ArrayList<>();
        accounts.forEach(account -> out.add(new Versioned<>(account, 1)));
        return out;
    }

    /** An account with every field set, including a nested provider config and an agent pool. */
    private static InsightsAccount account(String org, String name) {
        return new InsightsAccount(org, name, "acct-" + name.replace('/', '-'), "aws", "production", "12h",
                Map.of("region", "us-west-2",
                        "roleArn", "arn:aws:iam::123456789012:role/insights",
                        "regions", List.of("us-east-1", "eu-west-1"),
                        "options", Map.of("scanTags", true, "depth", 3L)),
                "pool-" + org, 1234);
    }

    /** The same account scanned daily, without agent pool, with one more resource. */
    private static InsightsAccount rescheduled(InsightsAccount account) {
        return new InsightsAccount(account.org(), account.name(), account.id(), account.provider(),
                account.environment(), "daily", Map.of("region", "eu-central-1"), "", account.resourceCount() + 1);
    }

    @Nested
    @DisplayName("single accounts")
    class SingleAccounts {
        private final InsightsAccount main = account(ORG, NAME);

        @Test
        @DisplayName("an inserted account reads back whole at version 1")
        void insertedReadsBack() {
            assertTrue(succeeds(s -> s.insert(main)));

            assertEquals(stored(main, 1), read(s -> s.get(ORG, NAME)));
        }

        @Test
        @DisplayName("an account with only the required fields reads back whole")
        void bareAccountReadsBack() {
            InsightsAccount bare = new InsightsAccount(ORG, "azure-dev", "acct-2", "azure", "", "none", Map.of(), "",
                    0);

            assertTrue(succeeds(s -> s.insert(bare)));
            assertEquals(stored(bare, 1), read(s -> s.get(ORG, "azure-dev")));
        }

        @Test
        @DisplayName("a child account reads back under its full parent/child name")
        void childReadsBack() {
            InsightsAccount child = account(ORG, NAME + "/us-east-1");

            assertTrue(succeeds(s -> s.insert(child)));
            assertEquals(stored(child, 1), read(s -> s.get(ORG, NAME + "/us-east-1")));
            assertEquals(Optional.empty(), read(s -> s.get(ORG, NAME)));
        }

        @Test
        @DisplayName("an unknown account reads as empty")
        void unknownIsEmpty() {
            assertEquals(Optional.empty(), read(s -> s.get(ORG, NAME)));
        }

        @Test
        @DisplayName("an account is found only under its own organization and name")
        void foundOnlyUnderItsKey() {
            write(s -> s.insert(main));

            assertEquals(Optional.empty(), read(s -> s.get(OTHER_ORG, NAME)));
            assertEquals(Optional.empty(), read(s -> s.get(ORG, "AWS-MAIN")));
            assertEquals(Optional.empty(), read(s -> s.get(ORG, "aws")));
        }

        @Test
        @DisplayName("inserts fail when the account exists, and the first account is kept")
        void insertFailsWhenTaken() {
            write(s -> s.insert(main));

            assertFalse(succeeds(s -> s.insert(rescheduled(main))));
            assertEquals(stored(main, 1), read(s -> s.get(ORG, NAME)));
        }

        @Test
        @DisplayName("the same name can be used by each organization")
        void sameNameInSeveralOrganizations() {
            InsightsAccount other = account(OTHER_ORG, NAME);
            write(s -> s.insert(main));

            assertTrue(succeeds(s -> s.insert(other)));
            assertEquals(stored(main, 1), read(s -> s.get(ORG, NAME)));
            assertEquals(stored(other, 1), read(s -> s.get(OTHER_ORG, NAME)));
        }

        @Test
        @DisplayName("a replace with the stored version stores the new content at the next version")
        void replaceWithStoredVersion() {
            write(s -> s.insert(main));
            InsightsAccount edited = rescheduled(main);

            assertTrue(succeeds(s -> s.replace(edited, 1)));
            assertEquals(stored(edited, 2), read(s -> s.get(ORG, NAME)));
        }

        @Test
        @DisplayName("each replace adds one to the version")
        void eachReplaceAddsOne() {
            write(s -> s.insert(main));
            InsightsAccount first = main.withResourceCount(10);
            InsightsAccount second = main.withResourceCount(20);

            assertTrue(succeeds(s -> s.replace(first, 1)));
            assertTrue(succeeds(s -> s.replace(second, 2)));
            assertEquals(stored(second, 3), read(s -> s.get(ORG, NAME)));
        }

        @Test
        @DisplayName("a replace with a stale version fails and changes nothing")
        void replaceWithStaleVersion() {
            write(s -> s.insert(main));
            InsightsAccount edited = rescheduled(main);
            write(s -> s.replace(edited, 1));

            assertFalse(succeeds(s -> s.replace(main.withResourceCount(0), 1)));
            assertFalse(succeeds(s -> s.replace(main.withResourceCount(0), 3)));
            assertEquals(stored(edited, 2), read(s -> s.get(ORG, NAME)));
        }

        @Test
        @DisplayName("a replace of a missing account fails and stores nothing, also when another organization has it")
        void replaceMissing() {
            write(s -> s.insert(account(OTHER_ORG, NAME)));

            assertFalse(succeeds(s -> s.replace(main, 1)));
            assertEquals(Optional.empty(), read(s -> s.get(ORG, NAME)));
            assertEquals(List.of(), read(s -> s.list(ORG, "", 10)));
        }

        @Test
        @DisplayName("a delete with the stored version removes the account and its list entry")
        void deleteWithStoredVersion() {
            write(s -> s.insert(main));

            assertTrue(succeeds(s -> s.delete(ORG, NAME, 1)));
            assertEquals(Optional.empty(), read(s -> s.get(ORG, NAME)));
            assertEquals(List.of(), read(s -> s.list(ORG, "", 10)));
        }

        @Test
        @DisplayName("a delete with a stale version fails and keeps the account")
        void deleteWithStaleVersion() {
            write(s -> s.insert(main));

            assertFalse(succeeds(s -> s.delete(ORG, NAME, 2)));
            assertEquals(stored(main, 1), read(s -> s.get(ORG, NAME)));
        }

        @Test
        @DisplayName("a delete of a missing account fails and leaves other organizations' accounts alone")
        void deleteMissing() {
            InsightsAccount other = account(OTHER_ORG, NAME);
            write(s -> s.insert(other));

            assertFalse(succeeds(s -> s.delete(ORG, NAME, 1)));
            assertEquals(stored(other, 1), read(s -> s.get(OTHER_ORG, NAME)));
        }

        @Test
        @DisplayName("a deleted account can be inserted again, starting over at version 1")
        void reinsertAfterDelete() {
            write(s -> s.insert(main));
            write(s -> s.replace(rescheduled(main), 1));
            write(s -> s.delete(ORG, NAME, 2));

            assertTrue(succeeds(s -> s.insert(main)));
            assertEquals(stored(main, 1), read(s -> s.get(ORG, NAME)));
        }
    }

    @Nested
    @DisplayName("account lists")
    class Lists {
        /** Accounts in list order: by name, upper case first, a parent right before its children. */
        private final List<InsightsAccount> ordered = List.of(
                account(ORG, "Aws-Upper"),
                account(ORG, "aws-main"),
                account(ORG, "aws-main/eu-west-1"),
                account(ORG, "aws-main/us-east-1"),
                account(ORG, "aws-main2"),
                account(ORG, "gcp-prod"));

        private void insertAll() {
            for (int i : new int[] {3, 5, 0, 2, 4, 1}) {
                InsightsAccount account = ordered.get(i);
                write(s -> s.insert(account));
            }
            write(s -> s.insert(account(OTHER_ORG, "aws-main")));
        }

        private List<Versioned<InsightsAccount>> list(String afterName, int limit) {
            return read(s -> s.list(ORG, afterName, limit));
        }

        @Test
        @DisplayName("accounts of an organization are listed by name, from the start with an empty cursor")
        void listedByName() {
            insertAll();

            assertEquals(atVersion1(ordered), list("", 10));
        }

        @Test
        @DisplayName("the list starts strictly after the given name, also where no account sits")
        void listStartsAfterName() {
            insertAll();

            assertEquals(atVersion1(ordered.subList(2, 6)), list("aws-main", 10));
            assertEquals(atVersion1(ordered.subList(2, 6)), list("aws-main/", 10));
            assertEquals(atVersion1(ordered.subList(4, 6)), list("aws-main/zz", 10));
            assertEquals(atVersion1(ordered.subList(5, 6)), list("b", 10));
            assertEquals(List.of(), list("gcp-prod", 10));
        }

        @Test
        @DisplayName("the limit caps the list")
        void limitCapsList() {
            insertAll();

            assertEquals(atVersion1(ordered.subList(0, 2)), list("", 2));
            assertEquals(atVersion1(ordered.subList(3, 4)), list("aws-main/eu-west-1", 1));
        }

        @Test
        @DisplayName("paging by four from the last name seen visits every account once, in order")
        void pagingVisitsEveryAccountOnce() {
            insertAll();

            List<Versioned<InsightsAccount>> seen = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            String after = "";
            while (pageSizes.size() < MAX_PAGES) {
                List<Versioned<InsightsAccount>> page = list(after, 4);
                if (page.isEmpty()) {
                    break;
                }
                pageSizes.add(page.size());
                seen.addAll(page);
                after = page.get(page.size() - 1).value().name();
            }

            assertEquals(List.of(4, 2), pageSizes);
            assertEquals(atVersion1(ordered), seen);
        }

        @Test
        @DisplayName("between pages, accounts inserted behind the cursor are not seen, those ahead of it are, once")
        void changesBetweenPages() {
            insertAll();
            List<Versioned<InsightsAccount>> first = list("", 2);
            InsightsAccount behind = account(ORG, "aws-a");
            InsightsAccount ahead = account(ORG, "aws-main/ap-south-1");

            write(s -> s.insert(behind) && s.insert(ahead)
                    && s.delete(ORG, "aws-main/us-east-1", 1) && s.delete(ORG, "aws-main", 1));
            List<Versioned<InsightsAccount>> rest = list(first.get(1).value().name(), 10);

            assertEquals(atVersion1(ordered.subList(0, 2)), first);
            assertEquals(atVersion1(List.of(ahead, ordered.get(2), ordered.get(4), ordered.get(5))), rest);
        }

        @Test
        @DisplayName("a replaced account keeps its place in the list, at its new version")
        void replacedKeepsPlace() {
            insertAll();
            InsightsAccount edited = rescheduled(ordered.get(3));
            write(s -> s.replace(edited, 1));

            List<Versioned<InsightsAccount>> expected = new ArrayList<>(atVersion1(ordered));
            expected.set(3, new Versioned<>(edited, 2));
            assertEquals(expected, list("", 10));
        }

        @Test
        @DisplayName("only accounts of the given organization are listed")
        void onlyOwnOrganization() {
            insertAll();

            assertEquals(List.of(new Versioned<>(account(OTHER_ORG, "aws-main"), 1)),
                    read(s -> s.list(OTHER_ORG, "", 10)));
            assertEquals(List.of(), read(s -> s.list("initech", "", 10)));
        }
    }

    @Nested
    @DisplayName("units of work")
    class Units {
        private final InsightsAccount main = account(ORG, NAME);
        private final InsightsAccount child = account(ORG, NAME + "/us-east-1");

        /** Everything a reader can observe about {@link #main} and {@link #child}. */
        private Map<String, Object> snapshot() {
            return read(s -> {
                Map<String, Object> seen = new LinkedHashMap<>();
                seen.put("main", s.get(ORG, NAME));
                seen.put("child", s.get(ORG, NAME + "/us-east-1"));
                seen.put("list", s.list(ORG, "", 100));
                return seen;
            });
        }

        @Test
        @DisplayName("an insert in a unit that throws is undone")
        void insertRolledBack() {
            Map<String, Object> before = snapshot();

            writeAndFail(s -> s.insert(main));
            assertEquals(before, snapshot());
            assertTrue(succeeds(s -> s.insert(main)));
            assertEquals(stored(main, 1), read(s -> s.get(ORG, NAME)));
        }

        @Test
        @DisplayName("a replace in a unit that throws is undone")
        void replaceRolledBack() {
            write(s -> s.insert(main));
            Map<String, Object> before = snapshot();

            writeAndFail(s -> s.replace(rescheduled(main), 1));
            assertEquals(before, snapshot());
            assertEquals(stored(main, 1), read(s -> s.get(ORG, NAME)));
        }

        @Test
        @DisplayName("a delete in a unit that throws is undone")
        void deleteRolledBack() {
            write(s -> s.insert(main));
            Map<String, Object> before = snapshot();

            writeAndFail(s -> s.delete(ORG, NAME, 1));
            assertEquals(before, snapshot());
            assertEquals(stored(main, 1), read(s -> s.get(ORG, NAME)));
        }

        @Test
        @DisplayName("inserts, replaces and deletes mixed in a unit that throws leave every account as it was")
        void mixedWritesRolledBack() {
            write(s -> s.insert(main));
            Map<String, Object> before = snapshot();

            writeAndFail(s -> s.replace(rescheduled(main), 1) && s.insert(child)
                    && s.delete(ORG, NAME, 2) && s.insert(main) && s.replace(rescheduled(child), 1));
            assertEquals(before, snapshot());
        }

        @Test
        @DisplayName("a read unit refuses an insert and stores nothing")
        void readUnitRefusesInsert() {
            assertThrows(IllegalStateException.class, () -> read(s -> s.insert(main)));

            assertEquals(Optional.empty(), read(s -> s.get(ORG, NAME)));
        }
    }

    @Nested
    @DisplayName("clear()")
    class Clearing {

        @Test
        @DisplayName("clear() forgets every account, and the same accounts can be inserted again at version 1")
        void clearForgetsAccounts() {
            InsightsAccount main = account(ORG, NAME);
            write(s -> s.insert(main) && s.replace(rescheduled(main), 1) && s.insert(account(OTHER_ORG, NAME)));

            storage.clear();
            assertEquals(List.of(), read(s -> s.list(ORG, "", 10)));
            assertEquals(List.of(), read(s -> s.list(OTHER_ORG, "", 10)));
            assertTrue(succeeds(s -> s.insert(main)));
            assertEquals(stored(main, 1), read(s -> s.get(ORG, NAME)));
        }
    }
}
