package dev.policyhub.bench;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.hierarchy.NewFolder;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * P3: {@code writes} SQLite {@code createPolicy} calls through the service, each its own durable write unit, against
 * as many raw JDBC inserts of the same row into a fresh database of the same schema with the same durability (WAL,
 * {@code synchronous=FULL}, autocommit: one fsynced transaction per row). One invocation is the whole batch.
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CreatePolicyBench {

    /** The batch size of each mode. */
    static Map<String, String[]> params(Mode mode) {
        return Map.of("writes", new String[] {mode.pick("5", "200", "1000")});
    }

    /** A fresh SQLite hub per iteration with one empty project per write to come. */
    @State(Scope.Thread)
    public static class Service {
        @Param({"200"})
        public int writes;
        private Path dir;
        private PolicyHub hub;
        private List<String> projects;

        /** A new file with {@code writes} empty projects. */
        @Setup(Level.Iteration)
        public void open() {
            dir = Hubs.scratch();
            hub = Hubs.open("sqlite", dir);
            hub.hierarchy().createOrganization(Fixtures.ORG, "bench.example.com", "");
            String folder = hub.hierarchy().createFolder(NewFolder.of("organizations/" + Fixtures.ORG, "f")).name();
            projects = Fixtures.createProjects(hub, List.of(folder), writes);
        }

        /** Closes and deletes the file. */
        @TearDown(Level.Iteration)
        public void close() {
            hub.close();
            Hubs.delete(dir);
        }
    }

    /** A fresh database of the same schema per iteration, written with plain JDBC and a cached statement. */
    @State(Scope.Thread)
    public static class Jdbc {
        @Param({"200"})
        public int writes;
        private Path dir;
        private Connection connection;
        private PreparedStatement insert;
        private String spec;
        private String etag;

        /** Creates the schema through the store, then reopens the file with JDBC only. */
        @Setup(Level.Iteration)
        public void open() throws SQLException {
            dir = Hubs.scratch();
            Path file = dir.resolve("policyhub.db");
            try (PolicyHub hub = Hubs.open("sqlite", dir)) {
                hub.hierarchy().createOrganization(Fixtures.ORG, "bench.example.com", "");
                String org = "organizations/" + Fixtures.ORG;
                hub.orgPolicies().createPolicy(org, simple(org));
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.enforceForeignKeys(true);
            connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (PreparedStatement read = connection.prepareStatement("SELECT spec, etag FROM policies");
                 ResultSet rs = read.executeQuery()) {
                rs.next();
                spec = rs.getString(1);
                etag = rs.getString(2);
            }
            insert = connection.prepareStatement("INSERT INTO policies (resource_type, resource_id, constraint_id,"
                    + " row_version, name, spec, dry_run_spec, etag) VALUES ('PROJECT', ?, ?, 1, ?, ?, NULL, ?)"
                    + " ON CONFLICT DO NOTHING");
        }

        /** Closes and deletes the file. */
        @TearDown(Level.Iteration)
        public void close() throws SQLException {
            insert.close();
            connection.close();
            Hubs.delete(dir);
        }
    }

    /** The service path: {@code writes} policies, one write unit each. */
    @Benchmark
    public int service(Service state) {
        for (String project : state.projects) {
            state.hub.orgPolicies().createPolicy(project, simple(project));
        }
        return state.projects.size();
    }

    /** The physical limit: the same rows with plain JDBC, one autocommitted statement each. */
    @Benchmark
    public int rawJdbc(Jdbc state) throws SQLException {
        for (int i = 0; i < state.writes; i++) {
            String parent = "projects/" + (100_000_000_001L + i);
            state.insert.setLong(1, 100_000_000_001L + i);
            state.insert.setString(2, Hubs.flag(0));
            state.insert.setString(3, parent + "/policies/" + Hubs.flag(0));
            state.insert.setString(4, state.spec);
            state.insert.setString(5, state.etag);
            state.insert.executeUpdate();
        }
        return state.writes;
    }

    private static Policy simple(String parent) {
        return Policy.of(parent + "/policies/" + Hubs.flag(0), PolicySpec.of(PolicyRule.enforce(true)));
    }

    /** Throughput of both paths (writes per second) and the service's share of the raw one. */
    static List<Figure> ratios(List<Figure> figures, Mode mode) {
        int writes = Integer.parseInt(params(mode).get("writes")[0]);
        Figure service = perSecond(Jmh.find(figures, "service[writes=" + writes + "]"), writes);
        Figure raw = perSecond(Jmh.find(figures, "rawJdbc[writes=" + writes + "]"), writes);
        List<Figure> out = new ArrayList<>(figures);
        out.add(service);
        out.add(raw);
        out.add(Jmh.ratio("P3", "ratio service/rawJdbc throughput", service, raw));
        return out;
    }

    private static Figure perSecond(Figure batch, int writes) {
        return new Figure("P3", batch.label() + " throughput", writes / (batch.value() / 1000.0), "writes/s");
    }
}
