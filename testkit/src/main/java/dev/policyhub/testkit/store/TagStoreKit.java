package dev.policyhub.testkit.store;

import static dev.policyhub.testkit.store.Fixtures.described;
import static dev.policyhub.testkit.store.Fixtures.tagKey;
import static dev.policyhub.testkit.store.Fixtures.tagValue;
import static dev.policyhub.testkit.store.Fixtures.withNamespacedName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.TagBinding;
import dev.policyhub.core.hierarchy.TagKey;
import dev.policyhub.core.hierarchy.TagValue;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.TagStore;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The conformance suite of {@link TagStore}: tag keys, tag values and tag bindings. */
public abstract class TagStoreKit extends StoreKitBase<TagStore> {
    private static final NodeKey ORG = NodeKey.organization(1);
    private static final NodeKey PROJECT = NodeKey.project(7);

    /** Subclasses name the store under test. */
    protected TagStoreKit() {
    }

    @Override
    TagStore store(StoreSession session) {
        return session.tags();
    }

    private int countKeys(NodeKey parent) {
        return read(s -> s.countKeys(parent));
    }

    @Nested
    @DisplayName("tag keys")
    class Keys {
        private final TagKey env = tagKey(301, ORG, "env");

        /** The checks made on the key with the id 301. */
        private final VersionChecks<TagKey> checks = new VersionChecks<>(
                TagStore::insertKey,
                TagStore::replaceKey,
                (s, version) -> s.deleteKey(301, version),
                s -> s.key(301));

        @Test
        @DisplayName("an inserted key reads back whole at version 1, by id and by namespaced name")
        void insertedReadsBack() {
            checks.insertedReadsBack(env);
            assertEquals(stored(env, 1), read(s -> s.keyByNamespacedName("1/env")));
        }

        @Test
        @DisplayName("an unknown id or namespaced name reads as empty")
        void unknownIsEmpty() {
            write(s -> s.insertKey(env));

            assertEquals(Optional.empty(), read(s -> s.key(302)));
            assertEquals(Optional.empty(), read(s -> s.keyByNamespacedName("1/team")));
        }

        @Test
        @DisplayName("inserts fail when the id is taken, and the first key is kept")
        void insertFailsWhenIdTaken() {
            checks.insertFailsWhenTaken(env, tagKey(301, ORG, "team"));
            assertEquals(Optional.empty(), read(s -> s.keyByNamespacedName("1/team")));
        }

        @Test
        @DisplayName("inserts fail when the namespaced name is taken, and the first key is kept")
        void insertFailsWhenNameTaken() {
            write(s -> s.insertKey(env));

            assertFalse(succeeds(s -> s.insertKey(tagKey(302, ORG, "env"))));
            assertEquals(Optional.empty(), read(s -> s.key(302)));
            assertEquals(stored(env, 1), read(s -> s.keyByNamespacedName("1/env")));
            assertEquals(1, countKeys(ORG));
        }

        @Test
        @DisplayName("a replace with the stored version stores the new content at the next version")
        void replaceWithStoredVersion() {
            TagKey edited = described(env, "environment");

            checks.replaceWithStoredVersion(env, edited);
            assertEquals(stored(edited, 2), read(s -> s.keyByNamespacedName("1/env")));
        }

        @Test
        @DisplayName("a replace with a stale version fails and changes nothing")
        void replaceWithStaleVersion() {
            checks.replaceWithStaleVersion(env, described(env, "environment"), described(env, "late"));
        }

        @Test
        @DisplayName("a replace of a missing key fails and stores nothing")
        void replaceMissing() {
            checks.replaceMissing(env);
            assertEquals(Optional.empty(), read(s -> s.keyByNamespacedName("1/env")));
        }

        @Test
        @DisplayName("a replace that changes the namespaced name moves the lookup to the new name")
        void replaceChangesName() {
            write(s -> s.insertKey(env));
            TagKey edited = withNamespacedName(env, "1/environment");

            assertTrue(succeeds(s -> s.replaceKey(edited, 1)));
            assertEquals(stored(edited, 2), read(s -> s.keyByNamespacedName("1/environment")));
            assertEquals(Optional.empty(), read(s -> s.keyByNamespacedName("1/env")));
        }

