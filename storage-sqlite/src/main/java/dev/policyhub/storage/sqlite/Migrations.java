package dev.policyhub.storage.sqlite;

import dev.policyhub.storage.jdbc.Transactions;
import org.jdbi.v3.core.Handle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The schema's forward-only migrations, {@code db/migration/V<n>__<what>.sql}, and how a database file is brought to
 * the newest one. The schema version of a file is its {@code PRAGMA user_version} (0 for a new file), which each
 * migration sets in the same transaction as its changes, so a file is always at exactly one version.
 */
final class Migrations {
    /** Every migration, in order; version {@code n} is the {@code n}-th. */
    static final List<Migration> ALL = List.of(
            new Migration(1, "V1__hierarchy_and_org_policies.sql"),
            new Migration(2, "V2__pulumi_policy_groups.sql"));

    /** The newest schema version this build knows. */
    static final int LATEST = ALL.get(ALL.size() - 1).version();

    private Migrations() {
    }

    /**
     * Fails, before anything is written, on a file written by a newer build or on a SQLite database that PolicyHub
     * did not create.
     */
    static void refuseIncompatible(Handle handle, Path file) {
        int version = version(handle);
        if (version > LATEST) {
            throw new IllegalStateException("the database " + file + " has schema version " + version
                    + ", newer than version " + LATEST + ", the newest this build of PolicyHub knows;"
                    + " open it with a newer PolicyHub");
        }
        if (version == 0 && handle.createQuery("SELECT count(*) FROM sqlite_schema").mapTo(Integer.class).one() > 0) {
            throw new IllegalStateException("the database " + file
                    + " is not a PolicyHub database: it has tables but no schema version");
        }
    }

    /** Applies every migration newer than the file's version, each in its own transaction. */
    static void migrate(Handle handle) {
        int version = version(handle);
        for (Migration migration : ALL) {
            if (migration.version() > version) {
                apply(handle, migration);
            }
        }
    }

    /** The schema version recorded in the file. */
    static int version(Handle handle) {
        return handle.createQuery("PRAGMA user_version").mapTo(Integer.class).one();
    }

    /** Runs one migration in its own transaction, unless another process applied it since the version was read. */
    private static void apply(Handle handle, Migration migration) {
        handle.execute("BEGIN IMMEDIATE");
        try {
            if (version(handle) < migration.version()) {
                handle.createScript(migration.sql()).execute();
                handle.execute("PRAGMA user_version = " + migration.version());
            }
            handle.execute("COMMIT");
        } catch (RuntimeException failure) {
            Transactions.rollback(handle, "ROLLBACK", failure);
            throw failure;
        }
    }

    /** One step of the schema: its version and the SQL script resource that makes it. */
    record Migration(int version, String resource) {

        /** The script's text. */
        String sql() {
            try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + resource)) {
                if (in == null) {
                    throw new IllegalStateException("the migration script db/migration/" + resource + " is missing");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
