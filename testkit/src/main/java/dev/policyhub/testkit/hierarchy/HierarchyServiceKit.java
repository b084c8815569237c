package dev.policyhub.testkit.hierarchy;

import dev.policyhub.core.IdSource;
import dev.policyhub.core.Page;
import dev.policyhub.core.PageRequest;
import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.UpdateMask;
import dev.policyhub.core.error.ErrorCode;
import dev.policyhub.core.error.FieldViolation;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.error.PreconditionViolation;
import dev.policyhub.core.hierarchy.EffectiveTag;
import dev.policyhub.core.hierarchy.Folder;
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
import dev.policyhub.core.hierarchy.TagPurpose;
import dev.policyhub.core.hierarchy.TagValue;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.testkit.HubKitBase;
import dev.policyhub.testkit.KitConstraints;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Resource Manager v3 hierarchy as PolicyHub models it: organizations,
 * folders, projects, tag keys, values and bindings, effective tags, ancestry and id assignment.
 */
public abstract class HierarchyServiceKit extends HubKitBase {
    /** The first id of the default id source. */
    protected static final long FIRST_ID = 100_000_000_001L;
    /** {@code organizations/1} as a node. */
    protected static final NodeKey ORG_KEY = NodeKey.organization(1);

    /** For the concrete suites of each store. */
    protected HierarchyServiceKit() {
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** The instant of the {@code n}-th stamping write of a test (the first one is {@code 0}). */
    protected static Instant tick(int n) {
        return CLOCK_START.plus(n, ChronoUnit.MICROS);
    }

    /** {@code //cloudresourcemanager.googleapis.com/{name}}. */
    protected static String full(String name) {
        return NodeKey.FULL_NAME_PREFIX + name;
    }

    /** Runs a call that must fail with {@code code} and returns the failure. */
    protected static PolicyHubException assertFails(ErrorCode code, Executable call) {
        PolicyHubException e = assertThrows(PolicyHubException.class, call);
        assertEquals(code, e.code(), e::getMessage);
        return e;
    }

    /** Runs a call that must fail as INVALID_ARGUMENT on exactly the given field path. */
    protected static void assertInvalidArgument(String field, Executable call) {
        PolicyHubException e = assertFails(ErrorCode.INVALID_ARGUMENT, call);
        assertEquals(List.of(field), e.fieldViolations().stream().map(FieldViolation::field).distinct().toList(),
                e::getMessage);
    }

    /** Runs a call that must fail as FAILED_PRECONDITION with one violation of the given type; returns it. */
    protected static PreconditionViolation assertPrecondition(String type, Executable call) {
        PolicyHubException e = assertFails(ErrorCode.FAILED_PRECONDITION, call);
        assertEquals(List.of(type), e.preconditionViolations().stream().map(PreconditionViolation::type).toList(),
                e::getMessage);
        return e.preconditionViolations().get(0);
    }

    /**
     * Runs a call that must be refused as FAILED_PRECONDITION with one violation of the given type about
     * {@code subject}, and asserts that it changed nothing.
     */
    private void assertRefused(String type, String subject, Executable call) {
        List<Object> before = everything();

        PreconditionViolation v = assertPrecondition(type, call);
        assertEquals(subject, v.subject());
        assertUnchanged(before);
    }

    /** Runs a write with a stale etag, which must fail as ABORTED, and asserts that it changed nothing. */
    private void assertStaleEtagAborted(Executable write) {
        List<Object> before = everything();

        assertFails(ErrorCode.ABORTED, write);
        assertUnchanged(before);
    }

    /**
     * Asserts that moving a node of {@code organizations/1} to {@code organizations/2} or to its {@code folders/21}
     * is refused as CROSS_ORGANIZATION, and that the refusals change nothing.
     */
    private void assertCrossOrganizationRefused(Function<String, ?> moveTo) {
        List<Object> before = everything();

        assertPrecondition("CROSS_ORGANIZATION", () -> moveTo.apply("organizations/2"));
        assertPrecondition("CROSS_ORGANIZATION", () -> moveTo.apply("folders/21"));
        assertUnchanged(before);
    }

    /** Runs a call that must fail as PERMISSION_DENIED with Resource Manager's message naming {@code name}. */
    protected static void assertPermissionDenied(String name, Executable call) {
        PolicyHubException e = assertFails(ErrorCode.PERMISSION_DENIED, call);
        assertEquals("Permission denied on resource '" + name + "' (or it may not exist).", e.getMessage());
    }

    /** Runs a call that must fail as ALREADY_EXISTS with Google's message. */
    protected static void assertAlreadyExists(Executable call) {
        PolicyHubException e = assertFails(ErrorCode.ALREADY_EXISTS, call);
        assertEquals("Requested entity already exists", e.getMessage());
    }

    /**
     * Everything the service shows, walked from every organization: organizations, folders and projects (deleted
     * ones too), tag keys, values and bindings. Equal snapshots mean a refused write changed nothing.
     */
    protected List<Object> everything() {
        List<Object> out = new ArrayList<>();
        for (Organization o : all(p -> hierarchy.searchOrganizations("", p))) {
            out.add(o);
            describe(o.key(), out);
        }
        return out;
    }

    /** Asserts the service shows exactly what it showed when {@code before} was taken. */
    protected void assertUnchanged(List<Object> before) {
        assertEquals(before, everything(), "a refused write changes nothing");
    }

    private void describe(NodeKey node, List<Object> out) {
        out.addAll(all(p -> hierarchy.listTagBindings(node.fullResourceName(), p)));
        if (node.type() != NodeType.FOLDER) {
            for (TagKey key : all(p -> hierarchy.listTagKeys(node.name(), p))) {
                out.add(key);
                out.addAll(all(p -> hierarchy.listTagValues(key.name(), p)));
            }
        }
        if (node.type() != NodeType.PROJECT) {
            for (Folder f : all(p -> hierarchy.listFolders(node.name(), p, true))) {
                out.add(f);
                describe(f.key(), out);
            }
            for (Project p : all(r -> hierarchy.listProjects(node.name(), r, true))) {
                out.add(p);
                describe(p.key(), out);
            }
        }
    }

    /** Every item of a list, following page tokens. */
    protected static <T> List<T> all(Function<PageRequest, Page<T>> list) {
        List<T> out = new ArrayList<>();
        PageRequest request = PageRequest.ofSize(1000);
        while (true) {
            Page<T> page = list.apply(request);
            out.addAll(page.items());
            if (!page.hasNextPage()) {
                return out;
            }
            request = request.next(page);
        }
    }

    /**
     * The items of each page of a list read in pages of {@code size}, each page asked for with the token of the page
     * before, until a page has no next page (failing after ten pages).
     */
    private static <T> List<List<T>> readPages(int size, Function<PageRequest, Page<T>> list) {
        List<List<T>> out = new ArrayList<>();
        PageRequest request = PageRequest.ofSize(size);
        while (true) {
            Page<T> page = list.apply(request);
            out.add(page.items());
            if (!page.hasNextPage()) {
                return out;
            }
            assertTrue(out.size() < 10, "the list ends");
            request = request.next(page);
        }
    }

    /** Asserts that the page token of a first page of one list is INVALID_ARGUMENT on page_token for another. */
    private static void assertForeignToken(Function<PageRequest, Page<?>> tokenFrom,
            Function<PageRequest, Page<?>> usedFor) {
        String token = tokenFrom.apply(PageRequest.ofSize(1)).nextPageToken();

        assertInvalidArgument("page_token", () -> usedFor.apply(new PageRequest(1, token)));
    }

    /** Creates a folder with an explicit id and display name. */
    protected Folder namedFolder(long id, String parent, String displayName) {
        return hierarchy.createFolder(new NewFolder(id, parent, displayName, Map.of()));
    }

    /** Creates a project with an explicit number, project id and display name. */
    protected Project namedProject(long number, String projectId, String parent, String displayName) {
        return hierarchy.createProject(new NewProject(number, projectId, parent, displayName, Map.of(), Map.of()));
    }

    /** Creates {@code folders/11} … {@code folders/{10 + levels}}, each under the previous, the first under the org. */
    protected void folderChain(int levels) {
        folder(11, ORG);
        for (int level = 2; level <= levels; level++) {
            folder(10 + level, "folders/" + (9 + level));
        }
    }

    /** Creates 300 folders named {@code n001} … {@code n300} under a parent, with assigned ids. */
    protected void fill300(String parent) {
        for (int i = 1; i <= 300; i++) {
            hierarchy.createFolder(NewFolder.of(parent, String.format("n%03d", i)));
        }
    }

    /** The ids of some folders. */
    protected static List<Long> folderIds(List<Folder> folders) {
        return folders.stream().map(Folder::id).toList();
    }

    /** The numbers of some projects. */
    protected static List<Long> projectNumbers(List<Project> projects) {
        return projects.stream().map(Project::number).toList();
    }

    /** Asserts the store keeps no policies and no tag bindings of a purged node, and tagValues/601 is bound nowhere. */
    private void assertPurgedFromStore(NodeKey key) {
        assertEquals(List.of(), hub.storage().read(s -> s.policies().list(key, "", 10)), "its policies");
        assertEquals(List.of(), hub.storage().read(s -> s.tags().bindings(key, 0, 10)), "its bindings");
        boolean bound = hub.storage().read(s -> s.tags().isBound(601));
        assertFalse(bound, "tagValues/601 is bound nowhere");
    }

    /** The bindings of a resource, all pages. */
    protected List<TagBinding> bindingsOf(String resource) {
        return all(p -> hierarchy.listTagBindings(resource, p));
    }

    /** The effective tags of a resource, all pages. */
    protected List<EffectiveTag> effectiveTagsOf(String resource) {
        return all(p -> hierarchy.listEffectiveTags(resource, p));
    }

    /** The effective tag of a value bound at {@code boundTo}. */
    protected EffectiveTag effectiveTag(long valueId, NodeKey boundTo, boolean inherited) {
        TagValue value = hierarchy.getTagValue("tagValues/" + valueId);
        return new EffectiveTag(hierarchy.getTagKey(value.parentName()), value, boundTo, inherited);
    }

    // ---- organizations ------------------------------------------------------------------------------------------

    /** Organizations: created by the embedding API, read, searched and deleted. */
    @Nested
    @DisplayName("Organizations")
    class Organizations {

        @Test
        @DisplayName("an organization is created with the given id, display name and directory customer id")
        void createdWithGivenFields() {
            Organization created = hierarchy.createOrganization(123L, "example.com", "C01abc");

            assertEquals(new Organization(123, "example.com", "C01abc", State.ACTIVE, tick(0), tick(0),
                    created.etag()), created);
            assertFalse(created.etag().isEmpty(), "an organization has an etag");
        }

        @Test
        @DisplayName("a created organization is read back by its name")
        void readBack() {
            Organization created = hierarchy.createOrganization(123L, "example.com", "C01abc");

            assertEquals(created, hierarchy.getOrganization("organizations/123"));
        }

        @Test
        @DisplayName("an organization without display name is named after its id and has no directory customer id")
        void defaults() {
            Organization created = hierarchy.createOrganization(7L, null, null);

            assertEquals(new Organization(7, "7", "", State.ACTIVE, tick(0), tick(0), created.etag()), created);
        }

        @Test
        @DisplayName("creating an organization with an id already in use is ALREADY_EXISTS and changes nothing")
        void duplicateId() {
            org(1);
            List<Object> before = everything();

            assertAlreadyExists(() -> hierarchy.createOrganization(1L, "other.example.com", ""));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("getting a missing organization is PERMISSION_DENIED naming it")
        void missing() {
            assertPermissionDenied("organizations/9", () -> hierarchy.getOrganization("organizations/9"));
        }

        @Test
        @DisplayName("an empty search query finds every organization")
        void searchAll() {
            org(3);
            org(1);
            org(2);
            Set<Organization> expected = Set.of(hierarchy.getOrganization("organizations/1"),
                    hierarchy.getOrganization("organizations/2"), hierarchy.getOrganization("organizations/3"));

            assertEquals(expected, new HashSet<>(hierarchy.searchOrganizations("", PageRequest.first()).items()));
        }

        @Test
        @DisplayName("a domain query finds the organization with that display name")
        void searchDomain() {
            Organization one = hierarchy.createOrganization(1L, "example.com", "C01");
            hierarchy.createOrganization(2L, "other.com", "C02");

            assertEquals(List.of(one), hierarchy.searchOrganizations("domain:example.com", PageRequest.first()).items());
        }

        @Test
        @DisplayName("a directoryCustomerId query finds the organization with that customer id")
        void searchCustomer() {
            hierarchy.createOrganization(1L, "example.com", "C01");
            Organization two = hierarchy.createOrganization(2L, "other.com", "C02");

            assertEquals(List.of(two),
                    hierarchy.searchOrganizations("directoryCustomerId:C02", PageRequest.first()).items());
        }

        @Test
        @DisplayName("the field names of a search query are case-insensitive")
        void searchFieldCase() {
            Organization one = hierarchy.createOrganization(1L, "example.com", "C01");
            hierarchy.createOrganization(2L, "other.com", "C02");

            assertEquals(List.of(one), hierarchy.searchOrganizations("DOMAIN:example.com", PageRequest.first()).items());
            assertEquals(List.of(one),
                    hierarchy.searchOrganizations("directorycustomerid:C01", PageRequest.first()).items());
        }

        @Test
        @DisplayName("a search pages through the organizations with page tokens")
        void searchPages() {
            org(1);
            org(2);
            org(3);

            List<List<Organization>> pages = readPages(2, p -> hierarchy.searchOrganizations("", p));

            assertEquals(List.of(2, 1), pages.stream().map(List::size).toList());
            Set<Long> ids = new HashSet<>();
            pages.forEach(page -> page.forEach(o -> ids.add(o.id())));
            assertEquals(Set.of(1L, 2L, 3L), ids);
        }

        @Test
        @DisplayName("an organization without children or tag keys is deleted")
        void deleteEmpty() {
            org(1);

            hierarchy.deleteOrganization(ORG);

            assertPermissionDenied(ORG, () -> hierarchy.getOrganization(ORG));
        }

        @Test
        @DisplayName("deleting an organization with an active folder is refused as NOT_EMPTY and changes nothing")
        void deleteWithFolder() {
            org(1);
            folder(11, ORG);

            assertRefused("NOT_EMPTY", ORG, () -> hierarchy.deleteOrganization(ORG));
        }

        @Test
        @DisplayName("deleting an organization with an active project is refused as NOT_EMPTY and changes nothing")
        void deleteWithProject() {
            org(1);
            project(101, ORG);

            assertRefused("NOT_EMPTY", ORG, () -> hierarchy.deleteOrganization(ORG));
        }

        @Test
        @DisplayName("deleting an organization that owns a tag key is refused as NOT_EMPTY and changes nothing")
        void deleteWithTagKey() {
            org(1);
            tagKey(501, "env");

            assertRefused("NOT_EMPTY", ORG, () -> hierarchy.deleteOrganization(ORG));
        }

        @Test
        @DisplayName("deleting an organization takes its deletion-requested folders and projects and their policies with it")
        void deleteTakesDeletedChildren() {
            org(1);
            folder(11, ORG);
            project(111, "folders/11");
            set("projects/111", "compute.requireOsLogin", spec(PolicyRule.enforce(true)));
            hierarchy.deleteProject("projects/111");
            hierarchy.deleteFolder("folders/11");

            hierarchy.deleteOrganization(ORG);

            assertPermissionDenied(ORG, () -> hierarchy.getOrganization(ORG));
            assertPermissionDenied("folders/11", () -> hierarchy.getFolder("folders/11"));
            assertPermissionDenied("projects/111", () -> hierarchy.getProject("projects/111"));
            hub.storage().read(s -> {
                assertEquals(Optional.empty(), s.policies().get(
                        NodeKey.project(111), "compute.requireOsLogin"));
                return null;
            });
        }
    }

    // ---- folders ------------------------------------------------------------------------------------------------

    /** Folders: creation rules, height, fan-out, names, deletion, moves, renames, lists and tags on create. */
    @Nested
    @DisplayName("Folders")
    class Folders {

        @Test
        @DisplayName("a folder is created under its organization with the given id and display name")
        void createUnderOrganization() {
            org(1);

            Folder created = namedFolder(11, ORG, "prod");

            assertEquals(new Folder(11, ORG_KEY, "prod", State.ACTIVE, tick(1), tick(1), Optional.empty(),
                    created.etag()), created);
            assertFalse(created.etag().isEmpty(), "a folder has an etag");
        }

        @Test
        @DisplayName("a folder is created under another folder")
        void createUnderFolder() {
            org(1);
            folder(11, ORG);

            Folder created = namedFolder(12, "folders/11", "team");

            assertEquals(new Folder(12, NodeKey.folder(11), "team", State.ACTIVE, tick(2), tick(2), Optional.empty(),
                    created.etag()), created);
        }

        @Test
        @DisplayName("a created folder is read back by its name")
        void readBack() {
            org(1);
            Folder created = namedFolder(11, ORG, "prod");

            assertEquals(created, hierarchy.getFolder("folders/11"));
        }

        @Test
        @DisplayName("getting a missing folder is PERMISSION_DENIED naming it")
        void missing() {
            org(1);

            assertPermissionDenied("folders/99", () -> hierarchy.getFolder("folders/99"));
        }

        @Test
        @DisplayName("creating a folder under a missing parent is PERMISSION_DENIED and changes nothing")
        void missingParent() {
            org(1);
            List<Object> before = everything();

            assertPermissionDenied("folders/99", () -> namedFolder(12, "folders/99", "team"));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("creating a folder under a missing organization is PERMISSION_DENIED")
        void missingOrganization() {
            assertPermissionDenied("organizations/9", () -> namedFolder(12, "organizations/9", "team"));
        }

        @Test
        @DisplayName("creating a folder under a folder whose deletion was requested is refused as PARENT_NOT_ACTIVE")
        void deletedParent() {
            org(1);
            folder(11, ORG);
            hierarchy.deleteFolder("folders/11");

            assertRefused("PARENT_NOT_ACTIVE", "folders/11", () -> namedFolder(12, "folders/11", "team"));
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"a", "7", "Prod", "team a_b-c", "Équipe 2", "東京", "abcdefghijklmnopqrstuvwxyz0123"})
        @DisplayName("a display name of 1 to 30 letters, digits, spaces, hyphens and underscores, starting and ending"
                + " with a letter or digit, is accepted")
        void validDisplayName(String displayName) {
            org(1);

            assertEquals(displayName, namedFolder(11, ORG, displayName).displayName());
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", " lead", "trail ", "-x", "x_", "a/b", "a.b", "a@b",
                "abcdefghijklmnopqrstuvwxyz01234"})
        @DisplayName("any other display name is INVALID_ARGUMENT on folder.display_name and creates nothing")
        void invalidDisplayName(String displayName) {
            org(1);
            List<Object> before = everything();

            assertInvalidArgument("folder.display_name", () -> namedFolder(11, ORG, displayName));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("a display name used by an active sibling is refused as DISPLAY_NAME_TAKEN and creates nothing")
        void siblingNameTaken() {
            org(1);
            namedFolder(11, ORG, "prod");
            List<Object> before = everything();

            assertPrecondition("DISPLAY_NAME_TAKEN", () -> namedFolder(12, ORG, "prod"));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("a display name used under another parent is accepted")
        void sameNameElsewhere() {
            org(1);
            namedFolder(11, ORG, "prod");
            namedFolder(12, ORG, "team");

            assertEquals(NodeKey.folder(12), namedFolder(13, "folders/12", "prod").parent());
        }

        @Test
        @DisplayName("the display name of a deleted sibling can be used again")
        void deletedSiblingName() {
            org(1);
            namedFolder(11, ORG, "prod");
            hierarchy.deleteFolder("folders/11");

            Folder again = namedFolder(12, ORG, "prod");

            assertEquals(List.of(again), hierarchy.listFolders(ORG, PageRequest.first(), false).items());
        }

        @Test
        @DisplayName("a folder 10 levels below its organization is accepted")
        void tenLevels() {
            org(1);

            folderChain(10);

            assertEquals(11, hierarchy.ancestry("folders/20").size(), "10 folders and the organization");
        }

        @Test
        @DisplayName("a folder 11 levels below its organization is refused as FOLDER_TOO_DEEP and creates nothing")
        void elevenLevels() {
            org(1);
            folderChain(10);
            List<Object> before = everything();

            assertPrecondition("FOLDER_TOO_DEEP", () -> folder(21, "folders/20"));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("a subtree may move so that its deepest folder is exactly 10 levels below the organization")
        void moveToTenLevels() {
            org(1);
            folderChain(8);
            folder(31, ORG);
            folder(32, "folders/31");

            hierarchy.moveFolder("folders/31", "folders/18");

            assertEquals(11, hierarchy.ancestry("folders/32").size(), "10 folders and the organization");
        }

        @Test
        @DisplayName("a move that would put a folder of the subtree 11 levels deep is refused as FOLDER_TOO_DEEP")
        void moveToElevenLevels() {
            org(1);
            folderChain(9);
            folder(31, ORG);
            folder(32, "folders/31");
            List<Object> before = everything();

            assertPrecondition("FOLDER_TOO_DEEP", () -> hierarchy.moveFolder("folders/31", "folders/19"));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("deleted folders of a moved subtree do not count towards its height")
        void deletedDoNotCountForHeight() {
            org(1);
            folderChain(9);
            folder(31, ORG);
            folder(32, "folders/31");
            hierarchy.deleteFolder("folders/32");

            Folder moved = hierarchy.moveFolder("folders/31", "folders/19");

            assertEquals(NodeKey.folder(19), moved.parent());
        }

        @Test
        @DisplayName("the 301st active folder of a parent is refused as TOO_MANY_FOLDERS and creates nothing")
        void fanOut() {
            org(1);
            fill300(ORG);
            List<Object> before = everything();

            assertPrecondition("TOO_MANY_FOLDERS", () -> namedFolder(11, ORG, "one-more"));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("moving a folder into a parent with 300 active folders is refused as TOO_MANY_FOLDERS")
        void fanOutOnMove() {
            org(1);
            for (int i = 1; i <= 299; i++) {
                hierarchy.createFolder(NewFolder.of(ORG, String.format("n%03d", i)));
            }
            namedFolder(11, ORG, "holder");
            namedFolder(12, "folders/11", "mover");
            List<Object> before = everything();

            assertPrecondition("TOO_MANY_FOLDERS", () -> hierarchy.moveFolder("folders/12", ORG));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("deleted folders do not count towards the 300 folders of a parent")
        void deletedDoNotCountForFanOut() {
            org(1);
            fill300(ORG);
            Folder first = hierarchy.listFolders(ORG, PageRequest.ofSize(1), false).items().get(0);
            hierarchy.deleteFolder(first.name());

            Folder created = namedFolder(11, ORG, "one-more");

            assertEquals(State.ACTIVE, created.state());
            assertEquals(300, all(p -> hierarchy.listFolders(ORG, p, false)).size());
        }

        @Test
        @DisplayName("deleting a folder requests deletion: state DELETE_REQUESTED and a delete time")
        void delete() {
            org(1);
            Folder created = namedFolder(11, ORG, "prod");

            Folder deleted = hierarchy.deleteFolder("folders/11");

            assertEquals(new Folder(11, ORG_KEY, "prod", State.DELETE_REQUESTED, tick(1), tick(2),
                    Optional.of(tick(2)), deleted.etag()), deleted);
            assertNotEquals(created.etag(), deleted.etag(), "a new version has a new etag");
        }

        @Test
        @DisplayName("deleting a folder again is a no-op that returns it unchanged")
        void deleteTwice() {
            org(1);
            folder(11, ORG);
            Folder first = hierarchy.deleteFolder("folders/11");

            assertEquals(first, hierarchy.deleteFolder("folders/11"));
            assertEquals(first, hierarchy.getFolder("folders/11"));
        }

        @Test
        @DisplayName("a folder whose deletion was requested is still read by its name")
        void deletedStillReadable() {
            org(1);
            folder(11, ORG);
            Folder deleted = hierarchy.deleteFolder("folders/11");

            assertEquals(deleted, hierarchy.getFolder("folders/11"));
        }

        @Test
        @DisplayName("deleted folders are listed only with showDeleted")
        void deletedHiddenFromLists() {
            org(1);
            folder(11, ORG);
            folder(12, ORG);
            Folder deleted = hierarchy.deleteFolder("folders/12");
            Folder active = hierarchy.getFolder("folders/11");

            assertEquals(List.of(active), hierarchy.listFolders(ORG, PageRequest.first(), false).items());
            assertEquals(List.of(active, deleted), hierarchy.listFolders(ORG, PageRequest.first(), true).items());
        }

        @Test
        @DisplayName("deleting a folder with an active child folder is refused as NOT_EMPTY and changes nothing")
        void deleteWithChildFolder() {
            org(1);
            folder(11, ORG);
            folder(12, "folders/11");

            assertRefused("NOT_EMPTY", "folders/11", () -> hierarchy.deleteFolder("folders/11"));
        }

        @Test
        @DisplayName("deleting a folder with an active project is refused as NOT_EMPTY and changes nothing")
        void deleteWithChildProject() {
            org(1);
            folder(11, ORG);
            project(101, "folders/11");

            assertRefused("NOT_EMPTY", "folders/11", () -> hierarchy.deleteFolder("folders/11"));
        }

        @Test
        @DisplayName("a folder whose children are all deleted can be deleted")
        void deleteWithDeletedChildren() {
            org(1);
            folder(11, ORG);
            folder(12, "folders/11");
            project(101, "folders/11");
            hierarchy.deleteFolder("folders/12");
            hierarchy.deleteProject("projects/101");

            assertEquals(State.DELETE_REQUESTED, hierarchy.deleteFolder("folders/11").state());
        }

        @Test
        @DisplayName("moving a folder gives it the new parent and a new update time")
        void move() {
            org(1);
            folder(11, ORG);
            folder(12, ORG);

            Folder moved = hierarchy.moveFolder("folders/12", "folders/11");

            assertEquals(new Folder(12, NodeKey.folder(11), "f12", State.ACTIVE, tick(2), tick(3), Optional.empty(),
                    moved.etag()), moved);
            assertEquals(moved, hierarchy.getFolder("folders/12"));
        }

        @Test
        @DisplayName("moving a folder under itself is refused as CYCLE and changes nothing")
        void moveUnderItself() {
            org(1);
            folder(11, ORG);
            List<Object> before = everything();

            assertPrecondition("CYCLE", () -> hierarchy.moveFolder("folders/11", "folders/11"));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("moving a folder under one of its descendants is refused as CYCLE and changes nothing")
        void moveUnderDescendant() {
            org(1);
            folder(11, ORG);
            folder(12, "folders/11");
            folder(13, "folders/12");
            List<Object> before = everything();

            assertPrecondition("CYCLE", () -> hierarchy.moveFolder("folders/11", "folders/13"));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("moving a folder to another organization is refused as CROSS_ORGANIZATION and changes nothing")
        void moveAcrossOrganizations() {
            org(1);
            org(2);
            folder(11, ORG);
            folder(21, "organizations/2");

            assertCrossOrganizationRefused(destination -> hierarchy.moveFolder("folders/11", destination));
        }

        @Test
        @DisplayName("moving a folder to a missing destination is PERMISSION_DENIED and changes nothing")
        void moveToMissing() {
            org(1);
            folder(11, ORG);
            List<Object> before = everything();

            assertPermissionDenied("folders/99", () -> hierarchy.moveFolder("folders/11", "folders/99"));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("moving a folder under a folder whose deletion was requested is refused as PARENT_NOT_ACTIVE")
        void moveToDeleted() {
            org(1);
            folder(11, ORG);
            folder(12, ORG);
            hierarchy.deleteFolder("folders/12");

            assertRefused("PARENT_NOT_ACTIVE", "folders/12", () -> hierarchy.moveFolder("folders/11", "folders/12"));
        }

        @Test
        @DisplayName("moving a folder next to an active folder of the same display name is refused as"
                + " DISPLAY_NAME_TAKEN")
        void moveNameTaken() {
            org(1);
            namedFolder(11, ORG, "prod");
            namedFolder(12, ORG, "team");
            namedFolder(13, "folders/12", "prod");
            List<Object> before = everything();

            assertPrecondition("DISPLAY_NAME_TAKEN", () -> hierarchy.moveFolder("folders/13", ORG));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("renaming a folder changes its display name and update time")
        void rename() {
            org(1);
            Folder created = namedFolder(11, ORG, "prod");

            Folder renamed = hierarchy.updateFolder("folders/11", "production", UpdateMask.of("displayName"));

            assertEquals(new Folder(11, ORG_KEY, "production", State.ACTIVE, tick(1), tick(2), Optional.empty(),
                    renamed.etag()), renamed);
            assertNotEquals(created.etag(), renamed.etag(), "a new version has a new etag");
            assertEquals(renamed, hierarchy.getFolder("folders/11"));
        }

        @Test
        @DisplayName("renaming a folder to an active sibling's display name is refused as DISPLAY_NAME_TAKEN")
        void renameTaken() {
            org(1);
            namedFolder(11, ORG, "prod");
            namedFolder(12, ORG, "test");
            List<Object> before = everything();

            assertPrecondition("DISPLAY_NAME_TAKEN",
                    () -> hierarchy.updateFolder("folders/12", "prod", UpdateMask.of("displayName")));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("renaming a folder without an update mask renames it, as Google does")
        void renameWithoutMask() {
            org(1);
            folder(11, ORG);

            Folder renamed = hierarchy.updateFolder("folders/11", "production", UpdateMask.absent());

            assertEquals("production", renamed.displayName());
            assertEquals("production", hierarchy.getFolder("folders/11").displayName());
        }

        @Test
        @DisplayName("a folder update mask path other than displayName is INVALID_ARGUMENT on update_mask")
        void renameOtherPath() {
            org(1);
            folder(11, ORG);
            List<Object> before = everything();

            assertInvalidArgument("update_mask",
                    () -> hierarchy.updateFolder("folders/11", "prod", UpdateMask.of("displayName", "parent")));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("renaming a folder to an invalid display name is INVALID_ARGUMENT on folder.display_name")
        void renameInvalid() {
            org(1);
            folder(11, ORG);
            List<Object> before = everything();

            assertInvalidArgument("folder.display_name",
                    () -> hierarchy.updateFolder("folders/11", "-prod-", UpdateMask.of("displayName")));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("folders are listed by display name")
        void listOrder() {
            org(1);
            namedFolder(11, ORG, "delta");
            namedFolder(12, ORG, "alpha");
            namedFolder(13, ORG, "charlie");

            assertEquals(List.of(12L, 13L, 11L), folderIds(hierarchy.listFolders(ORG, PageRequest.first(), false)
                    .items()));
        }

        @Test
        @DisplayName("only a parent's own child folders are listed, as whole records")
        void listChildren() {
            org(1);
            Folder top = namedFolder(11, ORG, "top");
            Folder child = namedFolder(12, "folders/11", "child");

            assertEquals(List.of(top), hierarchy.listFolders(ORG, PageRequest.first(), false).items());
            assertEquals(List.of(child), hierarchy.listFolders("folders/11", PageRequest.first(), false).items());
        }

        @Test
        @DisplayName("folder lists page across pages of 2 with page tokens")
        void listPages() {
            org(1);
            namedFolder(11, ORG, "echo");
            namedFolder(12, ORG, "delta");
            namedFolder(13, ORG, "charlie");
            namedFolder(14, ORG, "bravo");
            namedFolder(15, ORG, "alpha");

            List<List<Folder>> pages = readPages(2, p -> hierarchy.listFolders(ORG, p, false));

            assertEquals(List.of(List.of(15L, 14L), List.of(13L, 12L), List.of(11L)),
                    pages.stream().map(HierarchyServiceKit::folderIds).toList());
        }

        @Test
        @DisplayName("a page token of another parent is INVALID_ARGUMENT on page_token")
        void foreignParentToken() {
            org(1);
            folder(11, ORG);
            folder(12, "folders/11");
            folder(13, "folders/11");

            assertForeignToken(p -> hierarchy.listFolders("folders/11", p, false),
                    p -> hierarchy.listFolders(ORG, p, false));
        }

        @Test
        @DisplayName("a page token of a project list is INVALID_ARGUMENT on page_token for a folder list")
        void foreignMethodToken() {
            org(1);
            project(101, ORG);
            project(102, ORG);

            assertForeignToken(p -> hierarchy.listProjects(ORG, p, false), p -> hierarchy.listFolders(ORG, p, false));
        }

        @Test
        @DisplayName("a page token that does not decode is INVALID_ARGUMENT on page_token")
        void garbageToken() {
            org(1);

            assertInvalidArgument("page_token",
                    () -> hierarchy.listFolders(ORG, new PageRequest(1, "not a token!"), false));
        }

        @Test
        @DisplayName("a negative page size is INVALID_ARGUMENT on page_size")
        void negativePageSize() {
            org(1);

            assertInvalidArgument("page_size", () -> hierarchy.listFolders(ORG, new PageRequest(-1, ""), false));
        }

        @Test
        @DisplayName("tags given on create are bound to the new folder in the same write")
        void tagsOnCreate() {
            org(1);
            standardTags();

            hierarchy.createFolder(new NewFolder(11, ORG, "prod", Map.of("1/env", "prod", "1/team", "red")));

            assertEquals(List.of(new TagBinding(NodeKey.folder(11), 602), new TagBinding(NodeKey.folder(11), 603)),
                    bindingsOf(full("folders/11")));
        }

        @Test
        @DisplayName("an unknown tag on create is INVALID_ARGUMENT on folder.tags and creates nothing")
        void unknownTagOnCreate() {
            org(1);
            standardTags();
            List<Object> before = everything();

            assertInvalidArgument("folder.tags", () -> hierarchy.createFolder(
                    new NewFolder(11, ORG, "prod", Map.of("1/env", "staging"))));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("purging a folder removes it together with its policies and tag bindings")
        void purge() {
            org(1);
            standardTags();
            folder(11, ORG);
            bind(full("folders/11"), 601);
            set("folders/11", KitConstraints.LIST_ALLOW, spec(allow("a")));

            hierarchy.purgeFolder("folders/11");

            assertPermissionDenied("folders/11", () -> hierarchy.getFolder("folders/11"));
            assertEquals(List.of(), hierarchy.listFolders(ORG, PageRequest.first(), true).items());
            assertPurgedFromStore(NodeKey.folder(11));
        }
    }

    // ---- projects -----------------------------------------------------------------------------------------------

    /** Projects: ids and numbers, display names, labels, masks, moves, deletion, lists and tags on create. */
    @Nested
    @DisplayName("Projects")
    class Projects {

        @Test
        @DisplayName("a project is created with its number, project id, parent, display name and labels")
        void create() {
            org(1);
            folder(11, ORG);

            Project created = hierarchy.createProject(new NewProject(101, "web-prod", "folders/11", "Web Prod",
                    Map.of("env", "prod"), Map.of()));

            assertEquals(new Project(101, "web-prod", NodeKey.folder(11), "Web Prod", Map.of("env", "prod"),
                    State.ACTIVE, tick(2), tick(2), Optional.empty(), created.etag()), created);
            assertFalse(created.etag().isEmpty(), "a project has an etag");
        }

        @Test
        @DisplayName("a project is read by its project id and by its number, and named by its number")
        void readByIdOrNumber() {
            org(1);
            Project created = namedProject(101, "web-prod", ORG, "Web Prod");

            assertEquals(created, hierarchy.getProject("projects/web-prod"));
            assertEquals(created, hierarchy.getProject("projects/101"));
            assertEquals("projects/101", hierarchy.getProject("projects/web-prod").name());
        }

        @Test
        @DisplayName("a project without display name keeps none")
        void noDisplayName() {
            org(1);

            Project created = hierarchy.createProject(NewProject.of("web-prod", ORG).withNumber(101));

            assertEquals(new Project(101, "web-prod", ORG_KEY, "", Map.of(), State.ACTIVE, tick(1), tick(1),
                    Optional.empty(), created.etag()), created);
        }

        @Test
        @DisplayName("getting a missing project is PERMISSION_DENIED naming it as given")
        void missing() {
            org(1);

            assertPermissionDenied("projects/no-such-proj", () -> hierarchy.getProject("projects/no-such-proj"));
            assertPermissionDenied("projects/999", () -> hierarchy.getProject("projects/999"));
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"abcdef", "a-b-c-1", "my-proj-2025", "a23456789012345678901234567890"})
        @DisplayName("a project id of 6 to 30 lowercase letters, digits and hyphens, starting with a letter and not"
                + " ending with a hyphen, is accepted")
        void validProjectId(String projectId) {
            org(1);

            assertEquals(projectId, hierarchy.createProject(NewProject.of(projectId, ORG)).projectId());
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", "abcde", "1abcdef", "abcdef-", "Abcdef", "abc_def", "abc.def",
                "a234567890123456789012345678901"})
        @DisplayName("any other project id is INVALID_ARGUMENT on project.project_id and creates nothing")
        void invalidProjectId(String projectId) {
            org(1);
            List<Object> before = everything();

            assertInvalidArgument("project.project_id", () -> hierarchy.createProject(NewProject.of(projectId, ORG)));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("a project without parent is INVALID_ARGUMENT on project.parent and creates nothing")
        void noParent() {
            org(1);
            List<Object> before = everything();

            assertInvalidArgument("project.parent", () -> hierarchy.createProject(NewProject.of("web-prod", "")));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("creating a project under a missing parent is PERMISSION_DENIED and changes nothing")
        void missingParent() {
            org(1);
            List<Object> before = everything();

            assertPermissionDenied("folders/99", () -> hierarchy.createProject(NewProject.of("web-prod", "folders/99")));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("creating a project under a folder whose deletion was requested is refused as PARENT_NOT_ACTIVE")
        void deletedParent() {
            org(1);
            folder(11, ORG);
            hierarchy.deleteFolder("folders/11");

            assertRefused("PARENT_NOT_ACTIVE", "folders/11",
                    () -> hierarchy.createProject(NewProject.of("web-prod", "folders/11")));
        }

        @Test
        @DisplayName("a project id already in use is ALREADY_EXISTS and creates nothing")
        void projectIdTaken() {
            org(1);
            namedProject(101, "web-prod", ORG, "");
            List<Object> before = everything();

            assertAlreadyExists(() -> hierarchy.createProject(NewProject.of("web-prod", ORG)));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("the project id of a project whose deletion was requested stays taken")
        void deletedProjectIdTaken() {
            org(1);
            namedProject(101, "web-prod", ORG, "");
            hierarchy.deleteProject("projects/101");
            List<Object> before = everything();

            assertAlreadyExists(() -> hierarchy.createProject(NewProject.of("web-prod", ORG)));
            assertUnchanged(before);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"Web!", "Web Prod", "it's \"ok\" - 1", "Ünïcode 1", "abcdefghijklmnopqrstuvwxyz0123"})
        @DisplayName("a display name of 4 to 30 letters, digits, hyphens, quotes, spaces and exclamation marks is"
                + " accepted")
        void validDisplayName(String displayName) {
            org(1);

            assertEquals(displayName, namedProject(101, "web-prod", ORG, displayName).displayName());
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"abc", "web@prod", "web.prod", "web_prod", "abcdefghijklmnopqrstuvwxyz01234"})
        @DisplayName("any other display name is INVALID_ARGUMENT on project.display_name and creates nothing")
        void invalidDisplayName(String displayName) {
            org(1);
            List<Object> before = everything();

            assertInvalidArgument("project.display_name", () -> namedProject(101, "web-prod", ORG, displayName));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("labels with valid keys and values, empty values included, are accepted")
        void validLabels() {
            org(1);
            Map<String, String> labels = Map.of("env", "prod", "a", "", "cost-center", "a1-b2",
                    "k" + "x".repeat(62), "v" + "y".repeat(62));

            Project created = hierarchy.createProject(new NewProject(101, "web-prod", ORG, "", labels, Map.of()));

            assertEquals(labels, created.labels());
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", "Env", "1env", "env-", "e_v", "e.v",
                "kxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
        @DisplayName("an invalid label key is INVALID_ARGUMENT on project.labels and creates nothing")
        void invalidLabelKey(String key) {
            org(1);
            List<Object> before = everything();

            assertInvalidArgument("project.labels", () -> hierarchy.createProject(
                    new NewProject(101, "web-prod", ORG, "", Map.of(key, "ok"), Map.of())));
            assertUnchanged(before);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"Prod", "prod-", "1prod", "pr_od",
                "vyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"})
        @DisplayName("an invalid label value is INVALID_ARGUMENT on project.labels and creates nothing")
        void invalidLabelValue(String value) {
            org(1);
            List<Object> before = everything();

            assertInvalidArgument("project.labels", () -> hierarchy.createProject(
                    new NewProject(101, "web-prod", ORG, "", Map.of("env", value), Map.of())));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("256 labels are accepted")
        void manyLabels() {
            org(1);

            Project created = hierarchy.createProject(
                    new NewProject(101, "web-prod", ORG, "", labels(256), Map.of()));

            assertEquals(256, created.labels().size());
        }

        @Test
        @DisplayName("more than 256 labels are INVALID_ARGUMENT on project.labels and create nothing")
        void tooManyLabels() {
            org(1);
            List<Object> before = everything();

            assertInvalidArgument("project.labels", () -> hierarchy.createProject(
                    new NewProject(101, "web-prod", ORG, "", labels(257), Map.of())));
            assertUnchanged(before);
        }

        private Map<String, String> labels(int count) {
            Map<String, String> labels = new HashMap<>();
            for (int i = 0; i < count; i++) {
                labels.put("k" + i, "v" + i);
            }
            return labels;
        }

        @Test
        @DisplayName("an update with the displayName mask changes only the display name")
        void updateDisplayName() {
            org(1);
            hierarchy.createProject(new NewProject(101, "web-prod", ORG, "Web Prod", Map.of("env", "prod"),
                    Map.of()));

            Project updated = hierarchy.updateProject("projects/101", "New Name", Map.of("env", "test"),
                    UpdateMask.of("displayName"));

            assertEquals(new Project(101, "web-prod", ORG_KEY, "New Name", Map.of("env", "prod"), State.ACTIVE,
                    tick(1), tick(2), Optional.empty(), updated.etag()), updated);
            assertEquals(updated, hierarchy.getProject("projects/101"));
        }

        @Test
        @DisplayName("an update with the labels mask changes only the labels")
        void updateLabels() {
            org(1);
            hierarchy.createProject(new NewProject(101, "web-prod", ORG, "Web Prod", Map.of("env", "prod"),
                    Map.of()));

            Project updated = hierarchy.updateProject("projects/101", "New Name", Map.of("team", "red"),
                    UpdateMask.of("labels"));

            assertEquals(new Project(101, "web-prod", ORG_KEY, "Web Prod", Map.of("team", "red"), State.ACTIVE,
                    tick(1), tick(2), Optional.empty(), updated.etag()), updated);
        }

        @Test
        @DisplayName("an update without mask changes both display name and labels")
        void updateBoth() {
            org(1);
            hierarchy.createProject(new NewProject(101, "web-prod", ORG, "Web Prod", Map.of("env", "prod"),
                    Map.of()));

            Project updated = hierarchy.updateProject("projects/101", "New Name", Map.of("team", "red"),
                    UpdateMask.absent());

            assertEquals(new Project(101, "web-prod", ORG_KEY, "New Name", Map.of("team", "red"), State.ACTIVE,
                    tick(1), tick(2), Optional.empty(), updated.etag()), updated);
        }

        @Test
        @DisplayName("a project named by its id is updated and returned named by its number")
        void updateById() {
            org(1);
            namedProject(101, "web-prod", ORG, "Web Prod");

            Project updated = hierarchy.updateProject("projects/web-prod", "New Name", Map.of(),
                    UpdateMask.of("displayName"));

            assertEquals("projects/101", updated.name());
            assertEquals("New Name", hierarchy.getProject("projects/101").displayName());
        }

        @Test
        @DisplayName("a project update mask path other than displayName and labels is INVALID_ARGUMENT on update_mask")
        void updateOtherPath() {
            org(1);
            namedProject(101, "web-prod", ORG, "Web Prod");
            List<Object> before = everything();

            assertInvalidArgument("update_mask", () -> hierarchy.updateProject("projects/101", "New Name", Map.of(),
                    UpdateMask.of("displayName", "parent")));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("an invalid display name outside the mask is ignored")
        void invalidOutsideMask() {
            org(1);
            namedProject(101, "web-prod", ORG, "Web Prod");

            Project updated = hierarchy.updateProject("projects/101", "x@", Map.of("env", "prod"),
                    UpdateMask.of("labels"));

            assertEquals("Web Prod", updated.displayName());
            assertEquals(Map.of("env", "prod"), updated.labels());
        }

        @Test
        @DisplayName("an invalid display name in the mask is INVALID_ARGUMENT on project.display_name")
        void invalidDisplayNameInMask() {
            org(1);
            namedProject(101, "web-prod", ORG, "Web Prod");
            List<Object> before = everything();

            assertInvalidArgument("project.display_name", () -> hierarchy.updateProject("projects/101", "x@",
                    Map.of(), UpdateMask.of("displayName")));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("invalid labels in the mask are INVALID_ARGUMENT on project.labels")
        void invalidLabelsInMask() {
            org(1);
            namedProject(101, "web-prod", ORG, "Web Prod");
            List<Object> before = everything();

            assertInvalidArgument("project.labels", () -> hierarchy.updateProject("projects/101", "Web Prod",
                    Map.of("Env", "prod"), UpdateMask.of("labels")));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("moving a project gives it the new parent and a new update time")
        void move() {
            org(1);
            folder(11, ORG);
            project(101, ORG);

            Project moved = hierarchy.moveProject("projects/101", "folders/11");

            assertEquals(new Project(101, projectId("p101"), NodeKey.folder(11), "", Map.of(), State.ACTIVE,
                    tick(2), tick(3), Optional.empty(), moved.etag()), moved);
            assertEquals(moved, hierarchy.getProject("projects/101"));
        }

        @Test
        @DisplayName("moving a project to another organization is refused as CROSS_ORGANIZATION and changes nothing")
        void moveAcrossOrganizations() {
            org(1);
            org(2);
            folder(21, "organizations/2");
            project(101, ORG);

            assertCrossOrganizationRefused(destination -> hierarchy.moveProject("projects/101", destination));
        }

        @Test
        @DisplayName("moving a project to a missing destination is PERMISSION_DENIED and changes nothing")
        void moveToMissing() {
            org(1);
            project(101, ORG);
            List<Object> before = everything();

            assertPermissionDenied("folders/99", () -> hierarchy.moveProject("projects/101", "folders/99"));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("moving a project under a folder whose deletion was requested is refused as PARENT_NOT_ACTIVE")
        void moveToDeleted() {
            org(1);
            folder(11, ORG);
            hierarchy.deleteFolder("folders/11");
            project(101, ORG);

            assertRefused("PARENT_NOT_ACTIVE", "folders/11", () -> hierarchy.moveProject("projects/101", "folders/11"));
        }

        @Test
        @DisplayName("deleting a project requests deletion: state DELETE_REQUESTED and a delete time")
        void delete() {
            org(1);
            namedProject(101, "web-prod", ORG, "Web Prod");

            Project deleted = hierarchy.deleteProject("projects/web-prod");

            assertEquals(new Project(101, "web-prod", ORG_KEY, "Web Prod", Map.of(), State.DELETE_REQUESTED,
                    tick(1), tick(2), Optional.of(tick(2)), deleted.etag()), deleted);
        }

        @Test
        @DisplayName("deleting a project again is a no-op that returns it unchanged")
        void deleteTwice() {
            org(1);
            project(101, ORG);
            Project first = hierarchy.deleteProject("projects/101");

            assertEquals(first, hierarchy.deleteProject("projects/101"));
            assertEquals(first, hierarchy.getProject("projects/101"));
        }

        @Test
        @DisplayName("a project whose deletion was requested is still read by its id and its number")
        void deletedStillReadable() {
            org(1);
            namedProject(101, "web-prod", ORG, "");
            Project deleted = hierarchy.deleteProject("projects/101");

            assertEquals(deleted, hierarchy.getProject("projects/101"));
            assertEquals(deleted, hierarchy.getProject("projects/web-prod"));
        }

        @Test
        @DisplayName("deleted projects are listed only with showDeleted")
        void deletedHiddenFromLists() {
            org(1);
            project(101, ORG);
            project(102, ORG);
            Project deleted = hierarchy.deleteProject("projects/102");
            Project active = hierarchy.getProject("projects/101");

            assertEquals(List.of(active), hierarchy.listProjects(ORG, PageRequest.first(), false).items());
            assertEquals(List.of(active, deleted), hierarchy.listProjects(ORG, PageRequest.first(), true).items());
        }

        @Test
        @DisplayName("projects are listed by display name, then number")
        void listOrder() {
            org(1);
            namedProject(104, "proj-104", ORG, "Beta");
            namedProject(102, "proj-102", ORG, "Beta");
            namedProject(103, "proj-103", ORG, "Alpha");
            namedProject(105, "proj-105", ORG, "Gamma");

            assertEquals(List.of(103L, 102L, 104L, 105L),
                    projectNumbers(hierarchy.listProjects(ORG, PageRequest.first(), false).items()));
        }

        @Test
        @DisplayName("project lists page across pages of 2 with page tokens")
        void listPages() {
            org(1);
            namedProject(104, "proj-104", ORG, "Beta");
            namedProject(102, "proj-102", ORG, "Beta");
            namedProject(103, "proj-103", ORG, "Alpha");
            namedProject(105, "proj-105", ORG, "Gamma");
            namedProject(106, "proj-106", ORG, "Delta");

            List<List<Project>> pages = readPages(2, p -> hierarchy.listProjects(ORG, p, false));

            assertEquals(List.of(List.of(103L, 102L), List.of(104L, 106L), List.of(105L)),
                    pages.stream().map(HierarchyServiceKit::projectNumbers).toList());
        }

        @Test
        @DisplayName("a page token of another parent is INVALID_ARGUMENT on page_token")
        void foreignParentToken() {
            org(1);
            folder(11, ORG);
            project(101, "folders/11");
            project(102, "folders/11");

            assertForeignToken(p -> hierarchy.listProjects("folders/11", p, false),
                    p -> hierarchy.listProjects(ORG, p, false));
        }

        @Test
        @DisplayName("tags given on create are bound to the new project in the same write")
        void tagsOnCreate() {
            org(1);
            standardTags();

            hierarchy.createProject(new NewProject(101, "web-prod", ORG, "", Map.of(), Map.of("1/env", "dev")));

            assertEquals(List.of(new TagBinding(NodeKey.project(101), 601)), bindingsOf(full("projects/101")));
        }

        @Test
        @DisplayName("an unknown tag on create is INVALID_ARGUMENT on project.tags and creates nothing")
        void unknownTagOnCreate() {
            org(1);
            standardTags();
            List<Object> before = everything();

            assertInvalidArgument("project.tags", () -> hierarchy.createProject(
                    new NewProject(101, "web-prod", ORG, "", Map.of(), Map.of("1/nope", "dev"))));
            assertUnchanged(before);
            assertPermissionDenied("projects/web-prod", () -> hierarchy.getProject("projects/web-prod"));
        }

        @Test
        @DisplayName("after a create refused for an unknown tag the project id is still free")
        void projectIdFreeAfterRefusal() {
            org(1);
            standardTags();
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> hierarchy.createProject(
                    new NewProject(0, "web-prod", ORG, "", Map.of(), Map.of("1/env", "staging"))));

            Project created = hierarchy.createProject(NewProject.of("web-prod", ORG));

            assertEquals(created, hierarchy.getProject("projects/web-prod"));
        }

        @Test
        @DisplayName("purging a project removes it together with its policies and tag bindings")
        void purge() {
            org(1);
            standardTags();
            project(101, ORG);
            bind(full("projects/101"), 601);
            set("projects/101", KitConstraints.LIST_ALLOW, spec(allow("a")));

            hierarchy.purgeProject("projects/" + projectId("p101"));

            assertPermissionDenied("projects/101", () -> hierarchy.getProject("projects/101"));
            assertEquals(List.of(), hierarchy.listProjects(ORG, PageRequest.first(), true).items());
            assertPurgedFromStore(NodeKey.project(101));
        }
    }

    // ---- tag keys -----------------------------------------------------------------------------------------------

    /** Tag keys: namespaced names, short names, limits, etags, deletion and validate-only. */
    @Nested
    @DisplayName("Tag keys")
    class TagKeys {

        @Test
        @DisplayName("an organization's tag key is created with the namespaced name {orgId}/{shortName}")
        void createOrganizationKey() {
            org(1);

            TagKey created = hierarchy.createTagKey(new NewTagKey(501, ORG, "env", "Environment",
                    TagPurpose.PURPOSE_UNSPECIFIED, Map.of()), false);

            assertEquals(new TagKey(501, ORG_KEY, "env", "1/env", "Environment", TagPurpose.PURPOSE_UNSPECIFIED,
                    Map.of(), tick(1), tick(1), created.etag()), created);
            assertFalse(created.etag().isEmpty(), "a tag key has an etag");
            assertEquals(created, hierarchy.getTagKey("tagKeys/501"));
        }

        @Test
        @DisplayName("a project's tag key is named {projectId}/{shortName} and has the project number as parent")
        void createProjectKey() {
            org(1);
            namedProject(101, "web-prod", ORG, "");

            TagKey created = hierarchy.createTagKey(NewTagKey.of("projects/web-prod", "env").withId(501), false);

            assertEquals(new TagKey(501, NodeKey.project(101), "env", "web-prod/env", "",
                    TagPurpose.PURPOSE_UNSPECIFIED, Map.of(), tick(2), tick(2), created.etag()), created);
        }

        @Test
        @DisplayName("the purpose and purpose data of a tag key are stored and echoed")
        void purpose() {
            org(1);
            Map<String, String> data = Map.of("network", "projects/web-prod/global/networks/default");

            TagKey created = hierarchy.createTagKey(new NewTagKey(501, ORG, "fw", "", TagPurpose.GCE_FIREWALL,
                    data), false);

            assertEquals(TagPurpose.GCE_FIREWALL, hierarchy.getTagKey("tagKeys/501").purpose());
            assertEquals(data, hierarchy.getTagKey("tagKeys/501").purposeData());
            assertEquals(created, hierarchy.getTagKey("tagKeys/501"));
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"a", "env", "Env.Type_1-x", "9",
                "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk"})
        @DisplayName("a short name of 1 to 63 letters, digits, dots, underscores and hyphens, starting and ending with"
                + " a letter or digit, is accepted")
        void validShortName(String shortName) {
            org(1);

            assertEquals("1/" + shortName, hierarchy.createTagKey(NewTagKey.of(ORG, shortName), false)
                    .namespacedName());
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", "-env", "env-", ".env", "env_", "a b", "a/b", "é",
                "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl"})
        @DisplayName("any other short name is INVALID_ARGUMENT on tag_key.short_name and creates nothing")
        void invalidShortName(String shortName) {
            org(1);
            List<Object> before = everything();

            assertInvalidArgument("tag_key.short_name", () -> hierarchy.createTagKey(NewTagKey.of(ORG, shortName),
                    false));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("a description of 256 characters is accepted")
        void longestDescription() {
            org(1);
            String description = "d".repeat(256);

            assertEquals(description, hierarchy.createTagKey(new NewTagKey(501, ORG, "env", description,
                    TagPurpose.PURPOSE_UNSPECIFIED, Map.of()), false).description());
        }

        @Test
        @DisplayName("a description longer than 256 characters is INVALID_ARGUMENT on tag_key.description")
        void tooLongDescription() {
            org(1);
            List<Object> before = everything();

            assertInvalidArgument("tag_key.description", () -> hierarchy.createTagKey(new NewTagKey(501, ORG, "env",
                    "d".repeat(257), TagPurpose.PURPOSE_UNSPECIFIED, Map.of()), false));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("a short name already used under the same parent is ALREADY_EXISTS and creates nothing")
        void duplicateShortName() {
            org(1);
            tagKey(501, "env");
            List<Object> before = everything();

            assertAlreadyExists(() -> hierarchy.createTagKey(NewTagKey.of(ORG, "env"), false));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("the same short name may be used under another parent")
        void sameShortNameElsewhere() {
            org(1);
            org(2);
            namedProject(101, "web-prod", ORG, "");
            tagKey(501, "env");

            assertEquals("2/env", hierarchy.createTagKey(NewTagKey.of("organizations/2", "env"), false)
                    .namespacedName());
            assertEquals("web-prod/env", hierarchy.createTagKey(NewTagKey.of("projects/101", "env"), false)
                    .namespacedName());
        }

        @Test
        @DisplayName("the 1001st tag key of a parent is refused as TOO_MANY_TAG_KEYS and creates nothing")
        void tooManyKeys() {
            org(1);
            for (int i = 0; i < 1000; i++) {
                hierarchy.createTagKey(NewTagKey.of(ORG, "k" + i), false);
            }

            assertRefused("TOO_MANY_TAG_KEYS", ORG, () -> hierarchy.createTagKey(NewTagKey.of(ORG, "one-more"), false));
        }

        @Test
        @DisplayName("creating a tag key under a missing parent is PERMISSION_DENIED")
        void missingParent() {
            org(1);
            List<Object> before = everything();

            assertPermissionDenied("organizations/9",
                    () -> hierarchy.createTagKey(NewTagKey.of("organizations/9", "env"), false));
            assertPermissionDenied("projects/no-such-proj",
                    () -> hierarchy.createTagKey(NewTagKey.of("projects/no-such-proj", "env"), false));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("getting a missing tag key is PERMISSION_DENIED naming it")
        void missing() {
            org(1);

            assertPermissionDenied("tagKeys/999", () -> hierarchy.getTagKey("tagKeys/999"));
        }

        @Test
        @DisplayName("an organization's tag key is found by its namespaced name")
        void namespacedGet() {
            org(1);
            tagKey(501, "env");

            assertEquals(hierarchy.getTagKey("tagKeys/501"), hierarchy.getNamespacedTagKey("1/env"));
        }

        @Test
        @DisplayName("a project's tag key is found by {projectId}/{shortName}")
        void namespacedGetProjectKey() {
            org(1);
            namedProject(101, "web-prod", ORG, "");
            TagKey created = hierarchy.createTagKey(NewTagKey.of("projects/101", "env"), false);

            assertEquals(created, hierarchy.getNamespacedTagKey("web-prod/env"));
        }

        @Test
        @DisplayName("a missing namespaced tag key is PERMISSION_DENIED naming it")
        void namespacedMissing() {
            org(1);
            tagKey(501, "env");

            assertPermissionDenied("1/nope", () -> hierarchy.getNamespacedTagKey("1/nope"));
        }

        @Test
        @DisplayName("an empty namespaced tag key name is INVALID_ARGUMENT on name")
        void namespacedEmpty() {
            org(1);
            tagKey(501, "env");

            assertInvalidArgument("name", () -> hierarchy.getNamespacedTagKey(""));
        }

        @Test
        @DisplayName("tag keys are listed per parent")
        void list() {
            org(1);
            namedProject(101, "web-prod", ORG, "");
            tagKey(501, "env");
            tagKey(502, "team");
            TagKey projectKey = hierarchy.createTagKey(NewTagKey.of("projects/web-prod", "env").withId(503), false);

            assertEquals(List.of(hierarchy.getTagKey("tagKeys/501"), hierarchy.getTagKey("tagKeys/502")),
                    all(p -> hierarchy.listTagKeys(ORG, p)));
            assertEquals(List.of(projectKey), all(p -> hierarchy.listTagKeys("projects/web-prod", p)));
        }

        @Test
        @DisplayName("tag key lists page with page tokens")
        void listPages() {
            org(1);
            tagKey(501, "env");
            tagKey(502, "team");
            tagKey(503, "location");

            List<List<TagKey>> pages = readPages(2, p -> hierarchy.listTagKeys(ORG, p));

            assertEquals(List.of(2, 1), pages.stream().map(List::size).toList());
        }

        @Test
        @DisplayName("updating the description changes it, the update time and the etag")
        void updateDescription() {
            org(1);
            TagKey created = hierarchy.createTagKey(NewTagKey.of(ORG, "env").withId(501), false);

            TagKey updated = hierarchy.updateTagKey("tagKeys/501", "Environment", "", UpdateMask.of("description"),
                    false);

            assertEquals(new TagKey(501, ORG_KEY, "env", "1/env", "Environment", TagPurpose.PURPOSE_UNSPECIFIED,
                    Map.of(), tick(1), tick(2), updated.etag()), updated);
            assertNotEquals(created.etag(), updated.etag(), "a new version has a new etag");
            assertEquals(updated, hierarchy.getTagKey("tagKeys/501"));
        }

        @Test
        @DisplayName("an update without mask sets the description")
        void updateWithoutMask() {
            org(1);
            tagKey(501, "env");

            assertEquals("Environment", hierarchy.updateTagKey("tagKeys/501", "Environment", "", UpdateMask.absent(),
                    false).description());
        }

        @Test
        @DisplayName("an update whose mask holds only etag leaves the description as it is")
        void updateEtagOnly() {
            org(1);
            hierarchy.createTagKey(new NewTagKey(501, ORG, "env", "Environment", TagPurpose.PURPOSE_UNSPECIFIED,
                    Map.of()), false);

            assertEquals("Environment", hierarchy.updateTagKey("tagKeys/501", "Other", "", UpdateMask.of("etag"), false)
                    .description());
        }

        @Test
        @DisplayName("an update with the current etag succeeds")
        void updateCurrentEtag() {
            org(1);
            TagKey created = hierarchy.createTagKey(NewTagKey.of(ORG, "env").withId(501), false);

            assertEquals("Environment", hierarchy.updateTagKey("tagKeys/501", "Environment", created.etag(),
                    UpdateMask.absent(), false).description());
        }

        @Test
        @DisplayName("an update with a stale etag is ABORTED and changes nothing")
        void updateStaleEtag() {
            org(1);
            TagKey created = hierarchy.createTagKey(NewTagKey.of(ORG, "env").withId(501), false);
            hierarchy.updateTagKey("tagKeys/501", "Environment", "", UpdateMask.absent(), false);

            assertStaleEtagAborted(
                    () -> hierarchy.updateTagKey("tagKeys/501", "Other", created.etag(), UpdateMask.absent(), false));
        }

        @Test
        @DisplayName("a tag key update mask path other than description and etag is INVALID_ARGUMENT on update_mask")
        void updateOtherPath() {
            org(1);
            tagKey(501, "env");
            List<Object> before = everything();

            assertInvalidArgument("update_mask",
                    () -> hierarchy.updateTagKey("tagKeys/501", "x", "", UpdateMask.of("shortName"), false));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("an updated description longer than 256 characters is INVALID_ARGUMENT on tag_key.description")
        void updateTooLongDescription() {
            org(1);
            tagKey(501, "env");
            List<Object> before = everything();

            assertInvalidArgument("tag_key.description",
                    () -> hierarchy.updateTagKey("tagKeys/501", "d".repeat(257), "", UpdateMask.of("description"),
                            false));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("a tag key without values is deleted and returned")
        void delete() {
            org(1);
            tagKey(501, "env");
            TagKey key = hierarchy.getTagKey("tagKeys/501");

            assertEquals(key, hierarchy.deleteTagKey("tagKeys/501", "", false));
            assertPermissionDenied("tagKeys/501", () -> hierarchy.getTagKey("tagKeys/501"));
            assertPermissionDenied("1/env", () -> hierarchy.getNamespacedTagKey("1/env"));
        }

        @Test
        @DisplayName("a tag key is deleted with its current etag")
        void deleteCurrentEtag() {
            org(1);
            TagKey created = hierarchy.createTagKey(NewTagKey.of(ORG, "env").withId(501), false);

            hierarchy.deleteTagKey("tagKeys/501", created.etag(), false);

            assertEquals(List.of(), all(p -> hierarchy.listTagKeys(ORG, p)));
        }

        @Test
        @DisplayName("deleting a tag key with a stale etag is ABORTED and changes nothing")
        void deleteStaleEtag() {
            org(1);
            TagKey created = hierarchy.createTagKey(NewTagKey.of(ORG, "env").withId(501), false);
            hierarchy.updateTagKey("tagKeys/501", "Environment", "", UpdateMask.absent(), false);

            assertStaleEtagAborted(() -> hierarchy.deleteTagKey("tagKeys/501", created.etag(), false));
        }

        @Test
        @DisplayName("deleting a tag key that has values is refused as KEY_HAS_VALUES and changes nothing")
        void deleteWithValues() {
            org(1);
            tagKey(501, "env");
            tagValue(601, 501, "dev");

            assertRefused("KEY_HAS_VALUES", "tagKeys/501", () -> hierarchy.deleteTagKey("tagKeys/501", "", false));
        }

        @Test
        @DisplayName("a validate-only create stores nothing")
        void validateOnly() {
            org(1);
            List<Object> before = everything();

            hierarchy.createTagKey(NewTagKey.of(ORG, "env").withId(501), true);

            assertUnchanged(before);
            assertPermissionDenied("1/env", () -> hierarchy.getNamespacedTagKey("1/env"));
            assertPermissionDenied("tagKeys/501", () -> hierarchy.getTagKey("tagKeys/501"));
        }

        @Test
        @DisplayName("a validate-only create still runs every check")
        void validateOnlyChecks() {
            org(1);
            tagKey(501, "env");

            assertAlreadyExists(() -> hierarchy.createTagKey(NewTagKey.of(ORG, "env"), true));
            assertInvalidArgument("tag_key.short_name", () -> hierarchy.createTagKey(NewTagKey.of(ORG, "-x"), true));
        }

        @Test
        @DisplayName("a validate-only update stores nothing and answers what the update answers")
        void validateOnlyUpdate() {
            org(1);
            TagKey created = hierarchy.createTagKey(NewTagKey.of(ORG, "env").withId(501), false);
            List<Object> before = everything();

            TagKey validated = hierarchy.updateTagKey("tagKeys/501", "Environment", created.etag(),
                    UpdateMask.of("description"), true);

            assertUnchanged(before);
            assertEquals(created, hierarchy.getTagKey("tagKeys/501"));
            assertEquals(hierarchy.updateTagKey("tagKeys/501", "Environment", created.etag(),
                    UpdateMask.of("description"), false), validated);
        }

        @Test
        @DisplayName("a validate-only update still runs every check")
        void validateOnlyUpdateChecks() {
            org(1);
            TagKey created = hierarchy.createTagKey(NewTagKey.of(ORG, "env").withId(501), false);
            hierarchy.updateTagKey("tagKeys/501", "Environment", "", UpdateMask.absent(), false);

            assertStaleEtagAborted(
                    () -> hierarchy.updateTagKey("tagKeys/501", "Other", created.etag(), UpdateMask.absent(), true));
            assertPermissionDenied("tagKeys/999",
                    () -> hierarchy.updateTagKey("tagKeys/999", "Other", "", UpdateMask.absent(), true));
            assertInvalidArgument("update_mask",
                    () -> hierarchy.updateTagKey("tagKeys/501", "x", "", UpdateMask.of("shortName"), true));
        }

        @Test
        @DisplayName("a validate-only delete deletes nothing and answers the key")
        void validateOnlyDelete() {
            org(1);
            TagKey created = hierarchy.createTagKey(NewTagKey.of(ORG, "env").withId(501), false);
            List<Object> before = everything();

            assertEquals(created, hierarchy.deleteTagKey("tagKeys/501", created.etag(), true));

            assertUnchanged(before);
            assertEquals(created, hierarchy.getNamespacedTagKey("1/env"));
        }

        @Test
        @DisplayName("a validate-only delete still runs every check")
        void validateOnlyDeleteChecks() {
            org(1);
            TagKey created = hierarchy.createTagKey(NewTagKey.of(ORG, "env").withId(501), false);
            hierarchy.updateTagKey("tagKeys/501", "Environment", "", UpdateMask.absent(), false);

            assertStaleEtagAborted(() -> hierarchy.deleteTagKey("tagKeys/501", created.etag(), true));
            assertPermissionDenied("tagKeys/999", () -> hierarchy.deleteTagKey("tagKeys/999", "", true));
            tagValue(601, 501, "dev");
            assertRefused("KEY_HAS_VALUES", "tagKeys/501", () -> hierarchy.deleteTagKey("tagKeys/501", "", true));
        }
    }

    // ---- tag values ---------------------------------------------------------------------------------------------

    /** Tag values: namespaced names, short names, etags, deletion of bound values and validate-only. */
    @Nested
    @DisplayName("Tag values")
    class TagValues {

        @Test
        @DisplayName("a tag value is created with the namespaced name {key namespaced name}/{shortName}")
        void create() {
            org(1);
            tagKey(501, "env");

            TagValue created = hierarchy.createTagValue(new NewTagValue(601, "tagKeys/501", "dev", "Development"),
                    false);

            assertEquals(new TagValue(601, 501, "dev", "1/env/dev", "Development", tick(2), tick(2), created.etag()),
                    created);
            assertFalse(created.etag().isEmpty(), "a tag value has an etag");
            assertEquals(created, hierarchy.getTagValue("tagValues/601"));
        }

        @Test
        @DisplayName("a value of a project's tag key is named {projectId}/{key}/{value}")
        void projectKeyValue() {
            org(1);
            namedProject(101, "web-prod", ORG, "");
            hierarchy.createTagKey(NewTagKey.of("projects/101", "env").withId(501), false);

            assertEquals("web-prod/env/dev", hierarchy.createTagValue(NewTagValue.of("tagKeys/501", "dev"), false)
                    .namespacedName());
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", "-dev", "dev-", ".dev", "a b", "a/b",
                "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl"})
        @DisplayName("an invalid short name is INVALID_ARGUMENT on tag_value.short_name and creates nothing")
        void invalidShortName(String shortName) {
            org(1);
            tagKey(501, "env");
            List<Object> before = everything();

            assertInvalidArgument("tag_value.short_name",
                    () -> hierarchy.createTagValue(NewTagValue.of("tagKeys/501", shortName), false));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("a description longer than 256 characters is INVALID_ARGUMENT on tag_value.description")
        void tooLongDescription() {
            org(1);
            tagKey(501, "env");
            List<Object> before = everything();

            assertInvalidArgument("tag_value.description", () -> hierarchy.createTagValue(
                    new NewTagValue(601, "tagKeys/501", "dev", "d".repeat(257)), false));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("a short name already used under the same key is ALREADY_EXISTS and creates nothing")
        void duplicateShortName() {
            org(1);
            tagKey(501, "env");
            tagValue(601, 501, "dev");
            List<Object> before = everything();

            assertAlreadyExists(() -> hierarchy.createTagValue(NewTagValue.of("tagKeys/501", "dev"), false));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("the same short name may be used under another key")
        void sameShortNameElsewhere() {
            org(1);
            tagKey(501, "env");
            tagKey(502, "stage");
            tagValue(601, 501, "dev");

            assertEquals("1/stage/dev", hierarchy.createTagValue(NewTagValue.of("tagKeys/502", "dev"), false)
                    .namespacedName());
        }

        @Test
        @DisplayName("creating a value under a missing key is PERMISSION_DENIED naming the key")
        void missingKey() {
            org(1);
            List<Object> before = everything();

            assertPermissionDenied("tagKeys/999",
                    () -> hierarchy.createTagValue(NewTagValue.of("tagKeys/999", "dev"), false));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("getting a missing tag value is PERMISSION_DENIED naming it")
        void missing() {
            org(1);

            assertPermissionDenied("tagValues/999", () -> hierarchy.getTagValue("tagValues/999"));
        }

        @Test
        @DisplayName("a tag value is found by its namespaced name")
        void namespacedGet() {
            org(1);
            standardTags();

            assertEquals(hierarchy.getTagValue("tagValues/602"), hierarchy.getNamespacedTagValue("1/env/prod"));
        }

        @Test
        @DisplayName("a missing namespaced tag value is PERMISSION_DENIED naming it")
        void namespacedMissing() {
            org(1);
            standardTags();

            assertPermissionDenied("1/env/staging", () -> hierarchy.getNamespacedTagValue("1/env/staging"));
        }

        @Test
        @DisplayName("an empty namespaced tag value name is INVALID_ARGUMENT on name")
        void namespacedEmpty() {
            org(1);
            standardTags();

            assertInvalidArgument("name", () -> hierarchy.getNamespacedTagValue(""));
        }

        @Test
        @DisplayName("tag values are listed per key")
        void list() {
            org(1);
            standardTags();

            assertEquals(List.of(hierarchy.getTagValue("tagValues/601"), hierarchy.getTagValue("tagValues/602")),
                    all(p -> hierarchy.listTagValues("tagKeys/501", p)));
            assertEquals(List.of(hierarchy.getTagValue("tagValues/603")),
                    all(p -> hierarchy.listTagValues("tagKeys/502", p)));
        }

        @Test
        @DisplayName("updating the description changes it, the update time and the etag")
        void updateDescription() {
            org(1);
            tagKey(501, "env");
            TagValue created = hierarchy.createTagValue(NewTagValue.of("tagKeys/501", "dev").withId(601), false);

            TagValue updated = hierarchy.updateTagValue("tagValues/601", "Development", "",
                    UpdateMask.of("description"), false);

            assertEquals(new TagValue(601, 501, "dev", "1/env/dev", "Development", tick(2), tick(3), updated.etag()),
                    updated);
            assertNotEquals(created.etag(), updated.etag(), "a new version has a new etag");
            assertEquals(updated, hierarchy.getTagValue("tagValues/601"));
        }

        @Test
        @DisplayName("an update with a stale etag is ABORTED and changes nothing")
        void updateStaleEtag() {
            org(1);
            tagKey(501, "env");
            TagValue created = hierarchy.createTagValue(NewTagValue.of("tagKeys/501", "dev").withId(601), false);
            hierarchy.updateTagValue("tagValues/601", "Development", "", UpdateMask.absent(), false);

            assertStaleEtagAborted(
                    () -> hierarchy.updateTagValue("tagValues/601", "Other", created.etag(), UpdateMask.absent(),
                            false));
        }

        @Test
        @DisplayName("a tag value update mask path other than description and etag is INVALID_ARGUMENT on"
                + " update_mask")
        void updateOtherPath() {
            org(1);
            standardTags();
            List<Object> before = everything();

            assertInvalidArgument("update_mask",
                    () -> hierarchy.updateTagValue("tagValues/601", "x", "", UpdateMask.of("shortName"), false));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("a tag value bound nowhere is deleted and returned")
        void delete() {
            org(1);
            standardTags();
            TagValue value = hierarchy.getTagValue("tagValues/601");

            assertEquals(value, hierarchy.deleteTagValue("tagValues/601", value.etag(), false));
            assertPermissionDenied("tagValues/601", () -> hierarchy.getTagValue("tagValues/601"));
            assertPermissionDenied("1/env/dev", () -> hierarchy.getNamespacedTagValue("1/env/dev"));
        }

        @Test
        @DisplayName("deleting a tag value with a stale etag is ABORTED and changes nothing")
        void deleteStaleEtag() {
            org(1);
            tagKey(501, "env");
            TagValue created = hierarchy.createTagValue(NewTagValue.of("tagKeys/501", "dev").withId(601), false);
            hierarchy.updateTagValue("tagValues/601", "Development", "", UpdateMask.absent(), false);

            assertStaleEtagAborted(() -> hierarchy.deleteTagValue("tagValues/601", created.etag(), false));
        }

        @Test
        @DisplayName("deleting a bound tag value is refused as VALUE_IN_USE and changes nothing")
        void deleteBound() {
            org(1);
            standardTags();
            folder(11, ORG);
            bind(full("folders/11"), 601);

            assertRefused("VALUE_IN_USE", "tagValues/601", () -> hierarchy.deleteTagValue("tagValues/601", "", false));
        }

        @Test
        @DisplayName("a value bound only to a project whose deletion was requested is still in use")
        void deleteBoundToDeletedProject() {
            org(1);
            standardTags();
            project(101, ORG);
            bind(full("projects/101"), 601);
            hierarchy.deleteProject("projects/101");

            assertPrecondition("VALUE_IN_USE", () -> hierarchy.deleteTagValue("tagValues/601", "", false));
        }

        @Test
        @DisplayName("a tag value is deleted once its bindings are removed")
        void deleteAfterUnbinding() {
            org(1);
            standardTags();
            folder(11, ORG);
            bind(full("folders/11"), 601);
            hierarchy.deleteTagBinding(new TagBinding(NodeKey.folder(11), 601).name());

            hierarchy.deleteTagValue("tagValues/601", "", false);

            assertEquals(List.of(hierarchy.getTagValue("tagValues/602")),
                    all(p -> hierarchy.listTagValues("tagKeys/501", p)));
        }

        @Test
        @DisplayName("a validate-only create stores nothing")
        void validateOnly() {
            org(1);
            tagKey(501, "env");
            List<Object> before = everything();

            hierarchy.createTagValue(NewTagValue.of("tagKeys/501", "dev").withId(601), true);

            assertUnchanged(before);
            assertPermissionDenied("1/env/dev", () -> hierarchy.getNamespacedTagValue("1/env/dev"));
        }

        @Test
        @DisplayName("a validate-only create still runs every check")
        void validateOnlyChecks() {
            org(1);
            standardTags();

            assertAlreadyExists(() -> hierarchy.createTagValue(NewTagValue.of("tagKeys/501", "dev"), true));
            assertPermissionDenied("tagKeys/999",
                    () -> hierarchy.createTagValue(NewTagValue.of("tagKeys/999", "dev"), true));
        }

        @Test
        @DisplayName("a validate-only update stores nothing and answers what the update answers")
        void validateOnlyUpdate() {
            org(1);
            tagKey(501, "env");
            TagValue created = hierarchy.createTagValue(NewTagValue.of("tagKeys/501", "dev").withId(601), false);
            List<Object> before = everything();

            TagValue validated = hierarchy.updateTagValue("tagValues/601", "Development", created.etag(),
                    UpdateMask.of("description"), true);

            assertUnchanged(before);
            assertEquals(created, hierarchy.getTagValue("tagValues/601"));
            assertEquals(hierarchy.updateTagValue("tagValues/601", "Development", created.etag(),
                    UpdateMask.of("description"), false), validated);
        }

        @Test
        @DisplayName("a validate-only update still runs every check")
        void validateOnlyUpdateChecks() {
            org(1);
            tagKey(501, "env");
            TagValue created = hierarchy.createTagValue(NewTagValue.of("tagKeys/501", "dev").withId(601), false);
            hierarchy.updateTagValue("tagValues/601", "Development", "", UpdateMask.absent(), false);

            assertStaleEtagAborted(() -> hierarchy.updateTagValue("tagValues/601", "Other", created.etag(),
                    UpdateMask.absent(), true));
            assertPermissionDenied("tagValues/999",
                    () -> hierarchy.updateTagValue("tagValues/999", "Other", "", UpdateMask.absent(), true));
            assertInvalidArgument("tag_value.description", () -> hierarchy.updateTagValue("tagValues/601",
                    "d".repeat(257), "", UpdateMask.of("description"), true));
        }

        @Test
        @DisplayName("a validate-only delete deletes nothing and answers the value")
        void validateOnlyDelete() {
            org(1);
            tagKey(501, "env");
            TagValue created = hierarchy.createTagValue(NewTagValue.of("tagKeys/501", "dev").withId(601), false);
            List<Object> before = everything();

            assertEquals(created, hierarchy.deleteTagValue("tagValues/601", created.etag(), true));

            assertUnchanged(before);
            assertEquals(created, hierarchy.getNamespacedTagValue("1/env/dev"));
        }

        @Test
        @DisplayName("a validate-only delete still runs every check")
        void validateOnlyDeleteChecks() {
            org(1);
            tagKey(501, "env");
            TagValue created = hierarchy.createTagValue(NewTagValue.of("tagKeys/501", "dev").withId(601), false);
            hierarchy.updateTagValue("tagValues/601", "Development", "", UpdateMask.absent(), false);

            assertStaleEtagAborted(() -> hierarchy.deleteTagValue("tagValues/601", created.etag(), true));
            assertPermissionDenied("tagValues/999", () -> hierarchy.deleteTagValue("tagValues/999", "", true));
            folder(11, ORG);
            bind(full("folders/11"), 601);
            assertRefused("VALUE_IN_USE", "tagValues/601", () -> hierarchy.deleteTagValue("tagValues/601", "", true));
        }
    }

    // ---- tag bindings -------------------------------------------------------------------------------------------

    /** Tag bindings: targets, names, scope, one value per key, lists and deletion. */
    @Nested
    @DisplayName("Tag bindings")
    class TagBindings {

        @Test
        @DisplayName("a binding by value name is named after the escaped full resource name with the project number")
        void bindByValueName() {
            org(1);
            standardTags();
            project(101, ORG);

            TagBinding binding = hierarchy.createTagBinding(full("projects/101"), "tagValues/601", "", false);

            assertEquals(new TagBinding(NodeKey.project(101), 601), binding);
            assertEquals("tagBindings/%2F%2Fcloudresourcemanager.googleapis.com%2Fprojects%2F101/tagValues/601",
                    binding.name());
            assertEquals(List.of(binding), bindingsOf(full("projects/101")));
        }

        @Test
        @DisplayName("a binding by namespaced value name binds that value")
        void bindByNamespacedName() {
            org(1);
            standardTags();
            folder(11, ORG);

            TagBinding binding = hierarchy.createTagBinding(full("folders/11"), "", "1/env/prod", false);

            assertEquals(new TagBinding(NodeKey.folder(11), 602), binding);
            assertEquals("tagBindings/%2F%2Fcloudresourcemanager.googleapis.com%2Ffolders%2F11/tagValues/602",
                    binding.name());
        }

        @Test
        @DisplayName("a full resource name with the project id is accepted and the binding uses the number")
        void bindByProjectId() {
            org(1);
            standardTags();
            namedProject(101, "web-prod", ORG, "");

            TagBinding binding = hierarchy.createTagBinding(full("projects/web-prod"), "tagValues/601", "", false);

            assertEquals(new TagBinding(NodeKey.project(101), 601), binding);
            assertEquals("tagBindings/%2F%2Fcloudresourcemanager.googleapis.com%2Fprojects%2F101/tagValues/601",
                    binding.name());
        }

        @Test
        @DisplayName("an organization can be tagged")
        void bindOrganization() {
            org(1);
            standardTags();

            TagBinding binding = hierarchy.createTagBinding(full(ORG), "tagValues/603", "", false);

            assertEquals("tagBindings/%2F%2Fcloudresourcemanager.googleapis.com%2Forganizations%2F1/tagValues/603",
                    binding.name());
            assertEquals(List.of(binding), bindingsOf(full(ORG)));
        }

        @Test
        @DisplayName("a binding with both a value name and a namespaced value name is INVALID_ARGUMENT")
        void bothValueForms() {
            org(1);
            standardTags();
            folder(11, ORG);
            List<Object> before = everything();

            assertInvalidArgument("tag_binding.tag_value",
                    () -> hierarchy.createTagBinding(full("folders/11"), "tagValues/601", "1/env/dev", false));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("a binding with neither a value name nor a namespaced value name is INVALID_ARGUMENT")
        void noValueForm() {
            org(1);
            standardTags();
            folder(11, ORG);
            List<Object> before = everything();

            assertInvalidArgument("tag_binding.tag_value",
                    () -> hierarchy.createTagBinding(full("folders/11"), "", "", false));
            assertUnchanged(before);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"//compute.googleapis.com/projects/web-prod/zones/us-east1-b/instances/vm",
                "//cloudresourcemanager.googleapis.com/tagKeys/501", "//storage.googleapis.com/bucket", "tagValues/601",
                ""})
        @DisplayName("a parent that is not the full resource name of an organization, folder or project is"
                + " INVALID_ARGUMENT on tag_binding.parent")
        void invalidParent(String parent) {
            org(1);
            standardTags();
            List<Object> before = everything();

            assertInvalidArgument("tag_binding.parent",
                    () -> hierarchy.createTagBinding(parent, "tagValues/601", "", false));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("binding a missing tag value is PERMISSION_DENIED naming it")
        void missingValue() {
            org(1);
            standardTags();
            folder(11, ORG);
            List<Object> before = everything();

            assertPermissionDenied("tagValues/999",
                    () -> hierarchy.createTagBinding(full("folders/11"), "tagValues/999", "", false));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("binding a missing namespaced tag value is PERMISSION_DENIED naming it")
        void missingNamespacedValue() {
            org(1);
            standardTags();
            folder(11, ORG);
            List<Object> before = everything();

            assertPermissionDenied("1/env/staging",
                    () -> hierarchy.createTagBinding(full("folders/11"), "", "1/env/staging", false));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("binding to a missing resource is PERMISSION_DENIED")
        void missingResource() {
            org(1);
            standardTags();
            List<Object> before = everything();

            assertFails(ErrorCode.PERMISSION_DENIED,
                    () -> hierarchy.createTagBinding(full("folders/99"), "tagValues/601", "", false));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("a value of another organization's key is refused as TAG_SCOPE and binds nothing")
        void otherOrganization() {
            org(1);
            org(2);
            standardTags();
            folder(21, "organizations/2");
            List<Object> before = everything();

            assertPrecondition("TAG_SCOPE",
                    () -> hierarchy.createTagBinding(full("folders/21"), "tagValues/601", "", false));
            assertPrecondition("TAG_SCOPE",
                    () -> hierarchy.createTagBinding(full("organizations/2"), "tagValues/601", "", false));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("a value of a project's key is refused on another project as TAG_SCOPE")
        void otherProject() {
            org(1);
            namedProject(101, "web-prod", ORG, "");
            namedProject(102, "web-test", ORG, "");
            hierarchy.createTagKey(NewTagKey.of("projects/101", "env").withId(501), false);
            hierarchy.createTagValue(NewTagValue.of("tagKeys/501", "dev").withId(601), false);
            List<Object> before = everything();

            assertPrecondition("TAG_SCOPE",
                    () -> hierarchy.createTagBinding(full("projects/102"), "", "web-prod/env/dev", false));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("a value of a project's key binds to that project")
        void ownProject() {
            org(1);
            namedProject(101, "web-prod", ORG, "");
            hierarchy.createTagKey(NewTagKey.of("projects/101", "env").withId(501), false);
            hierarchy.createTagValue(NewTagValue.of("tagKeys/501", "dev").withId(601), false);

            assertEquals(new TagBinding(NodeKey.project(101), 601),
                    hierarchy.createTagBinding(full("projects/web-prod"), "", "web-prod/env/dev", false));
        }

        @Test
        @DisplayName("binding the same value again is ALREADY_EXISTS")
        void sameValueTwice() {
            org(1);
            standardTags();
            folder(11, ORG);
            bind(full("folders/11"), 601);
            List<Object> before = everything();

            assertAlreadyExists(() -> hierarchy.createTagBinding(full("folders/11"), "", "1/env/dev", false));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("binding another value of an already bound key is refused as ONE_VALUE_PER_KEY")
        void oneValuePerKey() {
            org(1);
            standardTags();
            folder(11, ORG);
            bind(full("folders/11"), 601);
            List<Object> before = everything();

            assertPrecondition("ONE_VALUE_PER_KEY",
                    () -> hierarchy.createTagBinding(full("folders/11"), "tagValues/602", "", false));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("values of different keys bind to the same resource")
        void differentKeys() {
            org(1);
            standardTags();
            folder(11, ORG);
            bind(full("folders/11"), 601);
            bind(full("folders/11"), 603);

            assertEquals(List.of(new TagBinding(NodeKey.folder(11), 601), new TagBinding(NodeKey.folder(11), 603)),
                    bindingsOf(full("folders/11")));
        }

        @Test
        @DisplayName("the bindings of a project are listed by its full resource name with the project id")
        void listByProjectId() {
            org(1);
            standardTags();
            namedProject(101, "web-prod", ORG, "");
            bind(full("projects/101"), 601);

            assertEquals(List.of(new TagBinding(NodeKey.project(101), 601)), bindingsOf(full("projects/web-prod")));
        }

        @Test
        @DisplayName("only a resource's own bindings are listed")
        void listOwnOnly() {
            org(1);
            standardTags();
            folder(11, ORG);
            project(101, "folders/11");
            bind(full("folders/11"), 601);
            bind(full("projects/101"), 603);

            assertEquals(List.of(new TagBinding(NodeKey.project(101), 603)), bindingsOf(full("projects/101")));
        }

        @Test
        @DisplayName("binding lists page with page tokens")
        void listPages() {
            org(1);
            standardTags();
            folder(11, ORG);
            bind(full("folders/11"), 601);
            bind(full("folders/11"), 603);
            bind(full("folders/11"), 604);

            List<List<TagBinding>> pages = readPages(2, p -> hierarchy.listTagBindings(full("folders/11"), p));

            assertEquals(List.of(2, 1), pages.stream().map(List::size).toList());
        }

        @Test
        @DisplayName("the bindings of a project whose deletion was requested are kept")
        void keptOnDeletedProject() {
            org(1);
            standardTags();
            project(101, ORG);
            bind(full("projects/101"), 601);

            hierarchy.deleteProject("projects/101");

            assertEquals(List.of(new TagBinding(NodeKey.project(101), 601)), bindingsOf(full("projects/101")));
        }

        @Test
        @DisplayName("a binding is deleted by its name")
        void deleteByName() {
            org(1);
            standardTags();
            project(101, ORG);
            TagBinding binding = hierarchy.createTagBinding(full("projects/101"), "tagValues/601", "", false);

            hierarchy.deleteTagBinding(binding.name());

            assertEquals(List.of(), bindingsOf(full("projects/101")));
        }

        @Test
        @DisplayName("a binding is deleted by its doubly-escaped name with the project id")
        void deleteByDoublyEscapedName() {
            org(1);
            standardTags();
            namedProject(101, "web-prod", ORG, "");
            bind(full("projects/101"), 601);

            hierarchy.deleteTagBinding(
                    "tagBindings/%252F%252Fcloudresourcemanager.googleapis.com%252Fprojects%252Fweb-prod/tagValues/601");

            assertEquals(List.of(), bindingsOf(full("projects/101")));
        }

        @Test
        @DisplayName("deleting a binding that does not exist is NOT_FOUND")
        void deleteMissing() {
            org(1);
            standardTags();
            folder(11, ORG);
            bind(full("folders/11"), 601);
            List<Object> before = everything();

            assertFails(ErrorCode.NOT_FOUND,
                    () -> hierarchy.deleteTagBinding(new TagBinding(NodeKey.folder(11), 602).name()));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("deleting a binding of a missing resource is NOT_FOUND")
        void deleteOfMissingResource() {
            org(1);
            standardTags();

            assertFails(ErrorCode.NOT_FOUND,
                    () -> hierarchy.deleteTagBinding(new TagBinding(NodeKey.folder(99), 601).name()));
        }

        @Test
        @DisplayName("a validate-only binding binds nothing and answers the binding it would make")
        void validateOnly() {
            org(1);
            standardTags();
            namedProject(101, "web-prod", ORG, "");
            List<Object> before = everything();

            TagBinding validated = hierarchy.createTagBinding(full("projects/web-prod"), "", "1/env/dev", true);

            assertUnchanged(before);
            assertEquals(new TagBinding(NodeKey.project(101), 601), validated);
            assertEquals(List.of(), bindingsOf(full("projects/101")));
        }

        @Test
        @DisplayName("a validate-only binding still runs every check")
        void validateOnlyChecks() {
            org(1);
            org(2);
            standardTags();
            folder(11, ORG);
            folder(21, "organizations/2");
            bind(full("folders/11"), 601);
            List<Object> before = everything();

            assertAlreadyExists(() -> hierarchy.createTagBinding(full("folders/11"), "tagValues/601", "", true));
            assertPrecondition("ONE_VALUE_PER_KEY",
                    () -> hierarchy.createTagBinding(full("folders/11"), "tagValues/602", "", true));
            assertPrecondition("TAG_SCOPE",
                    () -> hierarchy.createTagBinding(full("folders/21"), "tagValues/603", "", true));
            assertFails(ErrorCode.PERMISSION_DENIED,
                    () -> hierarchy.createTagBinding(full("folders/99"), "tagValues/603", "", true));
            assertPermissionDenied("tagValues/999",
                    () -> hierarchy.createTagBinding(full("folders/11"), "tagValues/999", "", true));
            assertInvalidArgument("tag_binding.tag_value",
                    () -> hierarchy.createTagBinding(full("folders/11"), "", "", true));
            assertUnchanged(before);
        }
    }

    // ---- effective tags -----------------------------------------------------------------------------------------

    /** Effective tags: own and inherited bindings, one per key, nearer ones replacing, ordered by key. */
    @Nested
    @DisplayName("Effective tags")
    class EffectiveTags {

        @Test
        @DisplayName("the specification's example: project 101 under folder 11, folder 11 bound to 1/env/dev")
        void specificationExample() {
            org(1);
            folder(11, ORG);
            project(101, "folders/11");
            tagKey(501, "env");
            tagValue(601, 501, "dev");
            bind(full("folders/11"), 601);

            List<EffectiveTag> tags = effectiveTagsOf(full("projects/101"));

            assertEquals(List.of(effectiveTag(601, NodeKey.folder(11), true)), tags);
            EffectiveTag tag = tags.get(0);
            assertEquals("tagValues/601", tag.value().name());
            assertEquals("1/env/dev", tag.value().namespacedName());
            assertEquals("tagKeys/501", tag.key().name());
            assertEquals("1/env", tag.key().namespacedName());
            assertEquals("organizations/1", tag.key().parent().name());
            assertTrue(tag.inherited(), "bound to folders/11, not to the project");
        }

        @Test
        @DisplayName("a resource's own binding is effective and not inherited")
        void own() {
            org(1);
            standardTags();
            project(101, ORG);
            bind(full("projects/101"), 601);

            assertEquals(List.of(effectiveTag(601, NodeKey.project(101), false)),
                    effectiveTagsOf(full("projects/101")));
        }

        @Test
        @DisplayName("a binding of the organization is inherited by every descendant")
        void inheritedFromOrganization() {
            org(1);
            standardTags();
            folder(11, ORG);
            folder(12, "folders/11");
            project(101, "folders/12");
            bind(full(ORG), 601);

            assertEquals(List.of(effectiveTag(601, ORG_KEY, true)), effectiveTagsOf(full("projects/101")));
            assertEquals(List.of(effectiveTag(601, ORG_KEY, true)), effectiveTagsOf(full("folders/12")));
            assertEquals(List.of(effectiveTag(601, ORG_KEY, false)), effectiveTagsOf(full(ORG)));
        }

        @Test
        @DisplayName("a nearer binding of another value of the same key replaces the inherited one")
        void nearerReplaces() {
            org(1);
            standardTags();
            folder(11, ORG);
            folder(12, "folders/11");
            project(101, "folders/12");
            bind(full(ORG), 601);
            bind(full("folders/11"), 602);

            assertEquals(List.of(effectiveTag(602, NodeKey.folder(11), true)), effectiveTagsOf(full("projects/101")));
        }

        @Test
        @DisplayName("a resource's own binding replaces an inherited value of the same key")
        void ownReplaces() {
            org(1);
            standardTags();
            folder(11, ORG);
            project(101, "folders/11");
            bind(full("folders/11"), 602);
            bind(full("projects/101"), 601);

            assertEquals(List.of(effectiveTag(601, NodeKey.project(101), false)),
                    effectiveTagsOf(full("projects/101")));
        }

        @Test
        @DisplayName("effective tags hold one entry per key, ordered by namespaced key")
        void orderedByKey() {
            org(1);
            standardTags();
            folder(11, ORG);
            project(101, "folders/11");
            bind(full(ORG), 603);
            bind(full("folders/11"), 601);
            bind(full("projects/101"), 604);

            assertEquals(List.of(effectiveTag(601, NodeKey.folder(11), true),
                            effectiveTag(604, NodeKey.project(101), false),
                            effectiveTag(603, ORG_KEY, true)),
                    effectiveTagsOf(full("projects/101")));
        }

        @Test
        @DisplayName("a resource without bindings on its chain has no effective tags")
        void none() {
            org(1);
            standardTags();
            project(101, ORG);

            assertEquals(List.of(), effectiveTagsOf(full("projects/101")));
        }

        @Test
        @DisplayName("the effective tags of a project are listed by its full resource name with the project id")
        void byProjectId() {
            org(1);
            standardTags();
            project(101, ORG);
            bind(full("projects/101"), 601);

            assertEquals(List.of(effectiveTag(601, NodeKey.project(101), false)),
                    effectiveTagsOf(full("projects/" + projectId("p101"))));
        }

        @Test
        @DisplayName("effective tag lists page with page tokens")
        void pages() {
            org(1);
            standardTags();
            project(101, ORG);
            bind(full(ORG), 601);
            bind(full(ORG), 603);
            bind(full("projects/101"), 604);

            List<List<EffectiveTag>> pages = readPages(2, p -> hierarchy.listEffectiveTags(full("projects/101"), p));

            assertEquals(List.of(
                    List.of(effectiveTag(601, ORG_KEY, true), effectiveTag(604, NodeKey.project(101), false)),
                    List.of(effectiveTag(603, ORG_KEY, true))), pages);
        }

        @Test
        @DisplayName("bindings of nodes whose deletion was requested still apply below them")
        void deletedNodesStillApply() {
            org(1);
            standardTags();
            folder(11, ORG);
            project(101, "folders/11");
            bind(full("folders/11"), 601);
            hierarchy.deleteProject("projects/101");
            hierarchy.deleteFolder("folders/11");

            assertEquals(List.of(effectiveTag(601, NodeKey.folder(11), true)), effectiveTagsOf(full("projects/101")));
        }

        @Test
        @DisplayName("the effective tags of a missing resource are PERMISSION_DENIED")
        void missing() {
            org(1);

            assertFails(ErrorCode.PERMISSION_DENIED, () -> hierarchy.listEffectiveTags(full("projects/999"),
                    PageRequest.first()));
        }
    }

    // ---- ancestry -----------------------------------------------------------------------------------------------

    /** Ancestry: the chain from a resource up to its organization. */
    @Nested
    @DisplayName("Ancestry")
    class Ancestry {

        @Test
        @DisplayName("the ancestry of a project runs from the project up to its organization")
        void ofProject() {
            org(1);
            folder(11, ORG);
            folder(12, "folders/11");
            project(101, "folders/12");

            assertEquals(List.of(NodeKey.project(101), NodeKey.folder(12), NodeKey.folder(11), ORG_KEY),
                    hierarchy.ancestry("projects/101"));
        }

        @Test
        @DisplayName("a project named by its id has the ancestry of its number")
        void projectById() {
            org(1);
            folder(11, ORG);
            project(101, "folders/11");

            assertEquals(List.of(NodeKey.project(101), NodeKey.folder(11), ORG_KEY),
                    hierarchy.ancestry("projects/" + projectId("p101")));
        }

        @Test
        @DisplayName("the ancestry of an organization is the organization alone")
        void organization() {
            org(1);

            assertEquals(List.of(ORG_KEY), hierarchy.ancestry(ORG));
        }

        @Test
        @DisplayName("the subtree of a moved folder takes its new ancestry")
        void afterFolderMove() {
            org(1);
            folder(11, ORG);
            folder(12, ORG);
            folder(13, "folders/11");
            project(101, "folders/13");

            hierarchy.moveFolder("folders/13", "folders/12");

            assertEquals(List.of(NodeKey.project(101), NodeKey.folder(13), NodeKey.folder(12), ORG_KEY),
                    hierarchy.ancestry("projects/101"));
        }

        @Test
        @DisplayName("a moved project takes its new ancestry")
        void afterProjectMove() {
            org(1);
            folder(11, ORG);
            project(101, ORG);

            hierarchy.moveProject("projects/101", "folders/11");

            assertEquals(List.of(NodeKey.project(101), NodeKey.folder(11), ORG_KEY),
                    hierarchy.ancestry("projects/101"));
        }

        @Test
        @DisplayName("nodes whose deletion was requested keep their place in the ancestry")
        void deletedNodes() {
            org(1);
            folder(11, ORG);
            project(101, "folders/11");
            hierarchy.deleteProject("projects/101");
            hierarchy.deleteFolder("folders/11");

            assertEquals(List.of(NodeKey.project(101), NodeKey.folder(11), ORG_KEY),
                    hierarchy.ancestry("projects/101"));
        }

        @Test
        @DisplayName("the ancestry of a missing resource is PERMISSION_DENIED naming it")
        void missing() {
            org(1);

            assertPermissionDenied("folders/99", () -> hierarchy.ancestry("folders/99"));
        }
    }

    // ---- ids ----------------------------------------------------------------------------------------------------

    /** Ids: the default id source, explicit ids, and project ids against numbers. */
    @Nested
    @DisplayName("Ids")
    class Ids {

        @Test
        @DisplayName("the first assigned id is 100000000001 and the next 100000000002")
        void firstAssignedIds() {
            Organization org = hierarchy.createOrganization(null, "example.com", "");

            Folder folder = hierarchy.createFolder(NewFolder.of(org.name(), "prod"));

            assertEquals(FIRST_ID, org.id());
            assertEquals(FIRST_ID + 1, folder.id());
        }

        @Test
        @DisplayName("projects, tag keys and tag values draw their ids from the same sequence")
        void oneSequence() {
            Organization org = hierarchy.createOrganization(null, null, null);

            Project project = hierarchy.createProject(NewProject.of("web-prod", org.name()));
            TagKey key = hierarchy.createTagKey(NewTagKey.of(org.name(), "env"), false);
            TagValue value = hierarchy.createTagValue(NewTagValue.of(key.name(), "dev"), false);

            assertEquals(List.of(FIRST_ID, FIRST_ID + 1, FIRST_ID + 2, FIRST_ID + 3),
                    List.of(org.id(), project.number(), key.id(), value.id()));
            assertEquals(String.valueOf(FIRST_ID), org.displayName());
        }

        @Test
        @DisplayName("newId() and the services draw from one sequence: numbers strictly increase and never collide")
        void newIdSharesTheSequence() {
            Organization org = hierarchy.createOrganization(null, null, null);
            long first = hub.newId();
            Folder folder = hierarchy.createFolder(NewFolder.of(org.name(), "prod"));
            long second = hub.newId();
            Project project = hierarchy.createProject(NewProject.of("web-prod", folder.name()));
            long third = hub.newId();

            assertEquals(List.of(FIRST_ID, FIRST_ID + 1, FIRST_ID + 2, FIRST_ID + 3, FIRST_ID + 4, FIRST_ID + 5),
                    List.of(org.id(), first, folder.id(), second, project.number(), third));
        }

        @Test
        @DisplayName("a number taken by newId() is never assigned to a resource, nor is a claimed id handed out")
        void newIdSkipsClaimed() {
            hierarchy.createOrganization(FIRST_ID, "example.com", "");

            long taken = hub.newId();
            Folder folder = hierarchy.createFolder(NewFolder.of("organizations/" + FIRST_ID, "prod"));

            assertEquals(FIRST_ID + 1, taken);
            assertEquals(FIRST_ID + 2, folder.id());
            assertAlreadyExists(() -> namedFolder(taken, "organizations/" + FIRST_ID, "other"));
        }

        @Test
        @DisplayName("a custom id source numbers both newId() and new resources")
        void customIdSource() {
            try (PolicyHub custom = PolicyHub.builder().storage(newStorage()).idSource(IdSource.counter(7)).build()) {
                long first = custom.newId();
                Organization org = custom.hierarchy().createOrganization(null, null, null);
                long second = custom.newId();

                assertEquals(List.of(7L, 8L, 9L), List.of(first, org.id(), second));
            }
        }

        @Test
        @DisplayName("explicit ids are honored")
        void explicitIds() {
            org(1);

            hierarchy.createFolder(new NewFolder(123, ORG, "prod", Map.of()));
            hierarchy.createProject(NewProject.of("web-prod", "folders/123").withNumber(456));
            hierarchy.createTagKey(NewTagKey.of(ORG, "env").withId(789), false);

            assertEquals(123, hierarchy.getFolder("folders/123").id());
            assertEquals(456, hierarchy.getProject("projects/web-prod").number());
            assertEquals(789, hierarchy.getNamespacedTagKey("1/env").id());
        }

        @Test
        @DisplayName("an explicit id already used by a folder is ALREADY_EXISTS for another folder")
        void explicitIdTakenSameKind() {
            org(1);
            folder(11, ORG);
            List<Object> before = everything();

            assertAlreadyExists(() -> namedFolder(11, ORG, "other"));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("an explicit id already used by a folder is ALREADY_EXISTS as a project number")
        void explicitIdTakenOtherKind() {
            org(1);
            folder(11, ORG);
            List<Object> before = everything();

            assertAlreadyExists(() -> hierarchy.createProject(NewProject.of("web-prod", ORG).withNumber(11)));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("an explicit id already used by an organization is ALREADY_EXISTS as a tag key id")
        void explicitIdTakenByOrganization() {
            org(1);
            List<Object> before = everything();

            assertAlreadyExists(() -> hierarchy.createTagKey(NewTagKey.of(ORG, "env").withId(1), false));
            assertUnchanged(before);
        }

        @Test
        @DisplayName("assigned ids skip ids already claimed explicitly")
        void skipClaimed() {
            hierarchy.createOrganization(FIRST_ID, "example.com", "");
            namedFolder(FIRST_ID + 1, "organizations/" + FIRST_ID, "prod");

            Folder assigned = hierarchy.createFolder(NewFolder.of("organizations/" + FIRST_ID, "test"));

            assertEquals(FIRST_ID + 2, assigned.id());
        }

        @Test
        @DisplayName("a project created with an explicit number is read by its id and by that number")
        void explicitNumber() {
            org(1);
            Project created = hierarchy.createProject(NewProject.of("web-prod", ORG).withNumber(123));

            assertEquals(created, hierarchy.getProject("projects/123"));
            assertEquals(created, hierarchy.getProject("projects/web-prod"));
        }

        @Test
        @DisplayName("the canonical name of a project named by its id is projects/{number}")
        void canonicalProject() {
            org(1);
            namedProject(101, "web-prod", ORG, "");

            assertEquals("projects/101", hierarchy.canonicalName("projects/web-prod"));
            assertEquals("projects/101", hierarchy.canonicalName("projects/101"));
        }

        @Test
        @DisplayName("the canonical names of folders and organizations are their names")
        void canonicalOthers() {
            org(1);
            folder(11, ORG);

            assertEquals("folders/11", hierarchy.canonicalName("folders/11"));
            assertEquals(ORG, hierarchy.canonicalName(ORG));
        }

        @Test
        @DisplayName("the canonical name of a missing resource is PERMISSION_DENIED naming it")
        void canonicalMissing() {
            org(1);

            assertPermissionDenied("projects/no-such-proj", () -> hierarchy.canonicalName("projects/no-such-proj"));
        }

        @Test
        @DisplayName("moves and deletes of a project named by its id answer with its number")
        void writesById() {
            org(1);
            folder(11, ORG);
            namedProject(101, "web-prod", ORG, "");

            assertEquals("projects/101", hierarchy.moveProject("projects/web-prod", "folders/11").name());
            assertEquals("projects/101", hierarchy.deleteProject("projects/web-prod").name());
        }
    }
}
