package dev.policyhub.storage.sqlite;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;

/**
 * Opens the connections of one database file, each with the settings every unit relies on: {@code synchronous=FULL}
 * (a commit is on disk before it returns), a busy timeout (waits instead of failing when another process holds a
 * lock) and enforced foreign keys. Read connections are opened read-only. The file is put in WAL mode, which lets
 * readers keep their snapshot while the writer commits.
 */
final class Connections {
    private final Path file;
    private final Jdbi writer;
    private final Jdbi readers;

    Connections(SqliteSettings settings) {
        this.file = settings.path();
        this.writer = Jdbi.create(dataSource(settings, false))
                .setStatementBuilderFactory(connection -> new CachedStatements());
        this.readers = Jdbi.create(dataSource(settings, true))
                .setStatementBuilderFactory(connection -> new CachedStatements());
    }

    /** The write connection. */
    Handle openWriter() {
        return writer.open();
    }

    /** Puts the file in WAL mode (a setting of the file, kept by SQLite), through the write connection. */
    void useWriteAheadLog(Handle handle) {
        String mode = handle.createQuery("PRAGMA journal_mode = WAL").mapTo(String.class).one();
        if (!"wal".equalsIgnoreCase(mode)) {
            throw new IllegalStateException("the database " + file + " cannot use write-ahead logging (journal mode "
                    + mode + "); PolicyHub needs it so that readers never wait for writers");
        }
    }

    /** A read-only connection. */
    Handle openReader() {
        return readers.open();
    }

    private static SQLiteDataSource dataSource(SqliteSettings settings, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(Math.toIntExact(settings.busyTimeout().toMillis()));
        config.enforceForeignKeys(true);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + settings.path().toAbsolutePath());
        return dataSource;
    }
}
