package dev.policyhub.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.spi.SequenceStore;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.testkit.Concurrently;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite of {@link SequenceStore}: the id sequence, claimed ids and update stamps. Whether a rolled-back
 * unit gives its sequence values back is left to the store; committed values never repeat either way.
 */
public abstract class SequenceStoreKit extends StoreKitBase<SequenceStore> {
    private static final int THREADS = 8;
    private static final int CALLS_PER_THREAD = 200;

    /** Subclasses name the store under test. */
    protected SequenceStoreKit() {
    }

    @Override
    SequenceStore store(StoreSession session) {
        return session.sequences();
    }

    private long next() {
        return write(SequenceStore::nextSequenceValue);
    }

    private long stamp(long candidateMicros) {
        return write(s -> s.stampMicros(candidateMicros));
    }

    private boolean claim(long id) {
        return succeeds(s -> s.claimId(id));
    }

    @Nested
    @DisplayName("the id sequence")
    class IdSequence {

        @Test
        @DisplayName("the first value is FIRST_ID")
        void firstValue() {
            assertEquals(SequenceStore.FIRST_ID, next());
        }

        @Test
        @DisplayName("each value is one more than the previous, within a unit and across units")
        void countsUpByOne() {
            List<Long> values = new ArrayList<>(write(s -> List.of(s.nextSequenceValue(), s.nextSequenceValue())));
            values.add(next());

            long first = SequenceStore.FIRST_ID;
            assertEquals(List.of(first, first + 1, first + 2), values);
        }

        @Test
        @DisplayName("values committed after a rolled-back unit are greater than every value committed before it")
        void rollbackNeverRepeatsCommittedValues() {
            long before = next();
            failAfter(s -> List.of(s.nextSequenceValue(), s.nextSequenceValue()));
            long after = next();
            long next = next();

            assertTrue(after > before, () -> after + " is not after " + before);
            assertEquals(after + 1, next);
        }

        @Test
        @DisplayName("values drawn by 8 threads at once are all distinct, with no gaps")
        void concurrentValuesAreDistinct() throws Exception {
            List<List<Long>> perThread = Concurrently.run(THREADS, thread -> {
                List<Long> values = new ArrayList<>();
                for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    values.add(next());
                }
                return values;
            });

            Set<Long> all = new HashSet<>();
            perThread.forEach(all::addAll);
            Set<Long> expected = new HashSet<>();
            for (long v = SequenceStore.FIRST_ID; v < SequenceStore.FIRST_ID + THREADS * CALLS_PER_THREAD; v++) {
                expected.add(v);
            }
            assertEquals(expected, all);
        }
    }

    @Nested
    @DisplayName("claimed ids")
    class ClaimedIds {

        @Test
        @DisplayName("an id can be claimed the first time only, within a unit and across units")
        void claimOnce() {
            assertEquals(List.of(true, false), write(s -> List.of(s.claimId(42), s.claimId(42))));
            assertFalse(claim(42));
        }

        @Test
        @DisplayName("each id is claimed on its own")
        void idsAreIndependent() {
            claim(42);

            assertTrue(claim(43));
        }

        @Test
        @DisplayName("a value drawn from the sequence is not claimed by drawing it")
        void drawingDoesNotClaim() {
            long value = next();

            assertTrue(claim(value));
        }

        @Test
        @DisplayName("a claim made by a rolled-back unit is undone")
        void rolledBackClaimIsUndone() {
            writeAndFail(s -> s.claimId(42));

            assertTrue(claim(42));
        }

        @Test
        @DisplayName("when 8 threads claim the same ids at once, exactly one wins each id")
        void concurrentClaimsHaveOneWinner() throws Exception {
            List<List<Long>> wonPerThread = Concurrently.run(THREADS, thread -> {
                List<Long> won = new ArrayList<>();
                for (long id = 1; id <= CALLS_PER_THREAD; id++) {
                    long candidate = id;
                    if (claim(candidate)) {
                        won.add(candidate);
                    }
                }
                return won;
            });

            List<Long> allWins = new ArrayList<>();
            wonPerThread.forEach(allWins::addAll);
            Set<Long> distinctWins = new HashSet<>(allWins);
            assertEquals(CALLS_PER_THREAD, allWins.size());
            assertEquals(CALLS_PER_THREAD, distinctWins.size());
        }
    }

    @Nested
    @DisplayName("update stamps")
    class Stamps {

        @Test
        @DisplayName("the first stamp is the candidate")
        void firstStampIsCandidate() {
            assertEquals(1_700_000_000_000_000L, stamp(1_700_000_000_000_000L));
        }

        @Test
        @DisplayName("a candidate after the last stamp is returned as is")
        void laterCandidateKept() {
            stamp(1_000);

            assertEquals(5_000, stamp(5_000));
        }

        @Test
        @DisplayName("a candidate at or before the last stamp becomes the last stamp plus one")
        void earlierCandidateBumped() {
            stamp(1_000);

            assertEquals(1_001, stamp(1_000));
            assertEquals(1_002, stamp(999));
            assertEquals(List.of(1_003L, 1_004L), write(s -> List.of(s.stampMicros(5), s.stampMicros(5))));
        }

        @Test
        @DisplayName("stamps taken by 8 threads at once are all distinct and increase within each thread")
        void concurrentStampsAreDistinct() throws Exception {
            List<List<Long>> perThread = Concurrently.run(THREADS, thread -> {
                List<Long> stamps = new ArrayList<>();
                for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    stamps.add(stamp(1_000));
                }
                return stamps;
            });

            Set<Long> all = new HashSet<>();
            for (List<Long> stamps : perThread) {
                for (int i = 1; i < stamps.size(); i++) {
                    assertTrue(stamps.get(i) > stamps.get(i - 1), "stamps of one thread increase");
                }
                all.addAll(stamps);
            }
            assertEquals(THREADS * CALLS_PER_THREAD, all.size());
        }
    }
}
