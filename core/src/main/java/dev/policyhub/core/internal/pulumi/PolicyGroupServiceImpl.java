package dev.policyhub.core.internal.pulumi;

import dev.policyhub.core.Page;
import dev.policyhub.core.error.ErrorCode;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.internal.IdAllocator;
import dev.policyhub.core.internal.Stamps;
import dev.policyhub.core.internal.Transactor;
import dev.policyhub.core.policygroups.AppliedPolicyPack;
import dev.policyhub.core.policygroups.BulkCreateResult;
import dev.policyhub.core.policygroups.EnforcementLevel;
import dev.policyhub.core.policygroups.EntityType;
import dev.policyhub.core.policygroups.InsightsAccount;
import dev.policyhub.core.policygroups.Mode;
import dev.policyhub.core.policygroups.NewInsightsAccount;
import dev.policyhub.core.policygroups.NewPolicyGroup;
import dev.policyhub.core.policygroups.NewPolicyPack;
import dev.policyhub.core.policygroups.PackPolicy;
import dev.policyhub.core.policygroups.PolicyGroup;
import dev.policyhub.core.policygroups.PolicyGroupMetadata;
import dev.policyhub.core.policygroups.PolicyGroupService;
import dev.policyhub.core.policygroups.PolicyGroupSummary;
import dev.policyhub.core.policygroups.PolicyGroupUpdate;
import dev.policyhub.core.policygroups.PolicyPackDetails;
import dev.policyhub.core.policygroups.PolicyPackLedger;
import dev.policyhub.core.policygroups.PolicyPackSummary;
import dev.policyhub.core.policygroups.PolicyPackVersion;
import dev.policyhub.core.policygroups.PublishedVersion;
import dev.policyhub.core.policygroups.RequiredPolicy;
import dev.policyhub.core.policygroups.Stack;
import dev.policyhub.core.policygroups.StackRef;
import dev.policyhub.core.spi.GroupCoverage;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.Versioned;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Pulumi Policy Groups, the inventory they refer to, and resolution, over a store. */
public final class PolicyGroupServiceImpl implements PolicyGroupService {
    /** Largest accepted pack archive. */
    public static final int MAX_ARCHIVE_BYTES = 64 * 1024 * 1024;
    private static final int GROUP_WRITE_ATTEMPTS = 5;
    private static final String CONCURRENT = "concurrent modification, retry";
    private static final int MAX_BATCH = 1000;
    private static final int MAX_BULK_ACCOUNTS = 100;
    private static final Set<String> PROVIDERS = Set.of("aws", "gcp", "azure-native", "oci", "kubernetes");
    private static final Set<String> SCAN_SCHEDULES = Set.of("none", "12h", "daily");

    private final Transactor tx;
    private final Stamps stamps;
    private final IdAllocator ids;

    public PolicyGroupServiceImpl(Transactor tx, Stamps stamps, IdAllocator ids) {
        this.tx = tx;
        this.stamps = stamps;
        this.ids = ids;
    }

    // ---- organizations ----------------------------------------------------------------------------------------

    @Override
    public void createOrganization(String name) {
        if (!PulumiNames.isName(name)) {
            throw PulumiErrors.badRequest("Invalid organization name");
        }
        tx.write(s -> {
            if (!s.pulumiOrgs().insert(name)) {
                throw PulumiErrors.conflict("Organization '" + name + "' already exists");
            }
            insertGroup(s, new PolicyGroup(name, PolicyGroup.DEFAULT_STACKS_GROUP, EntityType.STACKS,
                    Mode.PREVENTATIVE, true, List.of(), List.of(), List.of(), ""));
            insertGroup(s, new PolicyGroup(name, PolicyGroup.DEFAULT_ACCOUNTS_GROUP, EntityType.ACCOUNTS, Mode.AUDIT,
                    true, List.of(), List.of(), List.of(), ""));
            return null;
        });
    }

    @Override
    public List<String> listOrganizations() {
        return tx.read(PolicyGroupServiceImpl::allOrganizations);
    }

    @Override
    public void requireOrganization(String name) {
        tx.read(s -> requireOrg(s, name));
    }