        @Test
        @DisplayName("a replace fails when it would take another key's namespaced name")
        void replaceFailsWhenNameTaken() {
            TagKey team = tagKey(302, ORG, "team");
            write(s -> s.insertKey(env));
            write(s -> s.insertKey(team));

            assertFalse(succeeds(s -> s.replaceKey(withNamespacedName(env, "1/team"), 1)));
            assertEquals(stored(env, 1), read(s -> s.key(301)));
            assertEquals(stored(team, 1), read(s -> s.keyByNamespacedName("1/team")));
        }

        @Test
        @DisplayName("a delete with the stored version removes the key and frees its namespaced name")
        void deleteWithStoredVersion() {
            checks.deleteWithStoredVersion(env);
            assertEquals(Optional.empty(), read(s -> s.keyByNamespacedName("1/env")));
            assertTrue(succeeds(s -> s.insertKey(tagKey(302, ORG, "env"))));
        }

        @Test
        @DisplayName("a delete with a stale version fails and keeps the key")
        void deleteWithStaleVersion() {
            checks.deleteWithStaleVersion(env, 2);
            assertEquals(stored(env, 1), read(s -> s.keyByNamespacedName("1/env")));
        }

        @Test
        @DisplayName("a delete of a missing key fails")
        void deleteMissing() {
            checks.deleteMissing();
        }

        @Test
        @DisplayName("keys of a parent are listed by ascending id after the given id, up to the limit")
        void listedByIdAfterCursor() {
            List<TagKey> keys = List.of(tagKey(310, ORG, "c"), tagKey(303, ORG, "a"), tagKey(307, ORG, "b"),
                    tagKey(305, PROJECT, "a"));
            keys.forEach(k -> write(s -> s.insertKey(k)));

            assertEquals(atVersion1(List.of(keys.get(1), keys.get(2), keys.get(0))), read(s -> s.keys(ORG, 0, 10)));
            assertEquals(atVersion1(List.of(keys.get(2), keys.get(0))), read(s -> s.keys(ORG, 303, 10)));
            assertEquals(atVersion1(List.of(keys.get(1), keys.get(2))), read(s -> s.keys(ORG, 0, 2)));
            assertEquals(atVersion1(List.of(keys.get(3))), read(s -> s.keys(PROJECT, 0, 10)));
        }

        @Test
        @DisplayName("keys are counted per parent, following inserts and deletes")
        void countedPerParent() {
            write(s -> s.insertKey(env));
            write(s -> s.insertKey(tagKey(302, ORG, "team")));
            write(s -> s.insertKey(tagKey(303, PROJECT, "env")));
            write(s -> s.deleteKey(302, 1));

            assertEquals(1, countKeys(ORG));
            assertEquals(1, countKeys(PROJECT));
            assertEquals(0, countKeys(NodeKey.organization(2)));
        }
    }

    @Nested
    @DisplayName("tag values")
    class Values {
        private final TagKey env = tagKey(301, ORG, "env");
        private final TagValue prod = tagValue(401, env, "prod");

        /** The checks made on the value with the id 401. */
        private final VersionChecks<TagValue> checks = new VersionChecks<>(
                TagStore::insertValue,
                TagStore::replaceValue,
                (s, version) -> s.deleteValue(401, version),
                s -> s.value(401));

        @Test
        @DisplayName("an inserted value reads back whole at version 1, by id and by namespaced name")
        void insertedReadsBack() {
            checks.insertedReadsBack(prod);
            assertEquals(stored(prod, 1), read(s -> s.valueByNamespacedName("1/env/prod")));
        }

        @Test
        @DisplayName("an unknown id or namespaced name reads as empty")
        void unknownIsEmpty() {
            write(s -> s.insertValue(prod));

            assertEquals(Optional.empty(), read(s -> s.value(402)));
            assertEquals(Optional.empty(), read(s -> s.valueByNamespacedName("1/env/dev")));
        }

