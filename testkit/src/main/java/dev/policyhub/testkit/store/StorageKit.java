package dev.policyhub.testkit.store;

import static dev.policyhub.testkit.store.Fixtures.customConstraint;
import static dev.policyhub.testkit.store.Fixtures.deleteRequested;
import static dev.policyhub.testkit.store.Fixtures.described;
import static dev.policyhub.testkit.store.Fixtures.folder;
import static dev.policyhub.testkit.store.Fixtures.moved;
import static dev.policyhub.testkit.store.Fixtures.organization;
import static dev.policyhub.testkit.store.Fixtures.policy;
import static dev.policyhub.testkit.store.Fixtures.project;
import static dev.policyhub.testkit.store.Fixtures.redescribed;
import static dev.policyhub.testkit.store.Fixtures.tagKey;
import static dev.policyhub.testkit.store.Fixtures.tagValue;
import static dev.policyhub.testkit.store.Fixtures.withNamespacedName;
import static dev.policyhub.testkit.store.Fixtures.withProjectId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.Organization;
import dev.policyhub.core.hierarchy.TagBinding;
import dev.policyhub.core.hierarchy.TagKey;
import dev.policyhub.core.spi.CustomConstraintStore;
import dev.policyhub.core.spi.NodeStore;
import dev.policyhub.core.spi.NodeStore.ChildCursor;
import dev.policyhub.core.spi.PolicyStore;
import dev.policyhub.core.spi.SequenceStore;
import dev.policyhub.core.spi.Storage;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.TagStore;
import dev.policyhub.core.spi.Versioned;
import dev.policyhub.testkit.Concurrently;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite of {@link Storage}: atomic write units, consistent read units, concurrent use, {@code clear()}
 * and {@code close()} (which must tolerate a second call, since the suite closes every store after each test).
 */
public abstract class StorageKit extends StoreKitBase<StoreSession> {
    private static final int THREADS = 8;
    private static final int INCREMENTS_PER_THREAD = 200;

    private static final NodeKey ORG = NodeKey.organization(1);
    private static final NodeKey FOLDER = NodeKey.folder(2);
    private static final NodeKey PROJECT = NodeKey.project(3);
    private static final TagKey ENV = tagKey(4, ORG, "env");
    private static final String CONSTRAINT = "compute.requireOsLogin";
    private static final String CUSTOM = "custom.denyPublicIp";

    /** Subclasses name the store under test. */
    protected StorageKit() {
    }

    /** The whole session: this suite tests units of work across every store. */
    @Override
    StoreSession store(StoreSession session) {
        return session;
    }

    /** Stores one object of every kind: an organization, a folder and a project under it, tags, a policy. */
    private static boolean populate(StoreSession s) {
        NodeStore nodes = s.nodes();
        TagStore tags = s.tags();
        return nodes.insertOrganization(organization(ORG.id(), "acme"))
                && nodes.insertFolder(folder(FOLDER.id(), ORG, "finance"))
                && nodes.insertProject(project(PROJECT.id(), "web-prod", FOLDER, "web"))
                && tags.insertKey(ENV)
                && tags.insertValue(tagValue(5, ENV, "prod"))
                && tags.insertBinding(new TagBinding(PROJECT, 5))
                && s.policies().insert(FOLDER, CONSTRAINT, policy(FOLDER, CONSTRAINT))
                && s.customConstraints().insert(ORG.id(), customConstraint(ORG.id(), CUSTOM));
    }

