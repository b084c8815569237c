package dev.policyhub.http;

import java.util.Objects;

/**
 * How the HTTP server listens: bind address, port (0 = any free port) and whether the emulator control endpoints
 * under {@code /admin/v1/} are served.
 */
public record ServerOptions(String bindAddress, int port, boolean adminEnabled) {
    /** Default bind address: loopback only. */
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** Default port. */
    public static final int DEFAULT_PORT = 8080;

    public ServerOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
    }

    /** Loopback, a free port, admin endpoints on: what tests and embedders usually want. */
    public static ServerOptions ephemeral() {
        return new ServerOptions(DEFAULT_BIND, 0, true);
    }
}
