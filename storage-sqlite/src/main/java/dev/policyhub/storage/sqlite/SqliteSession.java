package dev.policyhub.storage.sqlite;

import dev.policyhub.core.spi.AccountStore;
import dev.policyhub.core.spi.CustomConstraintStore;
import dev.policyhub.core.spi.GroupCoverage;
import dev.policyhub.core.spi.NodeStore;
import dev.policyhub.core.spi.PolicyGroupStore;
import dev.policyhub.core.spi.PolicyPackStore;
import dev.policyhub.core.spi.PolicyStore;
import dev.policyhub.core.spi.PulumiOrgStore;
import dev.policyhub.core.spi.SequenceStore;
import dev.policyhub.core.spi.StackStore;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.TagStore;
import org.jdbi.v3.core.Handle;

/** The stores of one unit of work on its connection; usable only while the unit runs, writes only in a write unit. */
final class SqliteSession implements StoreSession {
    private final Handle handle;
    private final boolean writable;
    private boolean ended;

    SqliteSession(Handle handle, boolean writable) {
        this.handle = handle;
        this.writable = writable;
    }

    @Override
    public NodeStore nodes() {
        return new SqliteNodeStore(this);
    }

    @Override
    public TagStore tags() {
        return new SqliteTagStore(this);
    }

    @Override
    public PolicyStore policies() {
        return new SqlitePolicyStore(this);
    }

    @Override
    public CustomConstraintStore customConstraints() {
        return new SqliteCustomConstraintStore(this);
    }

    @Override
    public SequenceStore sequences() {
        return new SqliteSequenceStore(this);
    }

    @Override
    public PulumiOrgStore pulumiOrgs() {
        return new SqlitePulumiOrgStore(this);
    }

    @Override
    public StackStore stacks() {
        return new SqliteStackStore(this);
    }

    @Override
    public AccountStore accounts() {
        return new SqliteAccountStore(this);
    }

    @Override
    public PolicyPackStore policyPacks() {
        return new SqlitePolicyPackStore(this);
    }

    @Override
    public PolicyGroupStore policyGroups() {
        return new SqlitePolicyGroupStore(this);
    }

    /** Answered by aggregates over the membership tables, without reading the members. */
    @Override
    public GroupCoverage groupCoverage(String org) {
        return SqliteGroupCoverage.of(reading(), org);
    }

    /** The connection, for reading; fails once the unit has ended. */
    Handle reading() {
        if (ended) {
            throw new IllegalStateException("the unit of work has ended");
        }
        return handle;
    }

    /** The connection, for writing; fails in a read unit or once the unit has ended. */
    Handle writing() {
        reading();
        if (!writable) {
            throw new IllegalStateException("a read unit cannot write");
        }
        return handle;
    }

    /** Makes the session unusable: the unit has ended. */
    void end() {
        ended = true;
    }
}
