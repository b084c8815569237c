package dev.policyhub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.access.AccessTokens;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    @Test
    @DisplayName("defaults: 127.0.0.1:8080, sqlite in policyhub.db, no seed, admin on")
    void defaults() {
        ServerConfig config = ServerConfig.parse(new String[0], Map.of());

        assertEquals(new ServerConfig(8080, "127.0.0.1", "sqlite", Path.of("policyhub.db"), Optional.empty(),
                Optional.empty(), true, AccessTokens.none(), false, false), config);
    }

    @Test
    @DisplayName("every setting is read from its environment variable")
    void environment() {
        ServerConfig config = ServerConfig.parse(new String[0], Map.of("POLICYHUB_PORT", "9090",
                "POLICYHUB_BIND", "0.0.0.0", "POLICYHUB_STORAGE", "memory", "POLICYHUB_DB", "/tmp/x.db",
                "POLICYHUB_SEED", "seed.json", "POLICYHUB_ADMIN", "off"));

        assertEquals(new ServerConfig(9090, "0.0.0.0", "memory", Path.of("/tmp/x.db"), Optional.empty(),
                Optional.of(Path.of("seed.json")), false, AccessTokens.none(), false, false), config);
    }

    @Test
    @DisplayName("a flag wins over its environment variable; --flag=value works too")
    void flagsWin() {
        ServerConfig config = ServerConfig.parse(new String[] {"--port", "7070", "--bind=::1", "--storage", "sqlite",
            "--db", "a.db", "--seed", "s.json", "--no-admin"}, Map.of("POLICYHUB_PORT", "9090",
                "POLICYHUB_BIND", "0.0.0.0", "POLICYHUB_STORAGE", "memory", "POLICYHUB_DB", "/tmp/x.db",
                "POLICYHUB_SEED", "other.json", "POLICYHUB_ADMIN", "on"));

        assertEquals(new ServerConfig(7070, "::1", "sqlite", Path.of("a.db"), Optional.empty(),
                Optional.of(Path.of("s.json")), false, AccessTokens.none(), false, false), config);
        assertEquals(new ServerOptions("::1", 7070, false), config.serverOptions());
    }

    @Test
    @DisplayName("--help is recognised and the usage text names every flag")
    void help() {
        assertTrue(ServerConfig.parse(new String[] {"--help"}, Map.of()).help());
        for (String flag : new String[] {"--port N", "--bind ADDR", "--storage sqlite|memory|postgres", "--db PATH",
            "--db-url URL", "--seed FILE", "--help", "POLICYHUB_PORT", "POLICYHUB_BIND", "POLICYHUB_STORAGE",
            "POLICYHUB_DB", "POLICYHUB_DB_URL", "POLICYHUB_DB_USER", "POLICYHUB_DB_PASSWORD", "POLICYHUB_SEED"}) {
            assertTrue(ServerConfig.USAGE.contains(flag), flag);
        }
    }

    @Test
    @DisplayName("bad values and unknown flags are refused with a message naming them")
    void badValues() {
        assertEquals("port must be a number from 0 to 65535, was '70000'", assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--port", "70000"}, Map.of())).getMessage());
        assertEquals("storage must be one of [sqlite, memory, postgres], was 'mongo'", assertThrows(
                IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[0], Map.of("POLICYHUB_STORAGE", "mongo"))).getMessage());
        assertEquals("unknown option --verbose", assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--verbose"}, Map.of())).getMessage());
        assertEquals("--db needs a value", assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--db"}, Map.of())).getMessage());
        assertFalse(ServerConfig.parse(new String[] {"--storage", "MEMORY"}, Map.of()).storage().isEmpty());
    }

    @Test
    @DisplayName("--storage postgres takes --db-url (or POLICYHUB_DB_URL) and the user and password from the"
            + " environment")
    void postgres() {
        Map<String, String> env = Map.of("POLICYHUB_DB_URL", "jdbc:postgresql://db:5432/env",
                "POLICYHUB_DB_USER", "hub", "POLICYHUB_DB_PASSWORD", "s3cret");

        ServerConfig fromEnv = ServerConfig.parse(new String[] {"--storage", "postgres"}, env);
        ServerConfig fromFlag = ServerConfig.parse(new String[] {"--storage", "postgres", "--db-url",
            "jdbc:postgresql://localhost:5432/policyhub"}, env);

        assertEquals(Optional.of(new ServerConfig.Postgres("jdbc:postgresql://db:5432/env", "hub", "s3cret")),
                fromEnv.postgres());
        assertEquals(Optional.of(new ServerConfig.Postgres("jdbc:postgresql://localhost:5432/policyhub", "hub",
                "s3cret")), fromFlag.postgres());
        assertEquals(Map.of("url", "jdbc:postgresql://localhost:5432/policyhub", "user", "hub", "password",
                "s3cret"), fromFlag.postgres().orElseThrow().settings());
        assertEquals(Map.of("url", "jdbc:postgresql://localhost/x"), ServerConfig.parse(new String[] {"--storage",
            "postgres", "--db-url", "jdbc:postgresql://localhost/x"}, Map.of()).postgres().orElseThrow().settings());
        assertEquals(Optional.empty(), ServerConfig.parse(new String[] {"--storage", "memory"}, env).postgres(),
                "a URL in the environment is left unused by other storages");
    }

    @Test
    @DisplayName("the password is never shown: not by toString, nor in the start-up description")
    void postgresPasswordIsNeverShown() {
        ServerConfig config = ServerConfig.parse(new String[] {"--storage", "postgres", "--db-url",
            "jdbc:postgresql://db:5432/policyhub?password=in-url"}, Map.of("POLICYHUB_DB_USER", "hub",
                "POLICYHUB_DB_PASSWORD", "s3cret"));

        for (String shown : new String[] {config.toString(), config.describeStorage()}) {
            assertFalse(shown.contains("s3cret"), shown);
            assertFalse(shown.contains("in-url"), shown);
        }
        assertEquals("postgres jdbc:postgresql://db:5432/policyhub?password=*** as hub", config.describeStorage());
        assertEquals("sqlite policyhub.db", ServerConfig.parse(new String[0], Map.of()).describeStorage());
    }

    @Test
    @DisplayName("--storage postgres without a URL, a URL of another database, or --db-url for another storage fail")
    void postgresErrors() {
        assertEquals("--storage postgres needs --db-url (or POLICYHUB_DB_URL), e.g."
                + " jdbc:postgresql://localhost:5432/policyhub", assertThrows(IllegalArgumentException.class,
                    () -> ServerConfig.parse(new String[] {"--storage", "postgres"}, Map.of())).getMessage());
        assertEquals("--db-url must start with jdbc:postgresql:, was 'jdbc:mysql://db/x'",
                assertThrows(IllegalArgumentException.class, () -> ServerConfig.parse(
                        new String[] {"--storage", "postgres", "--db-url", "jdbc:mysql://db/x"}, Map.of()))
                        .getMessage());
        assertEquals("--db-url is for --storage postgres, not sqlite", assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--db-url", "jdbc:postgresql://db/x"}, Map.of())).getMessage());
        assertEquals("--db-url needs a value", assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--storage", "postgres", "--db-url"}, Map.of())).getMessage());
    }
}
