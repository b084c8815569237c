package dev.policyhub.http;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.spi.Storage;
import dev.policyhub.http.admin.SeedFile;
import dev.policyhub.http.admin.SeedLoader;
import dev.policyhub.http.wire.ApiError;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/** The standalone server: {@code java -jar policyhub-server.jar [--port N] [--bind ADDR] [--storage …] …}. */
public final class Main {
    private Main() {
    }

    /** Starts the server and keeps it running until the process is stopped (SIGTERM shuts it down cleanly). */
    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Starts a server as {@link #main} does; returns a non-zero exit status on bad options or a failed start: 2 for
     * options that cannot be served (a non-loopback address without tokens or {@code --insecure}), before any store
     * is opened.
     */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        ServerConfig config;
        try {
            config = ServerConfig.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("policyhub: " + e.getMessage());
            err.println(ServerConfig.USAGE);
            return 2;
        }
        if (config.help()) {
            out.println(ServerConfig.USAGE);
            return 0;
        }
        ServerOptions options = config.serverOptions();
        Optional<String> refusal = BindRule.refusal(options);
        if (refusal.isPresent()) {
            err.println("policyhub: " + refusal.get());
            return 2;
        }
        if (BindRule.exposed(options)) {
            err.println("policyhub: warning: --insecure: serving " + options.bindAddress() + " without"
                    + " authentication; anyone who can reach it can read and change every resource");
        }
        PolicyHub hub;
        try {
            hub = PolicyHub.builder().storage(openStorage(config)).build();
        } catch (RuntimeException e) {
            err.println("policyhub: cannot open the " + config.storage() + " store: " + withoutPassword(config,
                    String.valueOf(e.getMessage())));
            return 1;
        }
        try {
            if (config.seed().isPresent()) {
                SeedLoader.load(hub, SeedFile.read(config.seed().get()));
            }
        } catch (IOException e) {
            err.println("policyhub: cannot read seed file " + config.seed().get() + ": " + e.getMessage());
            hub.close();
            return 1;
        } catch (PolicyHubException | ApiError | IllegalArgumentException e) {
            err.println("policyhub: seed file " + config.seed().get() + " refused: " + e.getMessage());
            hub.close();
            return 1;
        }
        PolicyHubServer server;
        try {
            server = PolicyHubServer.start(hub, options);
        } catch (RuntimeException e) {
            err.println("policyhub: cannot listen on " + config.bindAddress() + ":" + config.port() + ": "
                    + e.getMessage());
            hub.close();
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            hub.close();
        }, "policyhub-shutdown"));
        out.println("PolicyHub serving " + server.url() + " (storage: " + config.describeStorage() + ")");
        out.flush();
        return 0;
    }

    /** The message with the database password masked, should a driver ever repeat it. */
    private static String withoutPassword(ServerConfig config, String message) {
        String password = config.postgres().map(ServerConfig.Postgres::password).orElse("");
        return password.isEmpty() ? message : message.replace(password, "***");
    }

    private static Storage openStorage(ServerConfig config) {
        if (config.storage().equals("memory")) {
            return PolicyHub.openStorage("memory", Map.of());
        }
        if (config.postgres().isPresent()) {
            return PolicyHub.openStorage("postgres", config.postgres().get().settings());
        }
        return PolicyHub.openStorage(config.storage(), Map.of("path", config.database().toString()));
    }
}
