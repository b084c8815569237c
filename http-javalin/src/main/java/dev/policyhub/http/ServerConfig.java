package dev.policyhub.http;

import dev.policyhub.core.access.AccessTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The standalone server's settings, read from flags and environment variables (a flag wins over its variable):
 * {@code --port N} ({@code POLICYHUB_PORT}), {@code --bind ADDR} ({@code POLICYHUB_BIND}),
 * {@code --storage sqlite|memory|postgres} ({@code POLICYHUB_STORAGE}), {@code --db PATH} ({@code POLICYHUB_DB}),
 * {@code --db-url URL} ({@code POLICYHUB_DB_URL}, with {@code POLICYHUB_DB_USER} and {@code POLICYHUB_DB_PASSWORD}
 * read from the environment only), {@code --seed FILE} ({@code POLICYHUB_SEED}), {@code --no-admin}
 * ({@code POLICYHUB_ADMIN=off}), {@code --tokens FILE} ({@code POLICYHUB_TOKENS_FILE}, and inline tokens from
 * {@code POLICYHUB_TOKENS} only, never a flag: both may be given), {@code --insecure} ({@code POLICYHUB_INSECURE=on})
 * and {@code --help}. {@link #toString()} never shows the database password nor a token.
 */
public record ServerConfig(int port, String bindAddress, String storage, Path database, Optional<Postgres> postgres,
                           Optional<Path> seed, boolean adminEnabled, AccessTokens tokens, boolean insecure,
                           boolean help) {
    /** Default database file, in the working directory. */
    public static final String DEFAULT_DATABASE = "policyhub.db";
    /** The storage backends the server can open. */
    public static final List<String> STORAGES = List.of("sqlite", "memory", "postgres");
    /** What every PostgreSQL URL starts with. */
    public static final String POSTGRES_URL_PREFIX = "jdbc:postgresql:";
    /** The largest tokens file read. */
    public static final long MAX_TOKENS_FILE_BYTES = 1024 * 1024;

    /** The usage text printed by {@code --help}. */
    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar policyhub-server.jar [options]",
            "",
            "Serves Google Organization Policy v2, Resource Manager v3 (subset) and Pulumi Cloud policy groups on one port.",
            "",
            "Options (each also read from the environment variable shown; a flag wins):",
            "  --port N                 port to listen on, 0 = any free port (POLICYHUB_PORT, default 8080)",
            "  --bind ADDR              address to bind (POLICYHUB_BIND, default 127.0.0.1)",
            "  --storage sqlite|memory|postgres",
            "                           where data lives (POLICYHUB_STORAGE, default sqlite)",
            "  --db PATH                SQLite database file (POLICYHUB_DB, default policyhub.db)",
            "  --db-url URL             PostgreSQL JDBC URL for --storage postgres (POLICYHUB_DB_URL),",
            "                           e.g. jdbc:postgresql://localhost:5432/policyhub; the user and password",
            "                           are read from POLICYHUB_DB_USER and POLICYHUB_DB_PASSWORD only",
            "  --seed FILE              JSON seed file loaded at start-up (POLICYHUB_SEED)",
            "  --no-admin               do not serve /admin/v1/ (POLICYHUB_ADMIN=off)",
            "  --tokens FILE            access tokens, one '<token> <scope> ...' per line (POLICYHUB_TOKENS_FILE);",
            "                           POLICYHUB_TOKENS holds more, ';'-separated (environment only); scopes:",
            "                           pulumi:<org>, pulumi:*, google:organizations/<id>, google:*, admin, *",
            "  --insecure               allow a non-loopback --bind without tokens (POLICYHUB_INSECURE=on)",
            "  --help                   print this text and exit");

    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(postgres, "postgres");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(tokens, "tokens");
    }

    /** Reads flags and environment; a bad flag or value throws {@link IllegalArgumentException} saying which. */
    public static ServerConfig parse(String[] args, Map<String, String> env) {
        String port = env.get("POLICYHUB_PORT");
        String bind = env.get("POLICYHUB_BIND");
        String storage = env.get("POLICYHUB_STORAGE");
        String db = env.get("POLICYHUB_DB");
        String dbUrl = env.get("POLICYHUB_DB_URL");
        boolean dbUrlFlag = false;
        String seed = env.get("POLICYHUB_SEED");
        String admin = env.get("POLICYHUB_ADMIN");
        String tokensFile = env.get("POLICYHUB_TOKENS_FILE");
        String insecure = env.get("POLICYHUB_INSECURE");
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
                case "--insecure":
                    insecure = "on";
                    break;
                case "--port":
                case "--bind":
                case "--storage":
                case "--db":
                case "--db-url":
                case "--seed":
                case "--tokens":
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
                    } else if (flag.equals("--db-url")) {
                        dbUrl = value;
                        dbUrlFlag = true;
                    } else if (flag.equals("--tokens")) {
                        tokensFile = value;
                    } else {
                        seed = value;
                    }
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        String chosen = storage(storage);
        return new ServerConfig(port(port), orDefault(bind, ServerOptions.DEFAULT_BIND), chosen,
                Path.of(orDefault(db, DEFAULT_DATABASE)), postgres(chosen, dbUrl, dbUrlFlag, env),
                blank(seed) ? Optional.empty() : Optional.of(Path.of(seed)), admin(admin),
                tokens(tokensFile, env.get("POLICYHUB_TOKENS")), onOff("POLICYHUB_INSECURE", insecure, false), help);
    }

    /** How the storage is named in the start-up line: its kind and where it is, never a password. */
    public String describeStorage() {
        if (storage.equals("memory")) {
            return "memory";
        }
        return postgres.map(p -> storage + " " + p.describe()).orElse(storage + " " + database);
    }

    /** Masks the database password and shows how many tokens there are, never one. */
    @Override
    public String toString() {
        return "ServerConfig[port=" + port + ", bindAddress=" + bindAddress + ", storage=" + storage + ", database="
                + database + ", postgres=" + postgres + ", seed=" + seed + ", adminEnabled=" + adminEnabled
                + ", tokens=" + tokens + ", insecure=" + insecure + ", help=" + help + "]";
    }

    /** The listening options this configuration asks for. */
    public ServerOptions serverOptions() {
        return new ServerOptions(bindAddress, port, adminEnabled).withTokens(tokens).withInsecure(insecure);
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

    /**
     * The PostgreSQL connection for {@code --storage postgres}: its URL is required then; a URL given by flag for
     * another storage is refused as a mistake, one from the environment is left unused.
     */
    private static Optional<Postgres> postgres(String storage, String url, boolean urlFlag, Map<String, String> env) {
        if (!storage.equals("postgres")) {
            if (urlFlag) {
                throw new IllegalArgumentException("--db-url is for --storage postgres, not " + storage);
            }
            return Optional.empty();
        }
        if (blank(url)) {
            throw new IllegalArgumentException("--storage postgres needs --db-url (or POLICYHUB_DB_URL), e.g. "
                    + "jdbc:postgresql://localhost:5432/policyhub");
        }
        if (!url.trim().startsWith(POSTGRES_URL_PREFIX)) {
            throw new IllegalArgumentException("--db-url must start with " + POSTGRES_URL_PREFIX + ", was '"
                    + Postgres.withoutPassword(url) + "'");
        }
        return Optional.of(new Postgres(url.trim(), orDefault(env.get("POLICYHUB_DB_USER"), ""),
                orDefault(env.get("POLICYHUB_DB_PASSWORD"), "")));
    }

    /**
     * The tokens of the file and of the inline text, merged (a token in both is refused). A file or text that is
     * given but holds no token is refused too: it would leave the server open while meaning to close it.
     */
    private static AccessTokens tokens(String file, String inline) {
        AccessTokens tokens = AccessTokens.none();
        if (!blank(file)) {
            String source = "tokens file " + file;
            tokens = tokens.merge(nonEmpty(AccessTokens.parse(source, readTokens(Path.of(file))), source));
        }
        if (!blank(inline)) {
            tokens = tokens.merge(nonEmpty(AccessTokens.parse("POLICYHUB_TOKENS", inline), "POLICYHUB_TOKENS"));
        }
        return tokens;
    }

    private static AccessTokens nonEmpty(AccessTokens tokens, String source) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no token");
        }
        return tokens;
    }

    private static String readTokens(Path file) {
        try {
            if (Files.size(file) > MAX_TOKENS_FILE_BYTES) {
                throw new IllegalArgumentException("tokens file " + file + " is larger than 1 MiB");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the exception's message names the file, never its content
            throw new IllegalArgumentException("cannot read tokens file " + file + ": " + e.getClass().getSimpleName()
                    + " " + e.getMessage());
        }
    }

    private static boolean admin(String value) {
        return onOff("POLICYHUB_ADMIN", value, true);
    }

    private static boolean onOff(String variable, String value, boolean fallback) {
        if (blank(value)) {
            return fallback;
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
                throw new IllegalArgumentException(variable + " must be on or off, was '" + value + "'");
        }
    }

    private static String orDefault(String value, String fallback) {
        return blank(value) ? fallback : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * A PostgreSQL database to connect to: its JDBC URL and the user and password from the environment (either may be
     * empty). {@link #toString()} and {@link #describe()} never show the password, nor one given in the URL.
     */
    public record Postgres(String url, String user, String password) {
        private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&]*");

        public Postgres {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        /** The settings of the {@code postgres} storage provider; user and password only when given. */
        public Map<String, String> settings() {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("url", url);
            if (!user.isEmpty()) {
                settings.put("user", user);
            }
            if (!password.isEmpty()) {
                settings.put("password", password);
            }
            return settings;
        }

        /** The URL (a password in it masked) and the user. */
        public String describe() {
            return withoutPassword(url) + (user.isEmpty() ? "" : " as " + user);
        }

        /** Masks the password. */
        @Override
        public String toString() {
            return "Postgres[url=" + withoutPassword(url) + ", user=" + user + ", password="
                    + (password.isEmpty() ? "" : "***") + "]";
        }

        static String withoutPassword(String url) {
            return PASSWORD_IN_URL.matcher(url).replaceAll("$1***");
        }
    }
}
