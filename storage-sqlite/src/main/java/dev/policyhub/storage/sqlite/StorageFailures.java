package dev.policyhub.storage.sqlite;

import dev.policyhub.core.error.StorageFailureException;
import dev.policyhub.core.error.StorageFailureException.Reason;

import org.sqlite.SQLiteException;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells SQLite's failures of the medium (a full disk, a read-only file, an I/O error) from every other error, by the
 * primary result code of the {@link SQLException} among the causes.
 */
final class StorageFailures {
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;

    private StorageFailures() {
    }

    /** The storage failure behind {@code failure}, if it is one. */
    static Optional<StorageFailureException> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StorageFailureException) {
                return Optional.of((StorageFailureException) cause);
            }
            if (cause instanceof SQLException) {
                return reason(((SQLException) cause).getErrorCode())
                        .map(reason -> new StorageFailureException(reason, failure));
            }
        }
        return Optional.empty();
    }

    /**
     * True when the connection that met {@code failure} cannot recover by itself: one that opened a file read-only, or
     * could not open one, keeps doing so after the cause is fixed. After a full disk or an I/O error the same
     * connection works again by itself; replacing it then would even harm reads, as a process's first connection to a
     * file rebuilds the shared WAL index, which needs to write.
     */
    static boolean needsNewConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                int code = ((SQLException) cause).getErrorCode() & 0xff;
                return code == SQLITE_READONLY || code == SQLITE_CANTOPEN;
            }
        }
        return false;
    }

    /**
     * True when {@code failure} is SQLite's plain refusal to write on a read-only connection: in a read unit, whose
     * connection is read-only by design, that is the unit's own mistake, not a condition of the storage. (A
     * read-only medium shows in read units as the extended codes, e.g. {@code SQLITE_READONLY_CANTINIT}.)
     */
    static boolean isWriteOnReadOnlyConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException) {
                return ((SQLiteException) cause).getResultCode().code == SQLITE_READONLY;
            }
        }
        return false;
    }

    /** {@code failure} as a {@link StorageFailureException} if it is a storage failure, else unchanged. */
    static RuntimeException translated(RuntimeException failure) {
        return of(failure).<RuntimeException>map(storage -> storage).orElse(failure);
    }

    private static Optional<Reason> reason(int code) {
        // sqlite-jdbc reports the primary code; the extended one would be in its upper bits
        switch (code & 0xff) {
            case SQLITE_FULL:
                return Optional.of(Reason.FULL);
            case SQLITE_READONLY:
                return Optional.of(Reason.READ_ONLY);
            case SQLITE_IOERR:
            case SQLITE_CANTOPEN:
                return Optional.of(Reason.IO);
            default:
                return Optional.empty();
        }
    }
}
