package dev.policyhub.storage.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.policyhub.core.hierarchy.Organization;
import dev.policyhub.core.hierarchy.State;
import dev.policyhub.core.spi.StoreSession;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A statement SQLite refused leaves the store usable. SQLite ends a transaction on its own after an I/O error or a
 * full disk, so the store's {@code ROLLBACK} then fails; a failed statement stays unusable in sqlite-jdbc, so the
 * connection's statements must be prepared afresh or every later unit would fail or stay open.
 */
class SqliteRefusedUnitTest {
    private static final Instant TIME = Instant.parse("2025-01-02T03:04:05Z");

    @TempDir
    Path dir;

    @Test
    @DisplayName("after SQLite ended a unit's transaction itself, a failing unit is still undone and the next lands")
    void unitsAfterATransactionSqliteEnded() {
        try (SqliteStorage storage = SqliteStorage.open(dir.resolve("refused.db"))) {
            assertThrows(IllegalStateException.class, () -> storage.write(s -> {
                insert(s, 1);
                // what SQLite does by itself when a write fails at the disk
                ((SqliteSession) s).writing().execute("ROLLBACK");
                throw new IllegalStateException("the write failed");
            }));
            assertThrows(IllegalStateException.class, () -> storage.write(s -> {
                insert(s, 2);
                throw new IllegalStateException("a later unit fails");
            }));
            storage.write(s -> insert(s, 3));

            assertEquals(List.of(3L), List.of(1L, 2L, 3L).stream()
                    .filter(id -> storage.read(s -> s.nodes().organization(id)).isPresent()).toList());
        }
    }

    private static boolean insert(StoreSession session, long id) {
        return session.nodes().insertOrganization(new Organization(id, "org " + id, "", State.ACTIVE, TIME, TIME, ""));
    }
}