    @Override
    public void deleteOrganization(String name) {
        tx.write(s -> {
            requireOrg(s, name);
            for (Versioned<PolicyGroup> g : s.policyGroups().list(name)) {
                Transactor.check(s.policyGroups().delete(name, g.value().name(), g.version()));
            }
            for (Stack stack : Inventory.allStacks(s, name)) {
                Versioned<Stack> v = s.stacks().get(name, stack.project(), stack.name()).orElseThrow();
                Transactor.check(s.stacks().delete(name, stack.project(), stack.name(), v.version()));
            }
            for (InsightsAccount account : Inventory.allAccounts(s, name)) {
                Versioned<InsightsAccount> v = s.accounts().get(name, account.name()).orElseThrow();
                Transactor.check(s.accounts().delete(name, account.name(), v.version()));
            }
            for (Versioned<PolicyPackLedger> ledger : s.policyPacks().ledgers(name, "", Integer.MAX_VALUE)) {
                String pack = ledger.value().name();
                for (Versioned<PolicyPackVersion> v : s.policyPacks().versions(name, pack)) {
                    Transactor.check(s.policyPacks().deleteVersion(name, pack, v.value().version(), v.version()));
                }
                Transactor.check(s.policyPacks().deleteLedger(name, pack, ledger.version()));
            }
            Transactor.check(s.pulumiOrgs().delete(name));
            return null;
        });
    }

    // ---- stacks -----------------------------------------------------------------------------------------------

    @Override
    public Stack createStack(String org, String project, String stack, Optional<Long> resourceCount) {
        return tx.write(s -> {
            requireOrg(s, org);
            checkStackNames(project, stack);
            long count = resourceCount.orElse(0L);
            if (count < 0) {
                throw PulumiErrors.badRequest("resource counts must not be negative");
            }
            Stack created = new Stack(org, project, stack, count, 0, Optional.empty());
            if (!s.stacks().insert(created)) {
                throw PulumiErrors.conflict("Stack '" + project + "/" + stack + "' already exists");
            }
            mutateGroup(s, org, PolicyGroup.DEFAULT_STACKS_GROUP, g -> g.stacks.add(created.ref()));
            return created;
        });
    }

    @Override
    public Stack getStack(String org, String project, String stack) {
        return tx.read(s -> {
            requireOrg(s, org);
            return stack(s, org, project, stack).value();
        });
    }

    @Override
    public void deleteStack(String org, String project, String stack, boolean force) {
        tx.write(s -> {
            requireOrg(s, org);
            Versioned<Stack> current = stack(s, org, project, stack);
            if (current.value().resourceCount() > 0 && !force) {
                throw PulumiErrors.precondition("Stack still contains resources.");
            }
            StackRef ref = current.value().ref();
            mutateGroups(s, org, g -> g.stacks.contains(ref), g -> g.stacks.remove(ref));
            Transactor.check(s.stacks().delete(org, project, stack, current.version()));
            return null;
        });
    }

    @Override
    public Stack renameStack(String org, String project, String stack, String newName, String newProject) {
        return tx.write(s -> {
            requireOrg(s, org);
            Versioned<Stack> current = stack(s, org, project, stack);
            if (newName.isEmpty() && newProject.isEmpty()) {
                throw PulumiErrors.badRequest("No rename to apply.");
            }
            String name = newName.isEmpty() ? stack : newName;
            String proj = newProject.isEmpty() ? project : newProject;
            checkStackNames(proj, name);
            if (name.equals(stack) && proj.equals(project)) {
                return current.value();
            }
            Stack old = current.value();
            Stack renamed = new Stack(org, proj, name, old.resourceCount(), old.version(), old.lastUpdate());
            if (!s.stacks().insert(renamed)) {
                throw PulumiErrors.conflict("Stack '" + proj + "/" + name + "' already exists");
            }
            Transactor.check(s.stacks().delete(org, project, stack, current.version()));
            StackRef from = old.ref();
            mutateGroups(s, org, g -> g.stacks.contains(from), g -> {
                g.stacks.remove(from);
                g.stacks.add(renamed.ref());
            });
            return renamed;
        });
    }

    @Override
    public Stack importStack(String org, String project, String stack, long resourceCount) {
        if (resourceCount < 0) {
            throw PulumiErrors.badRequest("invalid deployment");
        }
        return tx.write(s -> {
            requireOrg(s, org);
            Versioned<Stack> current = stack(s, org, project, stack);
            Stack old = current.value();
            Stack next = new Stack(org, project, stack, resourceCount, old.version() + 1,
                    Optional.of(stamps.next(s)));
            Transactor.check(s.stacks().replace(next, current.version()));
            return next;
        });
    }

