package dev.policyhub.storage.sqlite;

import org.jdbi.v3.core.Handle;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The one connection that write units use, one unit at a time, in the order they arrive (a fair lock), so that write
 * units of this store never contend for SQLite's write lock and never see {@code SQLITE_BUSY} from each other.
 */
final class Writer {
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Handle handle;
    /** Guarded by {@link #lock}. */
    private boolean closed;

    Writer(Handle handle) {
        this.handle = handle;
    }

    /** Runs the work with the connection to itself; fails once the writer is closed. */
    <T> T use(Function<Handle, T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the store is closed");
            }
            try {
                return work.apply(handle);
            } finally {
                if (closed) {
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
            if (lock.getHoldCount() == 1) {
                handle.close();
            }
        } finally {
            lock.unlock();
        }
    }
}
