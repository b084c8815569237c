package dev.policyhub.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.policygroups.EnforcementLevel;
import dev.policyhub.core.policygroups.PackPolicy;
import dev.policyhub.core.policygroups.PolicyPackLedger;
import dev.policyhub.core.policygroups.PolicyPackVersion;
import dev.policyhub.core.spi.PolicyPackStore;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.Versioned;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite of {@link PolicyPackStore}: ledgers keyed by (org, name); versions and their archives keyed by
 * (org, name, number). Archives are compared as hexadecimal text, so that assertions cover every byte.
 */
public abstract class PolicyPackStoreKit extends StoreKitBase<PolicyPackStore> {
    private static final String ORG = "acme";
    private static final String OTHER_ORG = "globex";
    private static final String PACK = "aws-guard";
    private static final HexFormat HEX = HexFormat.of();

    /** Subclasses name the store under test. */
    protected PolicyPackStoreKit() {
    }

    @Override
    PolicyPackStore store(StoreSession session) {
        return session.policyPacks();
    }

    /** Stores an archive in its own unit. */
    private void putArchive(String org, String name, int version, byte[] content) {
        write(s -> put(s, org, name, version, content));
    }

    /** Stores an archive and answers true, so that it chains with the other writes of a unit. */
    private static boolean put(PolicyPackStore store, String org, String name, int version, byte[] content) {
        store.putArchive(org, name, version, content);
        return true;
    }

    /** The stored archive as hexadecimal text. */
    private Optional<String> archive(String org, String name, int version) {
        return read(s -> s.archive(org, name, version)).map(HEX::formatHex);
    }