        @Test
        @DisplayName("inserts fail when the id is taken, and the first value is kept")
        void insertFailsWhenIdTaken() {
            checks.insertFailsWhenTaken(prod, tagValue(401, env, "dev"));
            assertEquals(Optional.empty(), read(s -> s.valueByNamespacedName("1/env/dev")));
        }

        @Test
        @DisplayName("inserts fail when the namespaced name is taken, and the first value is kept")
        void insertFailsWhenNameTaken() {
            write(s -> s.insertValue(prod));

            assertFalse(succeeds(s -> s.insertValue(tagValue(402, env, "prod"))));
            assertEquals(Optional.empty(), read(s -> s.value(402)));
            assertEquals(stored(prod, 1), read(s -> s.valueByNamespacedName("1/env/prod")));
        }

        @Test
        @DisplayName("a replace with the stored version stores the new content at the next version")
        void replaceWithStoredVersion() {
            TagValue edited = described(prod, "production");

            checks.replaceWithStoredVersion(prod, edited);
            assertEquals(stored(edited, 2), read(s -> s.valueByNamespacedName("1/env/prod")));
        }

        @Test
        @DisplayName("a replace with a stale version fails and changes nothing")
        void replaceWithStaleVersion() {
            checks.replaceWithStaleVersion(prod, described(prod, "production"), described(prod, "late"));
        }

        @Test
        @DisplayName("a replace of a missing value fails and stores nothing")
        void replaceMissing() {
            checks.replaceMissing(prod);
            assertEquals(Optional.empty(), read(s -> s.valueByNamespacedName("1/env/prod")));
        }

        @Test
        @DisplayName("a replace that changes the namespaced name moves the lookup to the new name")
        void replaceChangesName() {
            write(s -> s.insertValue(prod));
            TagValue edited = withNamespacedName(prod, "1/environment/prod");

            assertTrue(succeeds(s -> s.replaceValue(edited, 1)));
            assertEquals(stored(edited, 2), read(s -> s.valueByNamespacedName("1/environment/prod")));
            assertEquals(Optional.empty(), read(s -> s.valueByNamespacedName("1/env/prod")));
        }

        @Test
        @DisplayName("a replace fails when it would take another value's namespaced name")
        void replaceFailsWhenNameTaken() {
            TagValue dev = tagValue(402, env, "dev");
            write(s -> s.insertValue(prod));
            write(s -> s.insertValue(dev));

            assertFalse(succeeds(s -> s.replaceValue(withNamespacedName(prod, "1/env/dev"), 1)));
            assertEquals(stored(prod, 1), read(s -> s.value(401)));
            assertEquals(stored(dev, 1), read(s -> s.valueByNamespacedName("1/env/dev")));
        }

        @Test
        @DisplayName("a delete with the stored version removes the value and frees its namespaced name")
        void deleteWithStoredVersion() {
            checks.deleteWithStoredVersion(prod);
            assertEquals(Optional.empty(), read(s -> s.valueByNamespacedName("1/env/prod")));
            assertEquals(List.of(), read(s -> s.values(301, 0, 10)));
            assertTrue(succeeds(s -> s.insertValue(tagValue(402, env, "prod"))));
        }

        @Test
        @DisplayName("a delete with a stale version fails and keeps the value")
        void deleteWithStaleVersion() {
            checks.deleteWithStaleVersion(prod, 3);
            assertEquals(stored(prod, 1), read(s -> s.valueByNamespacedName("1/env/prod")));
        }

        @Test
        @DisplayName("a delete of a missing value fails")
        void deleteMissing() {
            checks.deleteMissing();
        }

        @Test
        @DisplayName("values of a key are listed by ascending id after the given id, up to the limit")
        void listedByIdAfterCursor() {
            TagKey team = tagKey(302, ORG, "team");
            List<TagValue> values = List.of(tagValue(409, env, "c"), tagValue(403, env, "a"),
                    tagValue(406, env, "b"), tagValue(404, team, "a"));
            values.forEach(v -> write(s -> s.insertValue(v)));

            assertEquals(atVersion1(List.of(values.get(1), values.get(2), values.get(0))),
                    read(s -> s.values(301, 0, 10)));
            assertEquals(atVersion1(List.of(values.get(2), values.get(0))), read(s -> s.values(301, 403, 10)));
            assertEquals(atVersion1(List.of(values.get(1), values.get(2))), read(s -> s.values(301, 0, 2)));
            assertEquals(atVersion1(List.of(values.get(3))), read(s -> s.values(302, 0, 10)));
        }
    }

