package dev.policyhub.core.internal;

import dev.policyhub.core.Page;
import dev.policyhub.core.PageRequest;
import dev.policyhub.core.UpdateMask;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.hierarchy.EffectiveTag;
import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.NodeType;
import dev.policyhub.core.orgpolicy.Constraint;
import dev.policyhub.core.orgpolicy.ConstraintCatalog;
import dev.policyhub.core.orgpolicy.ConstraintDefault;
import dev.policyhub.core.orgpolicy.CustomConstraint;
import dev.policyhub.core.orgpolicy.CustomConstraintValidator;
import dev.policyhub.core.orgpolicy.OrgPolicyService;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicySpec;
import dev.policyhub.core.orgpolicy.PolicyValidator;
import dev.policyhub.core.orgpolicy.eval.Decision;
import dev.policyhub.core.orgpolicy.eval.EffectivePolicyEvaluator;
import dev.policyhub.core.orgpolicy.eval.HierarchyLevel;
import dev.policyhub.core.orgpolicy.eval.SpecKind;
import dev.policyhub.core.orgpolicy.eval.TagFact;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.Versioned;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The Org Policy v2 service over a store. */
public final class OrgPolicyServiceImpl implements OrgPolicyService {
    private static final String CUSTOM_PREFIX = "custom.";
    private static final String CUSTOM_SEGMENT = "/customConstraints/";

    private final Transactor tx;
    private final Stamps stamps;
    private final ConstraintCatalog catalog;

    public OrgPolicyServiceImpl(Transactor tx, Stamps stamps, ConstraintCatalog catalog) {
        this.tx = tx;
        this.stamps = stamps;
        this.catalog = catalog;
    }

    // ---- policies ---------------------------------------------------------------------------------------------

    @Override
    public Policy createPolicy(String parent, Policy policy) {
        ResourceRef parentRef = ResourceRef.parse(parent, "parent");
        if (policy.name().isEmpty()) {
            throw PolicyHubException.invalidArgument("policy.name", "a policy name is required");
        }
        PolicyNames name = PolicyNames.parse(policy.name(), "policy.name");
        return tx.write(s -> {
            NodeKey resource = HierarchyReader.find(s, parentRef).orElseThrow(PolicyHubException::notFound);
            Optional<NodeKey> named = HierarchyReader.find(s, name.parent());
            if (named.isEmpty() || !named.get().equals(resource)) {
                throw PolicyHubException.invalidArgument("policy.name", "the policy name '" + policy.name()
                        + "' is not under the parent " + parent);
            }
            Constraint constraint = constraint(s, resource, name.constraint());
            Policy valid = PolicyValidator.validate(policy, constraint, catalog.valueGroups(constraint.id()));
            if (s.policies().get(resource, constraint.id()).isPresent()) {
                throw PolicyHubException.alreadyExists();
            }
            Instant now = stamps.next(s);
            Policy stored = stamp(resource, constraint.id(), valid.spec().map(sp -> stampSpec(sp, now, 1)),
                    valid.dryRunSpec().map(sp -> stampSpec(sp, now, 1)), 1);
            Transactor.check(s.policies().insert(resource, constraint.id(), stored));
            return stored;
        });
    }

    @Override
    public void checkPolicyParent(String parent) {
        ResourceRef.parse(parent, "parent");
    }

    @Override
    public void checkPolicyName(String name) {
        PolicyNames.parse(name, "policy.name");
    }

    @Override
    public void checkCustomConstraintParent(String parent) {
        organization(parent, "parent");
    }

    @Override
    public void checkCustomConstraintName(String name) {
        CustomName.parse(name, "custom_constraint.name");
    }

    @Override
    public Policy getPolicy(String name) {
        PolicyNames parsed = PolicyNames.parse(name, "name");
        return tx.read(s -> {
            NodeKey resource = HierarchyReader.find(s, parsed.parent()).orElseThrow(PolicyHubException::notFound);
            constraint(s, resource, parsed.constraint());
            return s.policies().get(resource, parsed.constraint()).map(Versioned::value)
                    .orElseThrow(PolicyHubException::notFound);
        });
    }

