package dev.policyhub.core.spi;

import java.util.function.Function;

/**
 * An open store. All access goes through units of work: {@link #read} sees a consistent state, {@link #write} is
 * atomic (if the work throws, nothing it wrote is kept). Writes name the version they expect; a store rejects a stale
 * write by returning {@code false} and never decides anything about policies.
 *
 * <p>A session is valid only while its unit runs; a read session refuses writes, and units after {@link #close()}
 * fail with {@link IllegalStateException}. Closing twice is harmless. A unit that rolls back undoes its id claims too;
 * sequence values it took may be given back or not, but committed ones never repeat.
 *
 * <p>A unit started inside another on the same thread joins it, so several service calls can form one atomic change
 * (e.g. loading a seed file): a nested read sees the outer unit's writes; a nested write is kept or undone with the
 * outer unit, and if it throws, only its own writes are undone; a write inside a read unit is refused with
 * {@link IllegalStateException}.
 *
 * <p>A store whose medium fails (full, read-only, unreadable) should fail the unit with
 * {@link dev.policyhub.core.error.StorageFailureException}, changing nothing, and serve units again once the
 * condition clears, without being reopened.
 */
public interface Storage extends AutoCloseable {

    /** Runs read-only work on a consistent view. */
    <T> T read(Function<StoreSession, T> work);

    /** Runs work atomically: all of its writes are kept, or none (when it throws). */
    <T> T write(Function<StoreSession, T> work);

    /** Deletes every stored object (the emulator's reset). */
    void clear();

    /** Releases the store's resources. */
    @Override
    void close();
}
