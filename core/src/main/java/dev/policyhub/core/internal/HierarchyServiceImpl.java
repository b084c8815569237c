package dev.policyhub.core.internal;

import dev.policyhub.core.Page;
import dev.policyhub.core.PageRequest;
import dev.policyhub.core.UpdateMask;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.hierarchy.EffectiveTag;
import dev.policyhub.core.hierarchy.Folder;
import dev.policyhub.core.hierarchy.HierarchyService;
import dev.policyhub.core.hierarchy.NewFolder;
import dev.policyhub.core.hierarchy.NewProject;
import dev.policyhub.core.hierarchy.NewTagKey;
import dev.policyhub.core.hierarchy.NewTagValue;
import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.NodeType;
import dev.policyhub.core.hierarchy.Organization;
import dev.policyhub.core.hierarchy.Project;
import dev.policyhub.core.hierarchy.State;
import dev.policyhub.core.hierarchy.TagBinding;
import dev.policyhub.core.hierarchy.TagKey;
import dev.policyhub.core.hierarchy.TagValue;
import dev.policyhub.core.orgpolicy.CustomConstraint;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.spi.NodeStore.ChildCursor;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.Versioned;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Organizations, folders, projects and tags over a store, with Resource Manager v3's rules. */
public final class HierarchyServiceImpl implements HierarchyService {
    static final int MAX_FOLDER_DEPTH = 10;
    static final int MAX_FOLDERS_PER_PARENT = 300;
    static final int MAX_TAG_KEYS_PER_PARENT = 1000;
    private static final int TAG_DEFAULT_PAGE = 100;
    private static final int TAG_MAX_PAGE = 300;

    private static final Pattern FOLDER_DISPLAY_NAME =
            Pattern.compile("[\\p{L}\\p{N}]([\\p{L}\\p{N}_\\- ]{0,28}[\\p{L}\\p{N}])?");
    private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
    private static final Pattern PROJECT_DISPLAY_NAME = Pattern.compile("[\\p{L}\\p{N}\\-'\" !]{4,30}");
    private static final Pattern LABEL_KEY = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("([a-z]([-a-z0-9]*[a-z0-9])?)?");
    private static final Pattern TAG_SHORT_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?");

    private final Transactor tx;
    private final Stamps stamps;
    private final IdAllocator ids;

    public HierarchyServiceImpl(Transactor tx, Stamps stamps, IdAllocator ids) {
        this.tx = tx;
        this.stamps = stamps;
        this.ids = ids;
    }

    // ---- organizations ----------------------------------------------------------------------------------------

    @Override
    public Organization createOrganization(Long id, String displayName, String directoryCustomerId) {
        if (id != null && id <= 0) {
            throw PolicyHubException.invalidArgument("organization_id", "organization ids are positive numbers");
        }
        return tx.write(s -> {
            long orgId = ids.claim(s, id == null ? 0 : id);
            Instant now = stamps.next(s);
            String name = displayName == null || displayName.isEmpty() ? String.valueOf(orgId) : displayName;
            String customer = directoryCustomerId == null ? "" : directoryCustomerId;
            Organization org = new Organization(orgId, name, customer, State.ACTIVE, now, now,
                    etag("organization", orgId, name, customer, now));
            Transactor.check(s.nodes().insertOrganization(org));
            return org;
        });
    }

    @Override
    public Organization getOrganization(String name) {
        long id = organizationId(name, "name");
        return tx.read(s -> s.nodes().organization(id).map(Versioned::value)
                .orElseThrow(() -> PolicyHubException.permissionDenied(name)));
    }

    @Override
    public Page<Organization> searchOrganizations(String query, PageRequest page) {
        Function<Organization, Boolean> filter = organizationFilter(query == null ? "" : query.trim());
        int size = PageTokens.size(page, PageTokens.DEFAULT_PAGE_SIZE, PageTokens.MAX_PAGE_SIZE);
        String scope = query == null ? "" : query.trim();
        return tx.read(s -> {
            String after = PageTokens.decode(page.pageToken(), "searchOrganizations", scope);
            long afterId = PageTokens.lastId(after);
            List<Organization> found = new ArrayList<>();
            while (found.size() <= size) {
                List<Versioned<Organization>> batch = s.nodes().organizations(afterId, 500);
                for (Versioned<Organization> v : batch) {
                    if (filter.apply(v.value()) && found.size() <= size) {
                        found.add(v.value());
                    }
                }
                if (batch.size() < 500) {
                    break;
                }
                afterId = batch.get(batch.size() - 1).value().id();
            }
            return PageTokens.page(found, size, o -> PageTokens.encode("searchOrganizations", scope, String.valueOf(o.id())));
        });
    }

    private static Function<Organization, Boolean> organizationFilter(String query) {
        if (query.isEmpty()) {
            return o -> true;
        }
        int colon = query.indexOf(':');
        if (colon < 0) {
            throw PolicyHubException.invalidArgument("query", "expected domain:{name} or directoryCustomerId:{id}");
        }
        String field = query.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = query.substring(colon + 1).trim();
        switch (field) {
            case "domain":
                return o -> o.displayName().equals(value);
            case "directorycustomerid":
                return o -> o.directoryCustomerId().equals(value);
            default:
                throw PolicyHubException.invalidArgument("query", "unknown search field '"
                        + query.substring(0, colon) + "'; use domain or directoryCustomerId");
        }
    }

