package dev.policyhub.core.spi;

import dev.policyhub.core.policygroups.PolicyPackLedger;
import dev.policyhub.core.policygroups.PolicyPackVersion;

import java.util.List;
import java.util.Optional;

/**
 * Persistence of the policy-pack registry: per pack name a ledger of what it ever used, its versions, and each
 * version's archive bytes, kept apart so that listing versions never loads archives.
 */
public interface PolicyPackStore {

    /** The ledger of a pack name. */
    Optional<Versioned<PolicyPackLedger>> ledger(String org, String name);

    /** Stores a new ledger at version 1; false if one exists. */
    boolean insertLedger(PolicyPackLedger ledger);

    /** Replaces a ledger; false on a version mismatch or if it is gone. */
    boolean replaceLedger(PolicyPackLedger ledger, long expectedVersion);

    /** Ledgers of an organization with a name greater than {@code afterName}, ascending, at most {@code limit}. */
    List<Versioned<PolicyPackLedger>> ledgers(String org, String afterName, int limit);

    /** Removes a ledger (when its organization is deleted); false on a version mismatch or if it is gone. */
    boolean deleteLedger(String org, String name, long expectedVersion);

    /** Names of packs of an organization that have at least one stored version, greater than {@code afterName}, ascending. */
    List<String> names(String org, String afterName, int limit);

    /** One version of a pack. */
    Optional<Versioned<PolicyPackVersion>> version(String org, String name, int version);

    /** Every stored version of a pack, ascending by number. */
    List<Versioned<PolicyPackVersion>> versions(String org, String name);

    /** Stores a new version at (store) version 1; false if that number exists. */
    boolean insertVersion(PolicyPackVersion version);

    /** Replaces a version; false on a version mismatch or if it is gone. */
    boolean replaceVersion(PolicyPackVersion version, long expectedVersion);

    /** Removes a version and its archive; false on a version mismatch or if it is gone. */
    boolean deleteVersion(String org, String name, int version, long expectedVersion);

    /** Stores (or replaces) the archive of a stored version; callers store the version first. */
    void putArchive(String org, String name, int version, byte[] content);

    /** The archive of a version. */
    Optional<byte[]> archive(String org, String name, int version);
}
