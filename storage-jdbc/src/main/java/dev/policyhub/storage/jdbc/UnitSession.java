package dev.policyhub.storage.jdbc;

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
import org.jdbi.v3.core.Handle;

/**
 * The stores of one unit of work on its connection; usable only while the unit runs, writes only in a write unit. A
 * SQL store extends it with its dialect (and may answer a store call its own way).
 */
public abstract class UnitSession implements JdbiSession {
    private final Handle handle;
    private final boolean writable;
    private boolean ended;

    /** A session on the unit's connection; {@code writable} for a write unit. */
    protected UnitSession(Handle handle, boolean writable) {
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


    /** Makes the session unusable: the unit has ended. */
    public void end() {
        ended = true;
    }
}
