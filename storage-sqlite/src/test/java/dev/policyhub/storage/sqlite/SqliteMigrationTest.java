package dev.policyhub.storage.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.hierarchy.Folder;
import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.Organization;
import dev.policyhub.core.hierarchy.State;
import dev.policyhub.core.policygroups.Stack;
import dev.policyhub.core.spi.Versioned;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a file written by an older or a newer build of the schema. */
class SqliteMigrationTest {
    private static final Instant CREATED = Instant.parse("2024-05-06T07:08:09.123456Z");
    private static final Instant DELETED = Instant.parse("2024-06-07T09:10:11.000001Z");

    @TempDir
    Path dir;

    /** Runs statements on the file outside of any store, as another program would. */
    private static void onFile(Path file, Consumer<Handle> work) {
        try (Handle handle = Jdbi.open("jdbc:sqlite:" + file)) {
            work.accept(handle);
        }
    }

    private static int versionOf(Path file) {
        try (Handle handle = Jdbi.open("jdbc:sqlite:" + file)) {
            return Migrations.version(handle);
        }
    }

    private static List<String> tablesOf(Path file) {
        try (Handle handle = Jdbi.open("jdbc:sqlite:" + file)) {
            return handle.createQuery("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
                    .mapTo(String.class)
                    .list();
        }
    }

    /** A file as version 1 of the schema left it: its script alone, with an organization, a folder and counters. */
    private static void version1WithData(Path file) {
        onFile(file, h -> {
            h.createScript(Migrations.ALL.get(0).sql()).execute();
            h.execute("PRAGMA user_version = 1");
            h.execute("INSERT INTO organizations VALUES (1, 3, 'example.com', 'C0abc', 'ACTIVE', ?, ?, 'etag-1')",
                    CREATED.toString(), DELETED.toString());
            h.execute("INSERT INTO folders VALUES (100000000001, 2, 'ORGANIZATION', 1, 'prod', 'DELETE_REQUESTED',"
                    + " ?, ?, ?, 'etag-2')", CREATED.toString(), DELETED.toString(), DELETED.toString());
            h.execute("INSERT INTO counters VALUES ('next_id', 100000000001)");
            h.execute("INSERT INTO claimed_ids VALUES (100000000001)");
        });
    }

    @Test
    @DisplayName("a version-1 file with data is migrated to the newest version, and its data is kept")
    void version1IsMigrated() {
        Path file = dir.resolve("v1.db");
        version1WithData(file);

        try (SqliteStorage storage = SqliteStorage.open(file)) {
            assertEquals(Optional.of(new Versioned<>(new Organization(1, "example.com", "C0abc", State.ACTIVE,
                    CREATED, DELETED, "etag-1"), 3)), storage.read(s -> s.nodes().organization(1)));
            assertEquals(Optional.of(new Versioned<>(new Folder(100000000001L, NodeKey.organization(1), "prod",
                    State.DELETE_REQUESTED, CREATED, DELETED, Optional.of(DELETED), "etag-2"), 2)),
                    storage.read(s -> s.nodes().folder(100000000001L)));
            assertEquals(List.of(100000000002L, false), storage.write(s -> List.of(
                    s.sequences().nextSequenceValue(), s.sequences().claimId(100000000001L))));
            Stack stack = new Stack("acme", "web", "prod", 3, 1, Optional.empty());
            boolean stored = storage.write(s -> s.pulumiOrgs().insert("acme") && s.stacks().insert(stack));
            assertTrue(stored, "the tables of version 2 are there");
        }
        assertEquals(Migrations.LATEST, versionOf(file));
        assertEquals(2, Migrations.LATEST);
    }

    @Test
    @DisplayName("a migration that fails is undone as a whole: the file stays at the version before it")
    void failedMigrationIsUndone() {
        Path file = dir.resolve("v1-clash.db");
        version1WithData(file);
        onFile(file, h -> h.execute("CREATE TABLE policy_groups (clash INTEGER)"));

        assertThrows(RuntimeException.class, () -> SqliteStorage.open(file));

        assertEquals(1, versionOf(file));
        assertFalse(tablesOf(file).contains("pulumi_orgs"), "the statements before the failing one are undone");
        assertTrue(tablesOf(file).contains("organizations"));
    }

    @Test
    @DisplayName("a file of a newer schema version is refused with the file, its version and the newest known")
    void newerVersionIsRefused() {
        Path file = dir.resolve("newer.db");
        SqliteStorage.open(file).close();
        int newer = Migrations.LATEST + 1;
        onFile(file, h -> h.execute("PRAGMA user_version = " + newer));

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SqliteStorage.open(file));

        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("schema version " + newer), refused.getMessage());
        assertTrue(refused.getMessage().contains("version " + Migrations.LATEST + ", the newest this build"),
                refused.getMessage());
        assertEquals(newer, versionOf(file));
    }

    @Test
    @DisplayName("a SQLite file that PolicyHub did not create is refused and left alone")
    void foreignDatabaseIsRefused() {
        Path file = dir.resolve("foreign.db");
        onFile(file, h -> h.execute("CREATE TABLE notes (text TEXT)"));

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SqliteStorage.open(file));

        assertTrue(refused.getMessage().contains("is not a PolicyHub database"), refused.getMessage());
        assertEquals(List.of("notes"), tablesOf(file));
        onFile(file, h -> assertEquals("delete", h.createQuery("PRAGMA journal_mode").mapTo(String.class).one(),
                "not even switched to WAL"));
    }

    @Test
    @DisplayName("a new file is created at the newest version")
    void newFileIsAtNewestVersion() {
        Path file = dir.resolve("new.db");
        SqliteStorage.open(file).close();

        assertEquals(Migrations.LATEST, versionOf(file));
    }
}
