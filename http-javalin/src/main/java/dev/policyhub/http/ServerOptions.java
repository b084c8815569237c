package dev.policyhub.http;

import dev.policyhub.core.access.AccessTokens;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP server listens and answers: bind address, port (0 = any free port), whether the emulator control
 * endpoints under {@code /admin/v1/} are served, the access tokens every API and control route then requires (none =
 * no authentication), whether a non-loopback bind address may go without tokens ({@code insecure}) and the public
 * base URL of links the server hands out (pack upload and download URLs; empty = the scheme and {@code Host} of each
 * request). {@link #toString()} never shows a token.
 */
public record ServerOptions(String bindAddress, int port, boolean adminEnabled, AccessTokens tokens, boolean insecure,
                            Optional<String> publicBaseUrl) {
    /** Default bind address: loopback only. */
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** Default port. */
    public static final int DEFAULT_PORT = 8080;

    public ServerOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        Objects.requireNonNull(tokens, "tokens");
        publicBaseUrl = publicBaseUrl.filter(u -> !u.isEmpty()).map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
    }

    /** Listens on {@code bindAddress:port}; no tokens, links follow each request's {@code Host}. */
    public ServerOptions(String bindAddress, int port, boolean adminEnabled) {
        this(bindAddress, port, adminEnabled, AccessTokens.none(), false, Optional.empty());
    }

    /** The same options, with every API and control route requiring one of {@code tokens}. */
    public ServerOptions withTokens(AccessTokens value) {
        return new ServerOptions(bindAddress, port, adminEnabled, value, insecure, publicBaseUrl);
    }

    /** The same options, allowing (or not) a non-loopback bind address without tokens. */
    public ServerOptions withInsecure(boolean value) {
        return new ServerOptions(bindAddress, port, adminEnabled, tokens, value, publicBaseUrl);
    }

    /** The same options, with links starting with {@code baseUrl} (e.g. {@code https://policyhub.example.com}). */
    public ServerOptions withPublicBaseUrl(String baseUrl) {
        return new ServerOptions(bindAddress, port, adminEnabled, tokens, insecure, Optional.of(baseUrl));
    }

    /** Loopback, a free port, admin endpoints on: what tests and embedders usually want. */
    public static ServerOptions ephemeral() {
        return new ServerOptions(DEFAULT_BIND, 0, true);
    }
}
