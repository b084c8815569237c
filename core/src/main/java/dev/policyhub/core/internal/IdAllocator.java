package dev.policyhub.core.internal;

import dev.policyhub.core.IdSource;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.spi.StoreSession;

/** Hands out numeric ids: an explicit one once (ALREADY_EXISTS if used), or the id source's next free candidate. */
public final class IdAllocator {
    private final IdSource source;

    public IdAllocator(IdSource source) {
        this.source = source;
    }

    /** Claims {@code explicit} when positive, else the next free id from the source. */
    public long claim(StoreSession s, long explicit) {
        if (explicit > 0) {
            if (!s.sequences().claimId(explicit)) {
                throw PolicyHubException.alreadyExists();
            }
            return explicit;
        }
        while (true) {
            long candidate = source.next(s.sequences());
            if (s.sequences().claimId(candidate)) {
                return candidate;
            }
        }
    }
}
