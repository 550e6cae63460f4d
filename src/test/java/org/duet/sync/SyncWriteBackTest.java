package org.duet.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duet.sync.SyncTesting.drag;
import static org.duet.sync.SyncTesting.dragText;

import org.duet.eval.Interpreter;
import org.duet.lang.Program;
import org.duet.svg.Renderer;
import org.junit.jupiter.api.Test;

/** Writing solutions back (interaction.md §4.5): only numerals change, frozen never, numbers short. */
class SyncWriteBackTest {
    static String boxes(int n) {
        StringBuilder idx = new StringBuilder();
        for (int i = 0; i < n; i++) idx.append(i == 0 ? "" : " ").append(i);
        return "(def [x0 sep] [40 110])\n(svg (map (\\i (rect 'red' (+ x0 (mult i sep)) 10 20 20)) [" + idx + "]))";
    }

    static double x(String program, int shape) {
        return Renderer.render("t", program)
                .canvas
                .elements()
                .get(shape)
                .attr("x")
                .number();
    }

    @Test
    void integerLiteralsMovedByWholePixelsStayIntegers() {
        assertThat(dragText(boxes(4), 3, "Interior", 6, 0)).contains("[40 112]");
        assertThat(dragText(boxes(4), 1, "Interior", -7, 0)).contains("[40 103]");
    }

    @Test
    void fractionalSolutionsGetTheFewestDigitsThatKeepEveryAttributeWithinAHundredth() {
        assertThat(dragText(boxes(5), 4, "Interior", 1, 0)).contains("[40 110.25]");
        // 7/3 per box: box 4 moves by 3·Δsep, so Δsep must be within 0.01/3 of 2.3333…
        String p = dragText(boxes(4), 3, "Interior", 7, 0);
        assertThat(p).contains("[40 112.33]");
        assertThat(Math.abs(x(p, 3) - (40 + 330 + 7))).isLessThanOrEqualTo(0.01);
        // a literal that many shapes multiply needs more digits
        String q = dragText(
                "(def k 2)\n(svg [(rect 'red' (* k 1000!) 0! 1! 1!) (rect 'red' (* k 7!) 0! 1! 1!)])",
                0,
                "Interior",
                1,
                0);
        assertThat(q).startsWith("(def k 2.001)");
        String r = dragText("(def k 2)\n(svg [(rect 'red' (* k 3000!) 0! 1! 1!)])", 0, "Interior", 1, 0);
        assertThat(r).startsWith("(def k 2.000333)"); // 2.00033 would put x 0.01 off
        assertThat(Math.abs(x(r, 0) - 6001)).isLessThanOrEqualTo(0.01);
    }

    @Test
    void neverExponentForm() {
        String p = "(def k 0.0000001)\n(svg [(rect 'red' (* k 100000000!) 0! 1! 1!)])";
        String q = dragText(p, 0, "Interior", 7, 0);
        assertThat(q).startsWith("(def k 0.00000017)").doesNotContain("e-");
        String tiny =
                dragText("(def k 0.5)\n(svg [(rect 'red' (* k 1000000!) 0! 1! 1!)])", 0, "Interior", -499999.9, 0);
        assertThat(tiny).startsWith("(def k 0.0000001)");
    }

    @Test
    void onlyNumeralsChangeLayoutCommentsAndAnnotationsStay() {
        String p =
                "; a comment 10\r\n(def [x y] [10? 20])   ; x and y\r\n\r\n(svg [(rect 'red' x y 30 40{0-100})])\r\n";
        DragResult r = drag(p, 0, "Interior", 7, -5);
        assertThat(r.newText)
                .isEqualTo(
                        "; a comment 10\r\n(def [x y] [17? 15])   ; x and y\r\n\r\n(svg [(rect 'red' x y 30 40{0-100})])\r\n");
        Program old = Interpreter.parse("a", p), neu = Interpreter.parse("b", r.newText);
        SyncAssertions.onlyNumeralsDiffer(old, neu, "layout");
        assertThat(r.changedLocs).containsOnlyKeys(1, 2);
    }

    @Test
    void negativeResultsAreWrittenSoTheyStillParse() {
        assertThat(dragText("(svg [(rect 'red' 3 20 30 40)])", 0, "Interior", -10, 0))
                .isEqualTo("(svg [(rect 'red' -7 20 30 40)])");
        assertThat(dragText("(svg [(rect 'red' [3][0] 20 30 40)])".replace("[3][0]", "3"), 0, "Interior", -3.5, 0))
                .isEqualTo("(svg [(rect 'red' -0.5 20 30 40)])");
    }