    @Override
    public void deleteOrganization(String name) {
        long id = organizationId(name, "name");
        tx.write(s -> {
            Versioned<Organization> org = s.nodes().organization(id)
                    .orElseThrow(() -> PolicyHubException.permissionDenied(name));
            NodeKey key = NodeKey.organization(id);
            if (!s.nodes().folders(key, ChildCursor.START, 1, false).isEmpty()
                    || !s.nodes().projects(key, ChildCursor.START, 1, false).isEmpty()
                    || s.tags().countKeys(key) > 0) {
                throw PolicyHubException.failedPrecondition("NOT_EMPTY", name,
                        "organization " + name + " still has active folders, projects or tag keys");
            }
            purgeChildren(s, key);
            purgeAttachments(s, key);
            purgeCustomConstraints(s, id);
            Transactor.check(s.nodes().deleteOrganization(id, org.version()));
            return null;
        });
    }

    // ---- folders ----------------------------------------------------------------------------------------------

    @Override
    public Folder createFolder(NewFolder folder) {
        ResourceRef parentRef = ResourceRef.parse(folder.parent(), "folder.parent");
        if (parentRef.type() == NodeType.PROJECT) {
            throw PolicyHubException.invalidArgument("folder.parent", "a folder's parent is an organization or a folder");
        }
        checkFolderDisplayName(folder.displayName());
        return tx.write(s -> {
            NodeKey parent = activeParent(s, parentRef, folder.parent());
            checkSiblingName(s, parent, folder.displayName(), 0);
            checkFanOut(s, parent);
            if (depth(s, parent) + 1 > MAX_FOLDER_DEPTH) {
                throw PolicyHubException.failedPrecondition("FOLDER_TOO_DEEP", folder.parent(),
                        "a folder may be at most " + MAX_FOLDER_DEPTH + " levels below its organization");
            }
            long id = ids.claim(s, folder.id());
            Instant now = stamps.next(s);
            Folder created = new Folder(id, parent, folder.displayName(), State.ACTIVE, now, now, Optional.empty(),
                    etag("folder", id, parent, folder.displayName(), now));
            Transactor.check(s.nodes().insertFolder(created));
            bindTags(s, created.key(), folder.tags(), "folder.tags");
            return created;
        });
    }

    @Override
    public Folder getFolder(String name) {
        long id = folderId(name, "name");
        return tx.read(s -> folder(s, id, name).value());
    }

    @Override
    public Page<Folder> listFolders(String parent, PageRequest page, boolean showDeleted) {
        ResourceRef ref = ResourceRef.parse(parent, "parent");
        int size = PageTokens.size(page, PageTokens.DEFAULT_PAGE_SIZE, PageTokens.MAX_PAGE_SIZE);
        return tx.read(s -> {
            NodeKey key = HierarchyReader.find(s, ref).orElseThrow(() -> PolicyHubException.permissionDenied(parent));
            String scope = key.name() + (showDeleted ? "+deleted" : "");
            ChildCursor after = cursor(PageTokens.decode(page.pageToken(), "listFolders", scope));
            List<Folder> found = s.nodes().folders(key, after, size + 1, showDeleted).stream()
                    .map(Versioned::value).toList();
            return PageTokens.page(found, size, f -> PageTokens.encode("listFolders", scope, token(f.displayName(), f.id())));
        });
    }

    @Override
    public Folder updateFolder(String name, String displayName, UpdateMask mask) {
        long id = folderId(name, "folder.name");
        // an absent mask means displayName: recorded Google traffic shows a maskless folder PATCH answered 200
        for (String path : mask.paths()) {
            if (!path.equals("displayName") && !path.equals("display_name")) {
                throw PolicyHubException.invalidArgument("update_mask", "'" + path
                        + "' cannot be updated; only displayName can");
            }
        }
        checkFolderDisplayName(displayName);
        return tx.write(s -> {
            Versioned<Folder> current = folder(s, id, name);
            Folder f = current.value();
            if (f.displayName().equals(displayName)) {
                return f;
            }
            if (f.isActive()) {
                checkSiblingName(s, f.parent(), displayName, id);
            }
            Instant now = stamps.next(s);
            Folder next = new Folder(id, f.parent(), displayName, f.state(), f.createTime(), now, f.deleteTime(),
                    etag("folder", id, f.parent(), displayName, now));
            Transactor.check(s.nodes().replaceFolder(next, current.version()));
            return next;
        });
    }

    @Override
    public Folder moveFolder(String name, String destinationParent) {
        long id = folderId(name, "name");
        ResourceRef destRef = ResourceRef.parse(destinationParent, "destination_parent");
        if (destRef.type() == NodeType.PROJECT) {
            throw PolicyHubException.invalidArgument("destination_parent",
                    "a folder's parent is an organization or a folder");
        }
        return tx.write(s -> {
            Versioned<Folder> current = folder(s, id, name);
            Folder f = current.value();
            NodeKey dest = activeParent(s, destRef, destinationParent);
            if (HierarchyReader.chain(s, dest).contains(f.key())) {
                throw PolicyHubException.failedPrecondition("CYCLE", destinationParent,
                        "a folder cannot move under itself or one of its descendants");
            }
            if (!HierarchyReader.organizationOf(s, dest).equals(HierarchyReader.organizationOf(s, f.key()))) {
                throw PolicyHubException.failedPrecondition("CROSS_ORGANIZATION", destinationParent,
                        "a folder cannot move to another organization");
            }
            if (dest.equals(f.parent())) {
                return f;
            }
            if (f.isActive()) {
                checkSiblingName(s, dest, f.displayName(), id);
                checkFanOut(s, dest);
                if (depth(s, dest) + height(s, f.key()) > MAX_FOLDER_DEPTH) {
                    throw PolicyHubException.failedPrecondition("FOLDER_TOO_DEEP", destinationParent,
                            "the move would put a folder more than " + MAX_FOLDER_DEPTH
                                    + " levels below its organization");
                }
            }
            Instant now = stamps.next(s);
            Folder next = new Folder(id, dest, f.displayName(), f.state(), f.createTime(), now, f.deleteTime(),
                    etag("folder", id, dest, f.displayName(), now));
            Transactor.check(s.nodes().replaceFolder(next, current.version()));
            return next;
        });
    }

