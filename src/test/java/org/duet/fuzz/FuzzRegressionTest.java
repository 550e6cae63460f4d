package org.duet.fuzz;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every regression input the fuzzer ever wrote ({@code src/test/resources/fuzz/regressions/*.fuzz}) through
 * the guarded pipeline on every build. An input must now pass; one marked {@code disabled: reason} (a problem routed
 * to another part of the work) is reported as skipped with its reason while it still fails the same way, and fails
 * the build as soon as it passes, so that its mark is removed.
 */
class FuzzRegressionTest {
    @TestFactory
    List<DynamicTest> everyRegressionInputPasses() {
        List<DynamicTest> out = new ArrayList<>();
        String only = System.getProperty("duet.fuzz.only", ""); // replay only the files whose name contains this
        for (Regressions.Input in : Regressions.all()) {
            if (!in.file().getFileName().toString().contains(only)) continue;
            out.add(DynamicTest.dynamicTest(in.file().getFileName().toString(), () -> replay(in)));
        }
        return out;
    }

    private static void replay(Regressions.Input in) {
        Pipeline.Finding finding = null;
        try (Guard g = new Guard()) {
            g.run(in.program(), in.plan());
        } catch (Pipeline.Finding f) {
            finding = f;
        }
        if (in.disabled() == null) {
            if (finding != null) throw new AssertionError(in.file() + " fails again: " + finding.signature, finding);
            return;
        }
        if (finding == null)
            throw new AssertionError(in.file() + " passes now: remove its 'disabled:' line (" + in.disabled() + ")");
        if (!sameProblem(finding.signature, in.signature()))
            throw new AssertionError(
                    in.file() + " fails differently: " + finding.signature + " (recorded: " + in.signature() + ")",
                    finding);
        Assumptions.abort(in.disabled() + ": " + finding.signature);
    }

    /**
     * The same signature; or, for running out of a resource, the same stage: a runaway input times out or runs out
     * of memory depending on the heap, and the sampled frame of a time-out depends on where it was taken.
     */
    static boolean sameProblem(String a, String b) {
        return resource(a).equals(resource(b));
    }

    static String resource(String signature) {
        if (signature.startsWith("timeout:"))
            return "resource:" + signature.substring(8).replaceAll("@.*", "");
        int oom = signature.indexOf(":java.lang.OutOfMemoryError");
        if (oom >= 0) return "resource:" + signature.substring(0, oom);
        return signature;
    }
}
