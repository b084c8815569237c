package dev.policyhub.bench;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.orgpolicy.Constraint;
import dev.policyhub.core.orgpolicy.ConstraintDefault;
import dev.policyhub.storage.memory.MemoryStorage;
import dev.policyhub.storage.sqlite.SqliteStorage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Opens the hubs the benchmarks measure: the memory store or a SQLite file in a scratch directory. */
final class Hubs {
    /** Boolean constraints registered on every hub, so that many policies fit on few resources. */
    static final int FLAGS = 100;

    private Hubs() {
    }

    /** The id of the {@code i}-th extra boolean constraint. */
    static String flag(int i) {
        return "bench.flag" + i;
    }

    /** A hub over {@code store} ({@code memory} or {@code sqlite}; the SQLite file goes into {@code dir}). */
    static PolicyHub open(String store, Path dir) {
        PolicyHub.Builder builder = PolicyHub.builder();
        for (int i = 0; i < FLAGS; i++) {
            builder.constraint(Constraint.bool(flag(i), ConstraintDefault.ALLOW));
        }
        switch (store) {
            case "memory":
                return builder.storage(new MemoryStorage()).build();
            case "sqlite":
                return builder.storage(SqliteStorage.open(dir.resolve("policyhub.db"))).build();
            default:
                throw new IllegalArgumentException("unknown store " + store + "; use memory or sqlite");
        }
    }

    /** A new scratch directory. */
    static Path scratch() {
        try {
            return Files.createTempDirectory("policyhub-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a scratch directory and everything in it. */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
