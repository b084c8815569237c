package dev.policyhub.storage.jdbc;

import dev.policyhub.core.spi.StoreSession;
import org.jdbi.v3.core.Handle;

/** The session of one unit of work in a SQL store: its connection, and the dialect the Jdbi stores speak on it. */
public interface JdbiSession extends StoreSession {
    /** The connection, for reading; fails once the unit has ended. */
    Handle reading();

    /** The connection, for writing; fails in a read unit or once the unit has ended. */
    Handle writing();

    /** How the database says the few statements that SQL databases say differently. */
    SqlDialect dialect();
}