    @Override
    public Page<Stack> listStacks(String org, String project, int maxResults, String continuationToken) {
        int limit = maxResults;
        if (limit < 1 || limit > DEFAULT_MAX_RESULTS) {
            throw PulumiErrors.badRequest("invalid query parameter");
        }
        Optional<Stack> after = stackCursor(decodeToken(continuationToken));
        Comparator<Stack> order = Comparator.comparing(Stack::org).thenComparing(Stack::project)
                .thenComparing(Stack::name);
        return tx.read(s -> {
            if (!org.isEmpty()) {
                requireOrg(s, org);
            }
            List<Stack> found = new ArrayList<>();
            for (String o : org.isEmpty() ? allOrganizations(s) : List.of(org)) {
                for (Stack stack : Inventory.allStacks(s, o)) {
                    if ((project.isEmpty() || stack.project().equals(project))
                            && after.map(a -> order.compare(stack, a) > 0).orElse(true)) {
                        found.add(stack);
                    }
                }
            }
            found.sort(order);
            if (found.size() <= limit) {
                return new Page<>(found, "");
            }
            List<Stack> page = found.subList(0, limit);
            Stack last = page.get(limit - 1);
            return new Page<>(page, encodeToken(last.org() + '\n' + last.project() + '\n' + last.name()));
        });
    }

    /** The last stack of the previous page, from a decoded continuation token ({@code ""} = none). */
    private static Optional<Stack> stackCursor(String decoded) {
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = decoded.split("\n", -1);
        if (parts.length != 3) {
            throw PulumiErrors.badRequest("invalid continuation token");
        }
        return Optional.of(new Stack(parts[0], parts[1], parts[2], 0, 0, Optional.empty()));
    }

    // ---- accounts ---------------------------------------------------------------------------------------------

    @Override
    public InsightsAccount createAccount(String org, NewInsightsAccount account) {
        return tx.write(s -> {
            requireOrg(s, org);
            return insertAccount(s, org, account);
        });
    }

    private InsightsAccount insertAccount(StoreSession s, String org, NewInsightsAccount account) {
        if (!PulumiNames.isAccountName(account.name())) {
            throw PulumiErrors.badRequest("invalid account name");
        }
        if (!PROVIDERS.contains(account.provider())) {
            throw PulumiErrors.badRequest("invalid provider '" + account.provider() + "'");
        }
        if (account.environment().isEmpty()) {
            throw PulumiErrors.badRequest("environment is required");
        }
        String schedule = account.scanSchedule().isEmpty() ? "none" : account.scanSchedule();
        if (!SCAN_SCHEDULES.contains(schedule)) {
            throw PulumiErrors.badRequest("invalid scanSchedule '" + account.scanSchedule() + "'");
        }
        int slash = account.name().indexOf('/');
        String parent = slash < 0 ? "" : account.name().substring(0, slash);
        if (!parent.isEmpty() && s.accounts().get(org, parent).isEmpty()) {
            throw PulumiErrors.notFound("parent account '" + parent + "' not found");
        }
        if (s.accounts().get(org, account.name()).isPresent()) {
            throw PulumiErrors.conflict("Insights account '" + account.name() + "' already exists");
        }
        InsightsAccount created = new InsightsAccount(org, account.name(), String.valueOf(ids.claim(s, 0)), account.provider(),
                account.environment(), schedule, account.providerConfig(), account.agentPoolId(), 0);
        Transactor.check(s.accounts().insert(created));
        String name = created.name();
        mutateGroup(s, org, PolicyGroup.DEFAULT_ACCOUNTS_GROUP, g -> g.accounts.add(name));
        if (!parent.isEmpty()) {
            mutateGroups(s, org, g -> g.accounts.contains(parent), g -> g.accounts.add(name));
        }
        return created;
    }

    @Override
    public BulkCreateResult createAccounts(String org, List<NewInsightsAccount> accounts) {
        tx.read(s -> requireOrg(s, org));
        if (accounts.isEmpty()) {
            throw PulumiErrors.badRequest("empty accounts list");
        }
        if (accounts.size() > MAX_BULK_ACCOUNTS) {
            throw PulumiErrors.badRequest("at most " + MAX_BULK_ACCOUNTS + " accounts can be created at once");
        }
        List<InsightsAccount> created = new ArrayList<>();
        List<BulkCreateResult.Failure> failures = new ArrayList<>();
        for (NewInsightsAccount account : accounts) {
            try {
                created.add(createAccount(org, account));
            } catch (PolicyHubException e) {
                failures.add(new BulkCreateResult.Failure(account.name(), e));
            }
        }
        return new BulkCreateResult(created, failures);
    }

