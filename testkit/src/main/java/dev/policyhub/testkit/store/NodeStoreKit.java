package dev.policyhub.testkit.store;

import static dev.policyhub.testkit.store.Fixtures.deleteRequested;
import static dev.policyhub.testkit.store.Fixtures.folder;
import static dev.policyhub.testkit.store.Fixtures.moved;
import static dev.policyhub.testkit.store.Fixtures.organization;
import static dev.policyhub.testkit.store.Fixtures.project;
import static dev.policyhub.testkit.store.Fixtures.renamed;
import static dev.policyhub.testkit.store.Fixtures.withProjectId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.hierarchy.Folder;
import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.Organization;
import dev.policyhub.core.hierarchy.Project;
import dev.policyhub.core.spi.NodeStore;
import dev.policyhub.core.spi.NodeStore.ChildCursor;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.Versioned;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The conformance suite of {@link NodeStore}: organizations, folders and projects. */
public abstract class NodeStoreKit extends StoreKitBase<NodeStore> {
    private static final NodeKey ORG = NodeKey.organization(1);
    private static final NodeKey OTHER_PARENT = NodeKey.folder(9);

    /** Subclasses name the store under test. */
    protected NodeStoreKit() {
    }

    @Override
    NodeStore store(StoreSession session) {
        return session.nodes();
    }

    @Nested
    @DisplayName("organizations")
    class Organizations {
        private final Organization acme = organization(11, "acme");

        /** The checks made on the organization with the id 11. */
        private final VersionChecks<Organization> checks = new VersionChecks<>(
                NodeStore::insertOrganization,
                NodeStore::replaceOrganization,
                (s, version) -> s.deleteOrganization(11, version),
                s -> s.organization(11));

        @Test
        @DisplayName("an inserted organization reads back whole at version 1")
        void insertedReadsBack() {
            checks.insertedReadsBack(acme);
        }

        @Test
        @DisplayName("an unknown id reads as empty")
        void unknownIsEmpty() {
            assertEquals(Optional.empty(), read(s -> s.organization(11)));
        }

        @Test
        @DisplayName("inserts fail when the id is taken, and the first organization is kept")
        void insertFailsWhenIdTaken() {
            checks.insertFailsWhenTaken(acme, organization(11, "impostor"));
        }

        @Test
        @DisplayName("a replace with the stored version stores the new content at the next version")
        void replaceWithStoredVersion() {
            checks.replaceWithStoredVersion(acme, renamed(acme, "acme corp"));
        }

        @Test
        @DisplayName("each replace adds one to the version")
        void eachReplaceAddsOne() {
            checks.eachReplaceAddsOne(acme, renamed(acme, "first"), renamed(acme, "second"));
        }

        @Test
        @DisplayName("a replace with a stale version fails and changes nothing")
        void replaceWithStaleVersion() {
            checks.replaceWithStaleVersion(acme, renamed(acme, "acme corp"), renamed(acme, "late"));
        }

        @Test
        @DisplayName("a replace of a missing organization fails and stores nothing")
        void replaceMissing() {
            checks.replaceMissing(acme);
        }

        @Test
        @DisplayName("a delete with the stored version removes the organization")
        void deleteWithStoredVersion() {
            checks.deleteWithStoredVersion(acme);
        }

        @Test
        @DisplayName("a delete with a stale version fails and keeps the organization")
        void deleteWithStaleVersion() {
            checks.deleteWithStaleVersion(acme, 2);
        }

        @Test
        @DisplayName("a delete of a missing organization fails")
        void deleteMissing() {
            checks.deleteMissing();
        }

        @Test
        @DisplayName("a deleted id can be inserted again, starting over at version 1")
        void reinsertAfterDelete() {
            checks.reinsertAfterDelete(acme, renamed(acme, "acme corp"));
        }

        @Test
        @DisplayName("organizations are listed by ascending id")
        void listedByAscendingId() {
            List<Organization> orgs = List.of(organization(30, "c"), organization(10, "a"), organization(20, "b"));
            orgs.forEach(o -> write(s -> s.insertOrganization(o)));

            assertEquals(atVersion1(List.of(orgs.get(1), orgs.get(2), orgs.get(0))),
                    read(s -> s.organizations(0, 10)));
        }

