package dev.policyhub.core;

import java.util.Objects;

/** Which page to list: a page size (0 = the default) and the token of a previous page ({@code ""} = the first). */
public record PageRequest(int pageSize, String pageToken) {
    public PageRequest {
        Objects.requireNonNull(pageToken, "pageToken");
    }

    /** The first page at the default size. */
    public static PageRequest first() {
        return new PageRequest(0, "");
    }

    /** The first page with the given size. */
    public static PageRequest ofSize(int pageSize) {
        return new PageRequest(pageSize, "");
    }

    /** The page after the given one, at the same size. */
    public PageRequest next(Page<?> page) {
        return new PageRequest(pageSize, page.nextPageToken());
    }
}
