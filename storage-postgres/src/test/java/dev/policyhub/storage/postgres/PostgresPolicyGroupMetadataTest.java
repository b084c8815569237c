package dev.policyhub.storage.postgres;

import dev.policyhub.core.spi.Storage;
import dev.policyhub.testkit.policygroups.PolicyGroupMetadataKit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The Pulumi policy-group metadata figures of the conformance kit over a PostgreSQL store. */
class PostgresPolicyGroupMetadataTest extends PolicyGroupMetadataKit {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Override
    protected Storage newStorage() {
        return DATABASES.emptyStore();
    }
}
