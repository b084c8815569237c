package dev.policyhub.storage.jdbc;

import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.TagBinding;
import dev.policyhub.core.hierarchy.TagKey;
import dev.policyhub.core.hierarchy.TagPurpose;
import dev.policyhub.core.hierarchy.TagValue;
import dev.policyhub.core.spi.TagStore;
import dev.policyhub.core.spi.Versioned;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** {@link TagStore} over the {@code tag_keys}, {@code tag_values} and {@code tag_bindings} tables. */
public final class JdbiTagStore implements TagStore {
    private static final RowMapper<Versioned<TagKey>> KEY = (rs, ctx) -> new Versioned<>(
            new TagKey(rs.getLong("id"), Columns.node(rs, "parent"), rs.getString("short_name"),
                    rs.getString("namespaced_name"), rs.getString("description"),
                    TagPurpose.valueOf(rs.getString("purpose")),
                    JsonFields.stringMap(Json.read(rs.getString("purpose_data"))),
                    Columns.instant(rs, "create_time"), Columns.instant(rs, "update_time"), rs.getString("etag")),
            rs.getLong("row_version"));

    private static final RowMapper<Versioned<TagValue>> VALUE = (rs, ctx) -> new Versioned<>(
            new TagValue(rs.getLong("id"), rs.getLong("tag_key_id"), rs.getString("short_name"),
                    rs.getString("namespaced_name"), rs.getString("description"),
                    Columns.instant(rs, "create_time"), Columns.instant(rs, "update_time"), rs.getString("etag")),
            rs.getLong("row_version"));

    private static final RowMapper<TagBinding> BINDING =
            (rs, ctx) -> new TagBinding(Columns.node(rs, "resource"), rs.getLong("tag_value_id"));

    private final JdbiSession session;

    /** The store on the connection of the given unit of work. */
    public JdbiTagStore(JdbiSession session) {
        this.session = session;
    }

    @Override
    public Optional<Versioned<TagKey>> key(long id) {
        return session.reading().createQuery("SELECT * FROM tag_keys WHERE id = :id")
                .bind("id", id)
                .map(KEY)
                .findOne();
    }

    @Override
    public Optional<Versioned<TagKey>> keyByNamespacedName(String namespacedName) {
        return session.reading().createQuery("SELECT * FROM tag_keys WHERE namespaced_name = :namespacedName")
                .bind("namespacedName", namespacedName)
                .map(KEY)
                .findOne();
    }

    @Override
    public List<Versioned<TagKey>> keys(NodeKey parent, long afterId, int limit) {
        return session.reading().createQuery("SELECT * FROM tag_keys"
                        + " WHERE parent_type = :parentType AND parent_id = :parentId AND id > :afterId"
                        + " ORDER BY id LIMIT :limit")
                .bind("parentType", parent.type().name())
                .bind("parentId", parent.id())
                .bind("afterId", afterId)
                .bind("limit", Columns.limit(limit))
                .map(KEY)
                .list();
    }

    @Override
    public int countKeys(NodeKey parent) {
        return session.reading().createQuery("SELECT count(*) FROM tag_keys"
                        + " WHERE parent_type = :parentType AND parent_id = :parentId")
                .bind("parentType", parent.type().name())
                .bind("parentId", parent.id())
                .mapTo(Integer.class)
                .one();
    }

    /** Also false if another key holds the namespaced name (its unique key). */
    @Override
    public boolean insertKey(TagKey key) {
        return bind(session.writing().createUpdate("INSERT INTO tag_keys (id, row_version, parent_type, parent_id,"
                + " short_name, namespaced_name, description, purpose, purpose_data, create_time, update_time, etag)"
                + " VALUES (:id, 1, :parentType, :parentId, :shortName, :namespacedName, :description, :purpose,"
                + " :purposeData, :createTime, :updateTime, :etag)"
                + " ON CONFLICT DO NOTHING"), key)
                .execute() == 1;
    }

    /** Also false if the new content takes a namespaced name another key holds; then no row changes. */
    @Override
    public boolean replaceKey(TagKey key, long expectedVersion) {
        return session.dialect().updateUnlessKeyTaken(session.writing(), "tag_keys",
                "SET row_version = row_version + 1,"
                + " parent_type = :parentType, parent_id = :parentId, short_name = :shortName,"
                + " namespaced_name = :namespacedName, description = :description, purpose = :purpose,"
                + " purpose_data = :purposeData, create_time = :createTime, update_time = :updateTime, etag = :etag"
                + " WHERE id = :id AND row_version = :expectedVersion",
                update -> bind(update, key).bind("expectedVersion", expectedVersion));
    }