    @Override
    public Folder deleteFolder(String name) {
        long id = folderId(name, "name");
        return tx.write(s -> {
            Versioned<Folder> current = folder(s, id, name);
            Folder f = current.value();
            if (!f.isActive()) {
                return f;
            }
            if (!s.nodes().folders(f.key(), ChildCursor.START, 1, false).isEmpty()
                    || !s.nodes().projects(f.key(), ChildCursor.START, 1, false).isEmpty()) {
                throw PolicyHubException.failedPrecondition("NOT_EMPTY", f.name(),
                        "folder " + f.name() + " still has active folders or projects");
            }
            Instant now = stamps.next(s);
            Folder next = new Folder(id, f.parent(), f.displayName(), State.DELETE_REQUESTED, f.createTime(), now,
                    Optional.of(now), etag("folder", id, f.parent(), f.displayName(), now));
            Transactor.check(s.nodes().replaceFolder(next, current.version()));
            return next;
        });
    }

    @Override
    public void purgeFolder(String name) {
        long id = folderId(name, "name");
        tx.write(s -> {
            Versioned<Folder> current = folder(s, id, name);
            NodeKey key = current.value().key();
            if (!s.nodes().folders(key, ChildCursor.START, 1, true).isEmpty()
                    || !s.nodes().projects(key, ChildCursor.START, 1, true).isEmpty()) {
                throw PolicyHubException.failedPrecondition("NOT_EMPTY", name,
                        "folder " + name + " still has folders or projects; purge them first");
            }
            purgeAttachments(s, key);
            Transactor.check(s.nodes().deleteFolder(id, current.version()));
            return null;
        });
    }

    // ---- projects ---------------------------------------------------------------------------------------------

    @Override
    public Project createProject(NewProject project) {
        Violations v = new Violations();
        if (!PROJECT_ID.matcher(project.projectId()).matches()) {
            v.add("project.project_id", "'" + project.projectId() + "' is not a valid project id: 6 to 30 lowercase"
                    + " letters, digits or hyphens, starting with a letter and not ending with a hyphen");
        }
        if (project.parent().isEmpty()) {
            v.add("project.parent", "a parent (organizations/{id} or folders/{id}) is required");
        }
        checkProjectDisplayName(project.displayName(), v);
        checkLabels(project.labels(), v);
        v.throwIfAny();
        ResourceRef parentRef = ResourceRef.parse(project.parent(), "project.parent");
        if (parentRef.type() == NodeType.PROJECT) {
            throw PolicyHubException.invalidArgument("project.parent", "a project's parent is an organization or a"
                    + " folder");
        }
        if (project.number() < 0) {
            throw PolicyHubException.invalidArgument("project.name", "project numbers are positive");
        }
        return tx.write(s -> {
            NodeKey parent = activeParent(s, parentRef, project.parent());
            if (s.nodes().projectById(project.projectId()).isPresent()) {
                throw PolicyHubException.alreadyExists();
            }
            long number = ids.claim(s, project.number());
            Instant now = stamps.next(s);
            Project created = new Project(number, project.projectId(), parent, project.displayName(),
                    project.labels(), State.ACTIVE, now, now, Optional.empty(),
                    etag("project", number, project.projectId(), parent, project.displayName(), project.labels(), now));
            Transactor.check(s.nodes().insertProject(created));
            bindTags(s, created.key(), project.tags(), "project.tags");
            return created;
        });
    }

    @Override
    public Project getProject(String name) {
        ResourceRef ref = projectRef(name, "name");
        return tx.read(s -> project(s, ref, name).value());
    }

    @Override
    public Page<Project> listProjects(String parent, PageRequest page, boolean showDeleted) {
        ResourceRef ref = ResourceRef.parse(parent, "parent");
        int size = PageTokens.size(page, PageTokens.DEFAULT_PAGE_SIZE, PageTokens.MAX_PAGE_SIZE);
        return tx.read(s -> {
            NodeKey key = HierarchyReader.find(s, ref).orElseThrow(() -> PolicyHubException.permissionDenied(parent));
            String scope = key.name() + (showDeleted ? "+deleted" : "");
            ChildCursor after = cursor(PageTokens.decode(page.pageToken(), "listProjects", scope));
            List<Project> found = s.nodes().projects(key, after, size + 1, showDeleted).stream()
                    .map(Versioned::value).toList();
            return PageTokens.page(found, size,
                    p -> PageTokens.encode("listProjects", scope, token(p.displayName(), p.number())));
        });
    }

    @Override
    public Project updateProject(String name, String displayName, Map<String, String> labels, UpdateMask mask) {
        ResourceRef ref = projectRef(name, "project.name");
        boolean setName = mask.isAbsent();
        boolean setLabels = mask.isAbsent();
        for (String path : mask.paths()) {
            switch (path) {
                case "displayName", "display_name" -> setName = true;
                case "labels" -> setLabels = true;
                default -> throw PolicyHubException.invalidArgument("update_mask", "'" + path
                        + "' cannot be updated; use displayName or labels");
            }
        }
        Violations v = new Violations();
        if (setName) {
            checkProjectDisplayName(displayName, v);
        }
        if (setLabels) {
            checkLabels(labels, v);
        }
        v.throwIfAny();
        boolean name2 = setName;
        boolean labels2 = setLabels;
        return tx.write(s -> {
            Versioned<Project> current = project(s, ref, name);
            Project p = current.value();
            String newName = name2 ? displayName : p.displayName();
            Map<String, String> newLabels = labels2 ? labels : p.labels();
            Instant now = stamps.next(s);
            Project next = new Project(p.number(), p.projectId(), p.parent(), newName, newLabels, p.state(),
                    p.createTime(), now, p.deleteTime(),
                    etag("project", p.number(), p.projectId(), p.parent(), newName, newLabels, now));
            Transactor.check(s.nodes().replaceProject(next, current.version()));
            return next;
        });
    }

