package dev.policyhub.storage.sqlite;

import dev.policyhub.core.hierarchy.Folder;
import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.Organization;
import dev.policyhub.core.hierarchy.State;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The process {@link SqliteCrashTest} kills: writes unit after unit into the database file named by its argument,
 * each an organization {@code n} and its folder {@code FOLDER_BASE + n}, and prints {@code n} once the unit has
 * committed. It never stops by itself.
 */
final class CrashWriter {
    /** Folder ids are the organization's id plus this. */
    static final long FOLDER_BASE = 1_000_000;

    private static final Instant TIME = Instant.parse("2025-01-02T03:04:05Z");

    private CrashWriter() {
    }

    public static void main(String[] args) {
        SqliteStorage storage = SqliteStorage.open(Path.of(args[0]));
        for (long n = 1; ; n++) {
            long id = n;
            storage.write(s -> s.nodes().insertOrganization(new Organization(id, "org " + id, "", State.ACTIVE, TIME,
                    TIME, "etag"))
                    && s.nodes().insertFolder(new Folder(FOLDER_BASE + id, NodeKey.organization(id), "folder " + id,
                    State.ACTIVE, TIME, TIME, Optional.empty(), "etag")));
            System.out.println(id);
            System.out.flush();
        }
    }
}
