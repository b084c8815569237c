package dev.policyhub.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.policygroups.Stack;
import dev.policyhub.core.policygroups.StackRef;
import dev.policyhub.core.spi.StackStore;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.Versioned;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The conformance suite of {@link StackStore}: stacks keyed by (org, project, name). */
public abstract class StackStoreKit extends StoreKitBase<StackStore> {
    private static final String ORG = "acme";
    private static final String OTHER_ORG = "globex";
    private static final Instant IMPORTED = Instant.parse("2024-05-06T07:08:09.123456Z");
    private static final Instant REIMPORTED = Instant.parse("2024-06-07T09:10:11.000001Z");

    /** Subclasses name the store under test. */
    protected StackStoreKit() {
    }

    @Override
    StackStore store(StoreSession session) {
        return session.stacks();
    }

    /** A stack imported three times, with resources and a last update. */
    private static Stack stack(String org, String project, String name) {
        return new Stack(org, project, name, 42, 3, Optional.of(IMPORTED));
    }

    /** The same stack after one more import. */
    private static Stack imported(Stack stack, long resourceCount) {
        return new Stack(stack.org(), stack.project(), stack.name(), resourceCount, stack.version() + 1,
                Optional.of(REIMPORTED));
    }

    @Nested
    @DisplayName("single stacks")
    class SingleStacks {
        private final Stack prod = stack(ORG, "web", "prod");

        /** The checks made on the stack {@code acme/web/prod}. */
        private final VersionChecks<Stack> checks = new VersionChecks<>(
                StackStore::insert,
                StackStore::replace,
                (s, version) -> s.delete(ORG, "web", "prod", version),
                s -> s.get(ORG, "web", "prod"));

        @Test
        @DisplayName("an inserted stack reads back whole at version 1")
        void insertedReadsBack() {
            checks.insertedReadsBack(prod);
        }

        @Test
        @DisplayName("a stack never imported, without resources or last update, reads back whole")
        void neverImportedReadsBack() {
            Stack fresh = new Stack(ORG, "web", "dev", 0, 0, Optional.empty());

            assertTrue(succeeds(s -> s.insert(fresh)));
            assertEquals(stored(fresh, 1), read(s -> s.get(ORG, "web", "dev")));
        }

        @Test
        @DisplayName("an unknown stack reads as empty")
        void unknownIsEmpty() {
            assertEquals(Optional.empty(), read(s -> s.get(ORG, "web", "prod")));
        }

        @Test
        @DisplayName("a stack is found only under its own organization, project and name")
        void foundOnlyUnderItsKey() {
            write(s -> s.insert(prod));

            assertEquals(Optional.empty(), read(s -> s.get(OTHER_ORG, "web", "prod")));
            assertEquals(Optional.empty(), read(s -> s.get(ORG, "api", "prod")));
            assertEquals(Optional.empty(), read(s -> s.get(ORG, "web", "dev")));
            assertEquals(Optional.empty(), read(s -> s.get(ORG, "web", "Prod")));
        }

        @Test
        @DisplayName("keys are compared part by part: (a, b/c) and (a/b, c) are two stacks")
        void keyPartsAreNotJoined() {
            Stack first = stack(ORG, "a", "b/c");
            Stack second = new Stack(ORG, "a/b", "c", 1, 1, Optional.empty());

            assertTrue(succeeds(s -> s.insert(first)));
            assertTrue(succeeds(s -> s.insert(second)));
            assertEquals(stored(first, 1), read(s -> s.get(ORG, "a", "b/c")));
            assertEquals(stored(second, 1), read(s -> s.get(ORG, "a/b", "c")));
        }

        @Test
        @DisplayName("inserts fail when the stack exists, and the first stack is kept")
        void insertFailsWhenTaken() {
            checks.insertFailsWhenTaken(prod, imported(prod, 99));
        }

        @Test
        @DisplayName("the same stack name can be used in another project and in another organization")
        void sameNameElsewhere() {
            Stack otherProject = stack(ORG, "api", "prod");
            Stack otherOrg = stack(OTHER_ORG, "web", "prod");
            write(s -> s.insert(prod));

            assertTrue(succeeds(s -> s.insert(otherProject)));
            assertTrue(succeeds(s -> s.insert(otherOrg)));
            assertEquals(stored(prod, 1), read(s -> s.get(ORG, "web", "prod")));
            assertEquals(stored(otherProject, 1), read(s -> s.get(ORG, "api", "prod")));
            assertEquals(stored(otherOrg, 1), read(s -> s.get(OTHER_ORG, "web", "prod")));
        }

        @Test
        @DisplayName("a replace with the stored version stores the new content at the next version")
        void replaceWithStoredVersion() {
            checks.replaceWithStoredVersion(prod, imported(prod, 57));
        }

