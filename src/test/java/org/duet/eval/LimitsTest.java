package org.duet.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.TimeUnit;
import org.duet.lang.DuetException;
import org.duet.svg.Renderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
        assertThat(Renderer.render("ok.little", "(svg [(rect 'red' (len (range 1 10)) 2 3 4)])")
                        .canvas
                        .toSvg(true))
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
        DuetException e = stop(
                "(defrec spin (\\x (spin x))) (svg (map (\\i (spin i)) [1 2]))", Limits.DEFAULT.withMaxSteps(50_000));
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
                .canvas
                .toSvg(true);
        assertThat(svg).contains("x='50000'");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void preludeRecursionOverLongListsWorks() {
        String svg = Renderer.render("range.little", "(svg [(rect 'red' (len (range 0 20000)) 0 1 1)])")
                .canvas
                .toSvg(true);
        assertThat(svg).contains("x='20001'");
        String sum = Renderer.render(
                        "sum.little", "(svg [(rect 'red' (foldl plus 0 (map (\\x (* x 2)) (range 1 10000))) 0 1 1)])")
                .canvas
                .toSvg(true);
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
        DuetException small =
                stop("(svg (map (\\i (rect 'red' i 0 1 1)) (range 1 50)))", Limits.DEFAULT.withMaxShapes(20));
        assertThat(small.bareMessage()).contains("20");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void manyShapesSharingOneLongStringStopAtTheDrawingTextLimit() {
        // one string of a million characters (within the string limit), shown by 300 texts: 300 million characters
        // to print, which the shape limit and the string limit each allow
        String program = "(defrec dbl (\\(s n) (if (= n 0) s (dbl (+ s s) (- n 1)))))\n(def s (dbl 'ab' 19))\n"
                + "(svg (map (\\i ['text' [['x' i] ['y' 20]] [['TEXT' s]]]) (range 1 300)))";
        DuetException e = stop(program, Limits.DEFAULT);
        assertThat(e.bareMessage())
                .contains("characters of text")
                .contains(String.valueOf(Limits.DEFAULT.maxDrawingChars));
        // attribute values count too
        DuetException small =
                stop("(svg (map (\\i (rect 'red' i 0 1 1)) (range 1 50)))", Limits.DEFAULT.withMaxDrawingChars(1000));
        assertThat(small.bareMessage()).contains("1000");
        // and a drawing within the limit renders
        assertThat(Renderer.render(
                                "ok.little",
                                "(svg (map (\\i (rect 'red' i 0 1 1)) (range 1 50)))",
                                Limits.DEFAULT.withMaxDrawingChars(10_000),
                                Renderer.Frame.FIRST)
                        .canvas
                        .elements())
                .hasSize(50);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void comparingLongStringsOverAndOverStopsAtTheStepLimit() {
        // two equal strings of four million characters, compared 90 000 times: each comparison reads them, so it
        // is charged by their length (one step for each comparison would let this run for minutes)
        String program = "(defrec dbl (\\(s n) (if (= n 0) s (dbl (+ s s) (- n 1)))))\n"
                + "(def a (dbl 'ab' 21))\n(def b (dbl 'ab' 21))\n"
                + "(def n (len (map (\\i (len (map (\\j (= a b)) (range 1 300)))) (range 1 300))))\n"
                + "(svg [(rect 'red' n 0 1 1)])";
        DuetException e = stop(program, Limits.DEFAULT);
        assertThat(e.bareMessage()).contains("steps");
        // a few comparisons are fine
        assertThat(Renderer.render("eq.little", program.replace("300", "3"))
                        .canvas
                        .toSvg(false))
                .contains("x='3'");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void stringDoublingStopsAtTheStringLengthLimit() {
        DuetException e = stop("(defrec dbl (\\s (dbl (+ s s)))) (dbl 'ab')", Limits.DEFAULT);
        assertThat(e.bareMessage()).contains("string").contains(String.valueOf(Limits.DEFAULT.maxStringLength));
        DuetException small =
                stop("(defrec dbl (\\s (dbl (+ s s)))) (dbl 'ab')", Limits.DEFAULT.withMaxStringLength(1000));
        assertThat(small.bareMessage()).contains("1000");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void toStringOfAHugeValueStopsAtTheStringLengthLimit() {
        DuetException e = stop("(toString (range 1 5000))", Limits.DEFAULT.withMaxStringLength(1000));
        assertThat(e.bareMessage()).contains("1000");
    }

    // ------------------------------------------------------------------ strings are limited while they are built

    /** t n is a tree of depth n whose two branches are one shared value: 2^n leaves, n distinct lists. */
    static final String TREE = "(defrec t (\\n (if (= n 0) 1 (let s (t (- n 1)) [s s]))))\n";
    /** nest n is n lists, each the only element of the next: [[[…[]…]]]. */
    static final String NEST = "(defrec nest (\\n (if (= n 0) [] [(nest (- n 1))])))\n";
    /** What one stopped run may allocate at most: the old toString of (t 26) allocated over 1 GB. */
    static final long ALLOCATION_BOUND = 128L << 20;

    /** A stop, and the bytes the evaluating thread allocated to reach it. */
    static final class Measured {
        final DuetException error;
        final long allocated;

        Measured(DuetException error, long allocated) {
            this.error = error;
            this.allocated = allocated;
        }
    }

    /** Runs stop(program, limits) on an evaluation thread and counts what that thread allocated meanwhile. */
    static Measured stopMeasured(String program, Limits limits) throws Exception {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        assertThat(mx.isThreadAllocatedMemorySupported())
                .as("per-thread allocation counting")
                .isTrue();
        mx.setThreadAllocatedMemoryEnabled(true);
        java.util.concurrent.CompletableFuture<Measured> f = new java.util.concurrent.CompletableFuture<>();
        Runner.EXECUTOR.execute(() -> {
            try {
                long before = mx.getCurrentThreadAllocatedBytes();
                DuetException e = stop(program, limits);
                f.complete(new Measured(e, mx.getCurrentThreadAllocatedBytes() - before));
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Error) throw (Error) e.getCause();
            throw (Exception) e.getCause();
        }
    }

    /** The string-length stop, placed at the expression that made the string (given by its text). */
    static void assertStringStop(DuetException e, String program, String at, int limit) {
        assertThat(e).isInstanceOf(Evaluator.Stopped.class);
        assertThat(e.bareMessage()).isEqualTo("evaluation stopped: a string longer than " + limit + " characters");
        assertThat(e.hasPosition()).as("the stop has a position").isTrue();
        assertThat(e.offset()).isEqualTo(program.indexOf(at));
        assertThat(e.line()).isEqualTo(program.substring(0, program.indexOf(at)).split("\n", -1).length);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void toStringOfASharedTreeOfDepth26StopsWhileBuilding() throws Exception {
        String program = TREE + "(toString (t 26))";
        Measured m = stopMeasured(program, Limits.DEFAULT);
        assertStringStop(m.error, program, "(toString", Limits.DEFAULT.maxStringLength);
        assertThat(m.error.line()).isEqualTo(2);
        assertThat(m.error.column()).isEqualTo(1);
        assertThat(m.allocated).as("bytes allocated to reach the limit").isLessThan(ALLOCATION_BOUND);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void toStringOfASharedTreeOfDepth60StopsWhileBuilding() throws Exception {
        String program = TREE + "(def x (t 60))\n(def s (+ 'x = ' (toString x)))\ns";
        Measured m = stopMeasured(program, Limits.DEFAULT);
        assertStringStop(m.error, program, "(toString", Limits.DEFAULT.maxStringLength);
        assertThat(m.allocated).as("bytes allocated to reach the limit").isLessThan(ALLOCATION_BOUND);
        // a small limit stops sooner, at the same place
        Measured small = stopMeasured(program, Limits.DEFAULT.withMaxStringLength(1000));
        assertStringStop(small.error, program, "(toString", 1000);
        assertThat(small.allocated).isLessThan(8L << 20);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void stringDoublingInALoopStopsAtTheJoin() throws Exception {
        String program = "(defrec dbl (\\s (dbl\n   (+ s s))))\n(dbl 'ab')";
        Measured m = stopMeasured(program, Limits.DEFAULT);
        assertStringStop(m.error, program, "(+ s s)", Limits.DEFAULT.maxStringLength);
        assertThat(m.error.line()).isEqualTo(2);
        assertThat(m.error.column()).isEqualTo(4);
        assertThat(m.allocated).isLessThan(ALLOCATION_BOUND);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aStringBuiltInThePreludeStopsAtTheCallInTheProgram() {
        // joinStrings (a prelude function) joins with +: the stop is placed at the program's call
        String program = TREE + "(joinStrings ' ' [(toString (t 8)) (toString (t 8))])";
        DuetException e = stop(program, Limits.DEFAULT.withMaxStringLength(1200));
        assertThat(e).isInstanceOf(Evaluator.Stopped.class);
        assertThat(e.bareMessage())
                .startsWith("evaluation stopped: a string longer than 1200 characters")
                .contains("joinStrings");
        assertThat(e.offset()).isEqualTo(program.indexOf("(joinStrings"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void toStringOfADeeplyNestedListStopsWhileBuilding() throws Exception {
        String program = NEST + "(toString (nest 20000))";
        Measured m = stopMeasured(program, Limits.DEFAULT.withMaxStringLength(1000));
        assertStringStop(m.error, program, "(toString", 1000);
        assertThat(m.allocated).isLessThan(ALLOCATION_BOUND);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void debugOfASharedTreeStopsWhileBuilding() throws Exception {
        String program = TREE + "(svg [(rect 'red' 1 2 3 (len (debug (t 60))))])";
        Measured m = stopMeasured(program, Limits.DEFAULT);
        assertStringStop(m.error, program, "(debug", Limits.DEFAULT.maxStringLength);
        assertThat(m.allocated).isLessThan(ALLOCATION_BOUND);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void manyDebugLinesStopWhenTheirTotalPassesTheLimit() {
        // every line is short, but the log keeps them all: together they are limited like one string
        String program = "(defrec loop (\\n (let _ (debug 'abcdefghij') (loop (+ n 1)))))\n(loop 0)";
        DuetException e = stop(program, Limits.DEFAULT.withMaxStringLength(1000));
        assertThat(e).isInstanceOf(Evaluator.Stopped.class);
        assertThat(e.bareMessage())
                .isEqualTo(
                        "evaluation stopped: the debug output (all its lines together) is longer than 1000 characters");
        assertThat(e.offset()).isEqualTo(program.indexOf("(debug"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aDictionaryKeyOfASharedTreeStopsWhileBuilding() throws Exception {
        String program = TREE + "(get 1 (insert (t 60) 1 (empty)))";
        Measured m = stopMeasured(program, Limits.DEFAULT);
        assertThat(m.error).isInstanceOf(Evaluator.Stopped.class);
        assertThat(m.error.bareMessage())
                .isEqualTo("evaluation stopped: a dictionary key longer than "
                        + Limits.DEFAULT.maxStringLength
                        + " characters (a key is written out as text, see the language "
                        + "reference)");
        assertThat(m.error.offset()).isEqualTo(program.indexOf("(insert"));
        assertThat(m.allocated).isLessThan(ALLOCATION_BOUND);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aDictionaryKeyOfADeeplyNestedListStopsWhileBuilding() throws Exception {
        // no sharing: the quotes of each level are escaped again by the next, so the key text doubles per level
        String program = NEST + "(get (nest 40) (empty))";
        Measured m = stopMeasured(program, Limits.DEFAULT);
        assertThat(m.error).isInstanceOf(Evaluator.Stopped.class);
        assertThat(m.error.bareMessage())
                .startsWith("evaluation stopped: a dictionary key longer than " + Limits.DEFAULT.maxStringLength
                        + " characters");
        assertThat(m.error.offset()).isEqualTo(program.indexOf("(get"));
        assertThat(m.allocated).isLessThan(ALLOCATION_BOUND);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anErrorMessageAboutAHugeValueStaysShort() throws Exception {
        // the message shows the dictionary briefly: its display is never built whole
        String program = TREE + "((insert 1 (t 60) (empty)) 3)";
        Measured m = stopMeasured(program, Limits.DEFAULT);
        assertThat(m.error).isNotInstanceOf(Evaluator.Stopped.class);
        assertThat(m.error.bareMessage())
                .startsWith("not a function: <dict (\"1\",\"num\"):[[[[")
                .contains("…");
        assertThat(m.error.bareMessage().length()).isLessThan(300);
        assertThat(m.allocated).isLessThan(ALLOCATION_BOUND);
    }

    /** The display of (t depth), built in Java. */
    static String tree(int depth) {
        return depth == 0 ? "1" : "[" + tree(depth - 1) + " " + tree(depth - 1) + "]";
    }

    /** An Elm/JS string literal (only \\ and " occur in the keys below). */
    static String literal(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** How the key (t depth) is displayed: (ELM(text),ELM(tag)), as in the language reference. */
    static String treeKey(int depth) {
        if (depth == 0) return "(" + literal("1") + "," + literal("num") + ")";
        return "(" + literal("[" + treeKey(depth - 1) + "," + treeKey(depth - 1) + "]") + "," + literal("list") + ")";
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void sharedValuesWithinTheLimitAreDisplayedWhole() {
        // a shared list's display is copied from where it was first written: the copy must be the same text
        Value v = Interpreter.run(
                        Interpreter.parse(
                                "shared.little",
                                TREE
                                        + "(let s (t 7) (toString [s [s 'x' (t 7)] (t 8) s [[s]] (insert (t 4) s (empty))]))"),
                        Limits.DEFAULT)
                .value;
        String s = tree(7);
        assertThat(v).isInstanceOf(Value.Str.class);
        assertThat(((Value.Str) v).v)
                .isEqualTo("[" + s + " [" + s + " 'x' " + s + "] " + tree(8) + " " + s + " [[" + s + "]] <dict "
                        + treeKey(4) + ":" + s + ">]");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void stringsWithinTheLimitAreWhole() {
        // the limit is on the length: a display of exactly the limit is returned whole
        String program = TREE + "(svg [(text 0 0 (toString (t 3)))])";
        String display = "[[[1 1] [1 1]] [[1 1] [1 1]]]";
        String svg = Renderer.render(
                        "ok.little",
                        program,
                        Limits.DEFAULT.withMaxStringLength(display.length()),
                        Renderer.Frame.FIRST)
                .canvas
                .toSvg(true);
        assertThat(svg).contains("\n    " + display + "\n");
        DuetException e = stop(program, Limits.DEFAULT.withMaxStringLength(display.length() - 1));
        assertStringStop(e, program, "(toString", display.length() - 1);
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
