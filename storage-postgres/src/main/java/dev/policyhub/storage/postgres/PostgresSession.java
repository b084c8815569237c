package dev.policyhub.storage.postgres;

import dev.policyhub.core.spi.AccountStore;
import dev.policyhub.core.spi.CustomConstraintStore;
import dev.policyhub.core.spi.NodeStore;
import dev.policyhub.core.spi.PolicyGroupStore;
import dev.policyhub.core.spi.PolicyPackStore;
import dev.policyhub.core.spi.PolicyStore;
import dev.policyhub.core.spi.PulumiOrgStore;
import dev.policyhub.core.spi.SequenceStore;
import dev.policyhub.core.spi.StackStore;
import dev.policyhub.core.spi.TagStore;
import dev.policyhub.storage.jdbc.JdbiAccountStore;
import dev.policyhub.storage.jdbc.JdbiCustomConstraintStore;
import dev.policyhub.storage.jdbc.JdbiNodeStore;
import dev.policyhub.storage.jdbc.JdbiPolicyGroupStore;
import dev.policyhub.storage.jdbc.JdbiPolicyPackStore;
import dev.policyhub.storage.jdbc.JdbiPolicyStore;
import dev.policyhub.storage.jdbc.JdbiPulumiOrgStore;
import dev.policyhub.storage.jdbc.JdbiSequenceStore;
import dev.policyhub.storage.jdbc.JdbiSession;
import dev.policyhub.storage.jdbc.JdbiStackStore;
import dev.policyhub.storage.jdbc.JdbiTagStore;
import dev.policyhub.storage.jdbc.SqlDialect;
import org.jdbi.v3.core.Handle;

/** The stores of one unit of work on its connection; usable only while the unit runs, writes only in a write unit. */
final class PostgresSession implements JdbiSession {
    private final Handle handle;
    private final boolean writable;
    private boolean ended;

    PostgresSession(Handle handle, boolean writable) {
        this.handle = handle;
        this.writable = writable;
    }

    @Override
    public NodeStore nodes() {
        return new JdbiNodeStore(this);
    }

    @Override
    public TagStore tags() {
        return new JdbiTagStore(this);
    }

    @Override
    public PolicyStore policies() {
        return new JdbiPolicyStore(this);
    }

    @Override
    public CustomConstraintStore customConstraints() {
        return new JdbiCustomConstraintStore(this);
    }

    @Override
    public SequenceStore sequences() {
        return new JdbiSequenceStore(this);
    }

    @Override
    public PulumiOrgStore pulumiOrgs() {
        return new JdbiPulumiOrgStore(this);
    }

    @Override
    public StackStore stacks() {
        return new JdbiStackStore(this);
    }

    @Override
    public AccountStore accounts() {
        return new JdbiAccountStore(this);
    }

    @Override
    public PolicyPackStore policyPacks() {
        return new JdbiPolicyPackStore(this);
    }

    @Override
    public PolicyGroupStore policyGroups() {
        return new JdbiPolicyGroupStore(this);
    }

    /** The connection, for reading; fails once the unit has ended. */
    @Override
    public Handle reading() {
        if (ended) {
            throw new IllegalStateException("the unit of work has ended");
        }
        return handle;
    }

    /** The connection, for writing; fails in a read unit or once the unit has ended. */
    @Override
    public Handle writing() {
        reading();
        if (!writable) {
            throw new IllegalStateException("a read unit cannot write");
        }
        return handle;
    }

    @Override
    public SqlDialect dialect() {
        return PostgresDialect.INSTANCE;
    }

    /** Makes the session unusable: the unit has ended. */
    void end() {
        ended = true;
    }
}
