package dev.policyhub.core.spi;

import dev.policyhub.core.policygroups.InsightsAccount;

import java.util.List;
import java.util.Optional;

/** Persistence of Insights accounts, keyed by (org, name), with optimistic versions. */
public interface AccountStore {

    /** The account, if it exists. */
    Optional<Versioned<InsightsAccount>> get(String org, String name);

    /** Accounts of an organization with a name greater than {@code afterName}, ascending, at most {@code limit}. */
    List<Versioned<InsightsAccount>> list(String org, String afterName, int limit);

    /** Stores a new account at version 1; false if it exists. */
    boolean insert(InsightsAccount account);

    /** Replaces an account with the same key; false on a version mismatch or if it is gone. */
    boolean replace(InsightsAccount account, long expectedVersion);

    /** Removes an account; false on a version mismatch or if it is gone. */
    boolean delete(String org, String name, long expectedVersion);
}