    private static Optional<String> hex(byte[] content) {
        return Optional.of(HEX.formatHex(content));
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** A ledger that has used three versions and three tags. */
    private static PolicyPackLedger ledger(String org, String name) {
        return new PolicyPackLedger(org, name, 3, List.of("1.0.0", "1.1.0", "v3"), "nodejs");
    }

    /** The same ledger after one more publish. */
    private static PolicyPackLedger published(PolicyPackLedger ledger, String tag) {
        List<String> tags = new ArrayList<>(ledger.usedTags());
        tags.add(tag);
        return new PolicyPackLedger(ledger.org(), ledger.name(), ledger.lastVersion() + 1, tags, "python");
    }

    /** A policy with every field set, including a nested config schema and a framework. */
    private static PackPolicy fullPolicy() {
        return new PackPolicy("ec2-no-public-ip", "No public IP", "EC2 instances must not have a public IP.",
                EnforcementLevel.REMEDIATE, "Instance {name} has a public IP.",
                Map.of("type", "object",
                        "properties", Map.of("allowedSubnets", Map.of("type", "array", "maxItems", 10L)),
                        "required", List.of("allowedSubnets")),
                "high", Map.of("name", "CIS", "version", "1.4", "reference", "5.6"), List.of("aws", "network"),
                "Remove the public IP.", "https://example.com/policies/ec2-no-public-ip");
    }

    /** A new, not yet uploaded version with two policies. */
    private static PolicyPackVersion version(String org, String name, int number) {
        return new PolicyPackVersion(org, name, number, "1." + number + ".0", "Display " + name, "python",
                List.of(fullPolicy(), PackPolicy.of("s3-no-public-read", EnforcementLevel.MANDATORY)), false,
                "token-" + name + "-" + number, false);
    }

    @Nested
    @DisplayName("ledgers")
    class Ledgers {
        private final PolicyPackLedger guard = ledger(ORG, PACK);

        /** The checks made on the ledger of {@code PACK} in {@code ORG}. */
        private final VersionChecks<PolicyPackLedger> checks = new VersionChecks<>(
                PolicyPackStore::insertLedger,
                PolicyPackStore::replaceLedger,
                (s, version) -> s.deleteLedger(ORG, PACK, version),
                s -> s.ledger(ORG, PACK));

        @Test
        @DisplayName("an inserted ledger reads back whole at version 1")
        void insertedReadsBack() {
            checks.insertedReadsBack(guard);
        }

        @Test
        @DisplayName("an empty ledger reads back whole")
        void emptyLedgerReadsBack() {
            PolicyPackLedger empty = new PolicyPackLedger(ORG, PACK, 0, List.of(), "");

            assertTrue(succeeds(s -> s.insertLedger(empty)));
            assertEquals(stored(empty, 1), read(s -> s.ledger(ORG, PACK)));
        }

        @Test
        @DisplayName("a ledger is found only under its own organization and name")
        void foundOnlyUnderItsKey() {
            write(s -> s.insertLedger(guard));

            assertEquals(Optional.empty(), read(s -> s.ledger(OTHER_ORG, PACK)));
            assertEquals(Optional.empty(), read(s -> s.ledger(ORG, "AWS-GUARD")));
            assertEquals(Optional.empty(), read(s -> s.ledger(ORG, "aws")));
        }

        @Test
        @DisplayName("inserts fail when the ledger exists, and the first ledger is kept")
        void insertFailsWhenTaken() {
            checks.insertFailsWhenTaken(guard, published(guard, "v4"));
        }

        @Test
        @DisplayName("the same pack name has a ledger of its own in each organization")
        void sameNameInSeveralOrganizations() {
            PolicyPackLedger other = new PolicyPackLedger(OTHER_ORG, PACK, 1, List.of("0.1.0"), "go");
            write(s -> s.insertLedger(guard));

            assertTrue(succeeds(s -> s.insertLedger(other)));
            assertEquals(stored(guard, 1), read(s -> s.ledger(ORG, PACK)));
            assertEquals(stored(other, 1), read(s -> s.ledger(OTHER_ORG, PACK)));
        }

        @Test
        @DisplayName("a replace with the stored version stores the new content at the next version, each adding one")
        void replaceWithStoredVersion() {
            PolicyPackLedger first = published(guard, "v4");

            checks.eachReplaceAddsOne(guard, first, published(first, "v5"));
        }

        @Test
        @DisplayName("a replace with a stale version fails and changes nothing")
        void replaceWithStaleVersion() {
            checks.replaceWithWrongVersion(guard, published(guard, "v4"), published(guard, "late"));
        }

        @Test
        @DisplayName("a replace of a missing ledger fails and stores nothing, also when another organization has it")
        void replaceMissing() {
            write(s -> s.insertLedger(ledger(OTHER_ORG, PACK)));

            checks.replaceMissing(guard);
        }

        @Test
        @DisplayName("ledgers are listed by name, strictly after the cursor, only for their organization")
        void ledgersListed() {
            write(s -> s.insertLedger(ledger(ORG, "b-pack")) && s.insertLedger(ledger(ORG, "a-pack"))
                    && s.insertLedger(ledger(ORG, "c-pack")) && s.insertLedger(ledger(OTHER_ORG, "a-pack")));

            assertEquals(atVersion1(List.of(ledger(ORG, "a-pack"), ledger(ORG, "b-pack"), ledger(ORG, "c-pack"))),
                    read(s -> s.ledgers(ORG, "", 10)));
            assertEquals(atVersion1(List.of(ledger(ORG, "b-pack"))), read(s -> s.ledgers(ORG, "a-pack", 1)));
            assertEquals(atVersion1(List.of(ledger(OTHER_ORG, "a-pack"))), read(s -> s.ledgers(OTHER_ORG, "", 10)));
        }

        @Test
        @DisplayName("a delete with the stored version removes the ledger; a stale or missing one fails")
        void ledgerDeleted() {
            checks.deleteWithStaleVersion(guard, 2);
            assertFalse(succeeds(s -> s.deleteLedger(OTHER_ORG, PACK, 1)));
            assertTrue(succeeds(s -> s.deleteLedger(ORG, PACK, 1)));
            assertEquals(Optional.empty(), read(s -> s.ledger(ORG, PACK)));
            assertFalse(succeeds(s -> s.deleteLedger(ORG, PACK, 1)));
        }

        @Test
        @DisplayName("a ledger alone does not make a pack name listed")
        void ledgerAloneIsNotListed() {
            write(s -> s.insertLedger(guard));

            assertEquals(List.of(), read(s -> s.names(ORG, "", 10)));
            assertEquals(List.of(), read(s -> s.versions(ORG, PACK)));
        }
    }

    @Nested
    @DisplayName("single versions")
    class SingleVersions {
        private final PolicyPackVersion v1 = version(ORG, PACK, 1);

        /** The checks made on version 1 of {@code PACK} in {@code ORG}. */
        private final VersionChecks<PolicyPackVersion> checks = new VersionChecks<>(
                PolicyPackStore::insertVersion,
                PolicyPackStore::replaceVersion,
                (s, version) -> s.deleteVersion(ORG, PACK, 1, version),
                s -> s.version(ORG, PACK, 1));

        @Test
        @DisplayName("an inserted version reads back whole at store version 1, alone and in the list of versions")
        void insertedReadsBack() {
            checks.insertedReadsBack(v1);
            assertEquals(List.of(new Versioned<>(v1, 1)), read(s -> s.versions(ORG, PACK)));
            assertEquals(List.of(PACK), read(s -> s.names(ORG, "", 10)));
        }

        @Test
        @DisplayName("a completed version without policies, tag or runtime reads back whole")
        void minimalVersionReadsBack() {
            PolicyPackVersion minimal = new PolicyPackVersion(ORG, PACK, 7, "", "", "", List.of(), true, "", true);

            assertTrue(succeeds(s -> s.insertVersion(minimal)));
            assertEquals(stored(minimal, 1), read(s -> s.version(ORG, PACK, 7)));
        }

        @Test
        @DisplayName("an unknown version reads as empty")
        void unknownIsEmpty() {
            assertEquals(Optional.empty(), read(s -> s.version(ORG, PACK, 1)));
            assertEquals(List.of(), read(s -> s.versions(ORG, PACK)));
        }

        @Test
        @DisplayName("a version is found only under its own organization, name and number")
        void foundOnlyUnderItsKey() {
            write(s -> s.insertVersion(v1));

            assertEquals(Optional.empty(), read(s -> s.version(OTHER_ORG, PACK, 1)));
            assertEquals(Optional.empty(), read(s -> s.version(ORG, "aws-guard-extra", 1)));
            assertEquals(Optional.empty(), read(s -> s.version(ORG, PACK, 2)));
            assertEquals(List.of(), read(s -> s.versions(OTHER_ORG, PACK)));
        }

        @Test
        @DisplayName("inserts fail when the number exists, and the first version is kept")
        void insertFailsWhenTaken() {
            checks.insertFailsWhenTaken(v1, v1.completed());
            assertEquals(List.of(new Versioned<>(v1, 1)), read(s -> s.versions(ORG, PACK)));
        }

        @Test
        @DisplayName("the same number can be stored for another pack and in another organization")
        void sameNumberElsewhere() {
            PolicyPackVersion otherPack = version(ORG, "k8s", 1);
            PolicyPackVersion otherOrg = version(OTHER_ORG, PACK, 1);
            write(s -> s.insertVersion(v1));

            assertTrue(succeeds(s -> s.insertVersion(otherPack)));
            assertTrue(succeeds(s -> s.insertVersion(otherOrg)));
            assertEquals(stored(v1, 1), read(s -> s.version(ORG, PACK, 1)));
            assertEquals(stored(otherPack, 1), read(s -> s.version(ORG, "k8s", 1)));
            assertEquals(stored(otherOrg, 1), read(s -> s.version(OTHER_ORG, PACK, 1)));
        }

        @Test
        @DisplayName("a replace with the stored version stores the new content at the next version, each adding one")
        void replaceWithStoredVersion() {
            PolicyPackVersion uploaded = v1.withUpload();
            PolicyPackVersion completed = uploaded.completed();

            checks.eachReplaceAddsOne(v1, uploaded, completed);
            assertEquals(List.of(new Versioned<>(completed, 3)), read(s -> s.versions(ORG, PACK)));
        }

        @Test
        @DisplayName("a replace with a stale version fails and changes nothing")
        void replaceWithStaleVersion() {
            checks.replaceWithWrongVersion(v1, v1.withUpload(), v1.completed());
        }

        @Test
        @DisplayName("a replace of a missing version fails and stores nothing, also when another organization has it")
        void replaceMissing() {
            write(s -> s.insertVersion(version(OTHER_ORG, PACK, 1)));

            checks.replaceMissing(v1);
            assertEquals(List.of(), read(s -> s.names(ORG, "", 10)));
        }

        @Test
        @DisplayName("a delete with the stored version removes the version from every lookup")
        void deleteWithStoredVersion() {
            checks.deleteWithStoredVersion(v1);
            assertEquals(List.of(), read(s -> s.versions(ORG, PACK)));
            assertEquals(List.of(), read(s -> s.names(ORG, "", 10)));
        }

        @Test
        @DisplayName("a delete with a stale version fails and keeps the version")
        void deleteWithStaleVersion() {
            write(s -> s.insertVersion(v1));
            write(s -> s.replaceVersion(v1.withUpload(), 1));

            assertFalse(succeeds(s -> s.deleteVersion(ORG, PACK, 1, 1)));
            assertFalse(succeeds(s -> s.deleteVersion(ORG, PACK, 1, 3)));
            assertEquals(stored(v1.withUpload(), 2), read(s -> s.version(ORG, PACK, 1)));
        }

        @Test
        @DisplayName("a delete of a missing version fails and leaves other organizations' versions alone")
        void deleteMissing() {
            PolicyPackVersion otherOrg = version(OTHER_ORG, PACK, 1);
            write(s -> s.insertVersion(otherOrg));

            checks.deleteMissing();
            assertFalse(succeeds(s -> s.deleteVersion(OTHER_ORG, PACK, 2, 1)));
            assertEquals(stored(otherOrg, 1), read(s -> s.version(OTHER_ORG, PACK, 1)));
        }

        @Test
        @DisplayName("a deleted number can be inserted again, starting over at store version 1")
        void reinsertAfterDelete() {
            checks.reinsertAfterDelete(v1, v1.withUpload());
        }

        @Test
        @DisplayName("deleting one version leaves the pack's other versions and its ledger")
        void deleteLeavesTheRest() {
            PolicyPackVersion v2 = version(ORG, PACK, 2);
            PolicyPackLedger guard = ledger(ORG, PACK);
            write(s -> s.insertLedger(guard) && s.insertVersion(v1) && s.insertVersion(v2));

            assertTrue(succeeds(s -> s.deleteVersion(ORG, PACK, 1, 1)));
            assertEquals(List.of(new Versioned<>(v2, 1)), read(s -> s.versions(ORG, PACK)));
            assertEquals(stored(guard, 1), read(s -> s.ledger(ORG, PACK)));
        }
    }

    @Nested
    @DisplayName("version lists")
    class VersionLists {

        @Test
        @DisplayName("the versions of a pack are listed by ascending number, 10 after 9")
        void listedByNumber() {
            List<PolicyPackVersion> ordered = new ArrayList<>();
            for (int number : new int[] {1, 2, 3, 9, 10, 11}) {
                ordered.add(version(ORG, PACK, number));
            }
            for (int i : new int[] {4, 2, 0, 5, 1, 3}) {
                PolicyPackVersion version = ordered.get(i);
                write(s -> s.insertVersion(version));
            }

            assertEquals(atVersion1(ordered), read(s -> s.versions(ORG, PACK)));
        }

        @Test
        @DisplayName("only versions of the given organization and pack are listed, not of names it prefixes")
        void onlyOwnPack() {
            PolicyPackVersion own = version(ORG, PACK, 2);
            write(s -> s.insertVersion(own)
                    && s.insertVersion(version(ORG, PACK + "-extra", 1))
                    && s.insertVersion(version(ORG, "aws", 3))
                    && s.insertVersion(version(OTHER_ORG, PACK, 1)));

            assertEquals(List.of(new Versioned<>(own, 1)), read(s -> s.versions(ORG, PACK)));
        }

        @Test
        @DisplayName("a replaced version is listed in its place at its new store version, a deleted one no longer")
        void listFollowsReplacesAndDeletes() {
            PolicyPackVersion v1 = version(ORG, PACK, 1);
            PolicyPackVersion v2 = version(ORG, PACK, 2);
            PolicyPackVersion v3 = version(ORG, PACK, 3);
            write(s -> s.insertVersion(v1) && s.insertVersion(v2) && s.insertVersion(v3));

            write(s -> s.replaceVersion(v3.completed(), 1) && s.deleteVersion(ORG, PACK, 2, 1));
            assertEquals(List.of(new Versioned<>(v1, 1), new Versioned<>(v3.completed(), 2)),
                    read(s -> s.versions(ORG, PACK)));
        }
    }

    @Nested
    @DisplayName("pack names")
    class Names {
        /** Names with versions, in list order: upper case first, a name right before the names it prefixes. */
        private final List<String> ordered = List.of("Zeta-pack", "aws-guard", "aws-guard-extra", "k8s");

        /** Several versions for some names, a ledger-only name, and another organization's pack. */
        private void insertAll() {
            write(s -> s.insertVersion(version(ORG, "k8s", 2))
                    && s.insertVersion(version(ORG, "aws-guard", 3))
                    && s.insertVersion(version(ORG, "Zeta-pack", 1))
                    && s.insertVersion(version(ORG, "aws-guard", 1))
                    && s.insertVersion(version(ORG, "aws-guard-extra", 1))
                    && s.insertVersion(version(ORG, "aws-guard", 2))
                    && s.insertLedger(ledger(ORG, "b-ledger-only"))
                    && s.insertVersion(version(OTHER_ORG, "other-pack", 1)));
        }

        @Test
        @DisplayName("names having at least one version are listed once each, ascending, from an empty cursor")
        void listedOnceByName() {
            insertAll();

            assertEquals(ordered, read(s -> s.names(ORG, "", 10)));
        }

        @Test
        @DisplayName("the list starts strictly after the given name, also where no pack sits")
        void listStartsAfterName() {
            insertAll();

            assertEquals(ordered.subList(2, 4), read(s -> s.names(ORG, "aws-guard", 10)));
            assertEquals(ordered.subList(1, 4), read(s -> s.names(ORG, "aws", 10)));
            assertEquals(ordered.subList(3, 4), read(s -> s.names(ORG, "b", 10)));
            assertEquals(List.of(), read(s -> s.names(ORG, "k8s", 10)));
        }

        @Test
        @DisplayName("the limit caps the list, counting names rather than versions")
        void limitCountsNames() {
            insertAll();

            assertEquals(ordered.subList(0, 2), read(s -> s.names(ORG, "", 2)));
            assertEquals(ordered.subList(1, 3), read(s -> s.names(ORG, "Zeta-pack", 2)));
        }

        @Test
        @DisplayName("paging by three from the last name seen visits every name once, in order")
        void pagingVisitsEveryNameOnce() {
            insertAll();

            Paged<String> paged = pageThroughNames(after -> read(s -> s.names(ORG, after, 3)), ordered.size());

            assertEquals(List.of(3, 1), paged.pageSizes());
            assertEquals(ordered, paged.seen());
        }

        @Test
        @DisplayName("a name stays listed while it has a version, and its ledger stays after its last one goes")
        void nameListedWhileItHasVersions() {
            insertAll();
            write(s -> s.insertLedger(ledger(ORG, "aws-guard-extra")));

            write(s -> s.deleteVersion(ORG, "aws-guard", 1, 1) && s.deleteVersion(ORG, "aws-guard", 3, 1));
            assertEquals(ordered, read(s -> s.names(ORG, "", 10)));
            write(s -> s.deleteVersion(ORG, "aws-guard", 2, 1) && s.deleteVersion(ORG, "aws-guard-extra", 1, 1));
            assertEquals(List.of("Zeta-pack", "k8s"), read(s -> s.names(ORG, "", 10)));
            assertEquals(stored(ledger(ORG, "aws-guard-extra"), 1), read(s -> s.ledger(ORG, "aws-guard-extra")));
        }

        @Test
        @DisplayName("only names of the given organization are listed")
        void onlyOwnOrganization() {
            insertAll();

            assertEquals(List.of("other-pack"), read(s -> s.names(OTHER_ORG, "", 10)));
            assertEquals(List.of(), read(s -> s.names("initech", "", 10)));
        }
    }

    @Nested
    @DisplayName("archives")
    class Archives {
        private final PolicyPackVersion v1 = version(ORG, PACK, 1);
        private final byte[] content = bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x80, 0x7f, 0x0a, 0x0d);

        @Test
        @DisplayName("a stored archive reads back byte for byte")
        void storedArchiveReadsBack() {
            write(s -> s.insertVersion(v1));

            putArchive(ORG, PACK, 1, content);
            assertEquals(hex(content), archive(ORG, PACK, 1));
        }

        @Test
        @DisplayName("a second put replaces the archive, with a shorter content too")
        void secondPutReplaces() {
            write(s -> s.insertVersion(v1));
            putArchive(ORG, PACK, 1, content);
            byte[] replacement = bytes(1, 2, 3);

            putArchive(ORG, PACK, 1, replacement);
            assertEquals(hex(replacement), archive(ORG, PACK, 1));
        }

        @Test
        @DisplayName("an empty archive reads back as zero bytes, not as missing")
        void emptyArchive() {
            write(s -> s.insertVersion(v1));

            putArchive(ORG, PACK, 1, new byte[0]);
            assertEquals(Optional.of(""), archive(ORG, PACK, 1));
        }

        @Test
        @DisplayName("a one-mebibyte archive reads back byte for byte")
        void largeArchive() {
            byte[] large = new byte[1 << 20];
            new Random(42).nextBytes(large);
            write(s -> s.insertVersion(v1));

            putArchive(ORG, PACK, 1, large);
            assertEquals(hex(large), archive(ORG, PACK, 1));
        }

        @Test
        @DisplayName("a version without an archive has none to read")
        void missingArchive() {
            write(s -> s.insertVersion(v1));

            assertEquals(Optional.empty(), archive(ORG, PACK, 1));
            assertEquals(Optional.empty(), archive(ORG, PACK, 2));
        }

        @Test
        @DisplayName("the stored bytes are a copy: changing the array given or the array read changes nothing")
        void storedBytesAreACopy() {
            write(s -> s.insertVersion(v1));
            byte[] given = content.clone();
            putArchive(ORG, PACK, 1, given);

            given[0] = 0;
            byte[] first = read(s -> s.archive(ORG, PACK, 1)).orElseThrow();
            first[1] = 0;
            assertEquals(hex(content), archive(ORG, PACK, 1));
        }

        @Test
        @DisplayName("an archive is found only under its own organization, name and version")
        void foundOnlyUnderItsKey() {
            write(s -> s.insertVersion(v1) && s.insertVersion(version(OTHER_ORG, PACK, 1))
                    && s.insertVersion(version(ORG, PACK, 2)) && s.insertVersion(version(ORG, "k8s", 1)));

            putArchive(ORG, PACK, 1, content);
            assertEquals(Optional.empty(), archive(OTHER_ORG, PACK, 1));
            assertEquals(Optional.empty(), archive(ORG, PACK, 2));
            assertEquals(Optional.empty(), archive(ORG, "k8s", 1));
            assertEquals(hex(content), archive(ORG, PACK, 1));
        }

        @Test
        @DisplayName("each version of each organization keeps its own archive")
        void archivesAreSeparate() {
            write(s -> s.insertVersion(v1) && s.insertVersion(version(OTHER_ORG, PACK, 1))
                    && s.insertVersion(version(ORG, PACK, 2)));
            byte[] other = bytes(9, 9);
            byte[] second = bytes(2);

            putArchive(ORG, PACK, 1, content);
            putArchive(OTHER_ORG, PACK, 1, other);
            putArchive(ORG, PACK, 2, second);
            assertEquals(hex(content), archive(ORG, PACK, 1));
            assertEquals(hex(other), archive(OTHER_ORG, PACK, 1));
            assertEquals(hex(second), archive(ORG, PACK, 2));
        }

        @Test
        @DisplayName("storing an archive changes neither the version record nor its store version")
        void archiveLeavesVersionAlone() {
            write(s -> s.insertVersion(v1));

            putArchive(ORG, PACK, 1, content);
            assertEquals(stored(v1, 1), read(s -> s.version(ORG, PACK, 1)));
            assertEquals(List.of(new Versioned<>(v1, 1)), read(s -> s.versions(ORG, PACK)));
            assertTrue(succeeds(s -> s.replaceVersion(v1.withUpload(), 1)));
        }

        @Test
        @DisplayName("replacing the version record keeps its archive")
        void replaceKeepsArchive() {
            write(s -> s.insertVersion(v1));
            putArchive(ORG, PACK, 1, content);

            write(s -> s.replaceVersion(v1.withUpload().completed(), 1));
            assertEquals(hex(content), archive(ORG, PACK, 1));
        }

        @Test
        @DisplayName("deleting the version deletes its archive, and a version inserted again under its number has none")
        void deletedWithVersion() {
            write(s -> s.insertVersion(v1) && s.insertVersion(version(ORG, PACK, 2)));
            putArchive(ORG, PACK, 1, content);
            putArchive(ORG, PACK, 2, bytes(2));

            assertTrue(succeeds(s -> s.deleteVersion(ORG, PACK, 1, 1)));
            assertEquals(Optional.empty(), archive(ORG, PACK, 1));
            assertEquals(hex(bytes(2)), archive(ORG, PACK, 2));
            write(s -> s.insertVersion(v1));
            assertEquals(Optional.empty(), archive(ORG, PACK, 1));
        }

        @Test
        @DisplayName("a failed delete of the version keeps its archive")
        void failedDeleteKeepsArchive() {
            write(s -> s.insertVersion(v1));
            putArchive(ORG, PACK, 1, content);

            assertFalse(succeeds(s -> s.deleteVersion(ORG, PACK, 1, 2)));
            assertFalse(succeeds(s -> s.deleteVersion(OTHER_ORG, PACK, 1, 1)));
            assertEquals(hex(content), archive(ORG, PACK, 1));
        }
    }

