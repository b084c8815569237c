/** A durable PolicyHub store in one SQLite database file. */
module dev.policyhub.storage.sqlite {
    requires transitive dev.policyhub.core;
    requires java.sql;
    requires dev.policyhub.storage.jdbc;
    requires org.jdbi.v3.core;
    // Jdbi's own dependencies: as an automatic module it cannot make the module system resolve them.
    requires io.leangen.geantyref;
    requires org.slf4j;
    requires org.xerial.sqlitejdbc;

    exports dev.policyhub.storage.sqlite;

    provides dev.policyhub.core.spi.StorageProvider with dev.policyhub.storage.sqlite.SqliteStorageProvider;
}