    @Override
    public Page<Policy> listPolicies(String parent, PageRequest page) {
        ResourceRef ref = ResourceRef.parse(parent, "parent");
        int size = PageTokens.size(page, PageTokens.DEFAULT_PAGE_SIZE, PageTokens.MAX_PAGE_SIZE);
        return tx.read(s -> {
            NodeKey resource = HierarchyReader.find(s, ref).orElseThrow(PolicyHubException::notFound);
            String after = PageTokens.decode(page.pageToken(), "listPolicies", resource.name());
            List<Versioned<Policy>> found = s.policies().list(resource, after, size + 1);
            return PageTokens.page(found.stream().map(Versioned::value).toList(), size,
                    p -> PageTokens.encode("listPolicies", resource.name(), p.constraint()));
        });
    }

    @Override
    public Policy updatePolicy(Policy policy, UpdateMask mask) {
        PolicyNames name = PolicyNames.parse(policy.name(), "policy.name");
        return tx.write(s -> {
            NodeKey resource = HierarchyReader.find(s, name.parent()).orElseThrow(PolicyHubException::notFound);
            Constraint constraint = constraint(s, resource, name.constraint());
            MaskEffect effect = MaskEffect.of(mask);
            Optional<Versioned<Policy>> current = s.policies().get(resource, constraint.id());
            Optional<PolicySpec> oldSpec = current.flatMap(c -> c.value().spec());
            Optional<PolicySpec> oldDryRun = current.flatMap(c -> c.value().dryRunSpec());
            Optional<PolicySpec> newSpec = effect.replaceSpec ? policy.spec() : oldSpec;
            boolean replaceDryRun = effect.replaceDryRun || (effect.dryRunIfPresent && policy.dryRunSpec().isPresent());
            Optional<PolicySpec> newDryRun = replaceDryRun ? policy.dryRunSpec() : oldDryRun;
            Policy candidate = new Policy(policy.name(), newSpec, newDryRun, "");
            Policy valid = PolicyValidator.validate(candidate, constraint, catalog.valueGroups(constraint.id()));
            Versioned<Policy> existing = current.orElseThrow(PolicyHubException::notFound);
            if (!policy.etag().isEmpty() && !policy.etag().equals(existing.value().etag())) {
                throw PolicyHubException.etagMismatch();
            }
            long revision = existing.version() + 1;
            Instant now = stamps.next(s);
            Optional<PolicySpec> spec = effect.replaceSpec
                    ? valid.spec().map(sp -> stampSpec(sp, now, revision)) : oldSpec;
            Optional<PolicySpec> dryRun = replaceDryRun
                    ? valid.dryRunSpec().map(sp -> stampSpec(sp, now, revision)) : oldDryRun;
            Policy stored = stamp(resource, constraint.id(), spec, dryRun, revision);
            Transactor.check(s.policies().replace(resource, constraint.id(), stored, existing.version()));
            return stored;
        });
    }

    @Override
    public void deletePolicy(String name, String etag) {
        PolicyNames parsed = PolicyNames.parse(name, "name");
        tx.write(s -> {
            NodeKey resource = HierarchyReader.find(s, parsed.parent()).orElseThrow(PolicyHubException::notFound);
            constraint(s, resource, parsed.constraint());
            Versioned<Policy> existing = s.policies().get(resource, parsed.constraint())
                    .orElseThrow(PolicyHubException::notFound);
            if (etag != null && !etag.isEmpty() && !etag.equals(existing.value().etag())) {
                throw PolicyHubException.etagMismatch();
            }
            Transactor.check(s.policies().delete(resource, parsed.constraint(), existing.version()));
            return null;
        });
    }

