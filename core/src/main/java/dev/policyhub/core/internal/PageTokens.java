package dev.policyhub.core.internal;

import dev.policyhub.core.Page;
import dev.policyhub.core.PageRequest;
import dev.policyhub.core.error.PolicyHubException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Opaque page tokens: base64url (no padding) of {@code v1}, the method, the parent and the last key seen. A token
 * from another method or parent, or one that does not decode, is INVALID_ARGUMENT on {@code page_token}.
 */
public final class PageTokens {
    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 1000;
    /** Longest token accepted: tokens this class makes hold a name or two and stay far below it. */
    public static final int MAX_TOKEN_CHARS = 2048;
    private static final char SEPARATOR = '\n';

    private PageTokens() {
    }

    public static String encode(String method, String parent, String lastKey) {
        String raw = "v1" + SEPARATOR + method + SEPARATOR + parent + SEPARATOR + lastKey;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The last key of the token, or {@code ""} for the first page. */
    public static String decode(String token, String method, String parent) {
        if (token.isEmpty()) {
            return "";
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw invalid();
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] parts = raw.split(String.valueOf(SEPARATOR), 4);
        if (parts.length != 4 || !parts[0].equals("v1") || !parts[1].equals(method) || !parts[2].equals(parent)) {
            throw invalid();
        }
        return parts[3];
    }

    /** The page size to use: default for 0, clamped to {@code max}; negative is INVALID_ARGUMENT. */
    public static int size(PageRequest request, int defaultSize, int max) {
        if (request.pageSize() < 0) {
            throw PolicyHubException.invalidArgument("page_size", "must not be negative");
        }
        return request.pageSize() == 0 ? defaultSize : Math.min(request.pageSize(), max);
    }

    /** A page of at most {@code size} items from {@code found} (fetched with one extra to see if more follow). */
    public static <T> Page<T> page(List<T> found, int size, Function<T, String> lastKeyToken) {
        if (found.size() <= size) {
            return new Page<>(found, "");
        }
        List<T> items = found.subList(0, size);
        return new Page<>(items, lastKeyToken.apply(items.get(size - 1)));
    }

    /** A last key that is a numeric id; {@code 0} for the first page, INVALID_ARGUMENT when it is no id. */
    public static long lastId(String lastKey) {
        if (lastKey.isEmpty()) {
            return 0;
        }
        long id = ResourceRef.positiveId(lastKey);
        if (id < 0) {
            throw invalid();
        }
        return id;
    }

    /** INVALID_ARGUMENT on {@code page_token}. */
    public static PolicyHubException invalid() {
        return PolicyHubException.invalidArgument("page_token", "the page token is not valid for this request");
    }
}