    /** Changes every object {@link #populate} stored, and every secondary lookup with it. */
    private static boolean editAll(StoreSession s) {
        NodeStore nodes = s.nodes();
        TagStore tags = s.tags();
        PolicyStore policies = s.policies();
        CustomConstraintStore constraints = s.customConstraints();
        return nodes.replaceFolder(deleteRequested(moved(folder(FOLDER.id(), ORG, "finance"), NodeKey.folder(9))), 1)
                && nodes.replaceProject(withProjectId(project(PROJECT.id(), "web-prod", FOLDER, "web"), "web-live"), 1)
                && nodes.insertProject(project(8, "web-prod", ORG, "successor"))
                && tags.replaceKey(described(ENV, "environment"), 1)
                && tags.replaceValue(withNamespacedName(tagValue(5, ENV, "prod"), "1/env/production"), 1)
                && tags.deleteBinding(new TagBinding(PROJECT, 5))
                && tags.insertBinding(new TagBinding(ORG, 6))
                && policies.delete(FOLDER, CONSTRAINT, 1)
                && policies.insert(ORG, CONSTRAINT, policy(ORG, CONSTRAINT))
                && constraints.replace(ORG.id(), redescribed(customConstraint(ORG.id(), CUSTOM), "edited"), 1)
                && nodes.deleteOrganization(ORG.id(), 1);
    }