    @Override
    public Policy getEffectivePolicy(String name) {
        PolicyNames parsed = PolicyNames.parse(name, "name");
        return tx.read(s -> {
            Evaluation e = evaluation(s, parsed.parent(), parsed.constraint());
            return e.evaluator.effectivePolicy(e.resource.name() + "/policies/" + e.constraint.id());
        });
    }

    @Override
    public Decision decide(String resource, String constraint, String value) {
        return decideList(resource, constraint, value, SpecKind.LIVE);
    }

    @Override
    public Decision decideDryRun(String resource, String constraint, String value) {
        return decideList(resource, constraint, value, SpecKind.DRY_RUN);
    }

    private Decision decideList(String resource, String constraint, String value, SpecKind kind) {
        ResourceRef ref = ResourceRef.parse(resource, "resource");
        String id = constraintId(constraint);
        return tx.read(s -> {
            Evaluation e = evaluation(s, ref, id);
            if (!e.constraint.isList()) {
                if (value == null || value.isEmpty()) {
                    return e.evaluator.decideBoolean(kind);
                }
                throw PolicyHubException.invalidArgument("value", "constraint " + id
                        + " is a boolean constraint; ask without a value");
            }
            if (value == null || value.isEmpty()) {
                throw PolicyHubException.invalidArgument("value", "constraint " + id
                        + " is a list constraint; a value to decide is required");
            }
            return e.evaluator.decide(value, kind);
        });
    }

    @Override
    public Decision decide(String resource, String constraint) {
        return decideList(resource, constraint, "", SpecKind.LIVE);
    }

    private static String constraintId(String constraint) {
        if (constraint == null || constraint.isEmpty()) {
            throw PolicyHubException.invalidArgument("constraint", "a constraint is required");
        }
        return constraint.startsWith("constraints/") ? constraint.substring("constraints/".length()) : constraint;
    }

    private record Evaluation(NodeKey resource, Constraint constraint, EffectivePolicyEvaluator evaluator) {}

    private Evaluation evaluation(StoreSession s, ResourceRef ref, String constraintId) {
        NodeKey resource = HierarchyReader.find(s, ref).orElseThrow(PolicyHubException::notFound);
        Constraint constraint = constraint(s, resource, constraintId);
        List<NodeKey> ancestry = HierarchyReader.chain(s, resource);
        List<HierarchyLevel> chain = new ArrayList<>();
        for (NodeKey node : ancestry) {
            chain.add(new HierarchyLevel(node, s.policies().get(node, constraint.id()).map(Versioned::value)));
        }
        List<TagFact> tags = HierarchyReader.effectiveTags(s, ancestry).stream().map(OrgPolicyServiceImpl::fact)
                .toList();
        EffectivePolicyEvaluator evaluator = new EffectivePolicyEvaluator(constraint,
                catalog.valueGroups(constraint.id()), chain, tags,
                (candidate, subtree) -> HierarchyReader.isUnder(s, candidate, subtree));
        return new Evaluation(resource, constraint, evaluator);
    }

    private static TagFact fact(EffectiveTag tag) {
        return new TagFact(tag.key().id(), tag.key().namespacedName(), tag.value().id(), tag.value().shortName());
    }

    // ---- constraints ------------------------------------------------------------------------------------------

    @Override
    public Page<Constraint> listConstraints(String parent, PageRequest page) {
        ResourceRef ref = ResourceRef.parse(parent, "parent");
        int size = PageTokens.size(page, PageTokens.DEFAULT_PAGE_SIZE, PageTokens.MAX_PAGE_SIZE);
        return tx.read(s -> {
            NodeKey resource = HierarchyReader.find(s, ref).orElseThrow(PolicyHubException::notFound);
            String after = PageTokens.decode(page.pageToken(), "listConstraints", resource.name());
            long org = HierarchyReader.organizationOf(s, resource).id();
            List<Constraint> all = new ArrayList<>(catalog.all());
            allCustom(s, org).forEach(c -> all.add(asConstraint(c)));
            List<Constraint> rest = all.stream().filter(c -> c.id().compareTo(after) > 0)
                    .sorted(java.util.Comparator.comparing(Constraint::id)).limit(size + 1L).toList();
            return PageTokens.page(rest, size, c -> PageTokens.encode("listConstraints", resource.name(), c.id()));
        });
    }

