package dev.policyhub.http;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The standalone server's settings, read from flags and environment variables (a flag wins over its variable):
 * {@code --port N} ({@code POLICYHUB_PORT}), {@code --bind ADDR} ({@code POLICYHUB_BIND}),
 * {@code --storage sqlite|memory} ({@code POLICYHUB_STORAGE}), {@code --db PATH} ({@code POLICYHUB_DB}),
 * {@code --seed FILE} ({@code POLICYHUB_SEED}), {@code --no-admin} ({@code POLICYHUB_ADMIN=off}) and {@code --help}.
 */
public record ServerConfig(int port, String bindAddress, String storage, Path database, Optional<Path> seed,
                           boolean adminEnabled, boolean help) {
    /** Default database file, in the working directory. */
    public static final String DEFAULT_DATABASE = "policyhub.db";
    /** The storage backends the server can open. */
    public static final List<String> STORAGES = List.of("sqlite", "memory");

    /** The usage text printed by {@code --help}. */
    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar policyhub-server.jar [options]",
            "",
            "Serves Google Organization Policy v2, Resource Manager v3 (subset) and Pulumi Cloud policy groups on one port.",
            "",
            "Options (each also read from the environment variable shown; a flag wins):",
            "  --port N                 port to listen on, 0 = any free port (POLICYHUB_PORT, default 8080)",
            "  --bind ADDR              address to bind (POLICYHUB_BIND, default 127.0.0.1)",
            "  --storage sqlite|memory  where data lives (POLICYHUB_STORAGE, default sqlite)",
            "  --db PATH                SQLite database file (POLICYHUB_DB, default policyhub.db)",
            "  --seed FILE              JSON seed file loaded at start-up (POLICYHUB_SEED)",
            "  --no-admin               do not serve /admin/v1/ (POLICYHUB_ADMIN=off)",
            "  --help                   print this text and exit");

    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(seed, "seed");
    }

    /** Reads flags and environment; a bad flag or value throws {@link IllegalArgumentException} saying which. */
    public static ServerConfig parse(String[] args, Map<String, String> env) {
        String port = env.get("POLICYHUB_PORT");
        String bind = env.get("POLICYHUB_BIND");
        String storage = env.get("POLICYHUB_STORAGE");
        String db = env.get("POLICYHUB_DB");
        String seed = env.get("POLICYHUB_SEED");
        String admin = env.get("POLICYHUB_ADMIN");
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (flag) {
                case "--help":
                case "-h":
                    help = true;
                    break;
                case "--no-admin":
                    admin = "off";
                    break;
                case "--port":
                case "--bind":
                case "--storage":
                case "--db":
                case "--seed":
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(flag + " needs a value");
                        }
                        value = args[++i];
                    }
                    if (flag.equals("--port")) {
                        port = value;
                    } else if (flag.equals("--bind")) {
                        bind = value;
                    } else if (flag.equals("--storage")) {
                        storage = value;
                    } else if (flag.equals("--db")) {
                        db = value;
                    } else {
                        seed = value;
                    }
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new ServerConfig(port(port), orDefault(bind, ServerOptions.DEFAULT_BIND), storage(storage),
                Path.of(orDefault(db, DEFAULT_DATABASE)), blank(seed) ? Optional.empty() : Optional.of(Path.of(seed)),
                admin(admin), help);
    }

    /** The listening options this configuration asks for. */
    public ServerOptions serverOptions() {
        return new ServerOptions(bindAddress, port, adminEnabled);
    }

    private static int port(String value) {
        if (blank(value)) {
            return ServerOptions.DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("port must be a number from 0 to 65535, was '" + value + "'");
    }

    private static String storage(String value) {
        String storage = orDefault(value, "sqlite").trim().toLowerCase(Locale.ROOT);
        if (!STORAGES.contains(storage)) {
            throw new IllegalArgumentException("storage must be one of " + STORAGES + ", was '" + value + "'");
        }
        return storage;
    }

    private static boolean admin(String value) {
        if (blank(value)) {
            return true;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on":
            case "true":
            case "1":
                return true;
            case "off":
            case "false":
            case "0":
                return false;
            default:
                throw new IllegalArgumentException("POLICYHUB_ADMIN must be on or off, was '" + value + "'");
        }
    }

    private static String orDefault(String value, String fallback) {
        return blank(value) ? fallback : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
