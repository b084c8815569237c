package dev.policyhub.core.spi;

import dev.policyhub.core.hierarchy.Folder;
import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.Organization;
import dev.policyhub.core.hierarchy.Project;

import java.util.List;
import java.util.Optional;

/**
 * Persistence of organizations, folders and projects. Inserts fail (return false) when the id is taken; replaces
 * and deletes fail when the stored version is not {@code expectedVersion}. Child lists are ordered by
 * (displayName, id) and resume strictly after a cursor; with {@code includeDeleted == false}, deleted nodes are
 * skipped and do not count toward {@code limit}.
 */
public interface NodeStore {

    /** The organization with this id. */
    Optional<Versioned<Organization>> organization(long id);

    /** All organizations with an id greater than {@code afterId}, ascending, at most {@code limit}. */
    List<Versioned<Organization>> organizations(long afterId, int limit);

    /** Stores a new organization at version 1; false if the id is taken. */
    boolean insertOrganization(Organization organization);

    /** Replaces an organization; false on a version mismatch or if it is gone. */
    boolean replaceOrganization(Organization organization, long expectedVersion);

    /** Removes an organization; false on a version mismatch or if it is gone. */
    boolean deleteOrganization(long id, long expectedVersion);

    /** The folder with this id. */
    Optional<Versioned<Folder>> folder(long id);

    /** Child folders of {@code parent} after the cursor, ordered by (displayName, id). */
    List<Versioned<Folder>> folders(NodeKey parent, ChildCursor after, int limit, boolean includeDeleted);

    /** Stores a new folder at version 1; false if the id is taken. */
    boolean insertFolder(Folder folder);

    /** Replaces a folder; false on a version mismatch or if it is gone. */
    boolean replaceFolder(Folder folder, long expectedVersion);

    /** Removes a folder; false on a version mismatch or if it is gone. */
    boolean deleteFolder(long id, long expectedVersion);

    /** The project with this number. */
    Optional<Versioned<Project>> project(long number);

    /** The project with this project id. */
    Optional<Versioned<Project>> projectById(String projectId);

    /** Child projects of {@code parent} after the cursor, ordered by (displayName, number). */
    List<Versioned<Project>> projects(NodeKey parent, ChildCursor after, int limit, boolean includeDeleted);

    /** Stores a new project at version 1; false if the number or the project id is taken. */
    boolean insertProject(Project project);

    /** Replaces a project; false on a version mismatch, if it is gone, or if its new project id is taken. */
    boolean replaceProject(Project project, long expectedVersion);

    /** Removes a project; false on a version mismatch or if it is gone. */
    boolean deleteProject(long number, long expectedVersion);

    /** Position in a child list: the (displayName, id) of the last item seen; {@link #START} before the first. */
    record ChildCursor(String displayName, long id) {
        /** Before the first child. */
        public static final ChildCursor START = new ChildCursor("", 0);
    }
}