    /** The constraint usable at a resource: built-in or registered, or a custom one of its organization. */
    private Constraint constraint(StoreSession s, NodeKey resource, String id) {
        if (id.startsWith(CUSTOM_PREFIX)) {
            long org = HierarchyReader.organizationOf(s, resource).id();
            return s.customConstraints().get(org, id).map(v -> asConstraint(v.value()))
                    .orElseThrow(PolicyHubException::notFound);
        }
        return catalog.find(id).orElseThrow(PolicyHubException::notFound);
    }

    private static Constraint asConstraint(CustomConstraint custom) {
        return new Constraint(custom.id(), custom.displayName(), custom.description(), ConstraintDefault.ALLOW,
                new Constraint.BooleanType(false, Map.of()), true, false, "");
    }

    private static List<CustomConstraint> allCustom(StoreSession s, long org) {
        List<CustomConstraint> all = new ArrayList<>();
        String after = "";
        while (true) {
            List<Versioned<CustomConstraint>> batch = s.customConstraints().list(org, after, 500);
            batch.forEach(v -> all.add(v.value()));
            if (batch.size() < 500) {
                return all;
            }
            after = batch.get(batch.size() - 1).value().id();
        }
    }

    // ---- custom constraints -----------------------------------------------------------------------------------

    @Override
    public CustomConstraint createCustomConstraint(String parent, CustomConstraint constraint) {
        long org = organization(parent, "parent");
        CustomName name = CustomName.parse(constraint.name(), "custom_constraint.name");
        if (name.org != org) {
            throw PolicyHubException.invalidArgument("custom_constraint.name", "the name '" + constraint.name()
                    + "' is not under the parent " + parent);
        }
        return tx.write(s -> {
            if (s.nodes().organization(org).isEmpty()) {
                throw PolicyHubException.notFound();
            }
            CustomConstraintValidator.validate(name.id, constraint);
            if (s.customConstraints().get(org, name.id).isPresent()) {
                throw PolicyHubException.alreadyExists();
            }
            CustomConstraint stored = constraint.withName(name.full()).stamped(stamps.next(s));
            Transactor.check(s.customConstraints().insert(org, stored));
            return stored;
        });
    }

    @Override
    public CustomConstraint getCustomConstraint(String name) {
        CustomName parsed = CustomName.parse(name, "name");
        return tx.read(s -> s.customConstraints().get(parsed.org, parsed.id).map(Versioned::value)
                .orElseThrow(PolicyHubException::notFound));
    }

    @Override
    public Page<CustomConstraint> listCustomConstraints(String parent, PageRequest page) {
        long org = organization(parent, "parent");
        int size = PageTokens.size(page, PageTokens.DEFAULT_PAGE_SIZE, PageTokens.MAX_PAGE_SIZE);
        return tx.read(s -> {
            if (s.nodes().organization(org).isEmpty()) {
                throw PolicyHubException.notFound();
            }
            String parentName = NodeKey.organization(org).name();
            String after = PageTokens.decode(page.pageToken(), "listCustomConstraints", parentName);
            List<CustomConstraint> found = s.customConstraints().list(org, after, size + 1).stream()
                    .map(Versioned::value).toList();
            return PageTokens.page(found, size, c -> PageTokens.encode("listCustomConstraints", parentName, c.id()));
        });
    }

