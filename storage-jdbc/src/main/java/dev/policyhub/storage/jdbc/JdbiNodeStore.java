package dev.policyhub.storage.jdbc;

import dev.policyhub.core.hierarchy.Folder;
import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.Organization;
import dev.policyhub.core.hierarchy.Project;
import dev.policyhub.core.hierarchy.State;
import dev.policyhub.core.spi.NodeStore;
import dev.policyhub.core.spi.Versioned;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** {@link NodeStore} over the {@code organizations}, {@code folders} and {@code projects} tables. */
public final class JdbiNodeStore implements NodeStore {
    private static final RowMapper<Versioned<Organization>> ORGANIZATION = (rs, ctx) -> new Versioned<>(
            new Organization(rs.getLong("id"), rs.getString("display_name"), rs.getString("directory_customer_id"),
                    State.valueOf(rs.getString("state")), Columns.instant(rs, "create_time"),
                    Columns.instant(rs, "update_time"), rs.getString("etag")),
            rs.getLong("row_version"));

    private static final RowMapper<Versioned<Folder>> FOLDER = (rs, ctx) -> new Versioned<>(
            new Folder(rs.getLong("id"), Columns.node(rs, "parent"), rs.getString("display_name"),
                    State.valueOf(rs.getString("state")), Columns.instant(rs, "create_time"),
                    Columns.instant(rs, "update_time"), Columns.optionalInstant(rs, "delete_time"),
                    rs.getString("etag")),
            rs.getLong("row_version"));

    private static final RowMapper<Versioned<Project>> PROJECT = (rs, ctx) -> new Versioned<>(
            new Project(rs.getLong("number"), rs.getString("project_id"), Columns.node(rs, "parent"),
                    rs.getString("display_name"), JsonFields.stringMap(Json.read(rs.getString("labels"))),
                    State.valueOf(rs.getString("state")), Columns.instant(rs, "create_time"),
                    Columns.instant(rs, "update_time"), Columns.optionalInstant(rs, "delete_time"),
                    rs.getString("etag")),
            rs.getLong("row_version"));

    private static final String FOLDER_CHILDREN = childrenSql("folders", "id");
    private static final String PROJECT_CHILDREN = childrenSql("projects", "number");

    private final JdbiSession session;

    /** The store on the connection of the given unit of work. */
    public JdbiNodeStore(JdbiSession session) {
        this.session = session;
    }

    @Override
    public Optional<Versioned<Organization>> organization(long id) {
        return session.reading().createQuery("SELECT * FROM organizations WHERE id = :id")
                .bind("id", id)
                .map(ORGANIZATION)
                .findOne();
    }

    @Override
    public List<Versioned<Organization>> organizations(long afterId, int limit) {
        return session.reading().createQuery("SELECT * FROM organizations WHERE id > :afterId ORDER BY id LIMIT :limit")
                .bind("afterId", afterId)
                .bind("limit", Columns.limit(limit))
                .map(ORGANIZATION)
                .list();
    }

    @Override
    public boolean insertOrganization(Organization organization) {
        return bind(session.writing().createUpdate("INSERT INTO organizations"
                + " (id, row_version, display_name, directory_customer_id, state, create_time, update_time, etag)"
                + " VALUES (:id, 1, :displayName, :directoryCustomerId, :state, :createTime, :updateTime, :etag)"
                + " ON CONFLICT DO NOTHING"), organization)
                .execute() == 1;
    }

