package dev.policyhub.core.hierarchy;

import dev.policyhub.core.Page;
import dev.policyhub.core.PageRequest;
import dev.policyhub.core.UpdateMask;

import java.util.List;
import java.util.Map;

/**
 * Organizations, folders, projects and tags, with Resource Manager v3's rules. Names may name a project by id or
 * number; results always use the number. A missing resource is PERMISSION_DENIED, as Resource Manager answers.
 */
public interface HierarchyService {

    /** Creates an organization; a null id is assigned, a null display name defaults to the id. */
    Organization createOrganization(Long id, String displayName, String directoryCustomerId);

    /** The organization {@code organizations/{id}}. */
    Organization getOrganization(String name);

    /** Organizations matching {@code domain:{displayName}} or {@code directoryCustomerId:{id}} ({@code ""} = all). */
    Page<Organization> searchOrganizations(String query, PageRequest page);

    /**
     * Deletes an organization with no active folders, projects or tag keys (FAILED_PRECONDITION otherwise); its
     * deletion-requested folders and projects, its policies, bindings and custom constraints go with it.
     */
    void deleteOrganization(String name);

    /** Creates a folder under an organization or a folder. */
    Folder createFolder(NewFolder folder);

    /** The folder {@code folders/{id}}, also when deletion was requested. */
    Folder getFolder(String name);

    /** Child folders of a parent, by display name. */
    Page<Folder> listFolders(String parent, PageRequest page, boolean showDeleted);

    /** Renames a folder; the mask may only name {@code displayName} (an absent mask means it). */
    Folder updateFolder(String name, String displayName, UpdateMask mask);

    /** Moves a folder and its subtree under another folder or the organization. */
    Folder moveFolder(String name, String destinationParent);

    /** Requests deletion: the folder must have no active child; a second delete is a no-op. */
    Folder deleteFolder(String name);

    /** Removes a folder for good, with its policies and tag bindings; it must have no children at all. */
    void purgeFolder(String name);

    /** Creates a project. */
    Project createProject(NewProject project);

    /** The project named by id or number, also when deletion was requested. */
    Project getProject(String name);

    /** Child projects of a parent, by display name then number. */
    Page<Project> listProjects(String parent, PageRequest page, boolean showDeleted);

    /** Updates display name and/or labels; the mask is a subset of {@code displayName, labels} (absent = both). */
    Project updateProject(String name, String displayName, Map<String, String> labels, UpdateMask mask);

    /** Moves a project under another folder or the organization. */
    Project moveProject(String name, String destinationParent);

    /** Requests deletion; a second delete is a no-op. */
    Project deleteProject(String name);

    /** Removes a project for good, with its policies and tag bindings. */
    void purgeProject(String name);

    /** Creates a tag key; with {@code validateOnly} every check runs and nothing is stored. */
    TagKey createTagKey(NewTagKey key, boolean validateOnly);

    /** The tag key {@code tagKeys/{id}}. */
    TagKey getTagKey(String name);

    /** The tag key with this namespaced name ({@code 1/env}); an empty one is INVALID_ARGUMENT on name. */
    TagKey getNamespacedTagKey(String namespacedName);

    /** Tag keys of an organization or project. */
    Page<TagKey> listTagKeys(String parent, PageRequest page);

    /**
     * Updates a key's description; the mask is a subset of {@code description, etag} (absent = both). With
     * {@code validateOnly} every check runs, nothing is stored and the key the update would give is returned.
     */
    TagKey updateTagKey(String name, String description, String etag, UpdateMask mask, boolean validateOnly);

    /**
     * Deletes a key that has no values; a non-empty etag must match. With {@code validateOnly} every check runs and
     * nothing is deleted.
     */
    TagKey deleteTagKey(String name, String etag, boolean validateOnly);

    /** Creates a tag value; with {@code validateOnly} every check runs and nothing is stored. */
    TagValue createTagValue(NewTagValue value, boolean validateOnly);

    /** The tag value {@code tagValues/{id}}. */
    TagValue getTagValue(String name);

    /** The tag value with this namespaced name ({@code 1/env/dev}); an empty one is INVALID_ARGUMENT on name. */
    TagValue getNamespacedTagValue(String namespacedName);

    /** Values of a tag key. */
    Page<TagValue> listTagValues(String parent, PageRequest page);

    /**
     * Updates a value's description; the mask is a subset of {@code description, etag} (absent = both). With
     * {@code validateOnly} every check runs, nothing is stored and the value the update would give is returned.
     */
    TagValue updateTagValue(String name, String description, String etag, UpdateMask mask, boolean validateOnly);

    /**
     * Deletes a value that is bound nowhere; a non-empty etag must match. With {@code validateOnly} every check runs
     * and nothing is deleted.
     */
    TagValue deleteTagValue(String name, String etag, boolean validateOnly);

    /**
     * Binds a tag value to a resource given by full resource name ({@code //cloudresourcemanager.googleapis.com/...})
     * or plain name; exactly one of {@code tagValue} and {@code tagValueNamespacedName} is non-empty. With
     * {@code validateOnly} every check runs, nothing is stored and the binding that would be made is returned.
     */
    TagBinding createTagBinding(String parent, String tagValue, String tagValueNamespacedName, boolean validateOnly);

    /** Bindings of a resource. */
    Page<TagBinding> listTagBindings(String parent, PageRequest page);

    /** Removes a binding by its name {@code tagBindings/{escaped resource}/tagValues/{id}}. */
    void deleteTagBinding(String name);

    /** Tags that apply to a resource, its own and inherited, one per key, ordered by namespaced key. */
    Page<EffectiveTag> listEffectiveTags(String parent, PageRequest page);

    /** The chain from a resource up to its organization, the resource first. */
    List<NodeKey> ancestry(String name);

    /** The canonical name of a resource: a project named by id becomes {@code projects/{number}}. */
    String canonicalName(String name);
}