    @Override
    public CustomConstraint updateCustomConstraint(CustomConstraint constraint) {
        CustomName name = CustomName.parse(constraint.name(), "custom_constraint.name");
        return tx.write(s -> {
            if (s.nodes().organization(name.org).isEmpty()) {
                throw PolicyHubException.notFound();
            }
            CustomConstraintValidator.validate(name.id, constraint);
            Versioned<CustomConstraint> existing = s.customConstraints().get(name.org, name.id)
                    .orElseThrow(PolicyHubException::notFound);
            if (!existing.value().resourceTypes().equals(constraint.resourceTypes())) {
                throw PolicyHubException.invalidArgument("custom_constraint.resource_types",
                        "resource types are immutable; they are " + existing.value().resourceTypes());
            }
            CustomConstraint stored = constraint.withName(name.full()).stamped(stamps.next(s));
            Transactor.check(s.customConstraints().replace(name.org, stored, existing.version()));
            return stored;
        });
    }

    @Override
    public void deleteCustomConstraint(String name) {
        CustomName parsed = CustomName.parse(name, "name");
        tx.write(s -> {
            Versioned<CustomConstraint> existing = s.customConstraints().get(parsed.org, parsed.id)
                    .orElseThrow(PolicyHubException::notFound);
            Transactor.check(s.customConstraints().delete(parsed.org, parsed.id, existing.version()));
            return null;
        });
    }

    private static long organization(String parent, String field) {
        ResourceRef ref = ResourceRef.parse(parent, field);
        if (ref.type() != NodeType.ORGANIZATION) {
            throw PolicyHubException.invalidArgument(field, "custom constraints live on organizations only, not on "
                    + parent);
        }
        return ref.id();
    }

    /** {@code organizations/{o}/customConstraints/{id}}. */
    private record CustomName(long org, String id) {
        static CustomName parse(String name, String field) {
            int i = name == null ? -1 : name.indexOf(CUSTOM_SEGMENT);
            if (i < 0) {
                throw PolicyHubException.invalidArgument(field, "'" + name + "' is not a custom constraint name;"
                        + " expected organizations/{id}/customConstraints/custom.{name}");
            }
            long org = organization(name.substring(0, i), field);
            String id = name.substring(i + CUSTOM_SEGMENT.length());
            if (id.isEmpty() || id.contains("/")) {
                throw PolicyHubException.invalidArgument(field, "'" + id + "' is not a custom constraint id");
            }
            return new CustomName(org, id);
        }

        String full() {
            return NodeKey.organization(org).name() + CUSTOM_SEGMENT + id;
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** What an update mask replaces. */
    private record MaskEffect(boolean replaceSpec, boolean replaceDryRun, boolean dryRunIfPresent) {
        static MaskEffect of(UpdateMask mask) {
            if (mask.isAbsent()) {
                return new MaskEffect(true, false, true);
            }
            boolean spec = false;
            boolean dryRun = false;
            for (String raw : mask.paths()) {
                String path = raw.startsWith("policy.") ? raw.substring("policy.".length()) : raw;
                switch (path) {
                    case "*" -> {
                        spec = true;
                        dryRun = true;
                    }
                    case "spec" -> spec = true;
                    case "dryRunSpec", "dry_run_spec" -> dryRun = true;
                    case "name", "etag", "alternate" -> {
                    }
                    default -> throw PolicyHubException.invalidArgument("update_mask", "'" + raw
                            + "' is not a field that can be updated; use spec, dry_run_spec or *");
                }
            }
            return new MaskEffect(spec, dryRun, false);
        }
    }

    private static PolicySpec stampSpec(PolicySpec spec, Instant time, long revision) {
        PolicySpec timed = spec.stamped("", time);
        return timed.stamped(Etags.of(PolicyJson.of(timed) + "#" + revision), time);
    }

    private static Policy stamp(NodeKey resource, String constraint, Optional<PolicySpec> spec,
                                Optional<PolicySpec> dryRun, long revision) {
        Policy unstamped = new Policy(resource.name() + "/policies/" + constraint, spec, dryRun, "");
        return unstamped.withEtag(Etags.of(PolicyJson.of(unstamped) + "#" + revision));
    }
}
