package dev.policyhub.core.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The access tokens a server accepts, each with its {@link AccessGrant}. Parsed from text: one grant per line or per
 * {@code ;}-separated part ({@code #} starts a comment line), {@code <token> <scope> [<scope> ...]}, where a scope is
 * {@code pulumi:<org>}, {@code pulumi:*}, {@code google:organizations/<id>}, {@code google:*}, {@code admin} or
 * {@code *} (all of them). Only SHA-256 digests of the tokens are kept; a lookup compares the digest of the
 * presented token with every stored one in constant time. Neither {@link #toString()} nor an error message shows a
 * token.
 */
public final class AccessTokens {
    /** The shortest token accepted. */
    public static final int MIN_TOKEN_LENGTH = 16;
    /** What a scope may be, as error messages list it. */
    public static final String SCOPES =
            "pulumi:<org>, pulumi:*, google:organizations/<id>, google:*, admin or *";

    private static final AccessTokens NONE = new AccessTokens(List.of());
    private static final Pattern PULUMI_ORGANIZATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern GOOGLE_ORGANIZATION = Pattern.compile("organizations/[1-9][0-9]{0,18}");
    private static final Pattern WHITESPACE = Pattern.compile("[ \\t]+");

    /** One token: its digest (hex), its grant and where it was given, e.g. {@code tokens.txt line 3}. */
    private record Entry(String digest, AccessGrant grant, String origin) {
    }

    private final List<Entry> entries;

    private AccessTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** No tokens: every request is allowed. */
    public static AccessTokens none() {
        return NONE;
    }

    /**
     * Parses tokens from {@code text}; {@code source} names where it came from in error messages (e.g. the file
     * name). A short or malformed token, a duplicate token, a missing or unknown scope is an
     * {@link IllegalArgumentException} naming the line, never the token.
     */
    public static AccessTokens parse(String source, String text) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String[] parts = lines[n].split(";", -1);
            for (int k = 0; k < parts.length; k++) {
                String part = parts[k].strip();
                if (part.startsWith("#")) {
                    break;
                }
                if (part.isEmpty()) {
                    continue;
                }
                String origin = source + " line " + (n + 1) + (parts.length > 1 ? " grant " + (k + 1) : "");
                entries.add(entry(part, origin));
            }
        }
        return NONE.merge(new AccessTokens(entries));
    }

    /** These tokens and {@code other}'s; a token given in both is an {@link IllegalArgumentException}. */
    public AccessTokens merge(AccessTokens other) {
        Map<String, Entry> byDigest = new LinkedHashMap<>();
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(other.entries);
        for (Entry entry : all) {
            Entry earlier = byDigest.putIfAbsent(entry.digest(), entry);
            if (earlier != null) {
                throw new IllegalArgumentException(entry.origin() + ": this token is already given on "
                        + earlier.origin());
            }
        }
        return new AccessTokens(all);
    }

    /** True when no token is configured. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** How many tokens there are. */
    public int size() {
        return entries.size();
    }

    /** The grant of {@code token}, or empty when it is not one of these; the time taken does not depend on which. */
    public Optional<AccessGrant> grantOf(String token) {
        byte[] presented = digest(token).getBytes(StandardCharsets.US_ASCII);
        AccessGrant found = null;
        for (Entry entry : entries) {
            // every entry is compared, so the time taken says nothing about where (or whether) it matched
            if (MessageDigest.isEqual(presented, entry.digest().getBytes(StandardCharsets.US_ASCII))) {
                found = entry.grant();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Equal when the same tokens have the same grants. */
    @Override
    public boolean equals(Object other) {
        return other instanceof AccessTokens tokens && grantsByDigest().equals(tokens.grantsByDigest());
    }

    @Override
    public int hashCode() {
        return grantsByDigest().hashCode();
    }

    /** The number of tokens only. */
    @Override
    public String toString() {
        return "AccessTokens[" + entries.size() + (entries.size() == 1 ? " token]" : " tokens]");
    }

    private Map<String, AccessGrant> grantsByDigest() {
        Map<String, AccessGrant> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.digest(), e.grant()));
        return map;
    }

    private static Entry entry(String part, String origin) {
        String[] words = WHITESPACE.split(part);
        String token = words[0];
        if (token.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException(origin + ": a token must be at least " + MIN_TOKEN_LENGTH
                    + " characters long");
        }
        if (!token.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new IllegalArgumentException(origin + ": a token may hold printable ASCII characters only, without"
                    + " spaces or ';'");
        }
        if (words.length == 1) {
            throw new IllegalArgumentException(origin + ": the token has no scope; give one or more of " + SCOPES);
        }
        Set<String> pulumi = new HashSet<>();
        Set<String> google = new HashSet<>();
        boolean allPulumi = false;
        boolean allGoogle = false;
        boolean admin = false;
        for (int i = 1; i < words.length; i++) {
            String scope = words[i];
            if (scope.equals("*")) {
                allPulumi = true;
                allGoogle = true;
                admin = true;
            } else if (scope.equals("admin")) {
                admin = true;
            } else if (scope.equals("pulumi:*")) {
                allPulumi = true;
            } else if (scope.equals("google:*")) {
                allGoogle = true;
            } else if (scope.startsWith("pulumi:") && PULUMI_ORGANIZATION.matcher(scope.substring(7)).matches()) {
                pulumi.add(scope.substring(7));
            } else if (scope.startsWith("google:") && GOOGLE_ORGANIZATION.matcher(scope.substring(7)).matches()) {
                google.add(scope.substring(7));
            } else {
                // the word is not echoed: a token written in the wrong place must not reach a log
                throw new IllegalArgumentException(origin + ": scope " + i + " is not valid; a scope is one of "
                        + SCOPES);
            }
        }
        return new Entry(digest(token), new AccessGrant(pulumi, allPulumi, google, allGoogle, admin), origin);
    }

    private static String digest(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