    @Override
    public InsightsAccount getAccount(String org, String name) {
        return tx.read(s -> {
            requireOrg(s, org);
            return account(s, org, name).value();
        });
    }

    @Override
    public Page<InsightsAccount> listAccounts(String org, String parent, int count, String continuationToken) {
        return tx.read(s -> {
            requireOrg(s, org);
            int limit = count;
            if (limit < 1 || limit > 1000) {
                throw PulumiErrors.badRequest("count must be in the range [1, 1000]");
            }
            String after = decodeToken(continuationToken);
            if (!parent.isEmpty() && s.accounts().get(org, parent).isEmpty()) {
                throw PulumiErrors.notFound("parent account '" + parent + "' not found");
            }
            List<InsightsAccount> found = Inventory.allAccounts(s, org).stream()
                    .filter(a -> parent.isEmpty() || a.name().startsWith(parent + "/"))
                    .filter(a -> a.name().compareTo(after) > 0)
                    .limit(limit + 1L).toList();
            if (found.size() <= limit) {
                return new Page<>(found, "");
            }
            List<InsightsAccount> page = found.subList(0, limit);
            return new Page<>(page, encodeToken(page.get(limit - 1).name()));
        });
    }

    @Override
    public void deleteAccount(String org, String name) {
        tx.write(s -> {
            requireOrg(s, org);
            account(s, org, name);
            Predicate<String> gone = a -> a.equals(name) || a.startsWith(name + "/");
            for (InsightsAccount a : Inventory.allAccounts(s, org)) {
                if (gone.test(a.name())) {
                    Versioned<InsightsAccount> v = s.accounts().get(org, a.name()).orElseThrow();
                    Transactor.check(s.accounts().delete(org, a.name(), v.version()));
                }
            }
            mutateGroups(s, org, g -> g.accounts.stream().anyMatch(gone), g -> g.accounts.removeIf(gone));
            return null;
        });
    }

    @Override
    public void setResourceCounts(String org, Map<StackRef, Long> stacks, Map<String, Long> accounts) {
        tx.write(s -> {
            requireOrg(s, org);
            if (stacks.values().stream().anyMatch(c -> c < 0) || accounts.values().stream().anyMatch(c -> c < 0)) {
                throw PulumiErrors.badRequest("resource counts must not be negative");
            }
            stacks.forEach((ref, count) -> {
                Versioned<Stack> v = stack(s, org, ref.routingProject(), ref.name());
                Stack old = v.value();
                Transactor.check(s.stacks().replace(new Stack(org, old.project(), old.name(), count, old.version(),
                        old.lastUpdate()), v.version()));
            });
            accounts.forEach((name, count) -> {
                Versioned<InsightsAccount> v = account(s, org, name);
                Transactor.check(s.accounts().replace(v.value().withResourceCount(count), v.version()));
            });
            return null;
        });
    }

    // ---- registry ---------------------------------------------------------------------------------------------

    @Override
    public PublishedVersion publishPolicyPack(String org, NewPolicyPack pack) {
        return tx.write(s -> {
            requireOrg(s, org);
            List<PackPolicy> policies = checkedPolicies(pack);
            Optional<Versioned<PolicyPackLedger>> ledger = s.policyPacks().ledger(org, pack.name());
            PolicyPackLedger old = ledger.map(Versioned::value)
                    .orElse(new PolicyPackLedger(org, pack.name(), 0, List.of(), ""));
            int number = old.lastVersion() + 1;
            String tag = pack.versionTag().isEmpty() ? String.valueOf(number) : pack.versionTag();
            if (old.usedTags().contains(tag)) {
                throw PulumiErrors.badRequest("Policy Pack: " + pack.name() + ", Version Tag: " + tag
                        + " already exists");
            }
            if (!old.runtime().isEmpty() && !pack.runtime().isEmpty() && !old.runtime().equals(pack.runtime())) {
                throw PulumiErrors.badRequest("cannot publish a '" + pack.runtime() + "' version of a '"
                        + old.runtime() + "' Policy Pack");
            }
            List<String> tags = new ArrayList<>(old.usedTags());
            tags.add(tag);
            PolicyPackLedger next = new PolicyPackLedger(org, pack.name(), number, tags,
                    pack.runtime().isEmpty() ? old.runtime() : pack.runtime());
            if (ledger.isPresent()) {
                Transactor.check(s.policyPacks().replaceLedger(next, ledger.get().version()));
            } else {
                Transactor.check(s.policyPacks().insertLedger(next));
            }
            String token = Long.toHexString(ids.claim(s, 0));
            Transactor.check(s.policyPacks().insertVersion(new PolicyPackVersion(org, pack.name(), number, tag,
                    pack.displayName(), pack.runtime(), policies, false, token, false)));
            return new PublishedVersion(number, token);
        });
    }

