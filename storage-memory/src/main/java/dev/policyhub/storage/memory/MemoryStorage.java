package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.core.spi.StoreSession;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The reference store: everything in memory behind one read-write lock. Read units share the read lock; a write unit
 * holds the write lock and journals every change, replaying the journal backwards if its work throws. A write unit
 * started inside a write unit on the same thread joins it (and is undone alone if it throws); one started inside a
 * read unit is refused, as the lock cannot be upgraded. Sessions are valid only while their unit runs.
 */
public final class MemoryStorage implements Storage {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** All stored objects; guarded by {@link #lock} and replaced as a whole by {@link #clear()}. */
    private MemoryData data = new MemoryData();
    /** The undo log of the running write unit; guarded by the write lock. */
    private Journal journal;
    private volatile boolean closed;

    /** Opens an empty store. */
    public MemoryStorage() {
    }

    /** Runs {@code work} under the read lock; its session refuses writes. */
    @Override
    public <T> T read(Function<StoreSession, T> work) {
        checkOpen();
        lock.readLock().lock();
        MemorySession session = new MemorySession(data, null);
        try {
            return work.apply(session);
        } finally {
            session.end();
            lock.readLock().unlock();
        }
    }

    /** Runs {@code work} under the write lock; if it throws, its changes are undone and the exception rethrown. */
    @Override
    public <T> T write(Function<StoreSession, T> work) {
        checkOpen();
        if (lock.getReadHoldCount() > 0 && !lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("a write unit cannot start inside a read unit");
        }
        lock.writeLock().lock();
        boolean outermost = lock.getWriteHoldCount() == 1;
        if (outermost) {
            journal = new Journal();
        }
        Journal unitJournal = journal;
        int mark = unitJournal.mark();
        MemorySession session = new MemorySession(data, unitJournal);
        try {
            return work.apply(session);
        } catch (Throwable failure) {
            unitJournal.rollbackTo(mark);
            throw failure;
        } finally {
            session.end();
            if (outermost) {
                journal = null;
            }
            lock.writeLock().unlock();
        }
    }

    /** Drops every stored object and resets the sequences; refused inside a unit of work. */
    @Override
    public void clear() {
        checkOpen();
        if (lock.getReadHoldCount() > 0 || lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("clear() cannot run inside a unit of work");
        }
        lock.writeLock().lock();
        try {
            data = new MemoryData();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Marks the store closed: later units fail; the data goes with this object. Closing twice is harmless. */
    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
    }
}
