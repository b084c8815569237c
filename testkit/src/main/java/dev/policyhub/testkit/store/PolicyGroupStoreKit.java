package dev.policyhub.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.policygroups.AppliedPolicyPack;
import dev.policyhub.core.policygroups.EntityType;
import dev.policyhub.core.policygroups.Mode;
import dev.policyhub.core.policygroups.PolicyGroup;
import dev.policyhub.core.policygroups.StackRef;
import dev.policyhub.core.spi.PolicyGroupStore;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.Versioned;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The conformance suite of {@link PolicyGroupStore}: policy groups keyed by (org, name). */
public abstract class PolicyGroupStoreKit extends StoreKitBase<PolicyGroupStore> {
    private static final String ORG = "acme";
    private static final String OTHER_ORG = "globex";
    private static final String NAME = "prod-guardrails";
    private static final long MODIFIED_MICROS = 1_714_979_289_123_456L;

    /** Subclasses name the store under test. */
    protected PolicyGroupStoreKit() {
    }

    @Override
    PolicyGroupStore store(StoreSession session) {
        return session.policyGroups();
    }

    /** A pack entry with per-policy and {@code all} config, nested values, two environments and a stamp. */
    private static AppliedPolicyPack applied(String pack, int version) {
        return new AppliedPolicyPack(pack, "Display " + pack, version, "1." + version + ".0",
                Map.of("all", Map.of("enforcementLevel", "advisory"),
                        "s3-no-public-read", Map.of("enforcementLevel", "mandatory",
                                "allowedBuckets", List.of("logs", "audit"),
                                "maxAgeDays", 30L,
                                "limits", Map.of("strict", true))),
                List.of("acme/security/prod", "acme/security/shared"), MODIFIED_MICROS + version);
    }

    /** A preventative stacks group with two stacks, two packs, two accounts and an agent pool. */
    private static PolicyGroup group(String org, String name) {
        return new PolicyGroup(org, name, EntityType.STACKS, Mode.PREVENTATIVE, false,
                List.of(new StackRef("web", "prod"), new StackRef("api", "dev")),
                List.of(applied("k8s-baseline", 1), applied("aws-guard", 3)),
                List.of("aws-main/us-east-1", "aws-main"), "pool-7");
    }

    /** A default group with no members and no agent pool. */
    private static PolicyGroup defaultGroup(String org, String name, EntityType entityType) {
        return new PolicyGroup(org, name, entityType, Mode.AUDIT, true, List.of(), List.of(), List.of(), "");
    }

    /** The same group with one more stack, one pack upgraded and the other dropped, no accounts, no agent pool. */
    private static PolicyGroup edited(PolicyGroup group) {
        List<StackRef> stacks = new ArrayList<>(group.stacks());
        stacks.add(new StackRef("web", "staging"));
        AppliedPolicyPack upgraded = new AppliedPolicyPack("aws-guard", "AWS Guard", 4, "1.4.0",
                Map.of("all", Map.of("enforcementLevel", "mandatory")), List.of(), MODIFIED_MICROS + 100);
        return new PolicyGroup(group.org(), group.name(), group.entityType(), Mode.AUDIT, group.isOrgDefault(),
                stacks, List.of(upgraded), List.of(), "");
    }

    /** The same group with another agent pool. */
    private static PolicyGroup withAgentPool(PolicyGroup group, String agentPoolId) {
        return new PolicyGroup(group.org(), group.name(), group.entityType(), group.mode(), group.isOrgDefault(),
                group.stacks(), group.appliedPolicyPacks(), group.accounts(), agentPoolId);
    }

    @Nested
    @DisplayName("single policy groups")
    class SingleGroups {
        private final PolicyGroup guardrails = group(ORG, NAME);

        /** The checks made on the group {@code NAME} of {@code ORG}. */
        private final VersionChecks<PolicyGroup> checks = new VersionChecks<>(
                PolicyGroupStore::insert,
                PolicyGroupStore::replace,
                (s, version) -> s.delete(ORG, NAME, version),
                s -> s.get(ORG, NAME));

        @Test
        @DisplayName("an inserted group reads back whole at version 1: members, packs with config and environments")
        void insertedReadsBack() {
            checks.insertedReadsBack(guardrails);
        }

        @Test
        @DisplayName("an empty default group reads back whole")
        void emptyDefaultGroupReadsBack() {
            PolicyGroup accounts = defaultGroup(ORG, PolicyGroup.DEFAULT_ACCOUNTS_GROUP, EntityType.ACCOUNTS);

            assertTrue(succeeds(s -> s.insert(accounts)));
            assertEquals(stored(accounts, 1), read(s -> s.get(ORG, PolicyGroup.DEFAULT_ACCOUNTS_GROUP)));
        }

