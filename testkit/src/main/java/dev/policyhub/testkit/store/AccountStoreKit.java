package dev.policyhub.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.policygroups.InsightsAccount;
import dev.policyhub.core.spi.AccountStore;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.Versioned;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The conformance suite of {@link AccountStore}: Insights accounts keyed by (org, name). */
public abstract class AccountStoreKit extends StoreKitBase<AccountStore> {
    private static final String ORG = "acme";
    private static final String OTHER_ORG = "globex";
    private static final String NAME = "aws-main";

    /** Subclasses name the store under test. */
    protected AccountStoreKit() {
    }

    @Override
    AccountStore store(StoreSession session) {
        return session.accounts();
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

        /** The checks made on the account {@code NAME} of {@code ORG}. */
        private final VersionChecks<InsightsAccount> checks = new VersionChecks<>(
                AccountStore::insert,
                AccountStore::replace,
                (s, version) -> s.delete(ORG, NAME, version),
                s -> s.get(ORG, NAME));

        @Test
        @DisplayName("an inserted account reads back whole at version 1")
        void insertedReadsBack() {
            checks.insertedReadsBack(main);
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
            checks.insertFailsWhenTaken(main, rescheduled(main));
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
            checks.replaceWithStoredVersion(main, rescheduled(main));
        }

        @Test
        @DisplayName("each replace adds one to the version")
        void eachReplaceAddsOne() {
            checks.eachReplaceAddsOne(main, main.withResourceCount(10), main.withResourceCount(20));
        }

        @Test
        @DisplayName("a replace with a stale version fails and changes nothing")
        void replaceWithStaleVersion() {
            checks.replaceWithWrongVersion(main, rescheduled(main), main.withResourceCount(0));
        }

        @Test
        @DisplayName("a replace of a missing account fails and stores nothing, also when another organization has it")
        void replaceMissing() {
            write(s -> s.insert(account(OTHER_ORG, NAME)));

            checks.replaceMissing(main);
            assertEquals(List.of(), read(s -> s.list(ORG, "", 10)));
        }

        @Test
        @DisplayName("a delete with the stored version removes the account and its list entry")
        void deleteWithStoredVersion() {
            checks.deleteWithStoredVersion(main);
            assertEquals(List.of(), read(s -> s.list(ORG, "", 10)));
        }

        @Test
        @DisplayName("a delete with a stale version fails and keeps the account")
        void deleteWithStaleVersion() {
            checks.deleteWithStaleVersion(main, 2);
        }

        @Test
        @DisplayName("a delete of a missing account fails and leaves other organizations' accounts alone")
        void deleteMissing() {
            InsightsAccount other = account(OTHER_ORG, NAME);
            write(s -> s.insert(other));

            checks.deleteMissing();
            assertEquals(stored(other, 1), read(s -> s.get(OTHER_ORG, NAME)));
        }

        @Test
        @DisplayName("a deleted account can be inserted again, starting over at version 1")
        void reinsertAfterDelete() {
            checks.reinsertAfterDelete(main, rescheduled(main));
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

            Paged<Versioned<InsightsAccount>> paged =
                    pageThrough("", after -> list(after, 4), InsightsAccount::name, ordered.size());

            assertEquals(List.of(4, 2), paged.pageSizes());
            assertEquals(atVersion1(ordered), paged.seen());
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
        private Map<String, Object> snapshot(AccountStore s) {
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("main", s.get(ORG, NAME));
            seen.put("child", s.get(ORG, NAME + "/us-east-1"));
            seen.put("list", s.list(ORG, "", 100));
            return seen;
        }

        @Test
        @DisplayName("an insert in a unit that throws is undone")
        void insertRolledBack() {
            assertUndone(this::snapshot, s -> s.insert(main));
            assertTrue(succeeds(s -> s.insert(main)));
            assertEquals(stored(main, 1), read(s -> s.get(ORG, NAME)));
        }

        @Test
        @DisplayName("a replace in a unit that throws is undone")
        void replaceRolledBack() {
            write(s -> s.insert(main));

            assertUndone(this::snapshot, s -> s.replace(rescheduled(main), 1));
            assertEquals(stored(main, 1), read(s -> s.get(ORG, NAME)));
        }

        @Test
        @DisplayName("a delete in a unit that throws is undone")
        void deleteRolledBack() {
            write(s -> s.insert(main));

            assertUndone(this::snapshot, s -> s.delete(ORG, NAME, 1));
            assertEquals(stored(main, 1), read(s -> s.get(ORG, NAME)));
        }

        @Test
        @DisplayName("inserts, replaces and deletes mixed in a unit that throws leave every account as it was")
        void mixedWritesRolledBack() {
            write(s -> s.insert(main));

            assertUndone(this::snapshot, s -> s.replace(rescheduled(main), 1) && s.insert(child)
                    && s.delete(ORG, NAME, 2) && s.insert(main) && s.replace(rescheduled(child), 1));
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

            storage().clear();
            assertEquals(List.of(), read(s -> s.list(ORG, "", 10)));
            assertEquals(List.of(), read(s -> s.list(OTHER_ORG, "", 10)));
            assertTrue(succeeds(s -> s.insert(main)));
            assertEquals(stored(main, 1), read(s -> s.get(ORG, NAME)));
        }
    }
}