        @Test
        @DisplayName("the list starts strictly after the given id")
        void listStartsAfterId() {
            List<Organization> orgs = List.of(organization(10, "a"), organization(20, "b"), organization(30, "c"));
            orgs.forEach(o -> write(s -> s.insertOrganization(o)));

            assertEquals(atVersion1(orgs.subList(1, 3)), read(s -> s.organizations(10, 10)));
            assertEquals(atVersion1(orgs.subList(1, 3)), read(s -> s.organizations(15, 10)));
        }

        @Test
        @DisplayName("the limit caps the list")
        void limitCapsList() {
            List<Organization> orgs = List.of(organization(10, "a"), organization(20, "b"), organization(30, "c"));
            orgs.forEach(o -> write(s -> s.insertOrganization(o)));

            assertEquals(atVersion1(orgs.subList(0, 2)), read(s -> s.organizations(0, 2)));
        }

        @Test
        @DisplayName("paging by two from the last id seen visits every organization once, in order")
        void pagingVisitsEveryOrganizationOnce() {
            List<Organization> orgs = new ArrayList<>();
            for (long id = 1; id <= 5; id++) {
                orgs.add(organization(id * 7, "org " + id));
            }
            orgs.forEach(o -> write(s -> s.insertOrganization(o)));

            Paged<Versioned<Organization>> paged =
                    pageThrough(0L, after -> read(s -> s.organizations(after, 2)), Organization::id, orgs.size());

            assertEquals(List.of(2, 2, 1), paged.pageSizes());
            assertEquals(atVersion1(orgs), paged.seen());
        }
    }

    @Nested
    @DisplayName("folders")
    class Folders {
        private final Folder finance = folder(201, ORG, "finance");

        /** The checks made on the folder with the id 201. */
        private final VersionChecks<Folder> checks = new VersionChecks<>(
                NodeStore::insertFolder,
                NodeStore::replaceFolder,
                (s, version) -> s.deleteFolder(201, version),
                s -> s.folder(201));

        /** Five children of ORG, some sharing a display name, in insertion order (not list order). */
        private final List<Folder> children = List.of(
                folder(205, ORG, "beta"),
                folder(201, ORG, "alpha"),
                folder(204, ORG, "alpha"),
                folder(202, ORG, "gamma"),
                folder(203, ORG, "beta"));

        /** {@link #children} in list order: by display name, then id. */
        private final List<Folder> ordered =
                List.of(children.get(1), children.get(2), children.get(4), children.get(0), children.get(3));

        private void insertChildren() {
            children.forEach(f -> write(s -> s.insertFolder(f)));
        }

        private List<Versioned<Folder>> list(NodeKey parent, ChildCursor after, int limit, boolean includeDeleted) {
            return read(s -> s.folders(parent, after, limit, includeDeleted));
        }

        @Test
        @DisplayName("an inserted folder reads back whole at version 1")
        void insertedReadsBack() {
            checks.insertedReadsBack(deleteRequested(moved(finance, OTHER_PARENT)));
        }

        @Test
        @DisplayName("an unknown id reads as empty")
        void unknownIsEmpty() {
            assertEquals(Optional.empty(), read(s -> s.folder(201)));
        }

        @Test
        @DisplayName("inserts fail when the id is taken, and the first folder is kept")
        void insertFailsWhenIdTaken() {
            checks.insertFailsWhenTaken(finance, folder(201, OTHER_PARENT, "impostor"));
            assertEquals(List.of(), list(OTHER_PARENT, ChildCursor.START, 10, true));
        }

        @Test
        @DisplayName("a replace with the stored version stores the new content at the next version")
        void replaceWithStoredVersion() {
            checks.replaceWithStoredVersion(finance, renamed(finance, "treasury"));
        }

        @Test
        @DisplayName("a replace with a stale version fails and changes nothing")
        void replaceWithStaleVersion() {
            Folder edited = renamed(finance, "treasury");

            checks.replaceWithStaleVersion(finance, edited, moved(finance, OTHER_PARENT));
            assertEquals(List.of(new Versioned<>(edited, 2)), list(ORG, ChildCursor.START, 10, true));
        }

        @Test
        @DisplayName("a replace of a missing folder fails and stores nothing")
        void replaceMissing() {
            checks.replaceMissing(finance);
            assertEquals(List.of(), list(ORG, ChildCursor.START, 10, true));
        }

        @Test
        @DisplayName("a delete with the stored version removes the folder and its list entry")
        void deleteWithStoredVersion() {
            checks.deleteWithStoredVersion(finance);
            assertEquals(List.of(), list(ORG, ChildCursor.START, 10, true));
        }

