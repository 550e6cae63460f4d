package org.duet.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;

/**
 * The coverage-guided fuzz test (Jazzer). Without {@code JAZZER_FUZZ} it replays its inputs folder
 * ({@code src/test/resources/org/duet/fuzz/PipelineFuzzTestInputs/pipeline/}) as a regression test; with
 * {@code JAZZER_FUZZ=1} (the {@code fuzz} execution of {@code mvn verify}, and {@code bench/fuzz.sh}) libFuzzer
 * mutates the bytes that drive the structure-aware {@link Mutator} and the {@link Plan} for the time given.
 * Kept in its own class: Jazzer's agent costs seconds of start-up per fuzz test class.
 */
class PipelineFuzzTest {
    private static Harness harness;
    private static long started;

    @FuzzTest(maxDuration = "20s")
    void pipeline(FuzzedDataProvider data) {
        if (harness == null) {
            harness = new Harness("PipelineFuzzTest", Boolean.getBoolean("duet.fuzz.keepGoing"));
            harness.warmUp();
            started = System.currentTimeMillis();
        }
        harness.one(new JazzerChoices(data), "jazzer");
        long every = Long.getLong("duet.fuzz.reportEvery", 0L);
        if (every > 0 && harness.inputs % every == 0)
            System.err.println(harness.summary(System.currentTimeMillis() - started));
    }

    @AfterAll static void summary() {
        if (harness == null) return;
        System.err.println(harness.summary(System.currentTimeMillis() - started));
        harness.close();
        if (!harness.found.isEmpty())
            throw new AssertionError("new findings (written to " + Regressions.dir() + "): " + harness.found.keySet());
    }
}
