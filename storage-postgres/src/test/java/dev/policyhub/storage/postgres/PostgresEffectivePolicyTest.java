package dev.policyhub.storage.postgres;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.orgpolicy.EffectivePolicyKit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The effective-policy suite of the conformance kit over a PostgreSQL store. */
class PostgresEffectivePolicyTest extends EffectivePolicyKit {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Override
    protected Storage newStorage() {
        return DATABASES.emptyStore();
    }
}
