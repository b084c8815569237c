package dev.policyhub.storage.postgres;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.core.spi.StoreSession;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/** A test store whose database goes back to its {@link TestDatabases} when it is closed (once, however often). */
final class LeasedStorage implements Storage {
    private final PostgresStorage storage;
    private final Runnable giveBack;
    private final AtomicBoolean closed = new AtomicBoolean();

    LeasedStorage(PostgresStorage storage, Runnable giveBack) {
        this.storage = storage;
        this.giveBack = giveBack;
    }

    @Override
    public <T> T read(Function<StoreSession, T> work) {
        return storage.read(work);
    }

    @Override
    public <T> T write(Function<StoreSession, T> work) {
        return storage.write(work);
    }

    @Override
    public void clear() {
        storage.clear();
    }

    @Override
    public void close() {
        storage.close();
        if (closed.compareAndSet(false, true)) {
            giveBack.run();
        }
    }
}
