/** A PolicyHub store in a PostgreSQL database that several servers can share. */
module dev.policyhub.storage.postgres {
    requires transitive dev.policyhub.core;
    requires transitive java.sql;
    requires dev.policyhub.storage.jdbc;
    requires org.jdbi.v3.core;
    // Jdbi's own dependencies: as an automatic module it cannot make the module system resolve them.
    requires io.leangen.geantyref;
    requires org.slf4j;
    requires com.zaxxer.hikari;
    requires org.postgresql.jdbc;

    exports dev.policyhub.storage.postgres;

    provides dev.policyhub.core.spi.StorageProvider with dev.policyhub.storage.postgres.PostgresStorageProvider;
}