        @Test
        @DisplayName("each replace adds one to the version")
        void eachReplaceAddsOne() {
            Stack first = imported(prod, 50);

            checks.eachReplaceAddsOne(prod, first, imported(first, 60));
        }

        @Test
        @DisplayName("a replace with a stale version fails and changes nothing")
        void replaceWithStaleVersion() {
            checks.replaceWithWrongVersion(prod, imported(prod, 57), imported(prod, 1));
        }

        @Test
        @DisplayName("a replace of a missing stack fails and stores nothing, also when another organization has it")
        void replaceMissing() {
            write(s -> s.insert(stack(OTHER_ORG, "web", "prod")));

            checks.replaceMissing(prod);
            assertEquals(List.of(), read(s -> s.list(ORG, null, 10)));
        }

        @Test
        @DisplayName("a delete with the stored version removes the stack and its list entry")
        void deleteWithStoredVersion() {
            checks.deleteWithStoredVersion(prod);
            assertEquals(List.of(), read(s -> s.list(ORG, null, 10)));
        }

        @Test
        @DisplayName("a delete with a stale version fails and keeps the stack")
        void deleteWithStaleVersion() {
            checks.deleteWithStaleVersion(prod, 2);
        }

        @Test
        @DisplayName("a delete of a missing stack fails and leaves other organizations' stacks alone")
        void deleteMissing() {
            Stack otherOrg = stack(OTHER_ORG, "web", "prod");
            write(s -> s.insert(otherOrg));

            checks.deleteMissing();
            assertEquals(stored(otherOrg, 1), read(s -> s.get(OTHER_ORG, "web", "prod")));
        }

        @Test
        @DisplayName("a deleted stack can be inserted again, starting over at version 1")
        void reinsertAfterDelete() {
            checks.reinsertAfterDelete(prod, imported(prod, 57));
        }
    }

    @Nested
    @DisplayName("stack lists")
    class Lists {
        /**
         * Stacks in list order: by project, then name, upper case before lower case. Ordering by the joined
         * {@code project/name} would put {@code a-b/a} before {@code a/z}.
         */
        private final List<Stack> ordered = List.of(
                stack(ORG, "a", "z"),
                stack(ORG, "a-b", "a"),
                stack(ORG, "api", "dev"),
                stack(ORG, "api", "prod"),
                stack(ORG, "web", "Prod"),
                stack(ORG, "web", "dev"));

        private void insertAll() {
            for (int i : new int[] {4, 1, 5, 0, 3, 2}) {
                Stack stack = ordered.get(i);
                write(s -> s.insert(stack));
            }
            write(s -> s.insert(stack(OTHER_ORG, "a", "a")));
        }

        private List<Versioned<Stack>> list(StackRef after, int limit) {
            return read(s -> s.list(ORG, after, limit));
        }

        @Test
        @DisplayName("stacks of an organization are listed by project, then name, from the start with a null cursor")
        void listedByProjectThenName() {
            insertAll();

            assertEquals(atVersion1(ordered), list(null, 10));
        }

        @Test
        @DisplayName("the list starts strictly after the given stack, also where no stack sits")
        void listStartsAfterCursor() {
            insertAll();

            assertEquals(atVersion1(ordered.subList(3, 6)), list(new StackRef("api", "dev"), 10));
            assertEquals(atVersion1(ordered.subList(1, 6)), list(new StackRef("a", "zz"), 10));
            assertEquals(atVersion1(ordered.subList(4, 6)), list(new StackRef("api", "zzz"), 10));
            assertEquals(atVersion1(ordered.subList(4, 6)), list(new StackRef("b", ""), 10));
            assertEquals(atVersion1(ordered), list(new StackRef("", ""), 10));
            assertEquals(List.of(), list(new StackRef("web", "dev"), 10));
        }

        @Test
        @DisplayName("the limit caps the list")
        void limitCapsList() {
            insertAll();

            assertEquals(atVersion1(ordered.subList(0, 2)), list(null, 2));
            assertEquals(atVersion1(ordered.subList(2, 3)), list(new StackRef("a-b", "a"), 1));
        }

        @Test
        @DisplayName("paging by four from the last stack seen visits every stack once, in order")
        void pagingVisitsEveryStackOnce() {
            insertAll();

            Paged<Versioned<Stack>> paged = pageThrough(null, after -> list(after, 4), Stack::ref, ordered.size());

            assertEquals(List.of(4, 2), paged.pageSizes());
            assertEquals(atVersion1(ordered), paged.seen());
        }

