/** The reference in-process store of PolicyHub. */
module dev.policyhub.storage.memory {
    requires transitive dev.policyhub.core;

    exports dev.policyhub.storage.memory;

    provides dev.policyhub.core.spi.StorageProvider with dev.policyhub.storage.memory.MemoryStorageProvider;
}
