package dev.policyhub.storage.jdbc;

import dev.policyhub.core.policygroups.PolicyPackLedger;
import dev.policyhub.core.policygroups.PolicyPackVersion;
import dev.policyhub.core.spi.PolicyPackStore;
import dev.policyhub.core.spi.Versioned;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

import java.util.List;
import java.util.Optional;

/**
 * {@link PolicyPackStore} over the {@code policy_pack_ledgers}, {@code policy_pack_versions} and
 * {@code policy_pack_archives} tables. Archives live in their own table, which only {@link #putArchive} and
 * {@link #archive} touch, so listing versions never reads them; deleting a version cascades to its archive.
 */
public final class JdbiPolicyPackStore implements PolicyPackStore {
    private static final RowMapper<Versioned<PolicyPackLedger>> LEDGER = (rs, ctx) -> new Versioned<>(
            new PolicyPackLedger(rs.getString("org"), rs.getString("name"), rs.getInt("last_version"),
                    JsonFields.strings(Json.read(rs.getString("used_tags"))), rs.getString("runtime")),
            rs.getLong("row_version"));

    private static final RowMapper<Versioned<PolicyPackVersion>> VERSION = (rs, ctx) -> new Versioned<>(
            new PolicyPackVersion(rs.getString("org"), rs.getString("name"), rs.getInt("version"),
                    rs.getString("version_tag"), rs.getString("display_name"), rs.getString("runtime"),
                    PackPolicies.read(rs.getString("policies")), rs.getBoolean("complete"),
                    rs.getString("upload_token"), rs.getBoolean("uploaded")),
            rs.getLong("row_version"));

    /** The key of one version (and of its archive). */
    private static final String VERSION_KEY = " org = :org AND name = :name AND version = :version";

    private final JdbiSession session;

    /** The store on the connection of the given unit of work. */
    public JdbiPolicyPackStore(JdbiSession session) {
        this.session = session;
    }

    @Override
    public Optional<Versioned<PolicyPackLedger>> ledger(String org, String name) {
        return session.reading().createQuery("SELECT * FROM policy_pack_ledgers WHERE org = :org AND name = :name")
                .bind("org", org)
                .bind("name", name)
                .map(LEDGER)
                .findOne();
    }

    @Override
    public boolean insertLedger(PolicyPackLedger ledger) {
        return bind(session.writing().createUpdate("INSERT INTO policy_pack_ledgers (org, name, row_version,"
                + " last_version, used_tags, runtime) VALUES (:org, :name, 1, :lastVersion, :usedTags, :runtime)"
                + " ON CONFLICT DO NOTHING"), ledger)
                .execute() == 1;
    }

