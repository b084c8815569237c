package dev.policyhub.storage.memory;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.core.spi.StorageProvider;

import java.util.Map;

/** Provides {@link MemoryStorage} under the name {@code memory}. */
public final class MemoryStorageProvider implements StorageProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public MemoryStorageProvider() {
    }

    /** {@code memory}. */
    @Override
    public String name() {
        return "memory";
    }

    /** Opens a new, empty in-memory store; {@code settings} are ignored. */
    @Override
    public Storage open(Map<String, String> settings) {
        return new MemoryStorage();
    }
}
