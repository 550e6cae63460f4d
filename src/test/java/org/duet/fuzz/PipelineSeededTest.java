package org.duet.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The deterministic fuzzing run of {@code mvn verify}: a fixed number of inputs from a seeded random source
 * ({@code -Dduet.fuzz.seed}, {@code -Dduet.fuzz.runs}; {@code -Dduet.fuzz.seconds} caps the time) through the whole
 * pipeline. A new finding fails the test and is written as a regression input. With {@code -Dduet.fuzz.keepGoing=true}
 * (the long run of {@code bench/fuzz.sh}) every finding is written and the test fails at the end if there was any.
 */
class PipelineSeededTest {
    @Test
    void seededInputsRunThroughThePipelineWithoutFindings() {
        long seed = Long.getLong("duet.fuzz.seed", 1L);
        long runs = Long.getLong("duet.fuzz.runs", 1200L);
        long seconds = Long.getLong("duet.fuzz.seconds", 50L);
        boolean keepGoing = Boolean.getBoolean("duet.fuzz.keepGoing");
        long every = Long.getLong("duet.fuzz.reportEvery", 0L);
        try (Harness h = new Harness("PipelineSeededTest", keepGoing)) {
            h.warmUp();
            long ms = h.runSeeded(seed, runs, seconds, every);
            System.err.println(h.summary(ms));
            System.err.println(h.slow());
            assertThat(h.found)
                    .as("new findings (written to %s)", Regressions.dir())
                    .isEmpty();
            // the run is not vacuous: inputs get through every stage
            assertThat(h.reached.getOrDefault("rendered", 0L)
                            + h.reached.getOrDefault("zones", 0L)
                            + h.reached.getOrDefault("dragged", 0L)
                            + h.reached.getOrDefault("related", 0L))
                    .as("inputs that rendered")
                    .isGreaterThan(h.inputs / 10);
            assertThat(h.reached.getOrDefault("dragged", 0L))
                    .as("inputs dragged")
                    .isGreaterThan(h.inputs / 50);
            assertThat(h.reached.getOrDefault("related", 0L))
                    .as("inputs related")
                    .isGreaterThan(0L);
        }
    }
}
