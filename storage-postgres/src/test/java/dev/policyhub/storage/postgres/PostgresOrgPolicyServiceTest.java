package dev.policyhub.storage.postgres;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.orgpolicy.OrgPolicyServiceKit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The Org Policy service behaviour over a PostgreSQL store. */
class PostgresOrgPolicyServiceTest extends OrgPolicyServiceKit {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Override
    protected Storage newStorage() {
        return DATABASES.emptyStore();
    }
}