    @Override
    public Project moveProject(String name, String destinationParent) {
        ResourceRef ref = projectRef(name, "name");
        ResourceRef destRef = ResourceRef.parse(destinationParent, "destination_parent");
        if (destRef.type() == NodeType.PROJECT) {
            throw PolicyHubException.invalidArgument("destination_parent",
                    "a project's parent is an organization or a folder");
        }
        return tx.write(s -> {
            Versioned<Project> current = project(s, ref, name);
            Project p = current.value();
            NodeKey dest = activeParent(s, destRef, destinationParent);
            if (!HierarchyReader.organizationOf(s, dest).equals(HierarchyReader.organizationOf(s, p.key()))) {
                throw PolicyHubException.failedPrecondition("CROSS_ORGANIZATION", destinationParent,
                        "a project cannot move to another organization");
            }
            if (dest.equals(p.parent())) {
                return p;
            }
            Instant now = stamps.next(s);
            Project next = new Project(p.number(), p.projectId(), dest, p.displayName(), p.labels(), p.state(),
                    p.createTime(), now, p.deleteTime(),
                    etag("project", p.number(), p.projectId(), dest, p.displayName(), p.labels(), now));
            Transactor.check(s.nodes().replaceProject(next, current.version()));
            return next;
        });
    }

    @Override
    public Project deleteProject(String name) {
        ResourceRef ref = projectRef(name, "name");
        return tx.write(s -> {
            Versioned<Project> current = project(s, ref, name);
            Project p = current.value();
            if (!p.isActive()) {
                return p;
            }
            Instant now = stamps.next(s);
            Project next = new Project(p.number(), p.projectId(), p.parent(), p.displayName(), p.labels(),
                    State.DELETE_REQUESTED, p.createTime(), now, Optional.of(now),
                    etag("project", p.number(), p.projectId(), p.parent(), p.displayName(), p.labels(), now));
            Transactor.check(s.nodes().replaceProject(next, current.version()));
            return next;
        });
    }

    @Override
    public void purgeProject(String name) {
        ResourceRef ref = projectRef(name, "name");
        tx.write(s -> {
            Versioned<Project> current = project(s, ref, name);
            NodeKey key = current.value().key();
            if (s.tags().countKeys(key) > 0) {
                throw PolicyHubException.failedPrecondition("NOT_EMPTY", name,
                        "project " + name + " still owns tag keys; delete them first");
            }
            purgeAttachments(s, key);
            Transactor.check(s.nodes().deleteProject(key.id(), current.version()));
            return null;
        });
    }

    // ---- tag keys ---------------------------------------------------------------------------------------------

    @Override
    public TagKey createTagKey(NewTagKey key, boolean validateOnly) {
        Violations v = new Violations();
        checkShortName(key.shortName(), "tag_key.short_name", v);
        checkTagDescription(key.description(), "tag_key.description", v);
        v.throwIfAny();
        ResourceRef parentRef = ResourceRef.parse(key.parent(), "tag_key.parent");
        if (parentRef.type() == NodeType.FOLDER) {
            throw PolicyHubException.invalidArgument("tag_key.parent",
                    "a tag key's parent is an organization or a project");
        }
        if (key.id() < 0) {
            throw PolicyHubException.invalidArgument("tag_key.name", "tag key ids are positive");
        }
        return write(validateOnly, s -> {
            NodeKey parent = HierarchyReader.find(s, parentRef)
                    .orElseThrow(() -> PolicyHubException.permissionDenied(key.parent()));
            String namespace = parent.type() == NodeType.ORGANIZATION ? String.valueOf(parent.id())
                    : s.nodes().project(parent.id()).orElseThrow().value().projectId();
            String namespaced = namespace + "/" + key.shortName();
            if (s.tags().keyByNamespacedName(namespaced).isPresent()) {
                throw PolicyHubException.alreadyExists();
            }
            if (s.tags().countKeys(parent) >= MAX_TAG_KEYS_PER_PARENT) {
                throw PolicyHubException.failedPrecondition("TOO_MANY_TAG_KEYS", parent.name(),
                        "a parent may own at most " + MAX_TAG_KEYS_PER_PARENT + " tag keys");
            }
            long id = ids.claim(s, key.id());
            Instant now = stamps.next(s);
            TagKey created = new TagKey(id, parent, key.shortName(), namespaced, key.description(), key.purpose(),
                    key.purposeData(), now, now, etag("tagKey", id, namespaced, key.description(), now));
            Transactor.check(s.tags().insertKey(created));
            return created;
        });
    }

    @Override
    public TagKey getTagKey(String name) {
        long id = tagId(name, "tagKeys/", "name");
        return tx.read(s -> tagKey(s, id, name).value());
    }

    @Override
    public TagKey getNamespacedTagKey(String namespacedName) {
        requireNamespacedName(namespacedName, "tag key", "{parent id}/{short name}");
        return tx.read(s -> s.tags().keyByNamespacedName(namespacedName).map(Versioned::value)
                .orElseThrow(() -> PolicyHubException.permissionDenied(namespacedName)));
    }

    @Override
    public Page<TagKey> listTagKeys(String parent, PageRequest page) {
        ResourceRef ref = ResourceRef.parse(parent, "parent");
        int size = PageTokens.size(page, TAG_DEFAULT_PAGE, TAG_MAX_PAGE);
        return tx.read(s -> {
            NodeKey key = HierarchyReader.find(s, ref).orElseThrow(() -> PolicyHubException.permissionDenied(parent));
            String after = PageTokens.decode(page.pageToken(), "listTagKeys", key.name());
            List<TagKey> found = s.tags().keys(key, PageTokens.lastId(after), size + 1).stream()
                    .map(Versioned::value).toList();
            return PageTokens.page(found, size, k -> PageTokens.encode("listTagKeys", key.name(), String.valueOf(k.id())));
        });
    }