    /** Everything a reader can observe about the objects {@link #populate} and {@link #editAll} touch, by lookup. */
    private static Map<String, Object> snapshot(StoreSession s) {
        NodeStore nodes = s.nodes();
        TagStore tags = s.tags();
        PolicyStore policies = s.policies();
        CustomConstraintStore constraints = s.customConstraints();
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("organization", nodes.organization(ORG.id()));
        seen.put("organizations", nodes.organizations(0, 100));
        seen.put("folder", nodes.folder(FOLDER.id()));
        seen.put("folders of the organization", nodes.folders(ORG, ChildCursor.START, 100, true));
        seen.put("folders of folder 9", nodes.folders(NodeKey.folder(9), ChildCursor.START, 100, true));
        seen.put("project 3", nodes.project(PROJECT.id()));
        seen.put("project 8", nodes.project(8));
        seen.put("project web-prod", nodes.projectById("web-prod"));
        seen.put("project web-live", nodes.projectById("web-live"));
        seen.put("projects of the folder", nodes.projects(FOLDER, ChildCursor.START, 100, true));
        seen.put("projects of the organization", nodes.projects(ORG, ChildCursor.START, 100, true));
        seen.put("tag key", tags.key(ENV.id()));
        seen.put("tag key 1/env", tags.keyByNamespacedName("1/env"));
        seen.put("tag keys", tags.keys(ORG, 0, 100));
        seen.put("tag key count", tags.countKeys(ORG));
        seen.put("tag value", tags.value(5));
        seen.put("tag value 1/env/prod", tags.valueByNamespacedName("1/env/prod"));
        seen.put("tag value 1/env/production", tags.valueByNamespacedName("1/env/production"));
        seen.put("tag values", tags.values(ENV.id(), 0, 100));
        seen.put("bindings of the project", tags.bindings(PROJECT, 0, 100));
        seen.put("bindings of the organization", tags.bindings(ORG, 0, 100));
        seen.put("value 5 bound", tags.isBound(5));
        seen.put("value 6 bound", tags.isBound(6));
        seen.put("folder policy", policies.get(FOLDER, CONSTRAINT));
        seen.put("folder policies", policies.list(FOLDER, "", 100));
        seen.put("organization policy", policies.get(ORG, CONSTRAINT));
        seen.put("organization policies", policies.list(ORG, "", 100));
        seen.put("custom constraint", constraints.get(ORG.id(), CUSTOM));
        seen.put("custom constraints", constraints.list(ORG.id(), "", 100));
        return seen;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Nested
    @DisplayName("write units")
    class WriteUnits {

        @Test
        @DisplayName("a unit that returns keeps every write and hands back the work's result")
        void returningUnitKeepsWrites() {
            assertEquals("done", write(s -> populate(s) ? "done" : "refused"));

            assertEquals(Optional.of(new Versioned<>(project(PROJECT.id(), "web-prod", FOLDER, "web"), 1)),
                    read(s -> s.nodes().projectById("web-prod")));
            assertEquals(List.of(new TagBinding(PROJECT, 5)), read(s -> s.tags().bindings(PROJECT, 0, 10)));
            assertEquals(Optional.of(new Versioned<>(policy(FOLDER, CONSTRAINT), 1)),
                    read(s -> s.policies().get(FOLDER, CONSTRAINT)));
        }

        @Test
        @DisplayName("a unit that throws after several inserts leaves nothing behind")
        void throwingUnitUndoesInserts() {
            Map<String, Object> empty = read(StorageKit::snapshot);

            assertThrows(IllegalStateException.class, () -> write(s -> {
                assertTrue(populate(s));
                assertTrue(s.sequences().claimId(42));
                throw new IllegalStateException("fail after the writes");
            }));
            assertEquals(empty, read(StorageKit::snapshot));
            assertTrue(succeeds(s -> s.sequences().claimId(42)), "the claim was undone too");
        }

        @Test
        @DisplayName("a unit that throws after replaces and deletes restores every object and lookup")
        void throwingUnitUndoesReplacesAndDeletes() {
            write(StorageKit::populate);

            assertUndone(StorageKit::snapshot, StorageKit::editAll);
        }

        @Test
        @DisplayName("the exception thrown by the work propagates unchanged")
        void exceptionPropagatesUnchanged() {
            UnsupportedOperationException failure = new UnsupportedOperationException("the work's own failure");

            assertSame(failure, assertThrows(UnsupportedOperationException.class, () -> write(s -> {
                s.nodes().insertOrganization(organization(ORG.id(), "acme"));
                throw failure;
            })));
        }

        @Test
        @DisplayName("a unit can read its own writes before it ends")
        void unitReadsOwnWrites() {
            Optional<Versioned<Organization>> seen = write(s -> {
                s.nodes().insertOrganization(organization(ORG.id(), "acme"));
                return s.nodes().organization(ORG.id());
            });

            assertEquals(Optional.of(new Versioned<>(organization(ORG.id(), "acme"), 1)), seen);
        }

        @Test
        @DisplayName("a session used after its unit ended is refused")
        void sessionRefusedAfterUnit() {
            StoreSession leaked = write(s -> s);

            assertThrows(IllegalStateException.class,
                    () -> leaked.nodes().insertOrganization(organization(ORG.id(), "acme")));
            assertThrows(IllegalStateException.class, () -> leaked.nodes().organization(ORG.id()));
            assertEquals(Optional.empty(), read(s -> s.nodes().organization(ORG.id())));
        }
    }

    @Nested
    @DisplayName("read units")
    class ReadUnits {

        @Test
        @DisplayName("a read unit refuses writes and stores nothing")
        void readUnitRefusesWrites() {
            assertThrows(IllegalStateException.class,
                    () -> read(s -> s.nodes().insertOrganization(organization(ORG.id(), "acme"))));
            assertEquals(Optional.empty(), read(s -> s.nodes().organization(ORG.id())));
        }

        @Test
        @DisplayName("a read that overlaps a long write sees all of it or none of it")
        void readDuringLongWrite() throws Exception {
            CountDownLatch firstWritten = new CountDownLatch(1);
            Organization first = organization(1, "first");
            Organization second = organization(2, "second");
            Callable<List<Versioned<Organization>>> writer = () -> write(s -> {
                s.nodes().insertOrganization(first);
                firstWritten.countDown();
                pause(200);
                s.nodes().insertOrganization(second);
                return List.of();
            });
            Callable<List<Versioned<Organization>>> reader = () -> {
                assertTrue(firstWritten.await(30, TimeUnit.SECONDS), "the writer started");
                return read(s -> s.nodes().organizations(0, 10));
            };

            List<Versioned<Organization>> seen = Concurrently.run(List.of(writer, reader)).get(1);
            List<Versioned<Organization>> whole = List.of(new Versioned<>(first, 1), new Versioned<>(second, 1));
            assertTrue(seen.isEmpty() || seen.equals(whole), () -> "saw half a unit: " + seen);
        }

        @Test
        @DisplayName("readers running alongside a writer only ever see whole units")
        void readersSeeWholeUnits() throws Exception {
            int units = 150;
            AtomicBoolean writerDone = new AtomicBoolean();
            List<Callable<Integer>> tasks = new ArrayList<>();
            tasks.add(() -> {
                try {
                    for (int unit = 0; unit < units; unit++) {
                        long base = unit * 3L;
                        write(s -> s.nodes().insertOrganization(organization(base + 1, "a"))
                                && s.nodes().insertOrganization(organization(base + 2, "b"))
                                && s.nodes().insertOrganization(organization(base + 3, "c")));
                    }
                } finally {
                    writerDone.set(true);
                }
                return 0;
            });
            for (int r = 0; r < 3; r++) {
                tasks.add(() -> {
                    int tornReads = 0;
                    boolean last;
                    do {
                        last = writerDone.get();
                        List<Versioned<Organization>> seen = read(s -> s.nodes().organizations(0, 1000));
                        boolean prefix = true;
                        for (int i = 0; i < seen.size(); i++) {
                            prefix &= seen.get(i).value().id() == i + 1;
                        }
                        if (seen.size() % 3 != 0 || !prefix) {
                            tornReads++;
                        }
                    } while (!last);
                    return tornReads;
                });
            }

            assertEquals(List.of(0, 0, 0, 0), Concurrently.run(tasks));
            assertEquals(units * 3, read(s -> s.nodes().organizations(0, 1000)).size());
        }
    }

    @Nested
    @DisplayName("units started inside a unit on the same thread")
    class NestedUnits {

        @Test
        @DisplayName("a write inside a write joins it: the outer unit sees its writes and keeps them")
        void nestedWriteJoins() {
            Optional<Versioned<Organization>> seen = write(s -> {
                storage().write(inner -> inner.nodes().insertOrganization(organization(ORG.id(), "acme")));
                return s.nodes().organization(ORG.id());
            });

            assertEquals(Optional.of(new Versioned<>(organization(ORG.id(), "acme"), 1)), seen);
            assertEquals(seen, read(s -> s.nodes().organization(ORG.id())));
        }

        @Test
        @DisplayName("when the outer unit throws, what the nested units wrote is undone with it")
        void outerFailureUndoesNestedWrites() {
            Map<String, Object> empty = read(StorageKit::snapshot);

            assertThrows(IllegalStateException.class, () -> write(s -> {
                storage().write(StorageKit::populate);
                throw new IllegalStateException("fail after the nested unit");
            }));
            assertEquals(empty, read(StorageKit::snapshot));
        }

        @Test
        @DisplayName("a nested write that throws is undone alone; the outer unit may catch it and keep its own writes")
        void failedNestedWriteUndoneAlone() {
            write(s -> {
                s.nodes().insertOrganization(organization(ORG.id(), "acme"));
                assertThrows(IllegalStateException.class, () -> storage().write(inner -> {
                    inner.nodes().insertFolder(folder(FOLDER.id(), ORG, "finance"));
                    throw new IllegalStateException("the nested unit fails");
                }));
                return null;
            });

            assertTrue(read(s -> s.nodes().organization(ORG.id())).isPresent());
            assertEquals(Optional.empty(), read(s -> s.nodes().folder(FOLDER.id())));
        }

        @Test
        @DisplayName("a read inside a write sees the outer unit's uncommitted writes")
        void nestedReadSeesOuterWrites() {
            Optional<Versioned<Organization>> seen = write(s -> {
                s.nodes().insertOrganization(organization(ORG.id(), "acme"));
                return storage().read(inner -> inner.nodes().organization(ORG.id()));
            });

            assertTrue(seen.isPresent());
        }

        @Test
        @DisplayName("a write inside a read unit is refused with IllegalStateException and writes nothing")
        void writeInsideReadRefused() {
            assertThrows(IllegalStateException.class, () -> read(s -> storage().write(
                    inner -> inner.nodes().insertOrganization(organization(ORG.id(), "acme")))));

            assertEquals(Optional.empty(), read(s -> s.nodes().organization(ORG.id())));
        }
    }

    @Nested
    @DisplayName("concurrent writers")
    class ConcurrentWriters {

        @Test
        @DisplayName("8 threads making 200 read-modify-replace increments each apply exactly 1600")
        void concurrentIncrements() throws Exception {
            write(s -> s.nodes().insertOrganization(organization(1, "0")));

            Concurrently.run(THREADS, thread -> {
                for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                    boolean applied;
                    do {
                        if (Thread.interrupted()) {
                            throw new InterruptedException("gave up retrying");
                        }
                        Versioned<Organization> current = read(s -> s.nodes().organization(1)).orElseThrow();
                        int count = Integer.parseInt(current.value().displayName());
                        Organization next = organization(1, String.valueOf(count + 1));
                        applied = write(s -> s.nodes().replaceOrganization(next, current.version()));
                    } while (!applied);
                }
                return null;
            });

            int total = THREADS * INCREMENTS_PER_THREAD;
            assertEquals(Optional.of(new Versioned<>(organization(1, String.valueOf(total)), total + 1)),
                    read(s -> s.nodes().organization(1)));
        }

        @Test
        @DisplayName("when 8 threads insert the same id at once, exactly one succeeds and its record is kept")
        void concurrentInsertsHaveOneWinner() throws Exception {
            List<Boolean> inserted = Concurrently.run(THREADS,
                    thread -> write(s -> s.nodes().insertOrganization(organization(1, "thread " + thread))));

            assertEquals(1, inserted.stream().filter(b -> b).count());
            int winner = inserted.indexOf(true);
            assertEquals(Optional.of(new Versioned<>(organization(1, "thread " + winner), 1)),
                    read(s -> s.nodes().organization(1)));
        }
    }

