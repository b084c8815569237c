package dev.policyhub.storage.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * New database files for the kit suites, which want a new, empty store for every test (and sometimes two): each call
 * opens a store over a file of its own, a copy of one empty database migrated once per test run. Creating and
 * migrating a file costs tens of milliseconds of fsyncs; opening a copy costs a few, which over a thousand tests is
 * most of the suites' time. {@link SqliteMigrationTest} covers creating and migrating files.
 */
final class Databases {
    private static final AtomicInteger FILES = new AtomicInteger();
    private static final Path TEMPLATE = template();

    private Databases() {
    }

    /** A store over a new, empty database file in {@code dir}. */
    static SqliteStorage fresh(Path dir) {
        Path file = dir.resolve("policyhub-" + FILES.incrementAndGet() + ".db");
        try {
            Files.copy(TEMPLATE, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SqliteStorage.open(file);
    }

    /** An empty database at the newest schema version, closed (so its WAL is checkpointed into the file). */
    private static Path template() {
        try {
            Path dir = Files.createTempDirectory("policyhub-template");
            Path file = dir.resolve("template.db");
            dir.toFile().deleteOnExit();
            file.toFile().deleteOnExit();
            SqliteStorage.open(file).close();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
