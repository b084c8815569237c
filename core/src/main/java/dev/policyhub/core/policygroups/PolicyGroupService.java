package dev.policyhub.core.policygroups;

import dev.policyhub.core.Page;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pulumi Cloud Policy Groups and the inventory they refer to: organizations (each with its two default groups),
 * stacks, Insights accounts and the policy-pack registry; and resolution, the packs a stack or account must run.
 * Errors carry Pulumi's detail text (e.g. {@code Policy Group 'prod' not found}); the HTTP layer adds the reason.
 */
public interface PolicyGroupService {
    /** The page size of {@link #listStacks} when the caller gives none, and its maximum. */
    int DEFAULT_MAX_RESULTS = 1000;
    /** The page size of {@link #listAccounts} when the caller gives none. */
    int DEFAULT_ACCOUNT_COUNT = 100;

    // ---- organizations ----

    /** Creates an organization and its default groups. */
    void createOrganization(String name);

    /** Names of every organization, ascending. */
    List<String> listOrganizations();

    /** Deletes an organization and everything it holds. */
    void deleteOrganization(String name);

    /** Fails with {@code Organization '<name>' not found} unless the organization exists. */
    void requireOrganization(String name);

    // ---- stacks ----

    /** Creates a stack (its project is implicit); {@code resourceCount} is the size of the given state, if any. */
    Stack createStack(String org, String project, String stack, Optional<Long> resourceCount);

    /** The stack. */
    Stack getStack(String org, String project, String stack);

    /** Deletes a stack; one that still has resources needs {@code force}. It leaves every group. */
    void deleteStack(String org, String project, String stack, boolean force);

    /** Renames a stack and/or moves it to another project ({@code ""} = keep); group memberships follow. */
    Stack renameStack(String org, String project, String stack, String newName, String newProject);

    /** Records an imported state of {@code resourceCount} resources. */
    Stack importStack(String org, String project, String stack, long resourceCount);

    /**
     * Stacks ordered by organization, project and name; {@code org} and {@code project} {@code ""} mean all,
     * {@code maxResults} is 1 to 1000 ({@link #DEFAULT_MAX_RESULTS} when the caller gives none), and
     * {@code continuationToken} {@code ""} is the first page.
     */
    Page<Stack> listStacks(String org, String project, int maxResults, String continuationToken);

    // ---- Insights accounts ----

    /** Creates an account; a child {@code parent/child} needs its parent and joins the parent's groups. */
    InsightsAccount createAccount(String org, NewInsightsAccount account);

    /** Creates accounts in order, each independently. */
    BulkCreateResult createAccounts(String org, List<NewInsightsAccount> accounts);

    /** The account. */
    InsightsAccount getAccount(String org, String name);

    /**
     * Accounts by name, optionally only the children of {@code parent} ({@code ""} = all); {@code count} is 1 to 1000
     * ({@link #DEFAULT_ACCOUNT_COUNT} when the caller gives none).
     */
    Page<InsightsAccount> listAccounts(String org, String parent, int count, String continuationToken);

    /** Deletes an account with its children; they leave every group. */
    void deleteAccount(String org, String name);

    /** Sets resource counts of stacks ({@code project/stack} → count) and accounts, all or nothing. */
    void setResourceCounts(String org, Map<StackRef, Long> stacks, Map<String, Long> accounts);

    // ---- policy-pack registry ----

    /** Publish step 1: records a pending version and returns its number and upload token. */
    PublishedVersion publishPolicyPack(String org, NewPolicyPack pack);

    /** Publish step 2: stores the archive of a pending version, if the token matches. */
    void uploadPolicyPack(String org, String name, int version, String token, byte[] content);

    /** Publish step 3: completes an uploaded version, named by tag or number. */
    void completePolicyPack(String org, String name, String versionOrTag);

    /** A complete version named by tag or number, and whether it is applied. */
    PolicyPackDetails getPolicyPack(String org, String name, String versionOrTag);

    /** The config schemas of a complete version's policies, by policy name. */
    Map<String, Map<String, Object>> getPolicyPackConfigSchema(String org, String name, String versionOrTag);

    /** Packs with at least one complete version, by name; {@code nameFilter} {@code ""} = all. */
    List<PolicyPackSummary> listPolicyPacks(String org, String nameFilter);

    /** The archive of a complete version. */
    byte[] downloadPolicyPack(String org, String name, int version);

    /** Deletes every version of a pack; refused while a version is applied. */
    void deletePolicyPack(String org, String name);

    /** Deletes one version, named by tag or number; refused while applied. */
    void deletePolicyPackVersion(String org, String name, String versionOrTag);

    // ---- policy groups ----

    /** Summaries of every group, by name. */
    List<PolicyGroupSummary> listPolicyGroups(String org);

    /** Creates a group with no members and no packs. */
    void createPolicyGroup(String org, NewPolicyGroup group);

    /** The group. */
    PolicyGroup getPolicyGroup(String org, String name);

    /** Applies one update. */
    void updatePolicyGroup(String org, String name, PolicyGroupUpdate update);

    /** Applies updates in order, all or none. */
    void batchUpdatePolicyGroup(String org, String name, List<PolicyGroupUpdate> updates);

    /** Deletes a non-default group; its members stay. */
    void deletePolicyGroup(String org, String name);

    /** Coverage figures of the organization. */
    PolicyGroupMetadata getMetadata(String org);

    // ---- resolution ----

    /** The groups holding a stack, by name. */
    List<PolicyGroupSummary> stackPolicyGroups(String org, String project, String stack);

    /** The packs a stack must run; {@code mode} {@code audit}, {@code preventative}, or {@code ""} for both. */
    List<RequiredPolicy> stackPolicyPacks(String org, String project, String stack, String mode);

    /** The packs an Insights account must run, over all its groups. */
    List<RequiredPolicy> accountPolicyPacks(String org, String account);
}