    /** The policies of a publish request, checked: pack name, at least one policy, names, levels and tag. */
    private static List<PackPolicy> checkedPolicies(NewPolicyPack pack) {
        if (!PulumiNames.isName(pack.name())) {
            throw PulumiErrors.badRequest("Invalid Policy Pack name");
        }
        if (pack.policies().isEmpty()) {
            throw PulumiErrors.badRequest("Policy Pack must have at least one policy.");
        }
        List<PackPolicy> policies = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (NewPolicyPack.PolicyDraft draft : pack.policies()) {
            String name = draft.content().name();
            if (name.isEmpty() || name.equals("all") || !names.add(name)) {
                throw PulumiErrors.badRequest("invalid policy name '" + name + "'");
            }
            EnforcementLevel level = EnforcementLevel.parse(draft.enforcementLevel())
                    .orElseThrow(() -> PulumiErrors.badRequest("invalid enforcement level '"
                            + draft.enforcementLevel() + "' for '" + name + "'"));
            PackPolicy c = draft.content();
            policies.add(new PackPolicy(name, c.displayName(), c.description(), level, c.message(), c.configSchema(),
                    c.severity(), c.framework(), c.tags(), c.remediationSteps(), c.url()));
        }
        if (!pack.versionTag().isEmpty() && !PulumiNames.isName(pack.versionTag())) {
            throw PulumiErrors.badRequest("Invalid version tag");
        }
        return policies;
    }

    @Override
    public void uploadPolicyPack(String org, String name, int version, String token, byte[] content) {
        tx.write(s -> {
            requireOrg(s, org);
            Versioned<PolicyPackVersion> v = s.policyPacks().version(org, name, version)
                    .orElseThrow(() -> PulumiErrors.packNotFound(name));
            if (!v.value().uploadToken().equals(token)) {
                throw PolicyHubException.of(ErrorCode.PERMISSION_DENIED, "invalid upload token");
            }
            if (content.length > MAX_ARCHIVE_BYTES) {
                throw PolicyHubException.of(ErrorCode.RESOURCE_EXHAUSTED, "archive exceeds 64 MiB");
            }
            if (v.value().complete()) {
                throw PulumiErrors.precondition("Policy Pack is already complete");
            }
            s.policyPacks().putArchive(org, name, version, content);
            Transactor.check(s.policyPacks().replaceVersion(v.value().withUpload(), v.version()));
            return null;
        });
    }

    @Override
    public void completePolicyPack(String org, String name, String versionOrTag) {
        tx.write(s -> {
            requireOrg(s, org);
            Versioned<PolicyPackVersion> v = Registry.byTagOrNumber(s, org, name, versionOrTag)
                    .orElseThrow(() -> PulumiErrors.packNotFound(name));
            if (v.value().complete()) {
                throw PulumiErrors.precondition("Policy Pack is already complete");
            }
            if (!v.value().uploaded()) {
                throw PulumiErrors.precondition("Policy Pack content has not been uploaded");
            }
            Transactor.check(s.policyPacks().replaceVersion(v.value().completed(), v.version()));
            return null;
        });
    }

    @Override
    public PolicyPackDetails getPolicyPack(String org, String name, String versionOrTag) {
        return tx.read(s -> {
            PolicyPackVersion v = completeVersion(s, org, name, versionOrTag);
            return new PolicyPackDetails(v, isApplied(s, org, name, v.version()));
        });
    }

    @Override
    public Map<String, Map<String, Object>> getPolicyPackConfigSchema(String org, String name, String versionOrTag) {
        return tx.read(s -> {
            Map<String, Map<String, Object>> schemas = new LinkedHashMap<>();
            for (PackPolicy p : completeVersion(s, org, name, versionOrTag).policies()) {
                if (!p.configSchema().isEmpty()) {
                    schemas.put(p.name(), p.configSchema());
                }
            }
            return schemas;
        });
    }

