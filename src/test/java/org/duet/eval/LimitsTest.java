package org.duet.eval;

import org.duet.lang.DuetException;
import org.duet.svg.Renderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Runaway programs stop with a clear error (steps, depth, drawing size, string length) — never a
 * StackOverflowError or OutOfMemoryError — and the JVM keeps working: after each stop a normal program renders.
 */
class LimitsTest {
    static final String LOOP = "(defrec loop (\\x (loop x))) (loop 1)";
    static final String COUNT = "(defrec count (\\n (if (= n 0) 0 (+ 1 (count (- n 1))))))\n";

    static DuetException stop(String program, Limits limits) {
        Throwable t = catchThrowable(() -> Renderer.render("limits.little", program, limits, Renderer.Frame.FIRST));
        assertThat(t).as("%s must stop with a DuetException", program).isInstanceOf(DuetException.class);
        return (DuetException) t;
    }

    /** After every test: the process survived and still renders an ordinary program. */
    @AfterEach
    void aNormalProgramStillRenders() {
        assertThat(Renderer.render("ok.little", "(svg [(rect 'red' (len (range 1 10)) 2 3 4)])").canvas.toSvg(true))
                .isEqualTo("<svg xmlns='http://www.w3.org/2000/svg'>\n"
                        + "  <rect x='10' y='2' width='3' height='4' fill='red'></rect>\n"
                        + "</svg>");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRunawayLoopStopsAfterTheStepBudget() {
        DuetException e = stop(LOOP, Limits.DEFAULT.withMaxSteps(10_000));
        assertThat(e).isInstanceOf(Evaluator.Stopped.class);
        assertThat(e.bareMessage()).contains("evaluation stopped after 10000 steps");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRunawayLoopStopsAtTheDefaultBudgetOfTenMillionSteps() {
        long t0 = System.nanoTime();
        DuetException e = stop(LOOP, Limits.DEFAULT);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(Limits.DEFAULT.maxSteps).isEqualTo(10_000_000L);
        assertThat(e.bareMessage()).contains("evaluation stopped after 10000000 steps");
        assertThat(ms).as("milliseconds to reach the budget").isLessThan(30_000);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aLoopInsideAPreludeCallbackAlsoStops() {
        DuetException e = stop("(defrec spin (\\x (spin x))) (svg (map (\\i (spin i)) [1 2]))",
                Limits.DEFAULT.withMaxSteps(50_000));
        assertThat(e.bareMessage()).contains("evaluation stopped after 50000 steps");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void deepNonTailRecursionGivesADepthError() {
        DuetException e = stop(COUNT + "(svg [(rect 'red' (count 1000000) 0 1 1)])", Limits.DEFAULT);
        assertThat(e).isInstanceOf(Evaluator.Stopped.class);
        assertThat(e.bareMessage()).containsIgnoringCase("recursion").containsIgnoringCase("deep");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aSmallDepthLimitIsRespected() {
        DuetException e = stop(COUNT + "(svg [(rect 'red' (count 5000) 0 1 1)])", Limits.DEFAULT.withMaxDepth(1000));
        assertThat(e.bareMessage()).contains("1000");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void recursionFiftyThousandDeepWorks() {
        String svg = Renderer.render("deep.little", COUNT + "(svg [(rect 'red' (count 50000) 0 1 1)])")
                .canvas.toSvg(true);
        assertThat(svg).contains("x='50000'");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void preludeRecursionOverLongListsWorks() {
        String svg = Renderer.render("range.little", "(svg [(rect 'red' (len (range 0 20000)) 0 1 1)])")
                .canvas.toSvg(true);
        assertThat(svg).contains("x='20001'");
        String sum = Renderer.render("sum.little",
                "(svg [(rect 'red' (foldl plus 0 (map (\\x (* x 2)) (range 1 10000))) 0 1 1)])").canvas.toSvg(true);
        assertThat(sum).contains("x='100010000'");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aThousandShapesRender() {
        Renderer.Result r = Renderer.render("many.little", "(svg (map (\\i (rect 'red' i 0 1 1)) (range 1 1000)))");
        assertThat(r.canvas.elements()).hasSize(1000);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hugeOutputStopsAtTheShapeLimit() {
        // 400 groups sharing one row of 500 rectangles: 200 400 elements, cheap to compute
        String program = "(def row (map (\\i (rect 'red' i 0 1 1)) (range 1 500)))\n"
                + "(svg (map (\\j ['g' [] row]) (range 1 400)))";
        DuetException e = stop(program, Limits.DEFAULT);
        assertThat(e.bareMessage()).contains("shapes").contains(String.valueOf(Limits.DEFAULT.maxShapes));
        DuetException small = stop("(svg (map (\\i (rect 'red' i 0 1 1)) (range 1 50)))",
                Limits.DEFAULT.withMaxShapes(20));
        assertThat(small.bareMessage()).contains("20");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void stringDoublingStopsAtTheStringLengthLimit() {
        DuetException e = stop("(defrec dbl (\\s (dbl (+ s s)))) (dbl 'ab')", Limits.DEFAULT);
        assertThat(e.bareMessage()).contains("string").contains(String.valueOf(Limits.DEFAULT.maxStringLength));
        DuetException small = stop("(defrec dbl (\\s (dbl (+ s s)))) (dbl 'ab')",
                Limits.DEFAULT.withMaxStringLength(1000));
        assertThat(small.bareMessage()).contains("1000");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void toStringOfAHugeValueStopsAtTheStringLengthLimit() {
        DuetException e = stop("(toString (range 1 5000))", Limits.DEFAULT.withMaxStringLength(1000));
        assertThat(e.bareMessage()).contains("1000");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void repeatedStopsDoNotWearTheProcessDown() {
        for (int i = 0; i < 5; i++) {
            stop(LOOP, Limits.DEFAULT.withMaxSteps(100_000));
            stop(COUNT + "(count 1000000)", Limits.DEFAULT);
            stop("(".repeat(100_000), Limits.DEFAULT);
            aNormalProgramStillRenders();
        }
    }
}