    @Override
    public boolean deleteKey(long id, long expectedVersion) {
        return session.writing().createUpdate("DELETE FROM tag_keys WHERE id = :id AND row_version = :expectedVersion")
                .bind("id", id)
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    @Override
    public Optional<Versioned<TagValue>> value(long id) {
        return session.reading().createQuery("SELECT * FROM tag_values WHERE id = :id")
                .bind("id", id)
                .map(VALUE)
                .findOne();
    }

    @Override
    public Optional<Versioned<TagValue>> valueByNamespacedName(String namespacedName) {
        return session.reading().createQuery("SELECT * FROM tag_values WHERE namespaced_name = :namespacedName")
                .bind("namespacedName", namespacedName)
                .map(VALUE)
                .findOne();
    }

    @Override
    public List<Versioned<TagValue>> values(long keyId, long afterId, int limit) {
        return session.reading().createQuery("SELECT * FROM tag_values WHERE tag_key_id = :keyId AND id > :afterId"
                        + " ORDER BY id LIMIT :limit")
                .bind("keyId", keyId)
                .bind("afterId", afterId)
                .bind("limit", Columns.limit(limit))
                .map(VALUE)
                .list();
    }

    /** Also false if another value holds the namespaced name (its unique key). */
    @Override
    public boolean insertValue(TagValue value) {
        return bind(session.writing().createUpdate("INSERT INTO tag_values (id, row_version, tag_key_id, short_name,"
                + " namespaced_name, description, create_time, update_time, etag)"
                + " VALUES (:id, 1, :tagKeyId, :shortName, :namespacedName, :description, :createTime, :updateTime,"
                + " :etag)"
                + " ON CONFLICT DO NOTHING"), value)
                .execute() == 1;
    }

    /** Also false if the new content takes a namespaced name another value holds; then no row changes. */
    @Override
    public boolean replaceValue(TagValue value, long expectedVersion) {
        return session.dialect().updateUnlessKeyTaken(session.writing(), "tag_values",
                "SET row_version = row_version + 1,"
                + " tag_key_id = :tagKeyId, short_name = :shortName, namespaced_name = :namespacedName,"
                + " description = :description, create_time = :createTime, update_time = :updateTime, etag = :etag"
                + " WHERE id = :id AND row_version = :expectedVersion",
                update -> bind(update, value).bind("expectedVersion", expectedVersion));
    }

    @Override
    public boolean deleteValue(long id, long expectedVersion) {
        return session.writing().createUpdate("DELETE FROM tag_values WHERE id = :id"
                        + " AND row_version = :expectedVersion")
                .bind("id", id)
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    @Override
    public List<TagBinding> bindings(NodeKey resource, long afterValueId, int limit) {
        return session.reading().createQuery("SELECT * FROM tag_bindings"
                        + " WHERE resource_type = :resourceType AND resource_id = :resourceId"
                        + " AND tag_value_id > :afterValueId ORDER BY tag_value_id LIMIT :limit")
                .bind("resourceType", resource.type().name())
                .bind("resourceId", resource.id())
                .bind("afterValueId", afterValueId)
                .bind("limit", Columns.limit(limit))
                .map(BINDING)
                .list();
    }

    @Override
    public boolean isBound(long valueId) {
        return session.reading().createQuery("SELECT EXISTS (SELECT 1 FROM tag_bindings WHERE tag_value_id = :valueId)")
                .bind("valueId", valueId)
                .mapTo(Boolean.class)
                .one();
    }

    @Override
    public boolean insertBinding(TagBinding binding) {
        return bind(session.writing().createUpdate("INSERT INTO tag_bindings (resource_type, resource_id, tag_value_id)"
                + " VALUES (:resourceType, :resourceId, :tagValueId) ON CONFLICT DO NOTHING"), binding)
                .execute() == 1;
    }

    @Override
    public boolean deleteBinding(TagBinding binding) {
        return bind(session.writing().createUpdate("DELETE FROM tag_bindings"
                + " WHERE resource_type = :resourceType AND resource_id = :resourceId AND tag_value_id = :tagValueId"),
                binding)
                .execute() == 1;
    }

    private static <S extends SqlStatement<S>> S bind(S statement, TagKey k) {
        return statement.bind("id", k.id())
                .bind("parentType", k.parent().type().name())
                .bind("parentId", k.parent().id())
                .bind("shortName", k.shortName())
                .bind("namespacedName", k.namespacedName())
                .bind("description", k.description())
                .bind("purpose", k.purpose().name())
                .bind("purposeData", Json.write(new TreeMap<>(k.purposeData())))
                .bind("createTime", Columns.text(k.createTime()))
                .bind("updateTime", Columns.text(k.updateTime()))
                .bind("etag", k.etag());
    }

    private static <S extends SqlStatement<S>> S bind(S statement, TagValue v) {
        return statement.bind("id", v.id())
                .bind("tagKeyId", v.tagKeyId())
                .bind("shortName", v.shortName())
                .bind("namespacedName", v.namespacedName())
                .bind("description", v.description())
                .bind("createTime", Columns.text(v.createTime()))
                .bind("updateTime", Columns.text(v.updateTime()))
                .bind("etag", v.etag());
    }

    private static <S extends SqlStatement<S>> S bind(S statement, TagBinding b) {
        return statement.bind("resourceType", b.resource().type().name())
                .bind("resourceId", b.resource().id())
                .bind("tagValueId", b.tagValueId());
    }
}
