/** The Jdbi stores and encodings that PolicyHub's SQL stores share; a building block, not a store of its own. */
@SuppressWarnings("requires-transitive-automatic")
module dev.policyhub.storage.jdbc {
    requires transitive dev.policyhub.core;
    requires java.sql;
    // Its public types take Jdbi handles and statements, so its users must read Jdbi too (an automatic module: hence
    // the suppressed warning).
    requires transitive org.jdbi.v3.core;
    // Jdbi's own dependencies: as an automatic module it cannot make the module system resolve them.
    requires io.leangen.geantyref;
    requires org.slf4j;

    exports dev.policyhub.storage.jdbc;
}
