package dev.policyhub.core;

import java.util.List;
import java.util.Objects;

/** One page of a list: its items and the opaque token of the next page ({@code ""} on the last page). */
public record Page<T>(List<T> items, String nextPageToken) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextPageToken, "nextPageToken");
    }

    /** True when another page follows. */
    public boolean hasNextPage() {
        return !nextPageToken.isEmpty();
    }
}
