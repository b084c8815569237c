package dev.policyhub.storage.sqlite;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.hierarchy.Organization;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The embedding example of storage-sqlite's README, verbatim between the markers. */
final class SqliteEmbeddingExample {
    private SqliteEmbeddingExample() {
    }

    /** Runs the example, which leaves its database file {@code policyhub.db} in {@code dir}. */
    static void run(Path dir) {
        // example:start
        Path file = dir.resolve("policyhub.db");

        // Open (or create) the file directly; settings are optional.
        try (PolicyHub hub = PolicyHub.builder()
                .storage(SqliteStorage.open(SqliteSettings.of(file).withBusyTimeout(Duration.ofSeconds(10))))
                .build()) {
            hub.hierarchy().createOrganization(123L, "example.com", "");
        }

        // Or by provider name, as a configuration file would: the data is still there.
        try (PolicyHub hub = PolicyHub.builder().storage("sqlite", Map.of("path", file.toString())).build()) {
            Organization org = hub.hierarchy().getOrganization("organizations/123");
            System.out.println(org.displayName());   // example.com
        }
        // example:end
    }
}
