package dev.policyhub.bench;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs every benchmark once in smoke mode: it must run and yield figures; their values are not judged here. */
@DisplayName("Benchmarks in smoke mode")
class BenchSmokeIT {

    @DisplayName("each benchmark runs once on tiny data and produces figures")
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"P1", "P2", "P3", "P4", "P5", "P6", "P7"})
    void runs(String id) throws Exception {
        List<Figure> figures = Launcher.run(id, Mode.SMOKE);
        figures.forEach(System.out::println);
        assertFalse(figures.isEmpty(), "no figures");
        assertTrue(figures.stream().allMatch(f -> f.id().equals(id) && !Double.isNaN(f.value())), figures::toString);
    }
}
