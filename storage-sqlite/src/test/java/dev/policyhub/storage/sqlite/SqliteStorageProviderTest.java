package dev.policyhub.storage.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.spi.Storage;
import dev.policyhub.core.spi.StorageProvider;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How users find and configure the SQLite store. */
class SqliteStorageProviderTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("ServiceLoader finds exactly one provider named sqlite, and it opens a SQLite store at the path")
    void serviceLoaderFindsSqliteProvider() {
        List<StorageProvider> sqlite = ServiceLoader.load(StorageProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(provider -> provider.name().equals("sqlite"))
                .toList();

        assertEquals(1, sqlite.size());
        assertInstanceOf(SqliteStorageProvider.class, sqlite.get(0));
        Path file = dir.resolve("hub.db");
        try (Storage storage = sqlite.get(0).open(Map.of("path", file.toString()))) {
            assertInstanceOf(SqliteStorage.class, storage);
        }
        assertTrue(Files.isRegularFile(file), "the database file was created");
    }

    @Test
    @DisplayName("a hub built with storage(\"sqlite\", settings) keeps its data in the file across hubs")
    void hubOpensTheStoreByName() {
        Map<String, String> settings = Map.of("path", dir.resolve("hub.db").toString());
        try (PolicyHub hub = PolicyHub.builder().storage("sqlite", settings).build()) {
            hub.hierarchy().createOrganization(123L, "example.com", "");
        }

        try (PolicyHub hub = PolicyHub.builder().storage("sqlite", settings).build()) {
            assertEquals("example.com", hub.hierarchy().getOrganization("organizations/123").displayName());
        }
    }

    @Test
    @DisplayName("without a path, opening fails with a message naming the setting")
    void pathIsRequired() {
        IllegalArgumentException missing =
                assertThrows(IllegalArgumentException.class, () -> new SqliteStorageProvider().open(Map.of()));
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> new SqliteStorageProvider().open(Map.of("path", " ")));

        assertTrue(missing.getMessage().contains("'path'"), missing.getMessage());
        assertEquals(missing.getMessage(), blank.getMessage());
    }

    @Test
    @DisplayName("an unknown setting or a setting that is not a whole number is refused by name")
    void badSettingsAreRefused() {
        String path = dir.resolve("hub.db").toString();

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> SqliteStorageProvider.settings(Map.of("path", path, "busyTimeout", "5")));
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> SqliteStorageProvider.settings(Map.of("path", path, "readConnections", "four")));
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> SqliteStorageProvider.settings(Map.of("path", path, "readConnections", "0")));

        assertTrue(unknown.getMessage().contains("'busyTimeout'"), unknown.getMessage());
        assertTrue(notANumber.getMessage().contains("'readConnections'"), notANumber.getMessage());
        assertTrue(tooFew.getMessage().contains("readConnections"), tooFew.getMessage());
    }

    @Test
    @DisplayName("busyTimeoutMillis and readConnections are read from the settings, with defaults of 5 s and 4")
    void optionalSettings() {
        String path = dir.resolve("hub.db").toString();

        assertEquals(SqliteSettings.of(Path.of(path)), SqliteStorageProvider.settings(Map.of("path", path)));
        assertEquals(new SqliteSettings(Path.of(path), Duration.ofMillis(250), 2), SqliteStorageProvider.settings(
                Map.of("path", path, "busyTimeoutMillis", "250", "readConnections", "2")));
        assertEquals(Duration.ofSeconds(5), SqliteSettings.DEFAULT_BUSY_TIMEOUT);
        assertEquals(4, SqliteSettings.DEFAULT_READ_CONNECTIONS);
    }
}
