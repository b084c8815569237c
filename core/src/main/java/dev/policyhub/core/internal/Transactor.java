package dev.policyhub.core.internal;

import dev.policyhub.core.error.ErrorCode;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.spi.Storage;
import dev.policyhub.core.spi.StoreSession;

import java.util.function.Function;

/**
 * Runs units of work on the store. A write the store refuses as stale ({@link #check}) restarts the whole unit, which
 * re-reads the current state; a caller's etag that no longer matches then fails as ABORTED, as it must.
 */
public final class Transactor {
    private static final int ATTEMPTS = 20;

    private final Storage storage;

    public Transactor(Storage storage) {
        this.storage = storage;
    }

    public <T> T read(Function<StoreSession, T> work) {
        return storage.read(work);
    }

    public <T> T write(Function<StoreSession, T> work) {
        return write(work, ATTEMPTS, "The resource was modified concurrently too many times; retry the request.");
    }

    /** Runs work atomically, retrying a stale write up to {@code attempts} times, then ABORTED with {@code message}. */
    public <T> T write(Function<StoreSession, T> work, int attempts, String message) {
        for (int attempt = 1; ; attempt++) {
            try {
                return storage.write(work);
            } catch (StaleWriteException e) {
                if (attempt >= attempts) {
                    throw PolicyHubException.of(ErrorCode.ABORTED, message);
                }
                Thread.onSpinWait();
            }
        }
    }

    /** Turns a store's refusal of a versioned write into a retry of the unit of work. */
    public static void check(boolean written) {
        if (!written) {
            throw new StaleWriteException();
        }
    }
}