    @Override
    public boolean replaceLedger(PolicyPackLedger ledger, long expectedVersion) {
        return bind(session.writing().createUpdate("UPDATE policy_pack_ledgers SET row_version = row_version + 1,"
                + " last_version = :lastVersion, used_tags = :usedTags, runtime = :runtime"
                + " WHERE org = :org AND name = :name AND row_version = :expectedVersion"), ledger)
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    @Override
    public List<Versioned<PolicyPackLedger>> ledgers(String org, String afterName, int limit) {
        return session.reading().createQuery("SELECT * FROM policy_pack_ledgers WHERE org = :org"
                        + " AND name > :afterName ORDER BY name LIMIT :limit")
                .bind("org", org)
                .bind("afterName", afterName)
                .bind("limit", Columns.limit(limit))
                .map(LEDGER)
                .list();
    }

    @Override
    public boolean deleteLedger(String org, String name, long expectedVersion) {
        return session.writing().createUpdate("DELETE FROM policy_pack_ledgers"
                        + " WHERE org = :org AND name = :name AND row_version = :expectedVersion")
                .bind("org", org)
                .bind("name", name)
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    @Override
    public List<String> names(String org, String afterName, int limit) {
        return session.reading().createQuery("SELECT DISTINCT name FROM policy_pack_versions WHERE org = :org"
                        + " AND name > :afterName ORDER BY name LIMIT :limit")
                .bind("org", org)
                .bind("afterName", afterName)
                .bind("limit", Columns.limit(limit))
                .mapTo(String.class)
                .list();
    }

    @Override
    public Optional<Versioned<PolicyPackVersion>> version(String org, String name, int version) {
        return session.reading().createQuery("SELECT * FROM policy_pack_versions WHERE" + VERSION_KEY)
                .bind("org", org)
                .bind("name", name)
                .bind("version", version)
                .map(VERSION)
                .findOne();
    }

    @Override
    public List<Versioned<PolicyPackVersion>> versions(String org, String name) {
        return session.reading().createQuery("SELECT * FROM policy_pack_versions WHERE org = :org AND name = :name"
                        + " ORDER BY version")
                .bind("org", org)
                .bind("name", name)
                .map(VERSION)
                .list();
    }

    @Override
    public boolean insertVersion(PolicyPackVersion version) {
        return bind(session.writing().createUpdate("INSERT INTO policy_pack_versions (org, name, version,"
                + " row_version, version_tag, display_name, runtime, policies, complete, upload_token, uploaded)"
                + " VALUES (:org, :name, :version, 1, :versionTag, :displayName, :runtime, :policies, :complete,"
                + " :uploadToken, :uploaded)"
                + " ON CONFLICT DO NOTHING"), version)
                .execute() == 1;
    }

    @Override
    public boolean replaceVersion(PolicyPackVersion version, long expectedVersion) {
        return bind(session.writing().createUpdate("UPDATE policy_pack_versions SET row_version = row_version + 1,"
                + " version_tag = :versionTag, display_name = :displayName, runtime = :runtime,"
                + " policies = :policies, complete = :complete, upload_token = :uploadToken, uploaded = :uploaded"
                + " WHERE" + VERSION_KEY + " AND row_version = :expectedVersion"), version)
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    /** The archive goes with the version: its foreign key cascades the delete. */
    @Override
    public boolean deleteVersion(String org, String name, int version, long expectedVersion) {
        return session.writing().createUpdate("DELETE FROM policy_pack_versions WHERE" + VERSION_KEY
                        + " AND row_version = :expectedVersion")
                .bind("org", org)
                .bind("name", name)
                .bind("version", version)
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    /** Fails if the version is not stored: an archive always belongs to a stored version. */
    @Override
    public void putArchive(String org, String name, int version, byte[] content) {
        int stored = session.writing().createUpdate("INSERT INTO policy_pack_archives (org, name, version, content)"
                        + " SELECT org, name, version, :content FROM policy_pack_versions WHERE" + VERSION_KEY
                        + " ON CONFLICT (org, name, version) DO UPDATE SET content = excluded.content")
                .bind("org", org)
                .bind("name", name)
                .bind("version", version)
                .bind("content", content)
                .execute();
        if (stored != 1) {
            throw new IllegalStateException("version " + version + " of pack " + name + " of " + org
                    + " is not stored, so it cannot take an archive");
        }
    }

    @Override
    public Optional<byte[]> archive(String org, String name, int version) {
        return session.reading().createQuery("SELECT content FROM policy_pack_archives WHERE" + VERSION_KEY)
                .bind("org", org)
                .bind("name", name)
                .bind("version", version)
                .map((rs, ctx) -> rs.getBytes("content"))
                .findOne();
    }

    private static <S extends SqlStatement<S>> S bind(S statement, PolicyPackLedger l) {
        return statement.bind("org", l.org())
                .bind("name", l.name())
                .bind("lastVersion", l.lastVersion())
                .bind("usedTags", Json.write(l.usedTags()))
                .bind("runtime", l.runtime());
    }

    private static <S extends SqlStatement<S>> S bind(S statement, PolicyPackVersion v) {
        return statement.bind("org", v.org())
                .bind("name", v.name())
                .bind("version", v.version())
                .bind("versionTag", v.versionTag())
                .bind("displayName", v.displayName())
                .bind("runtime", v.runtime())
                .bind("policies", PackPolicies.write(v.policies()))
                .bind("complete", v.complete())
                .bind("uploadToken", v.uploadToken())
                .bind("uploaded", v.uploaded());
    }
}