    @Nested
    @DisplayName("units of work")
    class Units {
        private final PolicyPackLedger guard = ledger(ORG, PACK);
        private final PolicyPackVersion v1 = version(ORG, PACK, 1);
        private final PolicyPackVersion v2 = version(ORG, PACK, 2);
        private final byte[] first = bytes(1, 1, 1);
        private final byte[] second = bytes(2, 2);

        /** Everything a reader can observe about the ledger, versions 1 and 2, and their archives. */
        private Map<String, Object> snapshot(PolicyPackStore s) {
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("ledger", s.ledger(ORG, PACK));
            seen.put("names", s.names(ORG, "", 100));
            seen.put("versions", s.versions(ORG, PACK));
            seen.put("version 1", s.version(ORG, PACK, 1));
            seen.put("version 2", s.version(ORG, PACK, 2));
            seen.put("archive 1", s.archive(ORG, PACK, 1).map(HEX::formatHex));
            seen.put("archive 2", s.archive(ORG, PACK, 2).map(HEX::formatHex));
            return seen;
        }

        @Test
        @DisplayName("a ledger insert in a unit that throws is undone")
        void ledgerInsertRolledBack() {
            assertUndone(this::snapshot, s -> s.insertLedger(guard));
            assertTrue(succeeds(s -> s.insertLedger(guard)));
            assertEquals(stored(guard, 1), read(s -> s.ledger(ORG, PACK)));
        }

