package dev.policyhub.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.error.ErrorCode;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.Organization;
import dev.policyhub.core.hierarchy.Project;
import dev.policyhub.core.hierarchy.State;
import dev.policyhub.core.spi.StoreSession;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The transactions and the unit-of-work rules of {@link PostgresStorage} beyond what the kit checks. */
class PostgresUnitsTest {
    private static final Instant TIME = Instant.parse("2025-01-02T03:04:05.123456789Z");
    /** A statement that fails the way a serializable transaction that lost a race fails. */
    private static final String LOSE_RACE =
            "DO $$ BEGIN RAISE EXCEPTION 'lost a race' USING ERRCODE = 'serialization_failure'; END $$";

    private PostgresStorage storage;

    @BeforeEach
    void open() {
        storage = PostgresStorage.open(EmbeddedServer.settings(EmbeddedServer.createDatabase()));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private static Organization organization(long id, String displayName) {
        return new Organization(id, displayName, "", State.ACTIVE, TIME, TIME, "etag-" + id);
    }

    /** The answer of a one-value query on the connection of a unit. */
    private static String query(StoreSession session, String sql) {
        return ((PostgresSession) session).reading().createQuery(sql).mapTo(String.class).one();
    }

    private static void execute(StoreSession session, String sql) {
        ((PostgresSession) session).reading().execute(sql);
    }

    private Optional<String> nameOf(long id) {
        return storage.read(s -> s.nodes().organization(id).map(o -> o.value().displayName()));
    }

    @Test
    @DisplayName("read units are REPEATABLE READ and read-only; write units are SERIALIZABLE")
    void isolationLevels() {
        Function<StoreSession, List<String>> levels = s -> List.of(query(s, "SHOW transaction_isolation"),
                query(s, "SHOW transaction_read_only"));

        assertEquals(List.of("repeatable read", "on"), storage.read(levels));
        assertEquals(List.of("serializable", "off"), storage.write(levels));
    }

    @Test
    @DisplayName("PostgreSQL itself keeps a read unit from writing")
    void readUnitsAreReadOnlyTransactions() {
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> storage.read(s -> {
                    execute(s, "INSERT INTO pulumi_orgs (name) VALUES ('acme')");
                    return null;
                }));

        assertTrue(refused.getMessage().contains("read-only transaction"), refused.getMessage());
    }

    @Test
    @DisplayName("a write unit that loses a race is rolled back and run again, and kept once it wins")
    void lostRaceIsRunAgain() {
        AtomicInteger runs = new AtomicInteger();

        boolean inserted = storage.write(s -> {
            boolean stored = s.nodes().insertOrganization(organization(runs.incrementAndGet(), "run"));
            if (runs.get() < 3) {
                execute(s, LOSE_RACE);
            }
            return stored;
        });

        assertTrue(inserted);
        assertEquals(3, runs.get());
        assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.of("run")),
                List.of(nameOf(1), nameOf(2), nameOf(3)), "only the last run's writes are kept");
    }

    @Test
    @DisplayName("a write unit that keeps losing fails as ABORTED after the last attempt and keeps nothing")
    void endlessLossIsAborted() {
        AtomicInteger runs = new AtomicInteger();

        PolicyHubException aborted = assertThrows(PolicyHubException.class, () -> storage.write(s -> {
            s.nodes().insertOrganization(organization(runs.incrementAndGet(), "run"));
            execute(s, LOSE_RACE);
            return null;
        }));

        assertEquals(ErrorCode.ABORTED, aborted.code());
        assertEquals(PostgresStorage.TOO_MANY_CONFLICTS, aborted.getMessage());
        assertEquals(PostgresStorage.WRITE_ATTEMPTS, runs.get());
        assertEquals(List.of(), storage.read(s -> s.nodes().organizations(0, 100)));
    }

    @Test
    @DisplayName("a nested unit that loses a race makes the whole unit run again, even if the work catches it")
    void lostRaceInNestedUnitRerunsTheUnit() {
        AtomicInteger runs = new AtomicInteger();

        storage.write(s -> {
            int run = runs.incrementAndGet();
            s.nodes().insertOrganization(organization(run, "outer"));
            try {
                storage.write(inner -> {
                    if (run == 1) {
                        execute(inner, LOSE_RACE);
                    }
                    return null;
                });
            } catch (RuntimeException ignored) {
                // the outer unit goes on as if the nested one had failed for a reason of its own
            }
            return null;
        });

        assertEquals(2, runs.get());
        assertEquals(List.of(Optional.empty(), Optional.of("outer")), List.of(nameOf(1), nameOf(2)));
    }

    @Test
    @DisplayName("a failure that is not a lost race propagates at once, unchanged")
    void otherFailuresAreNotRetried() {
        AtomicInteger runs = new AtomicInteger();
        IllegalStateException failure = new IllegalStateException("not a race");

        assertSame(failure, assertThrows(IllegalStateException.class, () -> storage.write(s -> {
            runs.incrementAndGet();
            throw failure;
        })));
        assertEquals(1, runs.get());
    }

    @Test
    @DisplayName("a write unit inside a write unit is a savepoint: if it throws, only its own writes are undone")
    void nestedWriteIsASavepoint() {
        IllegalStateException failure = new IllegalStateException("inner unit fails");

        storage.write(s -> {
            s.nodes().insertOrganization(organization(1, "outer"));
            assertSame(failure, assertThrows(IllegalStateException.class, () -> storage.write(inner -> {
                inner.nodes().insertOrganization(organization(2, "inner"));
                throw failure;
            })));
            return storage.write(inner -> inner.nodes().insertOrganization(organization(3, "kept")));
        });

        assertEquals(Optional.of("outer"), nameOf(1));
        assertEquals(Optional.empty(), nameOf(2));
        assertEquals(Optional.of("kept"), nameOf(3));
    }

    @Test
    @DisplayName("a replace that would take another project's id answers false, and its unit goes on and commits")
    void replaceOntoTakenKeyIsRefusedAlone() {
        Project web = project(1, "web");
        Project api = project(2, "api");

        List<Boolean> outcomes = storage.write(s -> List.of(s.nodes().insertProject(web),
                s.nodes().insertProject(api),
                s.nodes().replaceProject(project(2, "web"), 1),
                s.nodes().insertOrganization(organization(1, "after"))));

        assertEquals(List.of(true, true, false, true), outcomes);
        assertEquals(Optional.of("api"), storage.read(s -> s.nodes().project(2).map(p -> p.value().projectId())));
        assertEquals(Optional.of("after"), nameOf(1));
    }

    private static Project project(long number, String projectId) {
        return new Project(number, projectId, NodeKey.organization(1), projectId, Map.of(), State.ACTIVE, TIME, TIME,
                Optional.empty(), "etag-" + number);
    }

    @Test
    @DisplayName("a unit on a closed store fails with IllegalStateException")
    void closedStoreRefusesUnits() {
        storage.close();

        assertThrows(IllegalStateException.class, () -> storage.read(s -> null));
        assertThrows(IllegalStateException.class, () -> storage.write(s -> null));
        assertThrows(IllegalStateException.class, () -> storage.clear());
    }
}