    @Override
    public TagKey updateTagKey(String name, String description, String etag, UpdateMask mask,
                               boolean validateOnly) {
        long id = tagId(name, "tagKeys/", "tag_key.name");
        boolean setDescription = descriptionMask(mask, "tag_key.description", description);
        return write(validateOnly, s -> {
            Versioned<TagKey> current = tagKey(s, id, name);
            TagKey k = current.value();
            checkEtag(etag, k.etag());
            String newDescription = setDescription ? description : k.description();
            Instant now = stamps.next(s);
            TagKey next = new TagKey(id, k.parent(), k.shortName(), k.namespacedName(), newDescription, k.purpose(),
                    k.purposeData(), k.createTime(), now, etag("tagKey", id, k.namespacedName(), newDescription, now));
            Transactor.check(s.tags().replaceKey(next, current.version()));
            return next;
        });
    }

    @Override
    public TagKey deleteTagKey(String name, String etag, boolean validateOnly) {
        long id = tagId(name, "tagKeys/", "name");
        return write(validateOnly, s -> {
            Versioned<TagKey> current = tagKey(s, id, name);
            checkEtag(etag, current.value().etag());
            if (!s.tags().values(id, 0, 1).isEmpty()) {
                throw PolicyHubException.failedPrecondition("KEY_HAS_VALUES", name,
                        "tag key " + name + " still has values; delete them first");
            }
            Transactor.check(s.tags().deleteKey(id, current.version()));
            return current.value();
        });
    }

    // ---- tag values -------------------------------------------------------------------------------------------

    @Override
    public TagValue createTagValue(NewTagValue value, boolean validateOnly) {
        Violations v = new Violations();
        checkShortName(value.shortName(), "tag_value.short_name", v);
        checkTagDescription(value.description(), "tag_value.description", v);
        v.throwIfAny();
        long keyId = tagId(value.parent(), "tagKeys/", "tag_value.parent");
        if (value.id() < 0) {
            throw PolicyHubException.invalidArgument("tag_value.name", "tag value ids are positive");
        }
        return write(validateOnly, s -> {
            TagKey key = tagKey(s, keyId, value.parent()).value();
            String namespaced = key.namespacedName() + "/" + value.shortName();
            if (s.tags().valueByNamespacedName(namespaced).isPresent()) {
                throw PolicyHubException.alreadyExists();
            }
            long id = ids.claim(s, value.id());
            Instant now = stamps.next(s);
            TagValue created = new TagValue(id, keyId, value.shortName(), namespaced, value.description(), now, now,
                    etag("tagValue", id, namespaced, value.description(), now));
            Transactor.check(s.tags().insertValue(created));
            return created;
        });
    }

    @Override
    public TagValue getTagValue(String name) {
        long id = tagId(name, "tagValues/", "name");
        return tx.read(s -> tagValue(s, id, name).value());
    }

    @Override
    public TagValue getNamespacedTagValue(String namespacedName) {
        requireNamespacedName(namespacedName, "tag value", "{parent id}/{key short name}/{short name}");
        return tx.read(s -> s.tags().valueByNamespacedName(namespacedName).map(Versioned::value)
                .orElseThrow(() -> PolicyHubException.permissionDenied(namespacedName)));
    }

    @Override
    public Page<TagValue> listTagValues(String parent, PageRequest page) {
        long keyId = tagId(parent, "tagKeys/", "parent");
        int size = PageTokens.size(page, TAG_DEFAULT_PAGE, TAG_MAX_PAGE);
        return tx.read(s -> {
            tagKey(s, keyId, parent);
            String scope = "tagKeys/" + keyId;
            String after = PageTokens.decode(page.pageToken(), "listTagValues", scope);
            List<TagValue> found = s.tags().values(keyId, PageTokens.lastId(after), size + 1)
                    .stream().map(Versioned::value).toList();
            return PageTokens.page(found, size, x -> PageTokens.encode("listTagValues", scope, String.valueOf(x.id())));
        });
    }

    @Override
    public TagValue updateTagValue(String name, String description, String etag, UpdateMask mask,
                                   boolean validateOnly) {
        long id = tagId(name, "tagValues/", "tag_value.name");
        boolean setDescription = descriptionMask(mask, "tag_value.description", description);
        return write(validateOnly, s -> {
            Versioned<TagValue> current = tagValue(s, id, name);
            TagValue x = current.value();
            checkEtag(etag, x.etag());
            String newDescription = setDescription ? description : x.description();
            Instant now = stamps.next(s);
            TagValue next = new TagValue(id, x.tagKeyId(), x.shortName(), x.namespacedName(), newDescription,
                    x.createTime(), now, etag("tagValue", id, x.namespacedName(), newDescription, now));
            Transactor.check(s.tags().replaceValue(next, current.version()));
            return next;
        });
    }

    @Override
    public TagValue deleteTagValue(String name, String etag, boolean validateOnly) {
        long id = tagId(name, "tagValues/", "name");
        return write(validateOnly, s -> {
            Versioned<TagValue> current = tagValue(s, id, name);
            checkEtag(etag, current.value().etag());
            if (s.tags().isBound(id)) {
                throw PolicyHubException.failedPrecondition("VALUE_IN_USE", name,
                        "tag value " + name + " is still bound to a resource; delete its bindings first");
            }
            Transactor.check(s.tags().deleteValue(id, current.version()));
            return current.value();
        });
    }

    // ---- bindings ---------------------------------------------------------------------------------------------