        @Test
        @DisplayName("a ledger replace in a unit that throws is undone")
        void ledgerReplaceRolledBack() {
            write(s -> s.insertLedger(guard));

            assertUndone(this::snapshot, s -> s.replaceLedger(published(guard, "v4"), 1));
            assertEquals(stored(guard, 1), read(s -> s.ledger(ORG, PACK)));
        }

        @Test
        @DisplayName("a version insert in a unit that throws is undone, and the name is not listed")
        void versionInsertRolledBack() {
            assertUndone(this::snapshot, s -> s.insertVersion(v1));
            assertTrue(succeeds(s -> s.insertVersion(v1)));
            assertEquals(stored(v1, 1), read(s -> s.version(ORG, PACK, 1)));
        }

        @Test
        @DisplayName("a version replace in a unit that throws is undone")
        void versionReplaceRolledBack() {
            write(s -> s.insertVersion(v1));

            assertUndone(this::snapshot, s -> s.replaceVersion(v1.withUpload(), 1));
            assertEquals(stored(v1, 1), read(s -> s.version(ORG, PACK, 1)));
        }

        @Test
        @DisplayName("a version delete in a unit that throws is undone, its archive included")
        void versionDeleteRolledBack() {
            write(s -> s.insertVersion(v1) && put(s, ORG, PACK, 1, first));

            assertUndone(this::snapshot, s -> s.deleteVersion(ORG, PACK, 1, 1));
            assertEquals(hex(first), archive(ORG, PACK, 1));
        }

