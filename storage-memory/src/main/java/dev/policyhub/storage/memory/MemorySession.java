package dev.policyhub.storage.memory;

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

/** The stores of one unit of work; usable only while the unit runs, and for writes only in a write unit. */
final class MemorySession implements StoreSession {
    private final MemoryData data;
    /** The undo log of the write unit; {@code null} in a read unit. */
    private final Journal journal;
    private boolean ended;

    MemorySession(MemoryData data, Journal journal) {
        this.data = data;
        this.journal = journal;
    }

    @Override
    public NodeStore nodes() {
        return new MemoryNodeStore(this);
    }

    @Override
    public TagStore tags() {
        return new MemoryTagStore(this);
    }

    @Override
    public PolicyStore policies() {
        return new MemoryPolicyStore(this);
    }

    @Override
    public CustomConstraintStore customConstraints() {
        return new MemoryCustomConstraintStore(this);
    }

    @Override
    public SequenceStore sequences() {
        return new MemorySequenceStore(this);
    }

    @Override
    public PulumiOrgStore pulumiOrgs() {
        return new MemoryPulumiOrgStore(this);
    }

    @Override
    public StackStore stacks() {
        return new MemoryStackStore(this);
    }

    @Override
    public AccountStore accounts() {
        return new MemoryAccountStore(this);
    }

    @Override
    public PolicyPackStore policyPacks() {
        return new MemoryPolicyPackStore(this);
    }

    @Override
    public PolicyGroupStore policyGroups() {
        return new MemoryPolicyGroupStore(this);
    }

    @Override
    public GroupCoverage groupCoverage(String org) {
        return MemoryGroupCoverage.of(data(), org);
    }

    /** The data, for reading; fails once the unit has ended. */
    MemoryData data() {
        if (ended) {
            throw new IllegalStateException("the unit of work has ended");
        }
        return data;
    }

    /** The undo log, for writing; fails in a read unit or once the unit has ended. */
    Journal journal() {
        data();
        if (journal == null) {
            throw new IllegalStateException("a read unit cannot write");
        }
        return journal;
    }

    /** Makes the session unusable: the unit has ended. */
    void end() {
        ended = true;
    }
}