        @Test
        @DisplayName("a delete with a stale version fails and keeps the folder")
        void deleteWithStaleVersion() {
            checks.deleteWithStaleVersion(finance, 7);
        }

        @Test
        @DisplayName("a delete of a missing folder fails")
        void deleteMissing() {
            checks.deleteMissing();
        }

        @Test
        @DisplayName("children are listed by display name, then id")
        void listedByDisplayNameThenId() {
            insertChildren();

            assertEquals(atVersion1(ordered), list(ORG, ChildCursor.START, 10, false));
        }

        @Test
        @DisplayName("paging by two from the last child seen visits every child once, in order")
        void pagingVisitsEveryChildOnce() {
            insertChildren();

            Paged<Versioned<Folder>> paged = pageThrough(ChildCursor.START, after -> list(ORG, after, 2, false),
                    last -> new ChildCursor(last.displayName(), last.id()), children.size());

            assertEquals(List.of(2, 2, 1), paged.pageSizes());
            assertEquals(atVersion1(ordered), paged.seen());
        }

        @Test
        @DisplayName("a cursor resumes strictly after its position, also where no child sits")
        void cursorBetweenChildren() {
            insertChildren();

            assertEquals(atVersion1(ordered.subList(1, 5)), list(ORG, new ChildCursor("alpha", 202), 10, false));
            assertEquals(atVersion1(ordered.subList(2, 5)), list(ORG, new ChildCursor("alpha", 204), 10, false));
            assertEquals(atVersion1(ordered.subList(2, 5)), list(ORG, new ChildCursor("b", 0), 10, false));
        }

        @Test
        @DisplayName("the limit caps the list")
        void limitCapsList() {
            insertChildren();

            assertEquals(atVersion1(ordered.subList(0, 3)), list(ORG, ChildCursor.START, 3, false));
        }

        @Test
        @DisplayName("only children of the given parent are listed")
        void onlyChildrenOfParent() {
            insertChildren();
            Folder elsewhere = folder(301, OTHER_PARENT, "alpha");
            write(s -> s.insertFolder(elsewhere));

            assertEquals(atVersion1(List.of(elsewhere)), list(OTHER_PARENT, ChildCursor.START, 10, false));
            assertEquals(atVersion1(ordered), list(ORG, ChildCursor.START, 10, false));
        }

        @Test
        @DisplayName("folders whose deletion was requested are listed only when deleted ones are included")
        void deletedOnlyWhenIncluded() {
            insertChildren();
            Folder deleted = deleteRequested(ordered.get(2));
            write(s -> s.replaceFolder(deleted, 1));

            List<Versioned<Folder>> all = new ArrayList<>(atVersion1(ordered));
            all.set(2, new Versioned<>(deleted, 2));
            List<Versioned<Folder>> active = new ArrayList<>(all);
            active.remove(2);
            assertEquals(active, list(ORG, ChildCursor.START, 10, false));
            assertEquals(all, list(ORG, ChildCursor.START, 10, true));
        }

        @Test
        @DisplayName("skipped deleted folders do not count against the limit")
        void skippedDeletedDoNotCount() {
            insertChildren();
            write(s -> s.replaceFolder(deleteRequested(ordered.get(0)), 1));

            assertEquals(atVersion1(ordered.subList(1, 3)), list(ORG, ChildCursor.START, 2, false));
        }

        @Test
        @DisplayName("a rename moves the folder to its new place in the list")
        void renameMovesInList() {
            insertChildren();
            Folder renamed = renamed(ordered.get(0), "zeta");
            write(s -> s.replaceFolder(renamed, 1));

            List<Versioned<Folder>> expected = new ArrayList<>(atVersion1(ordered.subList(1, 5)));
            expected.add(new Versioned<>(renamed, 2));
            assertEquals(expected, list(ORG, ChildCursor.START, 10, false));
        }

        @Test
        @DisplayName("a move lists the folder under its new parent only")
        void moveChangesParentList() {
            insertChildren();
            Folder movedFolder = moved(ordered.get(0), OTHER_PARENT);
            write(s -> s.replaceFolder(movedFolder, 1));

            assertEquals(List.of(new Versioned<>(movedFolder, 2)), list(OTHER_PARENT, ChildCursor.START, 10, true));
            assertEquals(atVersion1(ordered.subList(1, 5)), list(ORG, ChildCursor.START, 10, true));
        }
    }