    private PolicyPackVersion completeVersion(StoreSession s, String org, String name, String versionOrTag) {
        requireOrg(s, org);
        PolicyPackVersion v = Registry.byTagOrNumber(s, org, name, versionOrTag).map(Versioned::value)
                .orElseThrow(() -> PulumiErrors.packNotFound(name));
        if (!v.complete()) {
            throw PulumiErrors.precondition("Cannot get incomplete Policy Pack");
        }
        return v;
    }

    @Override
    public List<PolicyPackSummary> listPolicyPacks(String org, String nameFilter) {
        return tx.read(s -> {
            requireOrg(s, org);
            if (!nameFilter.isEmpty() && !PulumiNames.isName(nameFilter)) {
                throw PulumiErrors.badRequest("Invalid Policy Pack name");
            }
            List<PolicyPackSummary> out = new ArrayList<>();
            for (String name : allPackNames(s, org)) {
                if (!nameFilter.isEmpty() && !name.equals(nameFilter)) {
                    continue;
                }
                List<PolicyPackVersion> complete = new ArrayList<>(s.policyPacks().versions(org, name).stream()
                        .map(Versioned::value).filter(PolicyPackVersion::complete).toList());
                if (complete.isEmpty()) {
                    continue;
                }
                complete.sort(Comparator.comparingInt(PolicyPackVersion::version).reversed());
                out.add(new PolicyPackSummary(name, complete.get(0).displayName(),
                        complete.stream().map(PolicyPackVersion::version).toList(),
                        complete.stream().map(PolicyPackVersion::versionTag).toList()));
            }
            return out;
        });
    }

    @Override
    public byte[] downloadPolicyPack(String org, String name, int version) {
        return tx.read(s -> {
            requireOrg(s, org);
            boolean complete = s.policyPacks().version(org, name, version).map(v -> v.value().complete())
                    .orElse(false);
            if (!complete) {
                throw PulumiErrors.packNotFound(name);
            }
            return s.policyPacks().archive(org, name, version).orElseThrow(() -> PulumiErrors.packNotFound(name));
        });
    }

    @Override
    public void deletePolicyPack(String org, String name) {
        tx.write(s -> {
            requireOrg(s, org);
            List<Versioned<PolicyPackVersion>> versions = s.policyPacks().versions(org, name);
            if (versions.isEmpty()) {
                throw PulumiErrors.packNotFound(name);
            }
            for (Versioned<PolicyPackVersion> v : versions) {
                if (isApplied(s, org, name, v.value().version())) {
                    throw PulumiErrors.precondition("Cannot delete an enabled Policy Pack");
                }
            }
            for (Versioned<PolicyPackVersion> v : versions) {
                Transactor.check(s.policyPacks().deleteVersion(org, name, v.value().version(), v.version()));
            }
            return null;
        });
    }

    @Override
    public void deletePolicyPackVersion(String org, String name, String versionOrTag) {
        tx.write(s -> {
            requireOrg(s, org);
            Versioned<PolicyPackVersion> v = Registry.byTagOrNumber(s, org, name, versionOrTag)
                    .orElseThrow(() -> PulumiErrors.packNotFound(name));
            if (isApplied(s, org, name, v.value().version())) {
                throw PolicyHubException.of(ErrorCode.ABORTED,
                        "Cannot delete a Policy Pack that is applied to Policy Groups");
            }
            Transactor.check(s.policyPacks().deleteVersion(org, name, v.value().version(), v.version()));
            return null;
        });
    }

    private static boolean isApplied(StoreSession s, String org, String name, int version) {
        return s.policyGroups().list(org).stream().flatMap(g -> g.value().appliedPolicyPacks().stream())
                .anyMatch(p -> p.name().equals(name) && p.version() == version);
    }

    // ---- groups -----------------------------------------------------------------------------------------------

    @Override
    public List<PolicyGroupSummary> listPolicyGroups(String org) {
        return tx.read(s -> {
            requireOrg(s, org);
            return s.policyGroups().list(org).stream().map(v -> v.value().summary()).toList();
        });
    }

    @Override
    public void createPolicyGroup(String org, NewPolicyGroup group) {
        tx.write(s -> {
            requireOrg(s, org);
            if (!PulumiNames.isName(group.name()) || group.name().equals("metadata")) {
                throw PulumiErrors.badRequest("Invalid Policy Group name");
            }
            EntityType type = EntityType.parse(group.entityType())
                    .orElseThrow(() -> PulumiErrors.badRequest("Invalid entity type"));
            Mode mode = group.mode().isEmpty()
                    ? (type == EntityType.STACKS ? Mode.PREVENTATIVE : Mode.AUDIT)
                    : Mode.parse(group.mode()).orElseThrow(() -> PulumiErrors.badRequest("Invalid mode"));
            insertGroup(s, new PolicyGroup(org, group.name(), type, mode, false, List.of(), List.of(), List.of(),
                    group.agentPoolId()));
            return null;
        });
    }

