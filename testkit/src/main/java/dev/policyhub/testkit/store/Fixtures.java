package dev.policyhub.testkit.store;

import dev.policyhub.core.hierarchy.Folder;
import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.Organization;
import dev.policyhub.core.hierarchy.Project;
import dev.policyhub.core.hierarchy.State;
import dev.policyhub.core.hierarchy.TagKey;
import dev.policyhub.core.hierarchy.TagPurpose;
import dev.policyhub.core.hierarchy.TagValue;
import dev.policyhub.core.orgpolicy.ActionType;
import dev.policyhub.core.orgpolicy.CustomConstraint;
import dev.policyhub.core.orgpolicy.Expr;
import dev.policyhub.core.orgpolicy.MethodType;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;
import dev.policyhub.core.orgpolicy.StringValues;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Records with every field set, and their edited copies, for the kits. */
final class Fixtures {
    /** When fixtures are created. */
    static final Instant CREATED = Instant.parse("2024-05-06T07:08:09.123456Z");
    /** When fixtures are last updated. */
    static final Instant UPDATED = Instant.parse("2024-05-06T08:09:10.654321Z");
    /** When edited copies are updated. */
    static final Instant EDITED = Instant.parse("2024-06-07T09:10:11.000001Z");

    private Fixtures() {
    }

    static Organization organization(long id, String displayName) {
        return new Organization(id, displayName, "C0" + id, State.ACTIVE, CREATED, UPDATED, "org-etag-" + id);
    }

    static Organization renamed(Organization o, String displayName) {
        return new Organization(o.id(), displayName, o.directoryCustomerId(), o.state(), o.createTime(), EDITED,
                o.etag() + "+");
    }

    static Folder folder(long id, NodeKey parent, String displayName) {
        return new Folder(id, parent, displayName, State.ACTIVE, CREATED, UPDATED, Optional.empty(),
                "folder-etag-" + id);
    }

    static Folder renamed(Folder f, String displayName) {
        return new Folder(f.id(), f.parent(), displayName, f.state(), f.createTime(), EDITED, f.deleteTime(),
                f.etag() + "+");
    }

    static Folder moved(Folder f, NodeKey parent) {
        return new Folder(f.id(), parent, f.displayName(), f.state(), f.createTime(), EDITED, f.deleteTime(),
                f.etag() + "+");
    }

    static Folder deleteRequested(Folder f) {
        return new Folder(f.id(), f.parent(), f.displayName(), State.DELETE_REQUESTED, f.createTime(), EDITED,
                Optional.of(EDITED), f.etag() + "+");
    }

    static Project project(long number, String projectId, NodeKey parent, String displayName) {
        return new Project(number, projectId, parent, displayName, Map.of("env", "prod", "team", "core"),
                State.ACTIVE, CREATED, UPDATED, Optional.empty(), "project-etag-" + number);
    }

    static Project renamed(Project p, String displayName) {
        return new Project(p.number(), p.projectId(), p.parent(), displayName, p.labels(), p.state(), p.createTime(),
                EDITED, p.deleteTime(), p.etag() + "+");
    }

    static Project moved(Project p, NodeKey parent) {
        return new Project(p.number(), p.projectId(), parent, p.displayName(), p.labels(), p.state(), p.createTime(),
                EDITED, p.deleteTime(), p.etag() + "+");
    }

    static Project withProjectId(Project p, String projectId) {
        return new Project(p.number(), projectId, p.parent(), p.displayName(), p.labels(), p.state(), p.createTime(),
                EDITED, p.deleteTime(), p.etag() + "+");
    }

    static Project deleteRequested(Project p) {
        return new Project(p.number(), p.projectId(), p.parent(), p.displayName(), p.labels(),
                State.DELETE_REQUESTED, p.createTime(), EDITED, Optional.of(EDITED), p.etag() + "+");
    }

    static TagKey tagKey(long id, NodeKey parent, String shortName) {
        return new TagKey(id, parent, shortName, parent.id() + "/" + shortName, "Key " + shortName,
                TagPurpose.GCE_FIREWALL, Map.of("network", "global/networks/default"), CREATED, UPDATED,
                "key-etag-" + id);
    }

    static TagKey described(TagKey k, String description) {
        return new TagKey(k.id(), k.parent(), k.shortName(), k.namespacedName(), description, k.purpose(),
                k.purposeData(), k.createTime(), EDITED, k.etag() + "+");
    }

    static TagKey withNamespacedName(TagKey k, String namespacedName) {
        return new TagKey(k.id(), k.parent(), k.shortName(), namespacedName, k.description(), k.purpose(),
                k.purposeData(), k.createTime(), EDITED, k.etag() + "+");
    }

    static TagValue tagValue(long id, TagKey key, String shortName) {
        return new TagValue(id, key.id(), shortName, key.namespacedName() + "/" + shortName, "Value " + shortName,
                CREATED, UPDATED, "value-etag-" + id);
    }

    static TagValue described(TagValue v, String description) {
        return new TagValue(v.id(), v.tagKeyId(), v.shortName(), v.namespacedName(), description, v.createTime(),
                EDITED, v.etag() + "+");
    }

    static TagValue withNamespacedName(TagValue v, String namespacedName) {
        return new TagValue(v.id(), v.tagKeyId(), v.shortName(), namespacedName, v.description(), v.createTime(),
                EDITED, v.etag() + "+");
    }

    /** A policy using every part of a spec: values, booleans, conditions, parameters, a dry-run spec and etags. */
    static Policy policy(NodeKey resource, String constraint) {
        PolicyRule conditional = new PolicyRule(new PolicyRule.Values(new StringValues(
                List.of("in:us-locations", "projects/7"), List.of("europe-west1"))),
                Optional.of(new Expr("resource.matchTag('1/env', 'prod')", "prod only", "only in prod", "here")),
                Map.of("maxCount", 3L, "names", List.of("a", "b"), "strict", true));
        PolicySpec spec = new PolicySpec("spec-etag", Optional.of(UPDATED),
                List.of(conditional, PolicyRule.denyAll()), true, false);
        PolicySpec dryRun = new PolicySpec("dry-etag", Optional.of(UPDATED), List.of(PolicyRule.enforce(false)),
                false, true);
        return new Policy(resource.name() + "/policies/" + constraint, Optional.of(spec), Optional.of(dryRun),
                "policy-etag");
    }

    static CustomConstraint customConstraint(long organizationId, String constraintId) {
        return new CustomConstraint("organizations/" + organizationId + "/customConstraints/" + constraintId,
                List.of("compute.googleapis.com/Instance", "container.googleapis.com/Cluster"),
                List.of(MethodType.CREATE, MethodType.UPDATE), "resource.name.startsWith('prod-')", ActionType.DENY,
                "Display " + constraintId, "About " + constraintId, Optional.of(UPDATED));
    }

    static CustomConstraint redescribed(CustomConstraint c, String description) {
        return new CustomConstraint(c.name(), c.resourceTypes(), c.methodTypes(), c.condition(), c.actionType(),
                c.displayName(), description, Optional.of(EDITED));
    }
}
