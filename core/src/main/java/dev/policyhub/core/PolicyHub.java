package dev.policyhub.core;

import dev.policyhub.core.access.AccessService;
import dev.policyhub.core.hierarchy.HierarchyService;
import dev.policyhub.core.internal.AccessServiceImpl;
import dev.policyhub.core.internal.HierarchyServiceImpl;
import dev.policyhub.core.internal.IdAllocator;
import dev.policyhub.core.internal.OrgPolicyServiceImpl;
import dev.policyhub.core.internal.Stamps;
import dev.policyhub.core.internal.Transactor;
import dev.policyhub.core.internal.pulumi.PolicyGroupServiceImpl;
import dev.policyhub.core.orgpolicy.Constraint;
import dev.policyhub.core.orgpolicy.ConstraintCatalog;
import dev.policyhub.core.orgpolicy.OrgPolicyService;
import dev.policyhub.core.orgpolicy.ValueGroups;
import dev.policyhub.core.policygroups.PolicyGroupService;
import dev.policyhub.core.spi.Storage;
import dev.policyhub.core.spi.StorageProvider;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The entry point: a store plus the services over it. Build one with {@link #builder()}, use
 * {@link #hierarchy()}, {@link #orgPolicies()} and {@link #policyGroups()}, and {@link #close()} it to release the store.
 */
public final class PolicyHub implements AutoCloseable {
    private final Storage storage;
    private final IdAllocator ids;
    private final HierarchyService hierarchy;
    private final OrgPolicyService orgPolicies;
    private final PolicyGroupService policyGroups;
    private final AccessService access;

    private PolicyHub(Builder b) {
        this.storage = b.storage;
        Transactor tx = new Transactor(storage);
        Stamps stamps = new Stamps(b.clock);
        this.ids = new IdAllocator(b.ids);
        this.hierarchy = new HierarchyServiceImpl(tx, stamps, ids);
        this.orgPolicies = new OrgPolicyServiceImpl(tx, stamps, b.catalog);
        this.policyGroups = new PolicyGroupServiceImpl(tx, stamps, ids);
        this.access = new AccessServiceImpl(tx);
    }

    /** A new builder: set the storage, optionally a clock, an id source and extra constraints. */
    public static Builder builder() {
        return new Builder();
    }

    /** Organizations, folders, projects and tags. */
    public HierarchyService hierarchy() {
        return hierarchy;
    }

    /** Organization Policy v2. */
    public OrgPolicyService orgPolicies() {
        return orgPolicies;
    }

    /** Pulumi Cloud Policy Groups, with stacks, Insights accounts and the policy-pack registry. */
    public PolicyGroupService policyGroups() {
        return policyGroups;
    }

    /** What access tokens reach in the Google hierarchy. */
    public AccessService access() {
        return access;
    }

    /**
     * Takes the next number of the id source (by default the store-wide sequence), as the services do for new
     * resources: never handed out again; e.g. to name a long-running operation.
     */
    public long newId() {
        return storage.write(s -> ids.claim(s, 0));
    }

    /** The store underneath, e.g. to {@link Storage#clear()} it. */
    public Storage storage() {
        return storage;
    }

    /** Closes the store. */
    @Override
    public void close() {
        storage.close();
    }

    /** Opens a store by provider name ({@code memory}, {@code sqlite}, …) found with {@link ServiceLoader}. */
    public static Storage openStorage(String provider, Map<String, String> settings) {
        for (StorageProvider p : ServiceLoader.load(StorageProvider.class)) {
            if (p.name().equals(provider)) {
                return p.open(settings);
            }
        }
        throw new IllegalArgumentException("no storage provider named '" + provider + "' on the class or module path");
    }

    /** Configures a {@link PolicyHub}. */
    public static final class Builder {
        private Storage storage;
        private Clock clock = Clock.systemUTC();
        private IdSource ids = IdSource.storeSequence();
        private ConstraintCatalog catalog = ConstraintCatalog.builtIn();

        private Builder() {
        }

        /** The store to use (required). */
        public Builder storage(Storage value) {
            this.storage = Objects.requireNonNull(value, "storage");
            return this;
        }

        /** A store opened by provider name, e.g. {@code storage("memory", Map.of())}. */
        public Builder storage(String provider, Map<String, String> settings) {
            return storage(openStorage(provider, settings));
        }

        /** The clock behind every update time (default: the system UTC clock). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Where assigned ids come from (default: the store's own sequence from 100000000001). */
        public Builder idSource(IdSource value) {
            this.ids = Objects.requireNonNull(value, "idSource");
            return this;
        }

        /** Registers a further constraint, usable at every resource (replaces a built-in one with the same id). */
        public Builder constraint(Constraint value) {
            this.catalog = catalog.with(value);
            return this;
        }

        /** Replaces the {@code in:} value groups of a constraint. */
        public Builder valueGroups(String constraintId, ValueGroups groups) {
            this.catalog = catalog.withValueGroups(constraintId, groups);
            return this;
        }

        /** Replaces the whole constraint catalog. */
        public Builder catalog(ConstraintCatalog value) {
            this.catalog = Objects.requireNonNull(value, "catalog");
            return this;
        }

        /** Builds the hub. */
        public PolicyHub build() {
            if (storage == null) {
                throw new IllegalStateException("a storage is required: builder().storage(...)");
            }
            return new PolicyHub(this);
        }
    }
}