        @Test
        @DisplayName("an unknown group reads as empty")
        void unknownIsEmpty() {
            assertEquals(Optional.empty(), read(s -> s.get(ORG, NAME)));
        }

        @Test
        @DisplayName("a group is found only under its own organization and name")
        void foundOnlyUnderItsKey() {
            write(s -> s.insert(guardrails));

            assertEquals(Optional.empty(), read(s -> s.get(OTHER_ORG, NAME)));
            assertEquals(Optional.empty(), read(s -> s.get(ORG, "Prod-Guardrails")));
            assertEquals(Optional.empty(), read(s -> s.get(ORG, "prod")));
        }

        @Test
        @DisplayName("inserts fail when the name is taken in the organization, and the first group is kept")
        void insertFailsWhenTaken() {
            checks.insertFailsWhenTaken(guardrails, edited(guardrails));
        }

        @Test
        @DisplayName("the same name can be used by each organization")
        void sameNameInSeveralOrganizations() {
            PolicyGroup other = group(OTHER_ORG, NAME);
            write(s -> s.insert(guardrails));

            assertTrue(succeeds(s -> s.insert(other)));
            assertEquals(stored(guardrails, 1), read(s -> s.get(ORG, NAME)));
            assertEquals(stored(other, 1), read(s -> s.get(OTHER_ORG, NAME)));
        }

        @Test
        @DisplayName("a replace with the stored version stores the new content at the next version")
        void replaceWithStoredVersion() {
            checks.replaceWithStoredVersion(guardrails, edited(guardrails));
        }

        @Test
        @DisplayName("each replace adds one to the version")
        void eachReplaceAddsOne() {
            PolicyGroup first = edited(guardrails);

            checks.eachReplaceAddsOne(guardrails, first, withAgentPool(first, "pool-9"));
        }

        @Test
        @DisplayName("a replace with a stale version fails and changes nothing")
        void replaceWithStaleVersion() {
            checks.replaceWithWrongVersion(guardrails, edited(guardrails), guardrails);
        }

        @Test
        @DisplayName("a replace of a missing group fails and stores nothing, also when another organization has it")
        void replaceMissing() {
            write(s -> s.insert(group(OTHER_ORG, NAME)));

            checks.replaceMissing(guardrails);
            assertEquals(List.of(), read(s -> s.list(ORG)));
        }

        @Test
        @DisplayName("a delete with the stored version removes the group and its list entry")
        void deleteWithStoredVersion() {
            checks.deleteWithStoredVersion(guardrails);
            assertEquals(List.of(), read(s -> s.list(ORG)));
        }

        @Test
        @DisplayName("a delete with a stale version fails and keeps the group")
        void deleteWithStaleVersion() {
            checks.deleteWithStaleVersion(guardrails, 2);
        }

        @Test
        @DisplayName("a delete of a missing group fails and leaves other organizations' groups alone")
        void deleteMissing() {
            PolicyGroup other = group(OTHER_ORG, NAME);
            write(s -> s.insert(other));

            checks.deleteMissing();
            assertEquals(stored(other, 1), read(s -> s.get(OTHER_ORG, NAME)));
        }

        @Test
        @DisplayName("a deleted group can be inserted again, starting over at version 1")
        void reinsertAfterDelete() {
            checks.reinsertAfterDelete(guardrails, edited(guardrails));
        }

        @Test
        @DisplayName("a rename, a delete plus an insert in one unit, leaves only the new name, at version 1")
        void renameIsDeletePlusInsert() {
            write(s -> s.insert(guardrails));
            write(s -> s.replace(edited(guardrails), 1));
            PolicyGroup renamed = group(ORG, "production");

            assertTrue(succeeds(s -> s.delete(ORG, NAME, 2) && s.insert(renamed)));
            assertEquals(Optional.empty(), read(s -> s.get(ORG, NAME)));
            assertEquals(List.of(new Versioned<>(renamed, 1)), read(s -> s.list(ORG)));
        }
    }

    @Nested
    @DisplayName("policy group lists")
    class Lists {
        /** Groups in list order: by name, upper case before lower case. */
        private final List<PolicyGroup> ordered = List.of(
                group(ORG, "Prod"),
                defaultGroup(ORG, PolicyGroup.DEFAULT_ACCOUNTS_GROUP, EntityType.ACCOUNTS),
                defaultGroup(ORG, PolicyGroup.DEFAULT_STACKS_GROUP, EntityType.STACKS),
                group(ORG, "prod"),
                group(ORG, "prod-eu"),
                group(ORG, "staging"));