        @Test
        @DisplayName("a first archive stored in a unit that throws is undone")
        void archivePutRolledBack() {
            write(s -> s.insertVersion(v1));

            assertUndone(this::snapshot, s -> put(s, ORG, PACK, 1, first));
            assertEquals(Optional.empty(), archive(ORG, PACK, 1));
        }

        @Test
        @DisplayName("an archive replaced in a unit that throws is restored")
        void archiveReplaceRolledBack() {
            write(s -> s.insertVersion(v1) && put(s, ORG, PACK, 1, first));

            assertUndone(this::snapshot, s -> put(s, ORG, PACK, 1, second) && put(s, ORG, PACK, 1, bytes()));
            assertEquals(hex(first), archive(ORG, PACK, 1));
        }

        @Test
        @DisplayName("a publish, upload and delete of versions and archives in a unit that throws leave all as it was")
        void mixedWritesRolledBack() {
            write(s -> s.insertLedger(guard) && s.insertVersion(v1) && put(s, ORG, PACK, 1, first));

            assertUndone(this::snapshot, s -> s.replaceLedger(published(guard, "v4"), 1)
                    && s.insertVersion(v2)
                    && put(s, ORG, PACK, 2, second)
                    && s.replaceVersion(v2.withUpload().completed(), 1)
                    && s.deleteVersion(ORG, PACK, 1, 1)
                    && s.insertVersion(v1)
                    && put(s, ORG, PACK, 1, second));
        }