    @Override
    public PolicyGroup getPolicyGroup(String org, String name) {
        return tx.read(s -> {
            requireOrg(s, org);
            return group(s, org, name).value();
        });
    }

    @Override
    public void updatePolicyGroup(String org, String name, PolicyGroupUpdate update) {
        batchUpdatePolicyGroup(org, name, List.of(update));
    }

    @Override
    public void batchUpdatePolicyGroup(String org, String name, List<PolicyGroupUpdate> updates) {
        tx.write(s -> {
            requireOrg(s, org);
            if (updates.size() > MAX_BATCH) {
                throw PulumiErrors.badRequest("invalid request body");
            }
            Versioned<PolicyGroup> current = group(s, org, name);
            GroupDraft draft = new GroupDraft(current.value());
            GroupUpdater updater = new GroupUpdater(s, org, micros(stamps.next(s)));
            for (PolicyGroupUpdate update : updates) {
                updater.apply(draft, update);
                if (!draft.name.equals(name) && s.policyGroups().get(org, draft.name).isPresent()) {
                    throw PulumiErrors.conflict("Policy Group '" + draft.name + "' already exists");
                }
            }
            PolicyGroup next = draft.build();
            if (next.equals(current.value())) {
                return null;
            }
            if (next.name().equals(name)) {
                Transactor.check(s.policyGroups().replace(next, current.version()));
            } else {
                Transactor.check(s.policyGroups().delete(org, name, current.version()));
                if (!s.policyGroups().insert(next)) {
                    throw PulumiErrors.conflict("Policy Group '" + next.name() + "' already exists");
                }
            }
            return null;
        }, GROUP_WRITE_ATTEMPTS, CONCURRENT);
    }

    @Override
    public void deletePolicyGroup(String org, String name) {
        tx.write(s -> {
            requireOrg(s, org);
            Versioned<PolicyGroup> current = group(s, org, name);
            if (current.value().isOrgDefault()) {
                throw PulumiErrors.precondition("Cannot delete the default Policy Group");
            }
            Transactor.check(s.policyGroups().delete(org, name, current.version()));
            return null;
        });
    }

    @Override
    public PolicyGroupMetadata getMetadata(String org) {
        return tx.read(s -> {
            requireOrg(s, org);
            GroupCoverage c = s.groupCoverage(org);
            return new PolicyGroupMetadata(
                    clamp(c.protectedStacks().count()), clamp(c.protectedStacks().resources()),
                    clamp(c.preventativeStacks().count()), clamp(c.preventativeStacks().resources()),
                    clamp(c.auditStacks().count()), clamp(c.auditStacks().resources()),
                    clamp(c.stacks().count()), clamp(c.stacks().resources()),
                    clamp(c.protectedAccounts().count()), clamp(c.protectedAccounts().resources()),
                    clamp(c.accounts().count()), clamp(c.accounts().resources()));
        });
    }

    private static int clamp(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }

    // ---- resolution -------------------------------------------------------------------------------------------

    @Override
    public List<PolicyGroupSummary> stackPolicyGroups(String org, String project, String stack) {
        return tx.read(s -> {
            requireOrg(s, org);
            StackRef ref = stack(s, org, project, stack).value().ref();
            return s.policyGroups().list(org).stream().map(Versioned::value).filter(g -> g.stacks().contains(ref))
                    .map(PolicyGroup::summary).toList();
        });
    }

    @Override
    public List<RequiredPolicy> stackPolicyPacks(String org, String project, String stack, String mode) {
        return tx.read(s -> {
            requireOrg(s, org);
            StackRef ref = stack(s, org, project, stack).value().ref();
            Optional<Mode> filter = mode.isEmpty() ? Optional.empty()
                    : Optional.of(Mode.parse(mode).orElseThrow(() -> PulumiErrors.badRequest(
                    "Invalid mode parameter value")));
            return required(s, org, g -> g.stacks().contains(ref) && filter.map(m -> m == g.mode()).orElse(true));
        });
    }

