package dev.policyhub.storage.postgres;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.orgpolicy.DecisionTraceKit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The decision-trace suite of the conformance kit over a PostgreSQL store. */
class PostgresDecisionTraceTest extends DecisionTraceKit {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Override
    protected Storage newStorage() {
        return DATABASES.emptyStore();
    }
}
