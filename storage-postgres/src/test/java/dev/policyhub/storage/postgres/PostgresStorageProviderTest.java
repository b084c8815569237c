package dev.policyhub.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.spi.Storage;
import dev.policyhub.core.spi.StorageProvider;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How users find and configure the PostgreSQL store. */
class PostgresStorageProviderTest {

    @Test
    @DisplayName("ServiceLoader finds exactly one provider named postgres, and it opens a PostgreSQL store at the url")
    void serviceLoaderFindsPostgresProvider() {
        List<StorageProvider> postgres = ServiceLoader.load(StorageProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(provider -> provider.name().equals("postgres"))
                .toList();

        assertEquals(1, postgres.size());
        assertInstanceOf(PostgresStorageProvider.class, postgres.get(0));
        String url = EmbeddedServer.createDatabase();
        try (Storage storage = postgres.get(0).open(Map.of("url", url, "user", "postgres", "maxPoolSize", "2"))) {
            assertInstanceOf(PostgresStorage.class, storage);
        }
    }

    @Test
    @DisplayName("two hubs built with storage(\"postgres\", settings) share the data of one database")
    void hubsShareTheDatabase() {
        Map<String, String> settings = Map.of("url", EmbeddedServer.createDatabase(), "user", "postgres");
        try (PolicyHub first = PolicyHub.builder().storage("postgres", settings).build();
             PolicyHub second = PolicyHub.builder().storage("postgres", settings).build()) {
            first.hierarchy().createOrganization(123L, "example.com", "");

            assertEquals("example.com", second.hierarchy().getOrganization("organizations/123").displayName());
        }
    }

    @Test
    @DisplayName("without a url, or with one that is not a PostgreSQL JDBC URL, opening fails naming the setting")
    void urlIsRequired() {
        IllegalArgumentException missing =
                assertThrows(IllegalArgumentException.class, () -> new PostgresStorageProvider().open(Map.of()));
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> new PostgresStorageProvider().open(Map.of("url", " ")));
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> PostgresStorageProvider.settings(Map.of("url", "jdbc:sqlite:policyhub.db")));

        assertTrue(missing.getMessage().contains("'url'"), missing.getMessage());
        assertEquals(missing.getMessage(), blank.getMessage());
        assertTrue(other.getMessage().contains("jdbc:postgresql:"), other.getMessage());
    }

    @Test
    @DisplayName("an unknown setting or a pool size that is not a positive whole number is refused by name")
    void badSettingsAreRefused() {
        String url = "jdbc:postgresql://localhost:5432/policyhub";

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> PostgresStorageProvider.settings(Map.of("url", url, "path", "policyhub.db")));
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> PostgresStorageProvider.settings(Map.of("url", url, "maxPoolSize", "ten")));
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> PostgresStorageProvider.settings(Map.of("url", url, "maxPoolSize", "0")));

        assertTrue(unknown.getMessage().contains("'path'"), unknown.getMessage());
        assertTrue(notANumber.getMessage().contains("'maxPoolSize'"), notANumber.getMessage());
        assertTrue(tooFew.getMessage().contains("maxPoolSize"), tooFew.getMessage());
    }

    @Test
    @DisplayName("user, password and maxPoolSize are read from the settings, with defaults of none, none and 10")
    void optionalSettings() {
        String url = "jdbc:postgresql://localhost:5432/policyhub";

        assertEquals(PostgresSettings.of(url, "", ""), PostgresStorageProvider.settings(Map.of("url", url)));
        assertEquals(new PostgresSettings(url, "hub", "secret", 3), PostgresStorageProvider.settings(
                Map.of("url", url, "user", "hub", "password", "secret", "maxPoolSize", "3")));
        assertEquals(10, PostgresSettings.DEFAULT_MAX_POOL_SIZE);
    }

    @Test
    @DisplayName("the settings never show a password, neither the setting nor one given in the url")
    void passwordsAreNeverShown() {
        PostgresSettings settings = new PostgresSettings(
                "jdbc:postgresql://db:5432/policyhub?sslmode=require&password=in-url", "hub", "secret", 3);

        for (String shown : List.of(settings.toString(), settings.describe())) {
            assertFalse(shown.contains("secret"), shown);
            assertFalse(shown.contains("in-url"), shown);
            assertTrue(shown.contains("jdbc:postgresql://db:5432/policyhub?sslmode=require&password=***"), shown);
        }
    }
}
