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
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.TagStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/** The stores of one unit of work on its connection; usable only while the unit runs, writes only in a write unit. */
final class PostgresSession implements StoreSession {
    private final Handle handle;
    private final boolean writable;
    private boolean ended;

    PostgresSession(Handle handle, boolean writable) {
        this.handle = handle;
        this.writable = writable;
    }

    @Override
    public NodeStore nodes() {
        return new PostgresNodeStore(this);
    }

    @Override
    public TagStore tags() {
        return new PostgresTagStore(this);
    }

    @Override
    public PolicyStore policies() {
        return new PostgresPolicyStore(this);
    }

    @Override
    public CustomConstraintStore customConstraints() {
        return new PostgresCustomConstraintStore(this);
    }

    @Override
    public SequenceStore sequences() {
        return new PostgresSequenceStore(this);
    }

    @Override
    public PulumiOrgStore pulumiOrgs() {
        return new PostgresPulumiOrgStore(this);
    }

    @Override
    public StackStore stacks() {
        return new PostgresStackStore(this);
    }

    @Override
    public AccountStore accounts() {
        return new PostgresAccountStore(this);
    }

    @Override
    public PolicyPackStore policyPacks() {
        return new PostgresPolicyPackStore(this);
    }

    @Override
    public PolicyGroupStore policyGroups() {
        return new PostgresPolicyGroupStore(this);
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

    /**
     * Runs a versioned replace that may give the row a unique key another row holds (a project id, a namespaced tag
     * name): true if it changed one row, false if it changed none or would have taken a held key. PostgreSQL fails
     * the whole transaction on a unique violation, so the statement runs in a savepoint that is undone alone.
     */
    boolean replaceUnlessKeyTaken(Update update) {
        Handle handle = writing();
        handle.execute("SAVEPOINT replace_unless_key_taken");
        try {
            int rows = update.execute();
            handle.execute("RELEASE SAVEPOINT replace_unless_key_taken");
            return rows == 1;
        } catch (RuntimeException failure) {
            if (!SqlStates.isUniqueViolation(failure)) {
                throw failure;
            }
            handle.execute("ROLLBACK TO SAVEPOINT replace_unless_key_taken");
            handle.execute("RELEASE SAVEPOINT replace_unless_key_taken");
            return false;
        }
    }

    /** Makes the session unusable: the unit has ended. */
    void end() {
        ended = true;
    }
}