        @Test
        @DisplayName("between pages, stacks inserted behind the cursor are not seen, those ahead of it are, once")
        void changesBetweenPages() {
            insertAll();
            List<Versioned<Stack>> first = list(null, 2);
            Stack behind = stack(ORG, "a", "zz");
            Stack ahead = stack(ORG, "web", "a");

            write(s -> s.insert(behind) && s.insert(ahead)
                    && s.delete(ORG, "api", "prod", 1) && s.delete(ORG, "a-b", "a", 1));
            List<Versioned<Stack>> rest = list(first.get(1).value().ref(), 10);

            assertEquals(atVersion1(ordered.subList(0, 2)), first);
            assertEquals(atVersion1(List.of(ordered.get(2), ordered.get(4), ahead, ordered.get(5))), rest);
        }

        @Test
        @DisplayName("a replaced stack keeps its place in the list, at its new version")
        void replacedKeepsPlace() {
            insertAll();
            Stack edited = imported(ordered.get(2), 7);
            write(s -> s.replace(edited, 1));

            List<Versioned<Stack>> expected = new ArrayList<>(atVersion1(ordered));
            expected.set(2, new Versioned<>(edited, 2));
            assertEquals(expected, list(null, 10));
        }

        @Test
        @DisplayName("only stacks of the given organization are listed")
        void onlyOwnOrganization() {
            insertAll();

            assertEquals(List.of(new Versioned<>(stack(OTHER_ORG, "a", "a"), 1)),
                    read(s -> s.list(OTHER_ORG, null, 10)));
            assertEquals(List.of(), read(s -> s.list("initech", null, 10)));
            assertEquals(List.of(), read(s -> s.list("acm", null, 10)));
        }
    }

    @Nested
    @DisplayName("units of work")
    class Units {
        private final Stack prod = stack(ORG, "web", "prod");
        private final Stack dev = stack(ORG, "web", "dev");

        /** Everything a reader can observe about {@link #prod} and {@link #dev}. */
        private Map<String, Object> snapshot(StackStore s) {
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("prod", s.get(ORG, "web", "prod"));
            seen.put("dev", s.get(ORG, "web", "dev"));
            seen.put("list", s.list(ORG, null, 100));
            return seen;
        }

        @Test
        @DisplayName("an insert in a unit that throws is undone")
        void insertRolledBack() {
            assertUndone(this::snapshot, s -> s.insert(prod));
            assertTrue(succeeds(s -> s.insert(prod)));
            assertEquals(stored(prod, 1), read(s -> s.get(ORG, "web", "prod")));
        }

        @Test
        @DisplayName("a replace in a unit that throws is undone")
        void replaceRolledBack() {
            write(s -> s.insert(prod));

            assertUndone(this::snapshot, s -> s.replace(imported(prod, 57), 1));
            assertEquals(stored(prod, 1), read(s -> s.get(ORG, "web", "prod")));
        }

        @Test
        @DisplayName("a delete in a unit that throws is undone")
        void deleteRolledBack() {
            write(s -> s.insert(prod));

            assertUndone(this::snapshot, s -> s.delete(ORG, "web", "prod", 1));
            assertEquals(stored(prod, 1), read(s -> s.get(ORG, "web", "prod")));
        }

        @Test
        @DisplayName("inserts, replaces and deletes mixed in a unit that throws leave every stack as it was")
        void mixedWritesRolledBack() {
            write(s -> s.insert(prod));

            assertUndone(this::snapshot, s -> s.replace(imported(prod, 57), 1) && s.insert(dev)
                    && s.delete(ORG, "web", "prod", 2) && s.insert(prod) && s.replace(imported(dev, 1), 1));
        }

        @Test
        @DisplayName("a read unit refuses an insert and stores nothing")
        void readUnitRefusesInsert() {
            assertThrows(IllegalStateException.class, () -> read(s -> s.insert(prod)));

            assertEquals(Optional.empty(), read(s -> s.get(ORG, "web", "prod")));
        }
    }

    @Nested
    @DisplayName("clear()")
    class Clearing {

        @Test
        @DisplayName("clear() forgets every stack, and the same stacks can be inserted again at version 1")
        void clearForgetsStacks() {
            Stack prod = stack(ORG, "web", "prod");
            write(s -> s.insert(prod) && s.replace(imported(prod, 57), 1) && s.insert(stack(OTHER_ORG, "a", "a")));

            storage().clear();
            assertEquals(List.of(), read(s -> s.list(ORG, null, 10)));
            assertEquals(List.of(), read(s -> s.list(OTHER_ORG, null, 10)));
            assertTrue(succeeds(s -> s.insert(prod)));
            assertEquals(stored(prod, 1), read(s -> s.get(ORG, "web", "prod")));
        }
    }
}