        @Test
        @DisplayName("a read unit refuses a version insert and an archive put, and stores nothing")
        void readUnitRefusesWrites() {
            write(s -> s.insertVersion(v1));

            assertThrows(IllegalStateException.class, () -> read(s -> s.insertVersion(v2)));
            assertThrows(IllegalStateException.class, () -> read(s -> put(s, ORG, PACK, 1, first)));
            assertEquals(List.of(new Versioned<>(v1, 1)), read(s -> s.versions(ORG, PACK)));
            assertEquals(Optional.empty(), archive(ORG, PACK, 1));
        }
    }

    @Nested
    @DisplayName("clear()")
    class Clearing {

        @Test
        @DisplayName("clear() forgets every ledger, version and archive, and they can be stored again from version 1")
        void clearForgetsEverything() {
            PolicyPackLedger guard = ledger(ORG, PACK);
            PolicyPackVersion v1 = version(ORG, PACK, 1);
            write(s -> s.insertLedger(guard) && s.replaceLedger(published(guard, "v4"), 1)
                    && s.insertVersion(v1) && s.replaceVersion(v1.withUpload(), 1)
                    && put(s, ORG, PACK, 1, bytes(1, 2, 3))
                    && s.insertVersion(version(OTHER_ORG, PACK, 1)));

            storage().clear();
            assertEquals(Optional.empty(), read(s -> s.ledger(ORG, PACK)));
            assertEquals(List.of(), read(s -> s.names(ORG, "", 10)));
            assertEquals(List.of(), read(s -> s.names(OTHER_ORG, "", 10)));
            assertEquals(List.of(), read(s -> s.versions(ORG, PACK)));
            assertEquals(Optional.empty(), archive(ORG, PACK, 1));
            assertTrue(succeeds(s -> s.insertLedger(guard) && s.insertVersion(v1)));
            assertEquals(stored(guard, 1), read(s -> s.ledger(ORG, PACK)));
            assertEquals(stored(v1, 1), read(s -> s.version(ORG, PACK, 1)));
            assertEquals(Optional.empty(), archive(ORG, PACK, 1));
        }
    }
}
