package dev.policyhub.http.fuzz;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.hierarchy.NodeKey;
import dev.policyhub.core.hierarchy.NodeType;
import dev.policyhub.core.hierarchy.Organization;
import dev.policyhub.core.policygroups.PolicyPackVersion;
import dev.policyhub.core.spi.NodeStore;
import dev.policyhub.core.spi.StoreSession;
import dev.policyhub.core.spi.Versioned;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Every table of a store, read through the storage SPI in one unit and printed in a canonical order: nodes (deleted
 * ones included) with their tag keys, values, bindings and policies, custom constraints, Pulumi organizations with
 * stacks, accounts, pack ledgers, versions (archives as SHA-256) and groups, each row with its stored version; then
 * the id sequence and the update stamp, probed in a unit that is rolled back. Equal exports mean an unchanged store.
 */
final class StoreExport {
    /** More rows than any list of the fixture holds; reaching it fails the export rather than cut it short. */
    private static final int ALL = 100_000;

    /** Carries the probed counters out of the unit that is rolled back to give them back. */
    private static final class Probe extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String counters;

        Probe(String counters) {
            super(null, null, false, false);
            this.counters = counters;
        }
    }

    private StoreExport() {
    }

    static String of(PolicyHub hub) {
        StringBuilder out = new StringBuilder();
        hub.storage().read(session -> {
            for (Versioned<Organization> org : all(session.nodes().organizations(0, ALL))) {
                out.append(org).append('\n');
                node(session, org.value().key(), "  ", out);
                all(session.customConstraints().list(org.value().id(), "", ALL))
                        .forEach(c -> out.append("  ").append(c).append('\n'));
            }
            for (String org : all(session.pulumiOrgs().list("", ALL))) {
                pulumi(session, org, out);
            }
            return null;
        });
        out.append(counters(hub));
        return out.toString();
    }

    private static void node(StoreSession session, NodeKey key, String indent, StringBuilder out) {
        all(session.tags().bindings(key, 0, ALL)).forEach(b -> out.append(indent).append(b).append('\n'));
        all(session.policies().list(key, "", ALL)).forEach(p -> out.append(indent).append(p).append('\n'));
        if (key.type() != NodeType.FOLDER) {
            for (var tagKey : all(session.tags().keys(key, 0, ALL))) {
                out.append(indent).append(tagKey).append('\n');
                all(session.tags().values(tagKey.value().id(), 0, ALL))
                        .forEach(v -> out.append(indent).append("  ").append(v).append('\n'));
            }
        }
        if (key.type() == NodeType.PROJECT) {
            return;
        }
        for (var folder : all(session.nodes().folders(key, NodeStore.ChildCursor.START, ALL, true))) {
            out.append(indent).append(folder).append('\n');
            node(session, folder.value().key(), indent + "  ", out);
        }
        for (var project : all(session.nodes().projects(key, NodeStore.ChildCursor.START, ALL, true))) {
            out.append(indent).append(project).append('\n');
            node(session, project.value().key(), indent + "  ", out);
        }
    }

    private static void pulumi(StoreSession session, String org, StringBuilder out) {
        out.append("pulumi ").append(org).append('\n');
        all(session.stacks().list(org, null, ALL)).forEach(s -> out.append("  ").append(s).append('\n'));
        all(session.accounts().list(org, "", ALL)).forEach(a -> out.append("  ").append(a).append('\n'));
        all(session.policyPacks().ledgers(org, "", ALL)).forEach(l -> out.append("  ").append(l).append('\n'));
        for (String pack : all(session.policyPacks().names(org, "", ALL))) {
            for (Versioned<PolicyPackVersion> version : session.policyPacks().versions(org, pack)) {
                out.append("  ").append(version).append(" archive ")
                        .append(session.policyPacks().archive(org, pack, version.value().version())
                                .map(StoreExport::sha256).orElse("none")).append('\n');
            }
        }
        session.policyGroups().list(org).forEach(g -> out.append("  ").append(g).append('\n'));
    }

    // both counters move on every call, so they are read in a write unit that is then rolled back
    private static String counters(PolicyHub hub) {
        try {
            hub.storage().write(session -> {
                throw new Probe("sequence " + session.sequences().nextSequenceValue() + ", stamp "
                        + session.sequences().stampMicros(Long.MIN_VALUE) + "\n");
            });
        } catch (Probe probe) {
            return probe.counters;
        }
        throw new IllegalStateException("the probe unit always throws");
    }

    private static <T> List<T> all(List<T> rows) {
        if (rows.size() >= ALL) {
            throw new IllegalStateException("more rows than the export reads: " + rows.size());
        }
        return rows;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
