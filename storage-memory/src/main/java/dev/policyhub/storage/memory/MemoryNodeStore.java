package dev.policyhub.storage.memory;

import dev.policyhub.core.hierarchy.Folder;
import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.Organization;
import dev.policyhub.core.hierarchy.Project;
import dev.policyhub.core.hierarchy.State;
import dev.policyhub.core.spi.NodeStore;
import dev.policyhub.core.spi.Versioned;

import java.util.List;
import java.util.Optional;

/** {@link NodeStore} over a session's {@link MemoryData}. */
final class MemoryNodeStore implements NodeStore {
    private final MemorySession session;

    MemoryNodeStore(MemorySession session) {
        this.session = session;
    }

    @Override
    public Optional<Versioned<Organization>> organization(long id) {
        return session.data().organizations.get(id);
    }

    @Override
    public List<Versioned<Organization>> organizations(long afterId, int limit) {
        return session.data().organizations.after(afterId, id -> true, limit);
    }

    @Override
    public boolean insertOrganization(Organization organization) {
        return session.data().organizations.insert(session.journal(), organization.id(), organization);
    }

    @Override
    public boolean replaceOrganization(Organization organization, long expectedVersion) {
        return session.data().organizations.replace(session.journal(), organization.id(), organization,
                expectedVersion);
    }

    @Override
    public boolean deleteOrganization(long id, long expectedVersion) {
        return session.data().organizations.delete(session.journal(), id, expectedVersion);
    }

    @Override
    public Optional<Versioned<Folder>> folder(long id) {
        return session.data().folders.get(id);
    }

    @Override
    public List<Versioned<Folder>> folders(NodeKey parent, ChildCursor after, int limit, boolean includeDeleted) {
        return session.data().foldersByParent.list(parent, after, limit,
                folder -> includeDeleted || folder.state() != State.DELETE_REQUESTED);
    }

    @Override
    public boolean insertFolder(Folder folder) {
        return session.data().folders.insert(session.journal(), folder.id(), folder);
    }

    @Override
    public boolean replaceFolder(Folder folder, long expectedVersion) {
        return session.data().folders.replace(session.journal(), folder.id(), folder, expectedVersion);
    }

    @Override
    public boolean deleteFolder(long id, long expectedVersion) {
        return session.data().folders.delete(session.journal(), id, expectedVersion);
    }

    @Override
    public Optional<Versioned<Project>> project(long number) {
        return session.data().projects.get(number);
    }

    @Override
    public Optional<Versioned<Project>> projectById(String projectId) {
        MemoryData data = session.data();
        return data.projectsById.owner(projectId).flatMap(data.projects::get);
    }

    @Override
    public List<Versioned<Project>> projects(NodeKey parent, ChildCursor after, int limit, boolean includeDeleted) {
        return session.data().projectsByParent.list(parent, after, limit,
                project -> includeDeleted || project.state() != State.DELETE_REQUESTED);
    }

    /** Also false if another project holds the project id. */
    @Override
    public boolean insertProject(Project project) {
        return session.data().projects.insert(session.journal(), project.number(), project);
    }

    /** Also false if the new content takes a project id another project holds. */
    @Override
    public boolean replaceProject(Project project, long expectedVersion) {
        return session.data().projects.replace(session.journal(), project.number(), project, expectedVersion);
    }

    @Override
    public boolean deleteProject(long number, long expectedVersion) {
        return session.data().projects.delete(session.journal(), number, expectedVersion);
    }
}