        private void insertAll() {
            for (int i : new int[] {5, 2, 0, 4, 1, 3}) {
                PolicyGroup group = ordered.get(i);
                write(s -> s.insert(group));
            }
            write(s -> s.insert(group(OTHER_ORG, "prod")));
        }

        @Test
        @DisplayName("every group of an organization is listed, by name")
        void listedByName() {
            insertAll();

            assertEquals(atVersion1(ordered), read(s -> s.list(ORG)));
        }

        @Test
        @DisplayName("only groups of the given organization are listed")
        void onlyOwnOrganization() {
            insertAll();

            assertEquals(List.of(new Versioned<>(group(OTHER_ORG, "prod"), 1)), read(s -> s.list(OTHER_ORG)));
            assertEquals(List.of(), read(s -> s.list("initech")));
        }

        @Test
        @DisplayName("a replaced group is listed in its place at its new version, a deleted one no longer")
        void listFollowsReplacesAndDeletes() {
            insertAll();
            PolicyGroup changed = edited(ordered.get(3));
            write(s -> s.replace(changed, 1) && s.delete(ORG, "Prod", 1));

            List<Versioned<PolicyGroup>> expected = new ArrayList<>(atVersion1(ordered.subList(1, 6)));
            expected.set(2, new Versioned<>(changed, 2));
            assertEquals(expected, read(s -> s.list(ORG)));
        }
    }

    @Nested
    @DisplayName("units of work")
    class Units {
        private final PolicyGroup guardrails = group(ORG, NAME);
        private final PolicyGroup renamed = group(ORG, "production");

        /** Everything a reader can observe about {@link #guardrails} and {@link #renamed}. */
        private Map<String, Object> snapshot(PolicyGroupStore s) {
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("guardrails", s.get(ORG, NAME));
            seen.put("renamed", s.get(ORG, "production"));
            seen.put("list", s.list(ORG));
            return seen;
        }

        @Test
        @DisplayName("an insert in a unit that throws is undone")
        void insertRolledBack() {
            assertUndone(this::snapshot, s -> s.insert(guardrails));
            assertTrue(succeeds(s -> s.insert(guardrails)));
            assertEquals(stored(guardrails, 1), read(s -> s.get(ORG, NAME)));
        }

        @Test
        @DisplayName("a replace in a unit that throws is undone")
        void replaceRolledBack() {
            write(s -> s.insert(guardrails));

            assertUndone(this::snapshot, s -> s.replace(edited(guardrails), 1));
            assertEquals(stored(guardrails, 1), read(s -> s.get(ORG, NAME)));
        }

        @Test
        @DisplayName("a delete in a unit that throws is undone")
        void deleteRolledBack() {
            write(s -> s.insert(guardrails));

            assertUndone(this::snapshot, s -> s.delete(ORG, NAME, 1));
            assertEquals(stored(guardrails, 1), read(s -> s.get(ORG, NAME)));
        }

        @Test
        @DisplayName("a rename in a unit that throws is undone: the old name stays, the new one is free")
        void renameRolledBack() {
            write(s -> s.insert(guardrails));

            assertUndone(this::snapshot,
                    s -> s.delete(ORG, NAME, 1) && s.insert(renamed) && s.replace(edited(renamed), 1));
            assertTrue(succeeds(s -> s.insert(renamed)));
        }

        @Test
        @DisplayName("a read unit refuses an insert and stores nothing")
        void readUnitRefusesInsert() {
            assertThrows(IllegalStateException.class, () -> read(s -> s.insert(guardrails)));

            assertEquals(Optional.empty(), read(s -> s.get(ORG, NAME)));
        }
    }

    @Nested
    @DisplayName("clear()")
    class Clearing {

        @Test
        @DisplayName("clear() forgets every group, and the same groups can be inserted again at version 1")
        void clearForgetsGroups() {
            PolicyGroup guardrails = group(ORG, NAME);
            write(s -> s.insert(guardrails) && s.replace(edited(guardrails), 1) && s.insert(group(OTHER_ORG, NAME)));

            storage().clear();
            assertEquals(List.of(), read(s -> s.list(ORG)));
            assertEquals(List.of(), read(s -> s.list(OTHER_ORG)));
            assertTrue(succeeds(s -> s.insert(guardrails)));
            assertEquals(stored(guardrails, 1), read(s -> s.get(ORG, NAME)));
        }
    }
}
