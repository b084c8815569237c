package dev.policyhub.storage.sqlite;

import org.jdbi.v3.core.Handle;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * Read-only connections for read units, opened on demand up to a maximum and then reused; a read unit waits for a
 * free one. In WAL mode readers never block the writer, nor it them. A connection that cannot recover from a
 * storage failure is closed rather than reused.
 */
final class ReaderPool {
    private final Supplier<Handle> opener;
    private final int max;
    private final Deque<Handle> idle = new ArrayDeque<>();
    /** Connections opened and not yet closed, idle or in use. */
    private int open;
    private boolean closed;

    ReaderPool(Supplier<Handle> opener, int max) {
        this.opener = opener;
        this.max = max;
    }

    /** A connection for one read unit, to be given back with {@link #release}; fails once the pool is closed. */
    synchronized Handle acquire() {
        while (!closed && idle.isEmpty() && open >= max) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a read connection", e);
            }
        }
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
        if (!idle.isEmpty()) {
            return idle.pop();
        }
        Handle handle = opener.get();
        open++;
        return handle;
    }

    /** Takes a connection back; closes it if the pool was closed meanwhile. */
    synchronized void release(Handle handle) {
        if (closed) {
            handle.close();
            open--;
        } else {
            idle.push(handle);
            notify();
        }
    }

    /** Closes a connection that cannot recover, instead of taking it back: the next unit opens a fresh one. */
    synchronized void discard(Handle handle) {
        closeQuietly(handle);
        open--;
        notify();
    }

    /** Closes the idle connections; units open fresh ones as they need them. */
    synchronized void closeIdle() {
        idle.forEach(ReaderPool::closeQuietly);
        open -= idle.size();
        idle.clear();
    }

    /** Closes the idle connections now and those in use as they come back. */
    synchronized void close() {
        closed = true;
        idle.forEach(Handle::close);
        open -= idle.size();
        idle.clear();
        notifyAll();
    }

    private static void closeQuietly(Handle handle) {
        try {
            handle.close();
        } catch (RuntimeException e) {
            // the connection is dropped because its file failed; closing it may fail the same way
        }
    }
}
