package org.duet.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;

/**
 * The coverage-guided fuzz test (Jazzer), run by {@code bench/fuzz.sh --engine jazzer}. Without {@code JAZZER_FUZZ}
 * it replays its inputs folder ({@code src/test/resources/org/duet/fuzz/PipelineFuzzTestInputs/pipeline/}); with
 * {@code JAZZER_FUZZ=1} libFuzzer mutates the bytes that drive the structure-aware {@link Mutator} and the
 * {@link Plan} for the time given. Kept in its own class, out of {@code mvn verify}: Jazzer's agent takes a minute
 * or more to start and instrument here.
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

    @AfterAll
    static void summary() {
        if (harness == null) return;
        System.err.println(harness.summary(System.currentTimeMillis() - started));
        harness.close();
        if (!harness.found.isEmpty())
            throw new AssertionError("new findings (written to " + Regressions.dir() + "): " + harness.found.keySet());
    }
}
