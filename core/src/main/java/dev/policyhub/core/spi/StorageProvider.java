package dev.policyhub.core.spi;

import java.util.Map;

/** A storage backend found by {@link java.util.ServiceLoader}; {@link #name()} is what users select it by. */
public interface StorageProvider {

    /** Short name, e.g. {@code memory} or {@code sqlite}. */
    String name();

    /** Opens a store; {@code settings} are backend specific (e.g. {@code path} of a database file). */
    Storage open(Map<String, String> settings);
}
