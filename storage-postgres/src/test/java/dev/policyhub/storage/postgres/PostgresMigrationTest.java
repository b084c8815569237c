package dev.policyhub.storage.postgres;

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
import dev.policyhub.testkit.Concurrently;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Opening an empty database, one of an older or a newer schema, or a foreign one; and many servers at once. */
class PostgresMigrationTest {
    private static final Instant CREATED = Instant.parse("2024-05-06T07:08:09.123456Z");
    private static final Instant DELETED = Instant.parse("2024-06-07T09:10:11.000001Z");
    private static final int STARTERS = 6;

    /** Runs statements on the database outside of any store, as another program would. */
    private static void onDatabase(String url, Consumer<Handle> work) {
        try (Handle handle = Jdbi.open(url, "postgres", "")) {
            work.accept(handle);
        }
    }

    private static List<Integer> appliedVersions(String url) {
        try (Handle handle = Jdbi.open(url, "postgres", "")) {
            return handle.createQuery("SELECT version FROM " + Migrations.VERSION_TABLE + " ORDER BY version")
                    .mapTo(Integer.class)
                    .list();
        }
    }

    private static List<String> tablesOf(String url) {
        try (Handle handle = Jdbi.open(url, "postgres", "")) {
            return handle.createQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                            + " ORDER BY tablename")
                    .mapTo(String.class)
                    .list();
        }
    }

    private static PostgresStorage open(String url) {
        return PostgresStorage.open(EmbeddedServer.settings(url));
    }

    /** A database as version 1 of the schema left it: its script alone, with an organization, a folder, counters. */
    private static void version1WithData(String url) {
        onDatabase(url, h -> {
            h.execute("CREATE TABLE " + Migrations.VERSION_TABLE + " (version INTEGER PRIMARY KEY,"
                    + " script TEXT NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())");
            h.createScript(Migrations.ALL.get(0).sql()).execute();
            h.execute("INSERT INTO " + Migrations.VERSION_TABLE + " (version, script) VALUES (1, ?)",
                    Migrations.ALL.get(0).resource());
            h.execute("INSERT INTO organizations VALUES (1, 3, 'example.com', 'C0abc', 'ACTIVE', ?, ?, 'etag-1')",
                    CREATED.toString(), DELETED.toString());
            h.execute("INSERT INTO folders VALUES (100000000001, 2, 'ORGANIZATION', 1, 'prod', 'DELETE_REQUESTED',"
                    + " ?, ?, ?, 'etag-2')", CREATED.toString(), DELETED.toString(), DELETED.toString());
            h.execute("INSERT INTO counters VALUES ('next_id', 100000000001)");
            h.execute("INSERT INTO claimed_ids VALUES (100000000001)");
        });
    }

    @Test
    @DisplayName("6 stores opened at once on an empty database all open, and each migration is applied once")
    void concurrentStartersApplyEachMigrationOnce() throws Exception {
        String url = EmbeddedServer.createDatabase();
        CountDownLatch ready = new CountDownLatch(STARTERS);

        List<Boolean> opened = Concurrently.run(STARTERS, starter -> {
            ready.countDown();
            assertTrue(ready.await(30, TimeUnit.SECONDS), "every starter is ready");
            try (PostgresStorage storage = open(url)) {
                return storage.write(s -> s.pulumiOrgs().insert("org-" + starter));
            }
        });

        assertEquals(List.of(true, true, true, true, true, true), opened);
        assertEquals(List.of(1, 2), appliedVersions(url));
        try (PostgresStorage storage = open(url)) {
            assertEquals(STARTERS, storage.read(s -> s.pulumiOrgs().list("", 100)).size());
        }
    }

    @Test
    @DisplayName("a version-1 database with data is migrated to the newest version, and its data is kept")
    void version1IsMigrated() {
        String url = EmbeddedServer.createDatabase();
        version1WithData(url);

        try (PostgresStorage storage = open(url)) {
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
        assertEquals(List.of(1, 2), appliedVersions(url));
        assertEquals(2, Migrations.LATEST);
    }

    @Test
    @DisplayName("a migration that fails is undone as a whole: the database stays at the version before it")
    void failedMigrationIsUndone() {
        String url = EmbeddedServer.createDatabase();
        version1WithData(url);
        onDatabase(url, h -> h.execute("CREATE TABLE policy_groups (clash INTEGER)"));

        assertThrows(RuntimeException.class, () -> open(url));

        assertEquals(List.of(1), appliedVersions(url));
        assertFalse(tablesOf(url).contains("pulumi_orgs"), "the statements before the failing one are undone");
        assertTrue(tablesOf(url).contains("organizations"));
    }

    @Test
    @DisplayName("a database of a newer schema version is refused with its version and the newest known")
    void newerVersionIsRefused() {
        String url = EmbeddedServer.createDatabase();
        open(url).close();
        int newer = Migrations.LATEST + 1;
        onDatabase(url, h -> h.execute("INSERT INTO " + Migrations.VERSION_TABLE + " (version, script)"
                + " VALUES (?, 'V3__from_the_future.sql')", newer));

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> open(url));

        assertTrue(refused.getMessage().contains(url), refused.getMessage());
        assertTrue(refused.getMessage().contains("schema version " + newer), refused.getMessage());
        assertTrue(refused.getMessage().contains("version " + Migrations.LATEST + ", the newest this build"),
                refused.getMessage());
    }

    @Test
    @DisplayName("a database whose schema has tables PolicyHub did not create is refused and left alone")
    void foreignDatabaseIsRefused() {
        String url = EmbeddedServer.createDatabase();
        onDatabase(url, h -> h.execute("CREATE TABLE notes (text TEXT)"));

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> open(url));

        assertTrue(refused.getMessage().contains("is not a PolicyHub database"), refused.getMessage());
        assertEquals(List.of("notes"), tablesOf(url));
    }

    @Test
    @DisplayName("a new database is created at the newest version, one recorded migration per version")
    void newDatabaseIsAtNewestVersion() {
        String url = EmbeddedServer.createDatabase();
        open(url).close();
        open(url).close();

        assertEquals(List.of(1, 2), appliedVersions(url));
    }
}
