package dev.policyhub.bench;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.policygroups.PolicyGroupMetadata;
import dev.policyhub.core.policygroups.Stack;
import dev.policyhub.core.policygroups.StackRef;
import dev.policyhub.core.spi.Versioned;
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
 * P5: the policy-group metadata of an organization with many stacks and groups, against a plain count of the same
 * stacks (SQLite: {@code SELECT count(*)} over JDBC on the same file; memory: counting the store's stack pages).
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GroupMetadataBench {
    @Param({"memory", "sqlite"})
    public String store;
    @Param({"100000"})
    public int stacks;
    @Param({"1000"})
    public int groups;

    private Path dir;
    private PolicyHub hub;
    private Connection jdbc;
    private PreparedStatement count;

    /** Data sizes of each mode. */
    static Map<String, String[]> params(Mode mode) {
        return Map.of("stacks", new String[] {mode.pick("1000", "100000", "100000")},
                "groups", new String[] {mode.pick("10", "1000", "1000")});
    }

    /** Loads the stacks and groups; opens a plain read connection on a SQLite file. */
    @Setup(Level.Trial)
    public void load() throws SQLException {
        dir = Hubs.scratch();
        hub = Hubs.open(store, dir);
        Fixtures.stacksAndGroups(hub, stacks, groups);
        if (store.equals("sqlite")) {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            jdbc = config.createConnection("jdbc:sqlite:" + dir.resolve("policyhub.db").toAbsolutePath());
            count = jdbc.prepareStatement("SELECT count(*) FROM stacks WHERE org = ?");
        }
    }

    /** Closes everything and removes the files. */
    @TearDown(Level.Trial)
    public void close() throws SQLException {
        if (jdbc != null) {
            count.close();
            jdbc.close();
        }
        hub.close();
        Hubs.delete(dir);
    }

    /** The measured call. */
    @Benchmark
    public PolicyGroupMetadata metadata() {
        return hub.policyGroups().getMetadata(Fixtures.PULUMI_ORG);
    }

    /** The baseline: how many stacks the organization has, the cheapest way the store allows. */
    @Benchmark
    public long count() throws SQLException {
        if (count != null) {
            count.setString(1, Fixtures.PULUMI_ORG);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
        return hub.storage().read(s -> {
            long n = 0;
            StackRef after = null;
            while (true) {
                List<Versioned<Stack>> page = s.stacks().list(Fixtures.PULUMI_ORG, after, 1000);
                n += page.size();
                if (page.size() < 1000) {
                    return n;
                }
                after = page.get(page.size() - 1).value().ref();
            }
        });
    }

    /** Metadata against the count, per store. */
    static List<Figure> ratios(List<Figure> figures, Mode mode) {
        Map<String, String[]> p = params(mode);
        String keys = "groups=" + p.get("groups")[0] + ",stacks=" + p.get("stacks")[0] + ",store=";
        List<Figure> out = new ArrayList<>(figures);
        for (String s : List.of("memory", "sqlite")) {
            out.add(Jmh.ratio("P5", "ratio " + s + " metadata/count", Jmh.find(figures, "metadata[" + keys + s + "]"),
                    Jmh.find(figures, "count[" + keys + s + "]")));
        }
        return out;
    }
}