    @Nested
    @DisplayName("projects")
    class Projects {
        private final Project web = project(401, "web-prod", ORG, "web");

        /** The checks made on the project with the number 401. */
        private final VersionChecks<Project> checks = new VersionChecks<>(
                NodeStore::insertProject,
                NodeStore::replaceProject,
                (s, version) -> s.deleteProject(401, version),
                s -> s.project(401));

        /** Five children of ORG, some sharing a display name (one empty), in insertion order. */
        private final List<Project> children = List.of(
                project(405, "p-405", ORG, "beta"),
                project(401, "p-401", ORG, "alpha"),
                project(404, "p-404", ORG, ""),
                project(402, "p-402", ORG, "beta"),
                project(403, "p-403", ORG, ""));

        /** {@link #children} in list order: by display name, then number. */
        private final List<Project> ordered =
                List.of(children.get(4), children.get(2), children.get(1), children.get(3), children.get(0));

        private void insertChildren() {
            children.forEach(p -> write(s -> s.insertProject(p)));
        }

        private List<Versioned<Project>> list(NodeKey parent, ChildCursor after, int limit, boolean includeDeleted) {
            return read(s -> s.projects(parent, after, limit, includeDeleted));
        }

        @Test
        @DisplayName("an inserted project reads back whole at version 1, by number and by project id")
        void insertedReadsBack() {
            Project deleted = deleteRequested(web);

            checks.insertedReadsBack(deleted);
            assertEquals(stored(deleted, 1), read(s -> s.projectById("web-prod")));
        }

        @Test
        @DisplayName("an unknown number or project id reads as empty")
        void unknownIsEmpty() {
            write(s -> s.insertProject(web));

            assertEquals(Optional.empty(), read(s -> s.project(402)));
            assertEquals(Optional.empty(), read(s -> s.projectById("web-dev")));
        }

        @Test
        @DisplayName("inserts fail when the number is taken, and the first project is kept")
        void insertFailsWhenNumberTaken() {
            checks.insertFailsWhenTaken(web, project(401, "other-id", ORG, "impostor"));
            assertEquals(Optional.empty(), read(s -> s.projectById("other-id")));
        }

        @Test
        @DisplayName("inserts fail when the project id is taken, and the first project is kept")
        void insertFailsWhenProjectIdTaken() {
            write(s -> s.insertProject(web));

            assertFalse(succeeds(s -> s.insertProject(project(402, "web-prod", ORG, "impostor"))));
            assertEquals(Optional.empty(), read(s -> s.project(402)));
            assertEquals(stored(web, 1), read(s -> s.projectById("web-prod")));
        }

        @Test
        @DisplayName("a replace with the stored version stores the new content at the next version")
        void replaceWithStoredVersion() {
            Project edited = renamed(web, "website");

            checks.replaceWithStoredVersion(web, edited);
            assertEquals(stored(edited, 2), read(s -> s.projectById("web-prod")));
        }

        @Test
        @DisplayName("a replace with a stale version fails and changes nothing")
        void replaceWithStaleVersion() {
            Project edited = renamed(web, "website");

            checks.replaceWithStaleVersion(web, edited, moved(web, OTHER_PARENT));
            assertEquals(List.of(new Versioned<>(edited, 2)), list(ORG, ChildCursor.START, 10, true));
        }

        @Test
        @DisplayName("a replace of a missing project fails and stores nothing")
        void replaceMissing() {
            checks.replaceMissing(web);
            assertEquals(Optional.empty(), read(s -> s.projectById("web-prod")));
        }

        @Test
        @DisplayName("a replace that changes the project id moves the lookup to the new id")
        void replaceChangesProjectId() {
            write(s -> s.insertProject(web));
            Project edited = withProjectId(web, "web-live");

            assertTrue(succeeds(s -> s.replaceProject(edited, 1)));
            assertEquals(stored(edited, 2), read(s -> s.projectById("web-live")));
            assertEquals(Optional.empty(), read(s -> s.projectById("web-prod")));
        }

        @Test
        @DisplayName("a replace fails when it would take another project's project id")
        void replaceFailsWhenProjectIdTaken() {
            Project other = project(402, "web-dev", ORG, "dev");
            write(s -> s.insertProject(web));
            write(s -> s.insertProject(other));

            assertFalse(succeeds(s -> s.replaceProject(withProjectId(web, "web-dev"), 1)));
            assertEquals(stored(web, 1), read(s -> s.project(401)));
            assertEquals(stored(other, 1), read(s -> s.projectById("web-dev")));
        }

