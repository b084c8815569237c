package dev.policyhub.storage.postgres;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.hierarchy.Organization;

import java.util.Map;

/** The embedding example of storage-postgres's README, verbatim between the markers. */
final class PostgresEmbeddingExample {
    private PostgresEmbeddingExample() {
    }

    /** Runs the example against the database at {@code url}, as {@code user} with {@code password}. */
    static void run(String url, String user, String password) {
        // example:start
        // Connect directly; the pool size is optional (10 by default).
        try (PolicyHub hub = PolicyHub.builder()
                .storage(PostgresStorage.open(PostgresSettings.of(url, user, password).withMaxPoolSize(4)))
                .build()) {
            hub.hierarchy().createOrganization(123L, "example.com", "");
        }

        // Or by provider name, as a configuration file would; a second server does the same and sees the same data.
        try (PolicyHub hub = PolicyHub.builder()
                .storage("postgres", Map.of("url", url, "user", user, "password", password))
                .build()) {
            Organization org = hub.hierarchy().getOrganization("organizations/123");
            System.out.println(org.displayName());   // example.com
        }
        // example:end
    }
}
