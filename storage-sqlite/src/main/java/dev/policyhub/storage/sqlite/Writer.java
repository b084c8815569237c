package dev.policyhub.storage.sqlite;

import org.jdbi.v3.core.Handle;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one connection that write units use, one unit at a time, in the order they arrive (a fair lock), so that write
 * units of this store never contend for SQLite's write lock and never see {@code SQLITE_BUSY} from each other.
 *
 * <p>After a read-only file or one that could not be opened, the connection is replaced before the next unit: one
 * opened while the file was read-only stays read-only after the file is made writable again, so only a new one sees
 * the condition cleared.
 */
final class Writer {
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Supplier<Handle> opener;
    /** Runs before a replacement connection opens: SQLite shares a file's state among a process's connections. */
    private final Runnable beforeReopen;
    /** Guarded by {@link #lock}; null while a replacement is due. */
    private Handle handle;
    /** Guarded by {@link #lock}. */
    private boolean closed;

    Writer(Handle handle, Supplier<Handle> opener, Runnable beforeReopen) {
        this.handle = handle;
        this.opener = opener;
        this.beforeReopen = beforeReopen;
    }

    /** Runs the work with the connection to itself; fails once the writer is closed. */
    <T> T use(Function<Handle, T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the store is closed");
            }
            if (handle == null) {
                beforeReopen.run();
                handle = opener.get();
            }
            try {
                return work.apply(handle);
            } catch (RuntimeException failure) {
                if (StorageFailures.needsNewConnection(failure)) {
                    discard();
                }
                throw failure;
            } finally {
                if (closed && handle != null) {
                    handle.close();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the connection once the running write unit, if any, has ended. Called from inside a unit of this
     * thread, it leaves the closing to {@link #use} as the unit ends.
     */
    void close() {
        lock.lock();
        try {
            closed = true;
            if (lock.getHoldCount() == 1 && handle != null) {
                handle.close();
            }
        } finally {
            lock.unlock();
        }
    }

    private void discard() {
        Handle failed = handle;
        handle = null;
        try {
            failed.close();
        } catch (RuntimeException e) {
            // the connection is being replaced because its file failed; closing it may fail the same way
        }
    }
}
