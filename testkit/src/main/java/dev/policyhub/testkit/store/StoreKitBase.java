package dev.policyhub.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.Versioned;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every store suite shares: a new store opened before each test and closed after it, units of work on the one
 * store of the session that the suite tests, and the checks every versioned store passes.
 *
 * @param <S> the store of a session that the suite tests
 */
public abstract class StoreKitBase<S> {
    private Storage storage;

    /** Only the suites of this package extend this class. */
    StoreKitBase() {
    }

    /** Opens a new, empty store; called once before each test and closed after it. */
    protected abstract Storage newStorage();

    /** The store of a session that the suite tests. */
    abstract S store(StoreSession session);

    @BeforeEach
    void openStorage() {
        storage = newStorage();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    /** The store opened for the running test. */
    final Storage storage() {
        return storage;
    }

    /** Runs the work in a write unit and returns its result. */
    final <T> T write(Function<S, T> work) {
        return storage.write(session -> work.apply(store(session)));
    }

    /** Runs the work in a read unit and returns its result. */
    final <T> T read(Function<S, T> work) {
        return storage.read(session -> work.apply(store(session)));
    }

    /** Runs the work in a write unit and tells whether it succeeded. */
    final boolean succeeds(Predicate<S> work) {
        return storage.write(session -> work.test(store(session)));
    }

    /** Runs the check in a read unit and tells whether it holds. */
    final boolean holds(Predicate<S> work) {
        return storage.read(session -> work.test(store(session)));
    }

    /** Runs the work in a write unit that then throws, and checks that the failure propagates unchanged. */
    final void failAfter(Function<S, ?> work) {
        IllegalStateException failure = new IllegalStateException("rolled back on purpose");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> write(s -> {
            work.apply(s);
            throw failure;
        })));
    }

    /** Runs writes that must all succeed in a unit that then throws, and checks that the failure propagates. */
    final void writeAndFail(Predicate<S> writes) {
        failAfter(s -> {
            assertTrue(writes.test(s), "the writes succeed before the unit fails");
            return null;
        });
    }

    /**
     * Runs writes that must all succeed in a unit that then throws, and checks that the failure propagates and that a
     * reader then observes exactly what it observed before.
     *
     * @param observe reads everything a reader can observe about what the writes touch
     * @param writes the writes to undo
     */
    final void assertUndone(Function<S, ?> observe, Predicate<S> writes) {
        Object before = read(observe);

        writeAndFail(writes);
        assertEquals(before, read(observe));
    }

    /** What a lookup answers for a value stored at the version. */
    static <T> Optional<Versioned<T>> stored(T value, long version) {
        return Optional.of(new Versioned<>(value, version));
    }

    /** What a list answers for values that were inserted and never replaced. */
    static <T> List<Versioned<T>> atVersion1(List<T> values) {
        List<Versioned<T>> out = new ArrayList<>();
        values.forEach(value -> out.add(new Versioned<>(value, 1)));
        return out;
    }

    /**
     * Reads pages of versioned values from the start, each resuming after the last value of the page before, until a
     * page comes back empty. Fails the test when the store is still answering after more pages than it holds values
     * plus two, instead of reading forever from a store that never ends its list.
     *
     * @param start the cursor of the first page
     * @param page reads the page after a cursor
     * @param cursorOf the cursor that resumes after a value
     * @param values how many values the store holds in the list read
     */
    static <C, T> Paged<Versioned<T>> pageThrough(C start, Function<C, List<Versioned<T>>> page,
            Function<T, C> cursorOf, int values) {
        return pages(start, page, last -> cursorOf.apply(last.value()), values);
    }

    /**
     * Reads pages of names from the start (the empty name), each resuming after the last name of the page before,
     * until a page comes back empty; bounded like {@link #pageThrough}.
     *
     * @param page reads the page after a name
     * @param names how many names the store holds in the list read
     */
    static Paged<String> pageThroughNames(Function<String, List<String>> page, int names) {
        return pages("", page, Function.identity(), names);
    }

    private static <C, E> Paged<E> pages(C start, Function<C, List<E>> page, Function<E, C> cursorOf, int items) {
        int maxPages = items + 2;
        List<E> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        C after = start;
        for (int pagesRead = 0; pagesRead < maxPages; pagesRead++) {
            List<E> found = page.apply(after);
            if (found.isEmpty()) {
                return new Paged<>(pageSizes, seen);
            }
            pageSizes.add(found.size());
            seen.addAll(found);
            after = cursorOf.apply(found.get(found.size() - 1));
        }
        return fail("a list of " + items + " items did not end after " + maxPages + " pages; page sizes so far: "
                + pageSizes);
    }

    /**
     * The sizes of the non-empty pages read by {@link #pageThrough} or {@link #pageThroughNames}, and every item they
     * held, in order.
     */
    record Paged<E>(List<Integer> pageSizes, List<E> seen) {
    }

    /** Replaces a record of a store if it is at the expected version. */
    @FunctionalInterface
    interface Replace<S, T> {
        boolean replace(S store, T value, long expectedVersion);
    }

    /** Deletes the record of a store if it is at the expected version. */
    @FunctionalInterface
    interface Delete<S> {
        boolean delete(S store, long expectedVersion);
    }

    /**
     * The checks of inserts, versioned replaces and versioned deletes that every store passes, made on one record
     * of the store: the record under one key, reached by the given operations. Each check stores what it needs
     * first, so it is the whole body of a test (or its start, when a store has more to check).
     *
     * @param <T> the type of the record
     */
    final class VersionChecks<T> {
        private final BiPredicate<S, T> insert;
        private final Replace<S, T> replace;
        private final Delete<S> delete;
        private final Function<S, Optional<Versioned<T>>> get;

        /**
         * @param insert inserts a record under the key
         * @param replace replaces the record under the key
         * @param delete deletes the record under the key
         * @param get reads the record under the key
         */
        VersionChecks(BiPredicate<S, T> insert, Replace<S, T> replace, Delete<S> delete,
                Function<S, Optional<Versioned<T>>> get) {
            this.insert = insert;
            this.replace = replace;
            this.delete = delete;
            this.get = get;
        }

        private boolean insert(T record) {
            return succeeds(s -> insert.test(s, record));
        }

        private boolean replace(T record, long expectedVersion) {
            return succeeds(s -> replace.replace(s, record, expectedVersion));
        }

        private boolean delete(long expectedVersion) {
            return succeeds(s -> delete.delete(s, expectedVersion));
        }

        private Optional<Versioned<T>> get() {
            return read(get);
        }

        /** An inserted record reads back whole at version 1. */
        void insertedReadsBack(T record) {
            assertTrue(insert(record));

            assertEquals(stored(record, 1), get());
        }

        /** A second insert under the key fails, and the first record is kept. */
        void insertFailsWhenTaken(T first, T impostor) {
            insert(first);

            assertFalse(insert(impostor));
            assertEquals(stored(first, 1), get());
        }

        /** A replace with the stored version stores the new content at the next version. */
        void replaceWithStoredVersion(T original, T edited) {
            insert(original);

            assertTrue(replace(edited, 1));
            assertEquals(stored(edited, 2), get());
        }

        /** Each replace with the stored version adds one to the version. */
        void eachReplaceAddsOne(T original, T first, T second) {
            replaceWithStoredVersion(original, first);

            assertTrue(replace(second, 2));
            assertEquals(stored(second, 3), get());
        }

        /** A replace with a stale version fails and changes nothing. */
        void replaceWithStaleVersion(T original, T edited, T late) {
            insert(original);
            replace(edited, 1);

            assertFalse(replace(late, 1));
            assertEquals(stored(edited, 2), get());
        }

        /** A replace with a stale version, or with one ahead of the stored version, fails and changes nothing. */
        void replaceWithWrongVersion(T original, T edited, T late) {
            replaceWithStaleVersion(original, edited, late);

            assertFalse(replace(late, 3));
            assertEquals(stored(edited, 2), get());
        }

        /** A replace of a missing record fails and stores nothing. */
        void replaceMissing(T record) {
            assertFalse(replace(record, 1));
            assertEquals(Optional.empty(), get());
        }

        /** A delete with the stored version removes the record. */
        void deleteWithStoredVersion(T record) {
            insert(record);

            assertTrue(delete(1));
            assertEquals(Optional.empty(), get());
        }

        /** A delete with a stale version fails and keeps the record. */
        void deleteWithStaleVersion(T record, long staleVersion) {
            insert(record);

            assertFalse(delete(staleVersion));
            assertEquals(stored(record, 1), get());
        }

        /** A delete of a missing record fails. */
        void deleteMissing() {
            assertFalse(delete(1));
        }

        /** A deleted record can be inserted again under its key, starting over at version 1. */
        void reinsertAfterDelete(T record, T edited) {
            insert(record);
            replace(edited, 1);
            delete(2);

            assertTrue(insert(record));
            assertEquals(stored(record, 1), get());
        }
    }
}
