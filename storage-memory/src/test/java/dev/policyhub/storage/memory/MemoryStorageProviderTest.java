package dev.policyhub.storage.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.core.spi.StorageProvider;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How users find the in-memory store. */
class MemoryStorageProviderTest {

    @Test
    @DisplayName("ServiceLoader finds exactly one provider named memory, and it opens a memory store")
    void serviceLoaderFindsMemoryProvider() {
        List<StorageProvider> memory = ServiceLoader.load(StorageProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(provider -> provider.name().equals("memory"))
                .toList();

        assertEquals(1, memory.size());
        assertInstanceOf(MemoryStorageProvider.class, memory.get(0));
        try (Storage storage = memory.get(0).open(Map.of("ignored", "setting"))) {
            assertInstanceOf(MemoryStorage.class, storage);
        }
    }
}