    @Override
    public boolean replaceOrganization(Organization organization, long expectedVersion) {
        return bind(session.writing().createUpdate("UPDATE organizations SET row_version = row_version + 1,"
                + " display_name = :displayName, directory_customer_id = :directoryCustomerId, state = :state,"
                + " create_time = :createTime, update_time = :updateTime, etag = :etag"
                + " WHERE id = :id AND row_version = :expectedVersion"), organization)
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    @Override
    public boolean deleteOrganization(long id, long expectedVersion) {
        return session.writing().createUpdate("DELETE FROM organizations WHERE id = :id"
                        + " AND row_version = :expectedVersion")
                .bind("id", id)
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    @Override
    public Optional<Versioned<Folder>> folder(long id) {
        return session.reading().createQuery("SELECT * FROM folders WHERE id = :id")
                .bind("id", id)
                .map(FOLDER)
                .findOne();
    }

    @Override
    public List<Versioned<Folder>> folders(NodeKey parent, ChildCursor after, int limit, boolean includeDeleted) {
        return children(FOLDER_CHILDREN, parent, after, limit, includeDeleted).map(FOLDER).list();
    }

    @Override
    public boolean insertFolder(Folder folder) {
        return bind(session.writing().createUpdate("INSERT INTO folders (id, row_version, parent_type, parent_id,"
                + " display_name, state, create_time, update_time, delete_time, etag)"
                + " VALUES (:id, 1, :parentType, :parentId, :displayName, :state, :createTime, :updateTime,"
                + " :deleteTime, :etag)"
                + " ON CONFLICT DO NOTHING"), folder)
                .execute() == 1;
    }

    @Override
    public boolean replaceFolder(Folder folder, long expectedVersion) {
        return bind(session.writing().createUpdate("UPDATE folders SET row_version = row_version + 1,"
                + " parent_type = :parentType, parent_id = :parentId, display_name = :displayName, state = :state,"
                + " create_time = :createTime, update_time = :updateTime, delete_time = :deleteTime, etag = :etag"
                + " WHERE id = :id AND row_version = :expectedVersion"), folder)
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    @Override
    public boolean deleteFolder(long id, long expectedVersion) {
        return session.writing().createUpdate("DELETE FROM folders WHERE id = :id AND row_version = :expectedVersion")
                .bind("id", id)
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    @Override
    public Optional<Versioned<Project>> project(long number) {
        return session.reading().createQuery("SELECT * FROM projects WHERE number = :number")
                .bind("number", number)
                .map(PROJECT)
                .findOne();
    }

    @Override
    public Optional<Versioned<Project>> projectById(String projectId) {
        return session.reading().createQuery("SELECT * FROM projects WHERE project_id = :projectId")
                .bind("projectId", projectId)
                .map(PROJECT)
                .findOne();
    }

    @Override
    public List<Versioned<Project>> projects(NodeKey parent, ChildCursor after, int limit, boolean includeDeleted) {
        return children(PROJECT_CHILDREN, parent, after, limit, includeDeleted).map(PROJECT).list();
    }

    /** Also false if another project holds the project id (its unique key). */
    @Override
    public boolean insertProject(Project project) {
        return bind(session.writing().createUpdate("INSERT INTO projects (number, row_version, project_id,"
                + " parent_type, parent_id, display_name, labels, state, create_time, update_time, delete_time, etag)"
                + " VALUES (:number, 1, :projectId, :parentType, :parentId, :displayName, :labels, :state,"
                + " :createTime, :updateTime, :deleteTime, :etag)"
                + " ON CONFLICT DO NOTHING"), project)
                .execute() == 1;
    }

    /** Also false if the new content takes a project id another project holds; then no row changes. */
    @Override
    public boolean replaceProject(Project project, long expectedVersion) {
        return session.dialect().updateUnlessKeyTaken(session.writing(), "projects",
                "SET row_version = row_version + 1,"
                + " project_id = :projectId, parent_type = :parentType, parent_id = :parentId,"
                + " display_name = :displayName, labels = :labels, state = :state, create_time = :createTime,"
                + " update_time = :updateTime, delete_time = :deleteTime, etag = :etag"
                + " WHERE number = :number AND row_version = :expectedVersion",
                update -> bind(update, project).bind("expectedVersion", expectedVersion));
    }

    @Override
    public boolean deleteProject(long number, long expectedVersion) {
        return session.writing().createUpdate("DELETE FROM projects WHERE number = :number"
                        + " AND row_version = :expectedVersion")
                .bind("number", number)
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    /** The children of a parent in a table, strictly after a (display name, id) cursor, deleted ones if asked. */
    private static String childrenSql(String table, String id) {
        return "SELECT * FROM " + table + " WHERE parent_type = :parentType AND parent_id = :parentId"
                + " AND (display_name, " + id + ") > (:afterName, :afterId)"
                + " AND (:includeDeleted OR state <> 'DELETE_REQUESTED')"
                + " ORDER BY display_name, " + id + " LIMIT :limit";
    }

    private Query children(String sql, NodeKey parent, ChildCursor after, int limit, boolean includeDeleted) {
        return session.reading().createQuery(sql)
                .bind("parentType", parent.type().name())
                .bind("parentId", parent.id())
                .bind("afterName", after.displayName())
                .bind("afterId", after.id())
                .bind("includeDeleted", includeDeleted)
                .bind("limit", Columns.limit(limit));
    }

    private static <S extends SqlStatement<S>> S bind(S statement, Organization o) {
        return statement.bind("id", o.id())
                .bind("displayName", o.displayName())
                .bind("directoryCustomerId", o.directoryCustomerId())
                .bind("state", o.state().name())
                .bind("createTime", Columns.text(o.createTime()))
                .bind("updateTime", Columns.text(o.updateTime()))
                .bind("etag", o.etag());
    }

    private static <S extends SqlStatement<S>> S bind(S statement, Folder f) {
        return statement.bind("id", f.id())
                .bind("parentType", f.parent().type().name())
                .bind("parentId", f.parent().id())
                .bind("displayName", f.displayName())
                .bind("state", f.state().name())
                .bind("createTime", Columns.text(f.createTime()))
                .bind("updateTime", Columns.text(f.updateTime()))
                .bind("deleteTime", Columns.text(f.deleteTime()))
                .bind("etag", f.etag());
    }

    private static <S extends SqlStatement<S>> S bind(S statement, Project p) {
        return statement.bind("number", p.number())
                .bind("projectId", p.projectId())
                .bind("parentType", p.parent().type().name())
                .bind("parentId", p.parent().id())
                .bind("displayName", p.displayName())
                .bind("labels", Json.write(new TreeMap<>(p.labels())))
                .bind("state", p.state().name())
                .bind("createTime", Columns.text(p.createTime()))
                .bind("updateTime", Columns.text(p.updateTime()))
                .bind("deleteTime", Columns.text(p.deleteTime()))
                .bind("etag", p.etag());
    }
}