    @Override
    public TagBinding createTagBinding(String parent, String tagValue, String tagValueNamespacedName,
                                       boolean validateOnly) {
        boolean byId = tagValue != null && !tagValue.isEmpty();
        boolean byName = tagValueNamespacedName != null && !tagValueNamespacedName.isEmpty();
        if (byId == byName) {
            throw PolicyHubException.invalidArgument("tag_binding.tag_value",
                    "set exactly one of tag_value and tag_value_namespaced_name");
        }
        ResourceRef ref = bindingTarget(parent, "tag_binding.parent");
        return write(validateOnly, s -> {
            NodeKey resource = HierarchyReader.find(s, ref).orElseThrow(() -> PolicyHubException.permissionDenied(parent));
            TagValue value = byId
                    ? tagValue(s, tagId(tagValue, "tagValues/", "tag_binding.tag_value"), tagValue).value()
                    : s.tags().valueByNamespacedName(tagValueNamespacedName).map(Versioned::value)
                    .orElseThrow(() -> PolicyHubException.permissionDenied(tagValueNamespacedName));
            return bind(s, resource, value);
        });
    }

    private TagBinding bind(StoreSession s, NodeKey resource, TagValue value) {
        TagKey key = s.tags().key(value.tagKeyId()).orElseThrow().value();
        boolean inScope = key.parent().type() == NodeType.ORGANIZATION
                ? HierarchyReader.organizationOf(s, resource).equals(key.parent())
                : resource.equals(key.parent());
        if (!inScope) {
            throw PolicyHubException.failedPrecondition("TAG_SCOPE", resource.name(), "tag value "
                    + value.namespacedName() + " belongs to " + key.parent().name() + " and cannot be bound to "
                    + resource.name());
        }
        TagBinding binding = new TagBinding(resource, value.id());
        for (TagBinding existing : HierarchyReader.allBindings(s, resource)) {
            if (existing.tagValueId() == value.id()) {
                throw PolicyHubException.alreadyExists();
            }
            Optional<Versioned<TagValue>> other = s.tags().value(existing.tagValueId());
            if (other.isPresent() && other.get().value().tagKeyId() == key.id()) {
                throw PolicyHubException.failedPrecondition("ONE_VALUE_PER_KEY", resource.name(), resource.name()
                        + " already has value " + other.get().value().namespacedName() + " of key "
                        + key.namespacedName() + "; a resource takes one value per key");
            }
        }
        Transactor.check(s.tags().insertBinding(binding));
        return binding;
    }

    @Override
    public Page<TagBinding> listTagBindings(String parent, PageRequest page) {
        ResourceRef ref = bindingTarget(parent, "parent");
        int size = PageTokens.size(page, TAG_DEFAULT_PAGE, TAG_MAX_PAGE);
        return tx.read(s -> {
            NodeKey resource = HierarchyReader.find(s, ref).orElseThrow(() -> PolicyHubException.permissionDenied(parent));
            String after = PageTokens.decode(page.pageToken(), "listTagBindings", resource.name());
            List<TagBinding> found = s.tags().bindings(resource, PageTokens.lastId(after),
                    size + 1);
            return PageTokens.page(found, size,
                    b -> PageTokens.encode("listTagBindings", resource.name(), String.valueOf(b.tagValueId())));
        });
    }

    @Override
    public void deleteTagBinding(String name) {
        String prefix = "tagBindings/";
        int values = name == null ? -1 : name.lastIndexOf("/tagValues/");
        if (values < 0 || !name.startsWith(prefix)) {
            throw PolicyHubException.invalidArgument("name", "'" + name
                    + "' is not a tag binding name; expected tagBindings/{escaped resource}/tagValues/{id}");
        }
        String resourcePart = name.substring(prefix.length(), values);
        while (!resourcePart.startsWith("//") && resourcePart.contains("%")) {
            resourcePart = URLDecoder.decode(resourcePart, StandardCharsets.UTF_8);
        }
        ResourceRef ref = bindingTarget(resourcePart, "name");
        long valueId = tagId(name.substring(values + 1), "tagValues/", "name");
        tx.write(s -> {
            NodeKey resource = HierarchyReader.find(s, ref).orElseThrow(PolicyHubException::notFound);
            if (!s.tags().deleteBinding(new TagBinding(resource, valueId))) {
                throw PolicyHubException.notFound();
            }
            return null;
        });
    }

    @Override
    public Page<EffectiveTag> listEffectiveTags(String parent, PageRequest page) {
        ResourceRef ref = bindingTarget(parent, "parent");
        int size = PageTokens.size(page, TAG_DEFAULT_PAGE, TAG_MAX_PAGE);
        return tx.read(s -> {
            NodeKey resource = HierarchyReader.find(s, ref).orElseThrow(() -> PolicyHubException.permissionDenied(parent));
            String after = PageTokens.decode(page.pageToken(), "listEffectiveTags", resource.name());
            List<EffectiveTag> found = HierarchyReader.effectiveTags(s, resource).stream()
                    .filter(t -> t.key().namespacedName().compareTo(after) > 0).limit(size + 1L).toList();
            return PageTokens.page(found, size,
                    t -> PageTokens.encode("listEffectiveTags", resource.name(), t.key().namespacedName()));
        });
    }

    // ---- ancestry ---------------------------------------------------------------------------------------------

    @Override
    public List<NodeKey> ancestry(String name) {
        ResourceRef ref = ResourceRef.parse(name, "name");
        return tx.read(s -> HierarchyReader.chain(s, HierarchyReader.find(s, ref)
                .orElseThrow(() -> PolicyHubException.permissionDenied(name))));
    }