    @Nested
    @DisplayName("clear()")
    class Clearing {

        @Test
        @DisplayName("clear() empties every store")
        void clearEmptiesEverything() {
            Map<String, Object> empty = read(StorageKit::snapshot);
            write(StorageKit::populate);

            storage().clear();
            assertEquals(empty, read(StorageKit::snapshot));
        }

        @Test
        @DisplayName("the same objects can be inserted again after clear(), at version 1")
        void objectsInsertableAfterClear() {
            write(StorageKit::populate);
            write(s -> s.nodes().replaceOrganization(organization(ORG.id(), "renamed"), 1));

            storage().clear();
            assertTrue(succeeds(StorageKit::populate));
            assertEquals(Optional.of(new Versioned<>(organization(ORG.id(), "acme"), 1)),
                    read(s -> s.nodes().organization(ORG.id())));
        }

        @Test
        @DisplayName("clear() restarts the id sequence at FIRST_ID")
        void clearRestartsSequence() {
            write(s -> List.of(s.sequences().nextSequenceValue(), s.sequences().nextSequenceValue()));

            storage().clear();
            long first = write(s -> s.sequences().nextSequenceValue());
            assertEquals(SequenceStore.FIRST_ID, first);
        }

        @Test
        @DisplayName("clear() forgets claimed ids")
        void clearForgetsClaims() {
            write(s -> s.sequences().claimId(42));

            storage().clear();
            assertTrue(succeeds(s -> s.sequences().claimId(42)));
        }

        @Test
        @DisplayName("clear() forgets the last stamp")
        void clearForgetsStamp() {
            write(s -> s.sequences().stampMicros(5_000));

            storage().clear();
            long stamp = write(s -> s.sequences().stampMicros(10));
            assertEquals(10, stamp);
        }
    }

    @Nested
    @DisplayName("close()")
    class Closing {

        @Test
        @DisplayName("units fail once the store is closed")
        void unitsFailAfterClose() {
            storage().close();

            assertThrows(IllegalStateException.class, () -> read(s -> s.nodes().organization(1)));
            assertThrows(IllegalStateException.class,
                    () -> write(s -> s.nodes().insertOrganization(organization(1, "late"))));
        }
    }
}
