package dev.policyhub.storage.memory;

import dev.policyhub.core.hierarchy.Folder;
import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.Organization;
import dev.policyhub.core.hierarchy.Project;
import dev.policyhub.core.hierarchy.TagKey;
import dev.policyhub.core.hierarchy.TagValue;
import dev.policyhub.core.orgpolicy.CustomConstraint;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.policygroups.InsightsAccount;
import dev.policyhub.core.policygroups.PolicyGroup;
import dev.policyhub.core.policygroups.PolicyPackLedger;
import dev.policyhub.core.policygroups.PolicyPackVersion;
import dev.policyhub.core.policygroups.Stack;
import dev.policyhub.core.spi.NodeStore.ChildCursor;

import java.util.Comparator;
import java.util.List;

/** Everything one {@link MemoryStorage} holds. Not thread-safe: the storage's lock guards it. */
final class MemoryData {
    /** Child lists are ordered by (displayName, id). */
    static final Comparator<ChildCursor> CHILD_ORDER =
            Comparator.comparing(ChildCursor::displayName).thenComparingLong(ChildCursor::id);

    /** Where a policy is stored: its resource, then its constraint id. */
    record PolicyKey(NodeKey resource, String constraint) {
        static final Comparator<PolicyKey> ORDER = Comparator.comparing((PolicyKey k) -> k.resource().type())
                .thenComparingLong(k -> k.resource().id())
                .thenComparing(PolicyKey::constraint);
    }

    /** Where a custom constraint is stored: its organization, then its constraint id. */
    record ConstraintKey(long organizationId, String constraintId) {
        static final Comparator<ConstraintKey> ORDER = Comparator.comparingLong(ConstraintKey::organizationId)
                .thenComparing(ConstraintKey::constraintId);
    }

    /** A {@code null} name sorts before every name, so it can serve as a cursor before the first one. */
    private static final Comparator<String> NULL_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    /** Where an account, a policy group or a pack ledger is stored: its Pulumi organization, then its name. */
    record OrgNameKey(String org, String name) {
        static final Comparator<OrgNameKey> ORDER =
                Comparator.comparing(OrgNameKey::org).thenComparing(OrgNameKey::name, NULL_FIRST);
    }

    /** Where a stack is stored: its organization, project and name; {@code (org, null, null)} precedes them all. */
    record StackKey(String org, String project, String name) {
        static final Comparator<StackKey> ORDER = Comparator.comparing(StackKey::org)
                .thenComparing(StackKey::project, NULL_FIRST)
                .thenComparing(StackKey::name, NULL_FIRST);
    }

    /** Where a pack version and its archive are stored; a {@code long} number leaves room for cursors around ints. */
    record PackVersionKey(String org, String name, long version) {
        static final Comparator<PackVersionKey> ORDER = Comparator.comparing(PackVersionKey::org)
                .thenComparing(PackVersionKey::name, NULL_FIRST)
                .thenComparingLong(PackVersionKey::version);
    }

    final Table<Long, Organization> organizations = new Table<>(Comparator.naturalOrder(), List.of());

    final OrderedIndex<Long, Folder, NodeKey, ChildCursor> foldersByParent =
            new OrderedIndex<>(Folder::parent, (id, f) -> new ChildCursor(f.displayName(), id), CHILD_ORDER);
    final Table<Long, Folder> folders = new Table<>(Comparator.naturalOrder(), List.of(foldersByParent));

    final OrderedIndex<Long, Project, NodeKey, ChildCursor> projectsByParent =
            new OrderedIndex<>(Project::parent, (number, p) -> new ChildCursor(p.displayName(), number), CHILD_ORDER);
    final UniqueIndex<Long, Project, String> projectsById = new UniqueIndex<>(Project::projectId);
    final Table<Long, Project> projects =
            new Table<>(Comparator.naturalOrder(), List.of(projectsByParent, projectsById));

    final OrderedIndex<Long, TagKey, NodeKey, Long> tagKeysByParent =
            new OrderedIndex<>(TagKey::parent, (id, k) -> id, Comparator.naturalOrder());
    final UniqueIndex<Long, TagKey, String> tagKeysByName = new UniqueIndex<>(TagKey::namespacedName);
    final Table<Long, TagKey> tagKeys =
            new Table<>(Comparator.naturalOrder(), List.of(tagKeysByParent, tagKeysByName));

    final OrderedIndex<Long, TagValue, Long, Long> tagValuesByKey =
            new OrderedIndex<>(TagValue::tagKeyId, (id, v) -> id, Comparator.naturalOrder());
    final UniqueIndex<Long, TagValue, String> tagValuesByName = new UniqueIndex<>(TagValue::namespacedName);
    final Table<Long, TagValue> tagValues =
            new Table<>(Comparator.naturalOrder(), List.of(tagValuesByKey, tagValuesByName));

    final Bindings bindings = new Bindings();

    final Table<PolicyKey, Policy> policies = new Table<>(PolicyKey.ORDER, List.of());

    final Table<ConstraintKey, CustomConstraint> customConstraints = new Table<>(ConstraintKey.ORDER, List.of());

    final Sequences sequences = new Sequences();

    /** Pulumi organization names, each stored as its own value; names are never replaced, so they stay at version 1. */
    final Table<String, String> pulumiOrgs = new Table<>(Comparator.naturalOrder(), List.of());

    final Table<StackKey, Stack> stacks = new Table<>(StackKey.ORDER, List.of());

    final Table<OrgNameKey, InsightsAccount> accounts = new Table<>(OrgNameKey.ORDER, List.of());

    final Table<OrgNameKey, PolicyPackLedger> packLedgers = new Table<>(OrgNameKey.ORDER, List.of());

    final Table<PackVersionKey, PolicyPackVersion> packVersions = new Table<>(PackVersionKey.ORDER, List.of());

    /** Archive bytes, apart from the versions; the stored arrays are never handed out. */
    final Table<PackVersionKey, byte[]> packArchives = new Table<>(PackVersionKey.ORDER, List.of());

    final Table<OrgNameKey, PolicyGroup> policyGroups = new Table<>(OrgNameKey.ORDER, List.of());
}