    @Test
    void frozenLiteralsNeverChange() {
        String p = "(def a 5)\n(svg [(rect 'red' (+ 10! a) (* 2! a) 30 40)])";
        DragResult r = drag(p, 0, "Interior", 7, 0);
        assertThat(r.newText).isEqualTo("(def a 12)\n(svg [(rect 'red' (+ 10! a) (* 2! a) 30 40)])");
        // y shares a with x: x got it first, y (asked to stay at 10) reports the conflict
        assertThat(r.elements.get(1).status).isEqualTo(DragResult.Status.CONFLICT);
    }

    @Test
    void sharedLocationsReportAConflict() {
        // a square: width and height are the same literal
        DragResult r = drag("(svg [(square 'red' 10 20 30)])", 0, "BotRight", 7, 4);
        assertThat(r.newText).isEqualTo("(svg [(square 'red' 10 20 37)])");
        assertThat(r.elements.get(0).status).isEqualTo(DragResult.Status.SOLVED);
        assertThat(r.elements.get(1).status).isEqualTo(DragResult.Status.CONFLICT);
        assertThat(r.elements.get(1).reason).contains("loc_3").contains("width");
        assertThat(r.unsolved()).hasSize(1);
        assertThat(r.solvedAny()).isTrue();
        assertThat(r.exact()).isFalse();
    }

    @Test
    void unsolvableElementsKeepTheirValueAndSayWhy() {
        // x does not really depend on a: (a + 10) − a
        DragResult r = drag("(def a 5)\n(svg [(rect 'red' (- (+ a 10!) a) a 30 40)])", 0, "Interior", 7, -3);
        assertThat(r.elements.get(0).status).isEqualTo(DragResult.Status.NO_SOLUTION);
        assertThat(r.elements.get(0).reason).contains("no value of a");
        assertThat(r.elements.get(1).status).isEqualTo(DragResult.Status.SOLVED);
        assertThat(r.newText).startsWith("(def a 2)");
    }

    @Test
    void substitutesLetAPointInPolarFormFollowTheMouse() {
        // both coordinates depend on r, the least popular literal; y falls back on the angle
        String p = "(def [cx cy] [100 100])\n(def [r a] [50 0.5])\n"
                + "(svg [(circle 'red' (+ cx (* r (cos a))) (+ cy (* r (sin a))) 5!) (circle 'red' cx cy 3!)])";
        DragResult d = drag(p, 0, "Interior", 7, -5);
        assertThat(d.exact()).isTrue();
        Renderer.Result after = Renderer.render("t", d.newText);
        Renderer.Result before = Renderer.render("t", p);
        double x0 = before.canvas.elements().get(0).attr("cx").number(),
                y0 = before.canvas.elements().get(0).attr("cy").number();
        assertThat(after.canvas.elements().get(0).attr("cx").number() - x0)
                .isCloseTo(7, org.assertj.core.api.Assertions.within(0.01));
        assertThat(after.canvas.elements().get(0).attr("cy").number() - y0)
                .isCloseTo(-5, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void dragsAreDeterministicAndTheTableIsReused() {
        String p = boxes(3);
        DragResult a = Sync.drag(p, 2, "TopLeft", 7, -5, Heuristics.BIASED);
        DragResult b = Sync.drag(p, 2, "TopLeft", 7, -5, Heuristics.BIASED);
        assertThat(a.newText).isEqualTo(b.newText);
        assertThat(Sync.table(p, Heuristics.BIASED)).isSameAs(Sync.table(p, Heuristics.BIASED));
        assertThat(Sync.drag(Sync.table(Renderer.render("x", p), Heuristics.BIASED), 2, "TopLeft", 7, -5).newText)
                .isEqualTo(a.newText);
        assertThat(Sync.drag(p, 2, "TopLeft", 0, 0, Heuristics.BIASED).newText).isEqualTo(p);
    }

    @Test
    void unknownAndInactiveZonesAreErrors() {
        String p = "(svg [(rect 'red' 1! 2! 3! 4!) ['g' [] []]])";
        assertThatThrownBy(() -> Sync.drag(p, 0, "Interior", 1, 1, Heuristics.BIASED))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("inactive");
        assertThatThrownBy(() -> Sync.drag(p, 0, "Middle", 1, 1, Heuristics.BIASED))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("no zone Middle")
                .hasMessageContaining("TopLeft");
        assertThatThrownBy(() -> Sync.drag(p, 1, "Interior", 1, 1, Heuristics.BIASED))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("has no zones");
        assertThatThrownBy(() -> Sync.drag(p, 7, "Interior", 1, 1, Heuristics.BIASED))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("no shape 7");
        assertThatThrownBy(() -> Sync.drag(p, Sync.WIDGETS, "IntSlider1", 1, 1, Heuristics.BIASED))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("no slider");
    }
}
