package dev.policyhub.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.policygroups.Stack;
import dev.policyhub.core.policygroups.StackRef;
import dev.policyhub.core.spi.StackStore;
import dev.policyhub.core.spi.Storage;
import dev.policyhub.core.spi.Versioned;

import java.time.Instant;
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

/** The conformance suite of {@link StackStore}: stacks keyed by (org, project, name). */
public abstract class StackStoreKit {
    private static final String ORG = "acme";
    private static final String OTHER_ORG = "globex";
    private static final Instant IMPORTED = Instant.parse("2024-05-06T07:08:09.123456Z");
    private static final Instant REIMPORTED = Instant.parse("2024-06-07T09:10:11.000001Z");

    /** More pages than any paging test needs: a store that never ends its list fails instead of looping. */
    private static final int MAX_PAGES = 10;

    private Storage storage;

    /** Subclasses name the store under test. */
    protected StackStoreKit() {
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

    private <T> T write(Function<StackStore, T> work) {
        return storage.write(session -> work.apply(session.stacks()));
    }

    private <T> T read(Function<StackStore, T> work) {
        return storage.read(session -> work.apply(session.stacks()));
    }

    private boolean succeeds(Predicate<StackStore> work) {
        return storage.write(session -> work.test(session.stacks()));
    }

    /** Runs writes that must all succeed in a unit that then throws, and checks the failure propagates. */
    private void writeAndFail(Predicate<StackStore> work) {
        IllegalStateException failure = new IllegalStateException("rolled back on purpose");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> storage.write(session -> {
            assertTrue(work.test(session.stacks()), "the writes succeed before the unit fails");
            throw failure;
        })));
    }

    private static Optional<Versioned<Stack>> stored(Stack stack, long version) {
        return Optional.of(new Versioned<>(stack, version));
    }

    private static List<Versioned<Stack>> atVersion1(List<Stack> stacks) {
        List<Versioned<Stack>> out = new ArrayList<>();
        stacks.forEach(stack -> out.add(new Versioned<>(stack, 1)));
        return out;
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

        @Test
        @DisplayName("an inserted stack reads back whole at version 1")
        void insertedReadsBack() {
            assertTrue(succeeds(s -> s.insert(prod)));

            assertEquals(stored(prod, 1), read(s -> s.get(ORG, "web", "prod")));
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
            write(s -> s.insert(prod));

            assertFalse(succeeds(s -> s.insert(imported(prod, 99))));
            assertEquals(stored(prod, 1), read(s -> s.get(ORG, "web", "prod")));
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
            write(s -> s.insert(prod));
            Stack edited = imported(prod, 57);

            assertTrue(succeeds(s -> s.replace(edited, 1)));
            assertEquals(stored(edited, 2), read(s -> s.get(ORG, "web", "prod")));
        }

        @Test
        @DisplayName("each replace adds one to the version")
        void eachReplaceAddsOne() {
            write(s -> s.insert(prod));
            Stack first = imported(prod, 50);
            Stack second = imported(first, 60);

            assertTrue(succeeds(s -> s.replace(first, 1)));
            assertTrue(succeeds(s -> s.replace(second, 2)));
            assertEquals(stored(second, 3), read(s -> s.get(ORG, "web", "prod")));
        }

        @Test
        @DisplayName("a replace with a stale version fails and changes nothing")
        void replaceWithStaleVersion() {
            write(s -> s.insert(prod));
            Stack edited = imported(prod, 57);
            write(s -> s.replace(edited, 1));

            assertFalse(succeeds(s -> s.replace(imported(prod, 1), 1)));
            assertFalse(succeeds(s -> s.replace(imported(prod, 1), 3)));
            assertEquals(stored(edited, 2), read(s -> s.get(ORG, "web", "prod")));
        }

        @Test
        @DisplayName("a replace of a missing stack fails and stores nothing, also when another organization has it")
        void replaceMissing() {
            write(s -> s.insert(stack(OTHER_ORG, "web", "prod")));

            assertFalse(succeeds(s -> s.replace(prod, 1)));
            assertEquals(Optional.empty(), read(s -> s.get(ORG, "web", "prod")));
            assertEquals(List.of(), read(s -> s.list(ORG, null, 10)));
        }

        @Test
        @DisplayName("a delete with the stored version removes the stack and its list entry")
        void deleteWithStoredVersion() {
            write(s -> s.insert(prod));

            assertTrue(succeeds(s -> s.delete(ORG, "web", "prod", 1)));
            assertEquals(Optional.empty(), read(s -> s.get(ORG, "web", "prod")));
            assertEquals(List.of(), read(s -> s.list(ORG, null, 10)));
        }

        @Test
        @DisplayName("a delete with a stale version fails and keeps the stack")
        void deleteWithStaleVersion() {
            write(s -> s.insert(prod));

            assertFalse(succeeds(s -> s.delete(ORG, "web", "prod", 2)));
            assertEquals(stored(prod, 1), read(s -> s.get(ORG, "web", "prod")));
        }

        @Test
        @DisplayName("a delete of a missing stack fails and leaves other organizations' stacks alone")
        void deleteMissing() {
            Stack otherOrg = stack(OTHER_ORG, "web", "prod");
            write(s -> s.insert(otherOrg));

            assertFalse(succeeds(s -> s.delete(ORG, "web", "prod", 1)));
            assertEquals(stored(otherOrg, 1), read(s -> s.get(OTHER_ORG, "web", "prod")));
        }

        @Test
        @DisplayName("a deleted stack can be inserted again, starting over at version 1")
        void reinsertAfterDelete() {
            write(s -> s.insert(prod));
            write(s -> s.replace(imported(prod, 57), 1));
            write(s -> s.delete(ORG, "web", "prod", 2));

            assertTrue(succeeds(s -> s.insert(prod)));
            assertEquals(stored(prod, 1), read(s -> s.get(ORG, "web", "prod")));
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

            List<Versioned<Stack>> seen = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            StackRef after = null;
            while (pageSizes.size() < MAX_PAGES) {
                List<Versioned<Stack>> page = list(after, 4);
                if (page.isEmpty()) {
                    break;
                }
                pageSizes.add(page.size());
                seen.addAll(page);
                after = page.get(page.size() - 1).value().ref();
            }

            assertEquals(List.of(4, 2), pageSizes);
            assertEquals(atVersion1(ordered), seen);
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
        private Map<String, Object> snapshot() {
            return read(s -> {
                Map<String, Object> seen = new LinkedHashMap<>();
                seen.put("prod", s.get(ORG, "web", "prod"));
                seen.put("dev", s.get(ORG, "web", "dev"));
                seen.put("list", s.list(ORG, null, 100));
                return seen;
            });
        }

        @Test
        @DisplayName("an insert in a unit that throws is undone")
        void insertRolledBack() {
            Map<String, Object> before = snapshot();

            writeAndFail(s -> s.insert(prod));
            assertEquals(before, snapshot());
            assertTrue(succeeds(s -> s.insert(prod)));
            assertEquals(stored(prod, 1), read(s -> s.get(ORG, "web", "prod")));
        }

        @Test
        @DisplayName("a replace in a unit that throws is undone")
        void replaceRolledBack() {
            write(s -> s.insert(prod));
            Map<String, Object> before = snapshot();

            writeAndFail(s -> s.replace(imported(prod, 57), 1));
            assertEquals(before, snapshot());
            assertEquals(stored(prod, 1), read(s -> s.get(ORG, "web", "prod")));
        }

        @Test
        @DisplayName("a delete in a unit that throws is undone")
        void deleteRolledBack() {
            write(s -> s.insert(prod));
            Map<String, Object> before = snapshot();

            writeAndFail(s -> s.delete(ORG, "web", "prod", 1));
            assertEquals(before, snapshot());
            assertEquals(stored(prod, 1), read(s -> s.get(ORG, "web", "prod")));
        }

        @Test
        @DisplayName("inserts, replaces and deletes mixed in a unit that throws leave every stack as it was")
        void mixedWritesRolledBack() {
            write(s -> s.insert(prod));
            Map<String, Object> before = snapshot();

            writeAndFail(s -> s.replace(imported(prod, 57), 1) && s.insert(dev)
                    && s.delete(ORG, "web", "prod", 2) && s.insert(prod) && s.replace(imported(dev, 1), 1));
            assertEquals(before, snapshot());
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

            storage.clear();
            assertEquals(List.of(), read(s -> s.list(ORG, null, 10)));
            assertEquals(List.of(), read(s -> s.list(OTHER_ORG, null, 10)));
            assertTrue(succeeds(s -> s.insert(prod)));
            assertEquals(stored(prod, 1), read(s -> s.get(ORG, "web", "prod")));
        }
    }
}
