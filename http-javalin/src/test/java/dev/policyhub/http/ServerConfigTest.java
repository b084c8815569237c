package dev.policyhub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

        assertEquals(new ServerConfig(8080, "127.0.0.1", "sqlite", Path.of("policyhub.db"), Optional.empty(), true,
                false), config);
    }

    @Test
    @DisplayName("every setting is read from its environment variable")
    void environment() {
        ServerConfig config = ServerConfig.parse(new String[0], Map.of("POLICYHUB_PORT", "9090",
                "POLICYHUB_BIND", "0.0.0.0", "POLICYHUB_STORAGE", "memory", "POLICYHUB_DB", "/tmp/x.db",
                "POLICYHUB_SEED", "seed.json", "POLICYHUB_ADMIN", "off"));

        assertEquals(new ServerConfig(9090, "0.0.0.0", "memory", Path.of("/tmp/x.db"),
                Optional.of(Path.of("seed.json")), false, false), config);
    }

    @Test
    @DisplayName("a flag wins over its environment variable; --flag=value works too")
    void flagsWin() {
        ServerConfig config = ServerConfig.parse(new String[] {"--port", "7070", "--bind=::1", "--storage", "sqlite",
            "--db", "a.db", "--seed", "s.json", "--no-admin"}, Map.of("POLICYHUB_PORT", "9090",
                "POLICYHUB_BIND", "0.0.0.0", "POLICYHUB_STORAGE", "memory", "POLICYHUB_DB", "/tmp/x.db",
                "POLICYHUB_SEED", "other.json", "POLICYHUB_ADMIN", "on"));

        assertEquals(new ServerConfig(7070, "::1", "sqlite", Path.of("a.db"), Optional.of(Path.of("s.json")), false,
                false), config);
        assertEquals(new ServerOptions("::1", 7070, false), config.serverOptions());
    }

    @Test
    @DisplayName("--help is recognised and the usage text names every flag")
    void help() {
        assertTrue(ServerConfig.parse(new String[] {"--help"}, Map.of()).help());
        for (String flag : new String[] {"--port N", "--bind ADDR", "--storage sqlite|memory", "--db PATH",
            "--seed FILE", "--help", "POLICYHUB_PORT", "POLICYHUB_BIND", "POLICYHUB_STORAGE", "POLICYHUB_DB",
            "POLICYHUB_SEED"}) {
            assertTrue(ServerConfig.USAGE.contains(flag), flag);
        }
    }

    @Test
    @DisplayName("bad values and unknown flags are refused with a message naming them")
    void badValues() {
        assertEquals("port must be a number from 0 to 65535, was '70000'", assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--port", "70000"}, Map.of())).getMessage());
        assertEquals("storage must be one of [sqlite, memory], was 'mongo'", assertThrows(
                IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[0], Map.of("POLICYHUB_STORAGE", "mongo"))).getMessage());
        assertEquals("unknown option --verbose", assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--verbose"}, Map.of())).getMessage());
        assertEquals("--db needs a value", assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--db"}, Map.of())).getMessage());
        assertFalse(ServerConfig.parse(new String[] {"--storage", "MEMORY"}, Map.of()).storage().isEmpty());
    }
}
