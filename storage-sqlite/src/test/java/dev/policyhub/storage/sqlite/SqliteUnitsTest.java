package dev.policyhub.storage.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.hierarchy.Organization;
import dev.policyhub.core.hierarchy.State;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.testkit.Concurrently;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection settings and the unit-of-work rules of {@link SqliteStorage} beyond what the kit checks. */
class SqliteUnitsTest {
    private static final Instant TIME = Instant.parse("2025-01-02T03:04:05.123456789Z");

    @TempDir
    Path dir;
    private SqliteStorage storage;

    @BeforeEach
    void open() {
        storage = SqliteStorage.open(dir.resolve("units.db"));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private static Organization organization(long id, String displayName) {
        return new Organization(id, displayName, "", State.ACTIVE, TIME, TIME, "etag-" + id);
    }

    /** The answer of a one-value query on the connection of a unit. */
    private static Object query(StoreSession session, String sql) {
        return ((SqliteSession) session).reading().createQuery(sql).map((rs, ctx) -> rs.getObject(1)).one();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Optional<String> nameOf(long id) {
        return storage.read(s -> s.nodes().organization(id).map(o -> o.value().displayName()));
    }

    @Test
    @DisplayName("write units run on a WAL file with synchronous=FULL, foreign keys on and the busy timeout set")
    void writeConnectionSettings() {
        Function<StoreSession, List<Object>> pragmas = s -> List.of(query(s, "PRAGMA journal_mode"),
                query(s, "PRAGMA synchronous"), query(s, "PRAGMA foreign_keys"), query(s, "PRAGMA busy_timeout"));

        assertEquals(List.of("wal", 2, 1, 5000), storage.write(pragmas));
        assertEquals(List.of("wal", 2, 1, 5000), storage.read(pragmas));
    }

    @Test
    @DisplayName("read units run on read-only connections, which SQLite itself keeps from writing")
    void readConnectionsAreReadOnly() {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> storage.read(s -> ((SqliteSession) s)
                .reading().execute("INSERT INTO pulumi_orgs (name) VALUES ('acme')")));

        assertTrue(refused.getMessage().contains("readonly"), refused.getMessage());
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
    @DisplayName("a read unit inside a write unit sees the unit's own writes and refuses to write")
    void readInsideWriteSeesOwnWrites() {
        Optional<String> seen = storage.write(s -> {
            s.nodes().insertOrganization(organization(1, "uncommitted"));
            assertThrows(IllegalStateException.class,
                    () -> storage.read(r -> r.nodes().insertOrganization(organization(2, "refused"))));
            return storage.read(r -> r.nodes().organization(1).map(o -> o.value().displayName()));
        });

        assertEquals(Optional.of("uncommitted"), seen);
        assertEquals(Optional.empty(), nameOf(2));
    }

    @Test
    @DisplayName("a write unit inside a read unit, and clear() inside any unit, are refused")
    void refusedInsideUnits() {
        assertThrows(IllegalStateException.class,
                () -> storage.read(s -> storage.write(w -> w.nodes().insertOrganization(organization(1, "no")))));
        assertThrows(IllegalStateException.class, () -> storage.read(s -> {
            storage.clear();
            return null;
        }));
        assertThrows(IllegalStateException.class, () -> storage.write(s -> {
            storage.clear();
            return null;
        }));
        assertEquals(Optional.empty(), nameOf(1));
    }

    @Test
    @DisplayName("close() inside a write unit lets the unit commit, then every unit fails")
    void closeInsideWriteUnit() {
        storage.write(s -> {
            s.nodes().insertOrganization(organization(1, "last"));
            storage.close();
            return null;
        });

        assertThrows(IllegalStateException.class, () -> nameOf(1));
        try (SqliteStorage reopened = SqliteStorage.open(dir.resolve("units.db"))) {
            assertEquals(Optional.of("last"),
                    reopened.read(s -> s.nodes().organization(1).map(o -> o.value().displayName())));
        }
    }

    @Test
    @DisplayName("an archive for a version that is not stored is refused, and nothing is stored")
    void archiveNeedsItsVersion() {
        assertThrows(IllegalStateException.class,
                () -> storage.write(s -> {
                    s.policyPacks().putArchive("acme", "aws-guard", 1, new byte[] {1});
                    return null;
                }));

        assertEquals(Optional.empty(), storage.read(s -> s.policyPacks().archive("acme", "aws-guard", 1)));
    }

    @Test
    @DisplayName("with one read connection, 8 concurrent read units wait their turn instead of failing")
    void readersWaitForAConnection() throws Exception {
        storage.close();
        storage = SqliteStorage.open(SqliteSettings.of(dir.resolve("units.db")).withReadConnections(1));
        storage.write(s -> s.nodes().insertOrganization(organization(1, "shared")));

        List<Optional<String>> seen = Concurrently.run(8, thread -> storage.read(s -> {
            Optional<String> name = s.nodes().organization(1).map(o -> o.value().displayName());
            pause(Duration.ofMillis(20));
            return name;
        }));

        assertEquals(List.of(Optional.of("shared")), seen.stream().distinct().toList());
    }

    @Test
    @DisplayName("group members and pack archives are foreign keys that cascade with their group or version")
    void cascadingForeignKeys() {
        List<String> foreignKeys = storage.read(s -> ((SqliteSession) s).reading().createQuery(
                        "SELECT m.name || '->' || f.\"table\" || ' ' || f.on_delete FROM sqlite_schema m,"
                                + " pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND f.seq = 0 ORDER BY 1")
                .mapTo(String.class)
                .list());
        assertEquals(List.of("policy_group_accounts->policy_groups CASCADE",
                "policy_group_stacks->policy_groups CASCADE",
                "policy_pack_archives->policy_pack_versions CASCADE"), foreignKeys);
    }
}
