package dev.policyhub.testkit.policygroups;

import dev.policyhub.core.policygroups.PolicyGroup;
import dev.policyhub.core.spi.AccountStore;
import dev.policyhub.core.spi.CustomConstraintStore;
import dev.policyhub.core.spi.NodeStore;
import dev.policyhub.core.spi.PolicyGroupStore;
import dev.policyhub.core.spi.PolicyPackStore;
import dev.policyhub.core.spi.PolicyStore;
import dev.policyhub.core.spi.PulumiOrgStore;
import dev.policyhub.core.spi.SequenceStore;
import dev.policyhub.core.spi.StackStore;
import dev.policyhub.core.spi.Storage;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.TagStore;
import dev.policyhub.core.spi.Versioned;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A view of another store in which every versioned write of a policy group loses the optimistic race, as if another
 * client always wrote first; everything else passes through. Closing the view leaves the store open.
 */
final class StaleGroupWrites implements Storage {
    private final Storage delegate;
    private final AtomicInteger refused = new AtomicInteger();

    StaleGroupWrites(Storage delegate) {
        this.delegate = delegate;
    }

    /** How many group writes were refused so far. */
    int refusedWrites() {
        return refused.get();
    }

    @Override
    public <T> T read(Function<StoreSession, T> work) {
        return delegate.read(work);
    }

    @Override
    public <T> T write(Function<StoreSession, T> work) {
        return delegate.write(session -> work.apply(new Session(session)));
    }

    @Override
    public void clear() {
        delegate.clear();
    }

    @Override
    public void close() {
        // The store belongs to the kit's hub, which closes it.
    }

    private final class Session implements StoreSession {
        private final StoreSession inner;

        Session(StoreSession inner) {
            this.inner = inner;
        }

        @Override
        public NodeStore nodes() {
            return inner.nodes();
        }

        @Override
        public TagStore tags() {
            return inner.tags();
        }

        @Override
        public PolicyStore policies() {
            return inner.policies();
        }

        @Override
        public CustomConstraintStore customConstraints() {
            return inner.customConstraints();
        }

        @Override
        public SequenceStore sequences() {
            return inner.sequences();
        }

        @Override
        public PulumiOrgStore pulumiOrgs() {
            return inner.pulumiOrgs();
        }

        @Override
        public StackStore stacks() {
            return inner.stacks();
        }

        @Override
        public AccountStore accounts() {
            return inner.accounts();
        }

        @Override
        public PolicyPackStore policyPacks() {
            return inner.policyPacks();
        }

        @Override
        public PolicyGroupStore policyGroups() {
            return new Groups(inner.policyGroups());
        }
    }

    private final class Groups implements PolicyGroupStore {
        private final PolicyGroupStore inner;

        Groups(PolicyGroupStore inner) {
            this.inner = inner;
        }

        @Override
        public Optional<Versioned<PolicyGroup>> get(String org, String name) {
            return inner.get(org, name);
        }

        @Override
        public List<Versioned<PolicyGroup>> list(String org) {
            return inner.list(org);
        }

        @Override
        public boolean insert(PolicyGroup group) {
            return inner.insert(group);
        }

        @Override
        public boolean replace(PolicyGroup group, long expectedVersion) {
            refused.incrementAndGet();
            return false;
        }

        @Override
        public boolean delete(String org, String name, long expectedVersion) {
            refused.incrementAndGet();
            return false;
        }
    }
}