    @Nested
    @DisplayName("tag bindings")
    class Bindings {
        private final TagBinding orgProd = new TagBinding(ORG, 401);

        @Test
        @DisplayName("an inserted binding is listed for its resource")
        void insertedIsListed() {
            assertTrue(succeeds(s -> s.insertBinding(orgProd)));

            assertEquals(List.of(orgProd), read(s -> s.bindings(ORG, 0, 10)));
            assertEquals(List.of(), read(s -> s.bindings(PROJECT, 0, 10)));
        }

        @Test
        @DisplayName("inserting an existing binding fails and keeps one")
        void insertTwiceFails() {
            write(s -> s.insertBinding(orgProd));

            assertFalse(succeeds(s -> s.insertBinding(new TagBinding(ORG, 401))));
            assertEquals(List.of(orgProd), read(s -> s.bindings(ORG, 0, 10)));
        }

        @Test
        @DisplayName("deleting a binding removes it")
        void deleteRemoves() {
            write(s -> s.insertBinding(orgProd));

            assertTrue(succeeds(s -> s.deleteBinding(orgProd)));
            assertEquals(List.of(), read(s -> s.bindings(ORG, 0, 10)));
        }

        @Test
        @DisplayName("deleting a missing binding fails")
        void deleteMissingFails() {
            write(s -> s.insertBinding(new TagBinding(PROJECT, 401)));

            assertFalse(succeeds(s -> s.deleteBinding(orgProd)));
            assertEquals(List.of(new TagBinding(PROJECT, 401)), read(s -> s.bindings(PROJECT, 0, 10)));
        }

        @Test
        @DisplayName("bindings of a resource are listed by ascending value id after the given id, up to the limit")
        void listedByValueIdAfterCursor() {
            for (long valueId : new long[] {409, 403, 406}) {
                write(s -> s.insertBinding(new TagBinding(ORG, valueId)));
            }
            write(s -> s.insertBinding(new TagBinding(NodeKey.folder(1), 404)));

            assertEquals(List.of(new TagBinding(ORG, 403), new TagBinding(ORG, 406), new TagBinding(ORG, 409)),
                    read(s -> s.bindings(ORG, 0, 10)));
            assertEquals(List.of(new TagBinding(ORG, 406), new TagBinding(ORG, 409)),
                    read(s -> s.bindings(ORG, 403, 10)));
            assertEquals(List.of(new TagBinding(ORG, 403), new TagBinding(ORG, 406)),
                    read(s -> s.bindings(ORG, 0, 2)));
        }

        @Test
        @DisplayName("a value is bound while any resource binds it, and unbound after the last binding goes")
        void isBoundFollowsBindings() {
            TagBinding projectProd = new TagBinding(PROJECT, 401);
            assertFalse(holds(s -> s.isBound(401)));

            write(s -> s.insertBinding(orgProd));
            write(s -> s.insertBinding(projectProd));
            assertTrue(holds(s -> s.isBound(401)));

            write(s -> s.deleteBinding(orgProd));
            assertTrue(holds(s -> s.isBound(401)));

            write(s -> s.deleteBinding(projectProd));
            assertFalse(holds(s -> s.isBound(401)));
        }

        @Test
        @DisplayName("a failed insert or delete of a binding does not change whether the value is bound")
        void failedBindingWritesKeepIsBound() {
            write(s -> s.insertBinding(orgProd));
            write(s -> s.insertBinding(orgProd));
            write(s -> s.deleteBinding(orgProd));
            write(s -> s.deleteBinding(orgProd));

            assertFalse(holds(s -> s.isBound(401)));
        }
    }
}