        @Test
        @DisplayName("a delete with the stored version removes the project, its project id and its list entry")
        void deleteWithStoredVersion() {
            checks.deleteWithStoredVersion(web);
            assertEquals(Optional.empty(), read(s -> s.projectById("web-prod")));
            assertEquals(List.of(), list(ORG, ChildCursor.START, 10, true));
        }

        @Test
        @DisplayName("the project id of a deleted project can be used by a new project")
        void projectIdFreedByDelete() {
            write(s -> s.insertProject(web));
            write(s -> s.deleteProject(401, 1));
            Project successor = project(402, "web-prod", ORG, "web again");

            assertTrue(succeeds(s -> s.insertProject(successor)));
            assertEquals(stored(successor, 1), read(s -> s.projectById("web-prod")));
        }

        @Test
        @DisplayName("a delete with a stale version fails and keeps the project")
        void deleteWithStaleVersion() {
            checks.deleteWithStaleVersion(web, 2);
            assertEquals(stored(web, 1), read(s -> s.projectById("web-prod")));
        }

        @Test
        @DisplayName("a delete of a missing project fails")
        void deleteMissing() {
            checks.deleteMissing();
        }

        @Test
        @DisplayName("children are listed by display name, then number, an empty display name first")
        void listedByDisplayNameThenNumber() {
            insertChildren();

            assertEquals(atVersion1(ordered), list(ORG, ChildCursor.START, 10, false));
        }

        @Test
        @DisplayName("paging by two from the last child seen visits every child once, in order")
        void pagingVisitsEveryChildOnce() {
            insertChildren();

            Paged<Versioned<Project>> paged = pageThrough(ChildCursor.START, after -> list(ORG, after, 2, false),
                    last -> new ChildCursor(last.displayName(), last.number()), children.size());

            assertEquals(List.of(2, 2, 1), paged.pageSizes());
            assertEquals(atVersion1(ordered), paged.seen());
        }

        @Test
        @DisplayName("a cursor resumes strictly after its position, also where no child sits")
        void cursorBetweenChildren() {
            insertChildren();

            assertEquals(atVersion1(ordered.subList(1, 5)), list(ORG, new ChildCursor("", 403), 10, false));
            assertEquals(atVersion1(ordered.subList(3, 5)), list(ORG, new ChildCursor("alpha", 999), 10, false));
        }

        @Test
        @DisplayName("only children of the given parent are listed")
        void onlyChildrenOfParent() {
            insertChildren();
            Project elsewhere = project(501, "elsewhere", OTHER_PARENT, "alpha");
            write(s -> s.insertProject(elsewhere));

            assertEquals(atVersion1(List.of(elsewhere)), list(OTHER_PARENT, ChildCursor.START, 10, false));
            assertEquals(atVersion1(ordered), list(ORG, ChildCursor.START, 10, false));
        }

        @Test
        @DisplayName("projects whose deletion was requested are listed only when deleted ones are included")
        void deletedOnlyWhenIncluded() {
            insertChildren();
            Project deleted = deleteRequested(ordered.get(1));
            write(s -> s.replaceProject(deleted, 1));

            List<Versioned<Project>> all = new ArrayList<>(atVersion1(ordered));
            all.set(1, new Versioned<>(deleted, 2));
            List<Versioned<Project>> active = new ArrayList<>(all);
            active.remove(1);
            assertEquals(active, list(ORG, ChildCursor.START, 10, false));
            assertEquals(all, list(ORG, ChildCursor.START, 10, true));
        }

        @Test
        @DisplayName("a move lists the project under its new parent only and keeps its project id")
        void moveChangesParentList() {
            insertChildren();
            Project movedProject = moved(ordered.get(0), OTHER_PARENT);
            write(s -> s.replaceProject(movedProject, 1));

            assertEquals(List.of(new Versioned<>(movedProject, 2)),
                    list(OTHER_PARENT, ChildCursor.START, 10, true));
            assertEquals(atVersion1(ordered.subList(1, 5)), list(ORG, ChildCursor.START, 10, true));
            assertEquals(stored(movedProject, 2), read(s -> s.projectById(movedProject.projectId())));
        }
    }
}
