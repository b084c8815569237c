package dev.policyhub.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * A server reachable from other machines must not serve everyone everything by accident: a bind address that is not
 * loopback needs access tokens, or an explicit {@code insecure} choice.
 */
final class BindRule {
    private BindRule() {
    }

    /** Why the options may not be served, if they may not. */
    static Optional<String> refusal(ServerOptions options) {
        if (!options.tokens().isEmpty() || options.insecure() || isLoopback(options.bindAddress())) {
            return Optional.empty();
        }
        return Optional.of("refusing to listen on " + options.bindAddress() + " without access tokens: it is not a"
                + " loopback address, so anyone who can reach it could read and change every resource. Configure"
                + " tokens (--tokens FILE or POLICYHUB_TOKENS) or pass --insecure to serve without authentication.");
    }

    /** True when serving the options exposes an unauthenticated API beyond this machine. */
    static boolean exposed(ServerOptions options) {
        return options.tokens().isEmpty() && !isLoopback(options.bindAddress());
    }

    /** True when the address (a name is resolved) is a loopback address; the wildcard addresses are not. */
    static boolean isLoopback(String address) {
        if (address.isBlank()) {
            return false;
        }
        try {
            InetAddress[] all = InetAddress.getAllByName(address);
            for (InetAddress one : all) {
                if (!one.isLoopbackAddress()) {
                    return false;
                }
            }
            return all.length > 0;
        } catch (UnknownHostException e) {
            // an address that does not resolve cannot be shown to be loopback
            return false;
        }
    }
}