    @Override
    public String canonicalName(String name) {
        ResourceRef ref = ResourceRef.parse(name, "name");
        return tx.read(s -> HierarchyReader.find(s, ref).orElseThrow(() -> PolicyHubException.permissionDenied(name))
                .name());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private <T> T write(boolean validateOnly, Function<StoreSession, T> work) {
        if (!validateOnly) {
            return tx.write(work);
        }
        try {
            tx.write(s -> {
                throw new ValidatedOnly(work.apply(s));
            });
            throw new IllegalStateException("unreachable");
        } catch (ValidatedOnly done) {
            @SuppressWarnings("unchecked")
            T result = (T) done.result;
            return result;
        }
    }

    /** Carries the result of a validate-only write out of the unit of work, which it rolls back. */
    private static final class ValidatedOnly extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Object result;

        ValidatedOnly(Object result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    private void bindTags(StoreSession s, NodeKey resource, Map<String, String> tags, String field) {
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            TagValue value = s.tags().valueByNamespacedName(tag.getKey() + "/" + tag.getValue()).map(Versioned::value)
                    .orElseThrow(() -> PolicyHubException.invalidArgument(field, "unknown tag " + tag.getKey() + "/"
                            + tag.getValue()));
            bind(s, resource, value);
        }
    }

    /** Purges every (deletion-requested) folder and project below a node, deepest first. */
    private static void purgeChildren(StoreSession s, NodeKey node) {
        for (Versioned<Folder> child : s.nodes().folders(node, ChildCursor.START, Integer.MAX_VALUE, true)) {
            purgeChildren(s, child.value().key());
            purgeAttachments(s, child.value().key());
            Transactor.check(s.nodes().deleteFolder(child.value().id(), child.version()));
        }
        for (Versioned<Project> child : s.nodes().projects(node, ChildCursor.START, Integer.MAX_VALUE, true)) {
            if (s.tags().countKeys(child.value().key()) > 0) {
                throw PolicyHubException.failedPrecondition("NOT_EMPTY", child.value().name(), "project "
                        + child.value().name() + " still owns tag keys; delete them first");
            }
            purgeAttachments(s, child.value().key());
            Transactor.check(s.nodes().deleteProject(child.value().number(), child.version()));
        }
    }

    private static void purgeCustomConstraints(StoreSession s, long org) {
        for (Versioned<CustomConstraint> c : s.customConstraints().list(org, "", Integer.MAX_VALUE)) {
            Transactor.check(s.customConstraints().delete(org, c.value().id(), c.version()));
        }
    }

    /** Removes what hangs off a node: its policies and its tag bindings. */
    private static void purgeAttachments(StoreSession s, NodeKey key) {
        for (TagBinding binding : HierarchyReader.allBindings(s, key)) {
            s.tags().deleteBinding(binding);
        }
        while (true) {
            List<Versioned<Policy>> policies = s.policies().list(key, "", 500);
            for (Versioned<Policy> p : policies) {
                Transactor.check(s.policies().delete(key, p.value().constraint(), p.version()));
            }
            if (policies.size() < 500) {
                return;
            }
        }
    }

    private static NodeKey activeParent(StoreSession s, ResourceRef ref, String name) {
        NodeKey parent = HierarchyReader.find(s, ref).orElseThrow(() -> PolicyHubException.permissionDenied(name));
        boolean active = switch (parent.type()) {
            case ORGANIZATION -> s.nodes().organization(parent.id()).orElseThrow().value().state() == State.ACTIVE;
            case FOLDER -> s.nodes().folder(parent.id()).orElseThrow().value().isActive();
            case PROJECT -> false;
        };
        if (!active) {
            throw PolicyHubException.failedPrecondition("PARENT_NOT_ACTIVE", parent.name(),
                    parent.name() + " is being deleted and cannot take new children");
        }
        return parent;
    }

    /** Level of a node below its organization: 0 for the organization, 1 for a folder directly under it. */
    private static int depth(StoreSession s, NodeKey node) {
        return HierarchyReader.chain(s, node).size() - 1;
    }

    /** Levels of active folders in a folder's subtree, the folder itself counting 1. */
    private static int height(StoreSession s, NodeKey folder) {
        int max = 0;
        ChildCursor after = ChildCursor.START;
        while (true) {
            List<Versioned<Folder>> children = s.nodes().folders(folder, after, 500, false);
            for (Versioned<Folder> child : children) {
                max = Math.max(max, height(s, child.value().key()));
            }
            if (children.size() < 500) {
                return max + 1;
            }
            Folder last = children.get(children.size() - 1).value();
            after = new ChildCursor(last.displayName(), last.id());
        }
    }

    private static void checkSiblingName(StoreSession s, NodeKey parent, String displayName, long self) {
        List<Versioned<Folder>> same = s.nodes().folders(parent, new ChildCursor(displayName, 0), 2, false);
        for (Versioned<Folder> sibling : same) {
            Folder f = sibling.value();
            if (f.displayName().equals(displayName) && f.id() != self) {
                throw PolicyHubException.failedPrecondition("DISPLAY_NAME_TAKEN", parent.name(),
                        "an active folder named '" + displayName + "' already exists under " + parent.name());
            }
        }
    }

    private static void checkFanOut(StoreSession s, NodeKey parent) {
        if (s.nodes().folders(parent, ChildCursor.START, MAX_FOLDERS_PER_PARENT + 1, false).size()
                >= MAX_FOLDERS_PER_PARENT) {
            throw PolicyHubException.failedPrecondition("TOO_MANY_FOLDERS", parent.name(),
                    parent.name() + " already has " + MAX_FOLDERS_PER_PARENT + " active folders");
        }
    }

    private static void checkFolderDisplayName(String displayName) {
        if (displayName == null || !FOLDER_DISPLAY_NAME.matcher(displayName).matches()) {
            throw PolicyHubException.invalidArgument("folder.display_name", "'" + displayName + "' is not a valid"
                    + " folder name: 1 to 30 letters, digits, spaces, hyphens or underscores, starting and ending"
                    + " with a letter or digit");
        }
    }

    private static void checkProjectDisplayName(String displayName, Violations v) {
        if (!displayName.isEmpty() && !PROJECT_DISPLAY_NAME.matcher(displayName).matches()) {
            v.add("project.display_name", "'" + displayName + "' is not a valid project name: 4 to 30 letters,"
                    + " digits, spaces, hyphens, quotes or exclamation marks");
        }
    }

    private static void checkLabels(Map<String, String> labels, Violations v) {
        if (labels.size() > 256) {
            v.add("project.labels", "a project may have at most 256 labels");
        }
        labels.forEach((key, value) -> {
            if (key.length() > 63 || !LABEL_KEY.matcher(key).matches()) {
                v.add("project.labels", "'" + key + "' is not a valid label key");
            }
            if (value.length() > 63 || !LABEL_VALUE.matcher(value).matches()) {
                v.add("project.labels", "'" + value + "' is not a valid value for label '" + key + "'");
            }
        });
    }

    private static void checkShortName(String shortName, String field, Violations v) {
        if (!TAG_SHORT_NAME.matcher(shortName).matches()) {
            v.add(field, "'" + shortName + "' is not a valid short name: 1 to 63 letters, digits, '.', '_' or '-',"
                    + " starting and ending with a letter or digit");
        }
    }

    private static void checkTagDescription(String description, String field, Violations v) {
        if (description.length() > 256) {
            v.add(field, "the description may be at most 256 characters");
        }
    }

    private static boolean descriptionMask(UpdateMask mask, String field, String description) {
        boolean set = mask.isAbsent();
        for (String path : mask.paths()) {
            switch (path) {
                case "description" -> set = true;
                case "etag" -> {
                }
                default -> throw PolicyHubException.invalidArgument("update_mask", "'" + path
                        + "' cannot be updated; use description or etag");
            }
        }
        if (set && description.length() > 256) {
            throw PolicyHubException.invalidArgument(field, "the description may be at most 256 characters");
        }
        return set;
    }

    private static void checkEtag(String given, String stored) {
        if (given != null && !given.isEmpty() && !given.equals(stored)) {
            throw PolicyHubException.etagMismatch();
        }
    }

    private static long organizationId(String name, String field) {
        ResourceRef ref = ResourceRef.parse(name, field);
        if (ref.type() != NodeType.ORGANIZATION) {
            throw PolicyHubException.invalidArgument(field, "'" + name + "' is not an organization name");
        }
        return ref.id();
    }

    private static long folderId(String name, String field) {
        ResourceRef ref = ResourceRef.parse(name, field);
        if (ref.type() != NodeType.FOLDER) {
            throw PolicyHubException.invalidArgument(field, "'" + name + "' is not a folder name");
        }
        return ref.id();
    }

    private static ResourceRef projectRef(String name, String field) {
        ResourceRef ref = ResourceRef.parse(name, field);
        if (ref.type() != NodeType.PROJECT) {
            throw PolicyHubException.invalidArgument(field, "'" + name + "' is not a project name");
        }
        return ref;
    }

    private static void requireNamespacedName(String namespacedName, String what, String shape) {
        if (namespacedName == null || namespacedName.isEmpty()) {
            throw PolicyHubException.invalidArgument("name", "a namespaced " + what + " name (" + shape
                    + ") is required");
        }
    }

    private static long tagId(String name, String prefix, String field) {
        if (name == null || !name.startsWith(prefix) || !name.substring(prefix.length()).matches("[0-9]+")) {
            throw PolicyHubException.invalidArgument(field, "'" + name + "' is not a valid name; expected " + prefix
                    + "{id}");
        }
        return ResourceRef.positiveId(name.substring(prefix.length()));
    }

    /** A binding target: a full resource name ({@code //cloudresourcemanager.googleapis.com/…}) or a plain name. */
    private static ResourceRef bindingTarget(String parent, String field) {
        String plain = parent != null && parent.startsWith(NodeKey.FULL_NAME_PREFIX)
                ? parent.substring(NodeKey.FULL_NAME_PREFIX.length()) : parent;
        ResourceRef ref = ResourceRef.tryParse(plain);
        if (ref == null) {
            throw PolicyHubException.invalidArgument(field, "'" + parent + "' is not the full resource name of an"
                    + " organization, folder or project");
        }
        return ref;
    }

    private static Versioned<Folder> folder(StoreSession s, long id, String name) {
        return s.nodes().folder(id).orElseThrow(() -> PolicyHubException.permissionDenied(name));
    }

    private static Versioned<Project> project(StoreSession s, ResourceRef ref, String name) {
        return HierarchyReader.project(s, ref.token()).orElseThrow(() -> PolicyHubException.permissionDenied(name));
    }

    private static Versioned<TagKey> tagKey(StoreSession s, long id, String name) {
        return s.tags().key(id).orElseThrow(() -> PolicyHubException.permissionDenied(name));
    }

    private static Versioned<TagValue> tagValue(StoreSession s, long id, String name) {
        return s.tags().value(id).orElseThrow(() -> PolicyHubException.permissionDenied(name));
    }

    private static ChildCursor cursor(String token) {
        if (token.isEmpty()) {
            return ChildCursor.START;
        }
        int split = token.lastIndexOf('\u0000');
        if (split < 0) {
            throw PageTokens.invalid();
        }
        return new ChildCursor(token.substring(0, split), PageTokens.lastId(token.substring(split + 1)));
    }

    private static String token(String displayName, long id) {
        return displayName + '\u0000' + id;
    }

    private static String etag(Object... content) {
        StringBuilder canonical = new StringBuilder();
        for (Object part : content) {
            canonical.append(part).append('\u001f');
        }
        return Etags.of(canonical.toString());
    }

}