    @Override
    public List<RequiredPolicy> accountPolicyPacks(String org, String account) {
        return tx.read(s -> {
            requireOrg(s, org);
            account(s, org, account);
            return required(s, org, g -> g.accounts().contains(account));
        });
    }

    /** Per pack name the entry with the highest version, then the latest stamp, then the smallest group name. */
    private static List<RequiredPolicy> required(StoreSession s, String org, Predicate<PolicyGroup> holds) {
        Map<String, AppliedPolicyPack> chosen = new TreeMap<>();
        for (Versioned<PolicyGroup> v : s.policyGroups().list(org)) {
            if (!holds.test(v.value())) {
                continue;
            }
            for (AppliedPolicyPack p : v.value().appliedPolicyPacks()) {
                AppliedPolicyPack best = chosen.get(p.name());
                if (best == null || p.version() > best.version()
                        || (p.version() == best.version() && p.modifiedMicros() > best.modifiedMicros())) {
                    chosen.put(p.name(), p);
                }
            }
        }
        return chosen.values().stream().map(p -> new RequiredPolicy(org, p.name(), p.version(), p.versionTag(),
                p.displayName(), p.config(), p.environments())).toList();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static Void requireOrg(StoreSession s, String org) {
        if (!s.pulumiOrgs().exists(org)) {
            throw PulumiErrors.organizationNotFound(org);
        }
        return null;
    }

    private static List<String> allOrganizations(StoreSession s) {
        List<String> all = new ArrayList<>();
        String after = "";
        while (true) {
            List<String> page = s.pulumiOrgs().list(after, 1000);
            all.addAll(page);
            if (page.size() < 1000) {
                return all;
            }
            after = page.get(page.size() - 1);
        }
    }

    private static List<String> allPackNames(StoreSession s, String org) {
        List<String> all = new ArrayList<>();
        String after = "";
        while (true) {
            List<String> page = s.policyPacks().names(org, after, 1000);
            all.addAll(page);
            if (page.size() < 1000) {
                return all;
            }
            after = page.get(page.size() - 1);
        }
    }

    private static void checkStackNames(String project, String stack) {
        if (!PulumiNames.isStackName(project) || !PulumiNames.isStackName(stack)) {
            throw PulumiErrors.badRequest("invalid stack name");
        }
    }

    private static Versioned<Stack> stack(StoreSession s, String org, String project, String stack) {
        return s.stacks().get(org, project, stack).orElseThrow(() -> PulumiErrors.stackNotFound(project, stack));
    }

    private static Versioned<InsightsAccount> account(StoreSession s, String org, String name) {
        return s.accounts().get(org, name).orElseThrow(() -> PulumiErrors.accountNotFound(name));
    }

    private static Versioned<PolicyGroup> group(StoreSession s, String org, String name) {
        return s.policyGroups().get(org, name).orElseThrow(() -> PulumiErrors.groupNotFound(name));
    }

    private static void insertGroup(StoreSession s, PolicyGroup group) {
        if (!s.policyGroups().insert(group)) {
            throw PulumiErrors.conflict("Policy Group '" + group.name() + "' already exists");
        }
    }

    /** Changes one group inside the current unit of work. */
    private static void mutateGroup(StoreSession s, String org, String name, java.util.function.Consumer<GroupDraft> change) {
        Versioned<PolicyGroup> current = group(s, org, name);
        GroupDraft draft = new GroupDraft(current.value());
        change.accept(draft);
        PolicyGroup next = draft.build();
        if (!next.equals(current.value())) {
            Transactor.check(s.policyGroups().replace(next, current.version()));
        }
    }

    /** Changes every group matching {@code which} inside the current unit of work. */
    private static void mutateGroups(StoreSession s, String org, Predicate<GroupDraft> which,
                                     java.util.function.Consumer<GroupDraft> change) {
        for (Versioned<PolicyGroup> v : s.policyGroups().list(org)) {
            GroupDraft draft = new GroupDraft(v.value());
            if (which.test(draft)) {
                change.accept(draft);
                PolicyGroup next = draft.build();
                if (!next.equals(v.value())) {
                    Transactor.check(s.policyGroups().replace(next, v.version()));
                }
            }
        }
    }

    private static long micros(Instant t) {
        return Math.multiplyExact(t.getEpochSecond(), 1_000_000L) + t.getNano() / 1_000;
    }

    private static String encodeToken(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        if (token.isEmpty()) {
            return "";
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw PulumiErrors.badRequest("invalid continuation token");
        }
    }
}
