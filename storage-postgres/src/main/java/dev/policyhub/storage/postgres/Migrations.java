package dev.policyhub.storage.postgres;

import dev.policyhub.storage.jdbc.Transactions;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The schema's forward-only migrations, the resources {@code migration/V<n>__<what>.sql} next to this class, and
 * how a database is brought to the newest one. Each applied migration is a row of {@value #VERSION_TABLE}, inserted
 * in the same transaction as its changes, so a database is always at exactly one version. Every migration
 * transaction first takes a transaction-level advisory lock, so when several servers start at once on the same
 * database, one applies each migration and the others wait for it, then find it applied.
 */
final class Migrations {
    /** The table that records the applied migrations, one row each. */
    static final String VERSION_TABLE = "policyhub_schema_version";

    /** Every migration, in order; version {@code n} is the {@code n}-th. */
    static final List<Migration> ALL = List.of(
            new Migration(1, "V1__hierarchy_and_org_policies.sql"),
            new Migration(2, "V2__pulumi_policy_groups.sql"));

    /** The newest schema version this build knows. */
    static final int LATEST = ALL.get(ALL.size() - 1).version();

    /** The advisory lock that migration transactions take, per database: the bytes of "phschema". */
    static final long LOCK = 0x7068736368656d61L;

    private Migrations() {
    }

    /**
     * Applies every migration newer than the database's version, each in its own transaction. Fails, before anything
     * is written, on a database of a newer build or on a schema that has tables but no {@value #VERSION_TABLE}. A
     * database already at the newest version is only read, without taking the lock.
     */
    static void migrate(Jdbi jdbi, String database) {
        try (Handle handle = jdbi.open()) {
            if (version(handle) == LATEST) {
                return;
            }
            for (Migration migration : ALL) {
                step(handle, migration, database);
            }
        }
    }

    /**
     * The schema version recorded in the database: 0 before the first migration. The version table is looked for in
     * the catalog by a query, which sees what the statement's snapshot sees, rather than by name resolution
     * ({@code to_regclass}), which may answer from a cache made before another server created the table.
     */
    static int version(Handle handle) {
        boolean recorded = handle.createQuery("SELECT EXISTS (SELECT 1 FROM pg_tables"
                        + " WHERE schemaname = current_schema() AND tablename = :table)")
                .bind("table", VERSION_TABLE)
                .mapTo(Boolean.class)
                .one();
        if (!recorded) {
            return 0;
        }
        return handle.createQuery("SELECT coalesce(max(version), 0) FROM " + VERSION_TABLE)
                .mapTo(Integer.class)
                .one();
    }

    /**
     * In one transaction under the lock: checks the database, and applies the migration unless it is applied. The
     * transaction is READ COMMITTED so that each statement after the lock sees what the previous holder committed.
     */
    private static void step(Handle handle, Migration migration, String database) {
        handle.execute("BEGIN ISOLATION LEVEL READ COMMITTED");
        try {
            handle.createQuery("SELECT pg_advisory_xact_lock(:lock)").bind("lock", LOCK).mapTo(String.class).list();
            int version = version(handle);
            refuseIncompatible(handle, version, database);
            if (version < migration.version()) {
                handle.execute("CREATE TABLE IF NOT EXISTS " + VERSION_TABLE + " ("
                        + "version INTEGER PRIMARY KEY, script TEXT NOT NULL,"
                        + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())");
                handle.createScript(migration.sql()).execute();
                handle.createUpdate("INSERT INTO " + VERSION_TABLE + " (version, script) VALUES (:version, :script)")
                        .bind("version", migration.version())
                        .bind("script", migration.resource())
                        .execute();
            }
            handle.execute("COMMIT");
        } catch (RuntimeException failure) {
            Transactions.rollback(handle, "ROLLBACK", failure);
            throw failure;
        }
    }

    private static void refuseIncompatible(Handle handle, int version, String database) {
        if (version > LATEST) {
            throw new IllegalStateException("the database " + database + " has schema version " + version
                    + ", newer than version " + LATEST + ", the newest this build of PolicyHub knows;"
                    + " open it with a newer PolicyHub");
        }
        if (version == 0 && handle.createQuery("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")
                .mapTo(Integer.class).one() > 0) {
            throw new IllegalStateException("the database " + database + " is not a PolicyHub database: its schema"
                    + " has tables but no " + VERSION_TABLE + " table; use an empty database or schema");
        }
    }

    /** One step of the schema: its version and the SQL script resource that makes it. */
    record Migration(int version, String resource) {

        /** The script's text. */
        String sql() {
            try (InputStream in = Migrations.class.getResourceAsStream("migration/" + resource)) {
                if (in == null) {
                    throw new IllegalStateException("the migration script migration/" + resource + " is missing");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
