package org.duet.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duet.svg.Renderer;
import org.duet.sync.Heuristics;
import org.duet.sync.ShapeZones;
import org.duet.sync.Sync;
import org.duet.sync.SyncTable;
import org.duet.sync.Zone;
import org.junit.jupiter.api.Test;

/** The relate tools on small programs of our own. */
class RelateTest {
    static final Relate.Options OPTS = new Relate.Options(5, 5_000);

    static RelateResult run(String text, String tool, String refs) {
        RelateResult r = Relate.run(text, tool, refs, OPTS);
        for (Candidate c : r.candidates()) {
            // every candidate parses and renders, and differs from the input
            Renderer.render("candidate", c.program());
            assertThat(c.program()).isNotEqualTo(text);
            assertThat(c.description()).isNotBlank().doesNotContain("⟨");
        }
        for (int i = 0; i < r.candidates().size(); i++)
            assertThat(r.candidates().get(i).rank()).isEqualTo(i + 1);
        return r;
    }

    static String top(String text, String tool, String refs) {
        RelateResult r = run(text, tool, refs);
        assertThat(r.candidates()).as(r.message()).isNotEmpty();
        return r.candidates().get(0).program();
    }

    static double value(String program, String ref) {
        return FeatureCatalog.resolve(Renderer.render("t", program), FeatureCatalog.parseRef(ref)).value;
    }

    static Map<String, FeatureInfo> box(String program, int shape) {
        return FeatureCatalog.box(Renderer.render("t", program), shape);
    }

    /** Every listed shape has an active drag zone in the program. */
    static void assertDraggable(String program, int... shapes) {
        SyncTable t = Sync.table(program, Heuristics.BIASED);
        for (int s : shapes) {
            ShapeZones z = t.shape(s);
            assertThat(z).as("zones of shape " + s).isNotNull();
            assertThat(z.zones.stream().anyMatch(Zone::active))
                    .as("an active zone of shape " + s)
                    .isTrue();
        }
    }

    // ------------------------------------------------------------------------------------------------ make equal

    static final String TWO_RECTS = "(svg [\n  (rect 'maroon' 49 106 124 86)\n  (rect 'blue' 214 91 125 102)\n])\n";

    @Test
    void aSliderValueIsAFeature() {
        String p =
                "(def size 30{5-60})\n(def [x y w] [50 60 80])\n(svg [(rect 'red' x y w 40) (circle 'blue' 200 100 size)])\n";
        RelateResult r = run(p, "make-equal", "slider1,0.rectWidth");
        assertThat(r.candidates()).isNotEmpty();
        Candidate c = r.candidates().get(0);
        assertThat(c.description()).isEqualTo("make 0.rectWidth equal slider1 by removing w");
        assertThat(c.program())
                .isEqualTo("(def size 30{5-60})\n(def [x y w] [50 60 size])\n"
                        + "(svg [(rect 'red' x y w 40) (circle 'blue' 200 100 size)])\n");
        assertThat(value(c.program(), "0.rectWidth")).isEqualTo(value(c.program(), "slider1"));
        assertThatThrownBy(() -> run(p, "make-equal", "slider2,0.rectWidth"))
                .hasMessageContaining("no slider2")
                .hasMessageContaining("its sliders: slider1");
    }

    @Test
    void makeEqualTwoUnnamedCornersSharesTwoNewVariables() {
        // interaction.md §8.4, first example
        assertThat(top(TWO_RECTS, "make-equal", "0.rectTLX,0.rectTLY,1.rectTLX,1.rectTLY"))
                .isEqualTo(
                        "(def x 49)\n(def y 106)\n(svg [\n  (rect 'maroon' x y 124 86)\n  (rect 'blue' x y 125 102)\n])\n");
    }

    @Test
    void makeEqualRightEdgeToLeftRewritesTheOtherLiteral() {
        // interaction.md §8.4, second example: 214 becomes (+ x0 w)
        String p = "(def [x0 w] [50 100])\n(svg [\n  (rect 'maroon' x0 106 w 86)\n  (rect 'blue' 214 91 125 102)\n])\n";
        RelateResult r = run(p, "make-equal", "0.rectCRX,1.rectTLX");
        assertThat(r.candidates().get(0).program())
                .isEqualTo(
                        "(def [x0 w] [50 100])\n(svg [\n  (rect 'maroon' x0 106 w 86)\n  (rect 'blue' (+ x0 w) 91 125 102)\n])\n");
        assertThat(r.candidates().get(0).description()).isEqualTo("make 1.rectTLX equal 0.rectCRX by removing 214");
        // the other ways (removing w or x0, or a shared new variable) are offered too, ranked after it
        assertThat(r.candidates()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(r.candidates().stream().map(Candidate::description).toList())
                .anyMatch(d -> d.endsWith("by removing w"))
                .anyMatch(d -> d.endsWith("by removing x0"));
        for (Candidate c : r.candidates()) {
            assertThat(value(c.program(), "0.rectCRX"))
                    .isCloseTo(value(c.program(), "1.rectTLX"), org.assertj.core.data.Offset.offset(0.01));
            assertDraggable(c.program(), 0, 1);
        }
    }

    @Test
    void aRenderedProgramGivesTheSameCandidates() {
        Renderer.Result r = Renderer.render("t", TWO_RECTS);
        RelateResult a = Relate.run(r, "align-left", FeatureCatalog.parseRefs("0,1"), OPTS);
        RelateResult b = Relate.run(TWO_RECTS, "align-left", "0,1", OPTS);
        assertThat(a.candidates()).isEqualTo(b.candidates()).isNotEmpty();
    }

    @Test
    void makeEqualRankedLikeVersion06() {
        // interaction.md §8.5: rect1's top-right point = rect2's top-left point; the best removes x2 and y2
        String p = "(def [x1 y1 w1 h1] [50 100 80 60])\n(def [x2 y2 w2 h2] [200 80 100 90])\n"
                + "(svg [(rect 'red' x1 y1 w1 h1) (rect 'blue' x2 y2 w2 h2)])\n";
        RelateResult r = run(p, "make-equal", "0.rectTRX,0.rectTRY,1.rectTLX,1.rectTLY");
        assertThat(r.candidates().get(0).program())
                .isEqualTo(
                        "(def [x1 y1 w1 h1] [50 100 80 60])\n"
                                + "(def [x2 y2 w2 h2] [(+ x1 w1) y1 100 90])\n(svg [(rect 'red' x1 y1 w1 h1) (rect 'blue' x2 y2 w2 h2)])\n");
        assertThat(r.candidates().get(0).description())
                .isEqualTo(
                        "make 1.rectTLX equal 0.rectTRX by removing x2; make 1.rectTLY equal 0.rectTRY by removing y2");
        for (Candidate c : r.candidates()) {
            String q = c.program();
            assertThat(value(q, "0.rectTRX")).isEqualTo(value(q, "1.rectTLX"));
            assertThat(value(q, "0.rectTRY")).isEqualTo(value(q, "1.rectTLY"));
        }
        // dragging rect 0 now carries rect 1's corner with it
        String dragged = Sync.drag(r.candidates().get(0).program(), 0, "Interior", 10, 5, Heuristics.BIASED).newText;
        assertThat(value(dragged, "1.rectTLX"))
                .isEqualTo(value(dragged, "0.rectTRX"))
                .isEqualTo(140);
    }

    @Test
    void makeEqualOfThreeWidthsAndCircleRadius() {
        String p = "(svg [(rect 'red' 10 10 50 30) (rect 'red' 10 60 70 30) (circle 'blue' 200 50 25)])";
        String q = top(p, "make-equal", "0.rectWidth,1.rectWidth,2.circleR");
        assertThat(value(q, "0.rectWidth")).isEqualTo(value(q, "1.rectWidth")).isEqualTo(value(q, "2.circleR"));
        assertDraggable(q, 0, 1, 2);
    }

    @Test
    void makeEqualWithFrozenLiteralsHasNoSolution() {
        String p = "(svg [(rect 'red' 10! 10 50 30) (rect 'red' 40! 60 70 30)])";
        RelateResult r = run(p, "make-equal", "0.rectTLX,1.rectTLX");
        assertThat(r.candidates()).isEmpty();
        assertThat(r.timedOut()).isFalse();
        assertThat(r.message()).startsWith("no solution:");
    }

    @Test
    void makeEqualOfIdenticalFeaturesHasNothingToDo() {
        String p = "(def x0 10)\n(svg [(rect 'red' x0 10 50 30) (rect 'red' x0 60 70 30)])";
        RelateResult r = run(p, "make-equal", "0.rectTLX,1.rectTLX");
        assertThat(r.candidates()).isEmpty();
        assertThat(r.message()).startsWith("nothing to do");
    }

    @Test
    void questionMarkLiteralsArePreferred() {
        String p = "(svg [(rect 'red' 10 10 50 30) (rect 'red' 40? 60 70 30)])";
        RelateResult r = run(p, "make-equal", "0.rectTLX,1.rectTLX");
        for (Candidate c : r.candidates()) assertThat(c.description()).contains("removing 40");
    }

    @Test
    void layoutIsKeptCommentsCrLfAndOptions() {
        String p =
                "; two boxes\r\n\r\n(def x0 10)\r\n\r\n; the drawing\r\n(svg [(rect 'red' x0 10 50 30)\r\n      (rect 'blue' 90 10 40 30)])\r\n";
        assertThat(top(p, "align-top", "0,1"))
                .isEqualTo("; two boxes\r\n\r\n(def x0 10)\r\n\r\n(def y 10)\r\n; the drawing\r\n"
                        + "(svg [(rect 'red' x0 y 50 30)\r\n      (rect 'blue' 90 y 40 30)])\r\n");
        // a header comment stays first
        String q = "; header\n(svg [(rect 'red' 10 10 50 30) (rect 'blue' 90 20 40 30)])\n";
        assertThat(top(q, "align-top", "0,1")).startsWith("; header\n(def y 10)\n(svg [");
        // under n!, only the '?' literals may change
        String f = "# unannotated-numbers: n!\n(svg [(rect 'red' 10 10 50 30) (rect 'blue' 90 20? 40 30)])\n";
        for (Candidate c : run(f, "align-top", "0,1").candidates())
            assertThat(c.description()).endsWith("by removing 20");
    }

    // ------------------------------------------------------------------------------------------------ dig hole

    @Test
    void digHoleNamesTheLiteralsOfTheFeatures() {
        String p = "(svg [\n  (rect 'red' 10 20 50 30)\n])\n";
        RelateResult r = run(p, "dig-hole", "0.rectCRX");
        assertThat(r.candidates().get(0).program())
                .isEqualTo("(def x 10)\n(def w 50)\n(svg [\n  (rect 'red' x 20 w 30)\n])\n");
        assertThat(r.candidates().get(0).description()).isEqualTo("dig a hole: name 10 as x and 50 as w");
        assertThat(r.candidates()).hasSize(3);
        String named = "(def [x0 w] [10 50])\n(svg [(rect 'red' x0 20 w 30)])";
        RelateResult none = run(named, "dig-hole", "0.rectCRX");
        assertThat(none.candidates()).isEmpty();
        assertThat(none.message())
                .isEqualTo("nothing to do: every literal of these features already has a name (x0 and w)");
    }

    // ------------------------------------------------------------------------------------------------ relate

    @Test
    void relateSynthesisesExpressionsNearTheCurrentValue() {
        String p = "(def [x1 y1 w1 h1] [50 100 80 60])\n(def [x2 y2 w2 h2] [200 80 100 90])\n"
                + "(svg [(rect 'red' x1 y1 w1 h1) (rect 'blue' x2 y2 w2 h2)])\n";
        RelateResult r = Relate.run(p, "relate", "0.rectTRX,1.rectTLX", new Relate.Options(50, 5_000));
        List<String> ds = r.candidates().stream().map(Candidate::description).toList();
        assertThat(ds).contains("x2 = (+ w1 120)", "x2 = (+ x1 150)");
        Candidate c = r.candidates().get(ds.indexOf("x2 = (+ w1 120)"));
        assertThat(c.program())
                .isEqualTo("(def [x1 y1 w1 h1] [50 100 80 60])\n(def [x2 y2 w2 h2] [(+ w1 120) 80 100 90])\n"
                        + "(svg [(rect 'red' x1 y1 w1 h1) (rect 'blue' x2 y2 w2 h2)])\n");
        for (Candidate k : r.candidates()) {
            double v = value(k.program(), "1.rectTLX");
            assertThat(Math.abs(v - 200)).isLessThan(40);
        }
    }

    @Test
    void relateTimeLimitSaysSo() {
        // thousands of templates to try: more than 1 ms of work
        String p = "(def [a b c d e f g h i j] [50 100 80 60 70 20 30 40 45 55])\n"
                + "(svg [(rect 'red' (+ (+ (+ a b) (+ c d)) e) 1 10 10) (rect 'blue' (+ (+ (+ f g) (+ h i)) j) 2 100 90)])\n";
        RelateResult r = Relate.run(p, "relate", "0.rectTLX,1.rectTLX", new Relate.Options(5, 1));
        assertThat(r.timedOut()).isTrue();
        assertThat(r.message()).contains("time limit of 1 ms");
    }

    @Test
    void indexedRelateMakesAnArithmeticSequence() {
        // interaction.md §8.5: three circles 60 apart
        String p = "(svg [\n  (circle 'red' 50 100 20)\n  (circle 'red' 110 100 20)\n  (circle 'red' 173 100 20)\n])\n";
        RelateResult r = run(p, "indexed-relate", "0.circleCX,1.circleCX,2.circleCX");
        List<String> programs = r.candidates().stream().map(Candidate::program).toList();
        assertThat(programs)
                .contains("(def sep 61.5)\n(def x 50)\n(svg [\n  (circle 'red' x 100 20)\n"
                        + "  (circle 'red' (+ x sep) 100 20)\n  (circle 'red' (+ x (* 2! sep)) 100 20)\n])\n");
        for (String q : programs) {
            double a = value(q, "0.circleCX"), b = value(q, "1.circleCX"), c = value(q, "2.circleCX");
            assertThat(c - b).isCloseTo(b - a, org.assertj.core.data.Offset.offset(1e-9));
            assertDraggable(q, 0, 1, 2);
        }
        // not evenly spaced: no solution
        RelateResult none = run(
                "(svg [(circle 'red' 50 100 20) (circle 'red' 60 100 20) (circle 'red' 300 100 20)])",
                "indexed-relate",
                "0.circleCX,1.circleCX,2.circleCX");
        assertThat(none.candidates()).isEmpty();
        assertThat(none.message()).startsWith("no solution");
    }

    // ------------------------------------------------------------------------------------------------ align,
    // distribute

    static final String MIXED = "(svg [\n  (rect 'red' 10 10 50 30)\n  (circle 'green' 60 80 15)\n"
            + "  (ellipse 'blue' 45 140 30 10)\n  (line 'black' 2 20 180 70 200)\n])\n";

    @Test
    void alignLeftWithANewVariable() {
        String p =
                "(svg [\n  (rect 'red' 10 10 50 30)\n  (rect 'green' 25 60 40 30)\n  (rect 'blue' 18 130 60 30)\n])\n";
        RelateResult r = run(p, "align-left", "0,1,2");
        assertThat(r.candidates().get(0).program())
                .isEqualTo(
                        "(def x 18)\n(svg [\n  (rect 'red' x 10 50 30)\n  (rect 'green' x 60 40 30)\n  (rect 'blue' x 130 60 30)\n])\n");
        assertThat(r.candidates().get(0).description())
                .isEqualTo("align left: rect0, rect1, rect2 to rect2 by removing 10 and 25");
        assertThat(r.candidates().stream().map(Candidate::program).toList())
                .contains(
                        "(def left 10)\n(svg [\n  (rect 'red' left 10 50 30)\n  (rect 'green' left 60 40 30)\n  (rect 'blue' left 130 60 30)\n])\n");
    }

    @Test
    void everyAlignmentOfMixedShapes() {
        String[][] tools = {
            {"align-left", "left"},
            {"align-center", "centerX"},
            {"align-right", "right"},
            {"align-top", "top"},
            {"align-middle", "centerY"},
            {"align-bottom", "bottom"}
        };
        for (String[] t : tools) {
            RelateResult r = run(MIXED, t[0], "0,1,2,3");
            assertThat(r.candidates()).as(t[0] + ": " + r.message()).isNotEmpty();
            for (Candidate c : r.candidates()) {
                double v0 = box(c.program(), 0).get(t[1]).value;
                for (int s = 1; s < 4; s++)
                    assertThat(box(c.program(), s).get(t[1]).value)
                            .as(t[0] + " shape " + s + " in\n" + c.program())
                            .isCloseTo(v0, org.assertj.core.data.Offset.offset(0.01));
                assertDraggable(c.program(), 0, 1, 2, 3);
            }
        }
    }

    @Test
    void distributeEvenlySpacesShapes() {
        String p = "(def [x0 w0] [10 40])\n(svg [\n  (rect 'red' x0 10 w0 30)\n  (rect 'green' 90 10 20 30)\n"
                + "  (rect 'blue' 130 10 30 30)\n  (rect 'gray' 250 10 30 30)\n])\n";
        RelateResult r = run(p, "distribute-h", "3,1,0,2");
        assertThat(r.candidates()).isNotEmpty();
        for (Candidate c : r.candidates()) {
            double[] gaps = new double[3];
            for (int i = 0; i < 3; i++)
                gaps[i] = box(c.program(), i + 1).get("left").value
                        - box(c.program(), i).get("right").value;
            assertThat(gaps[1]).isCloseTo(gaps[0], org.assertj.core.data.Offset.offset(0.01));
            assertThat(gaps[2]).isCloseTo(gaps[0], org.assertj.core.data.Offset.offset(0.01));
            assertDraggable(c.program(), 0, 1, 2, 3);
        }
        List<String> ds = r.candidates().stream().map(Candidate::description).toList();
        assertThat(ds).anyMatch(d -> d.contains("a new variable gap = "));
        // with the shared gap, the first and last shapes stay where they were
        Candidate shared = r.candidates()
                .get(ds.indexOf(ds.stream()
                        .filter(d -> d.contains("new variable gap"))
                        .findFirst()
                        .get()));
        assertThat(box(shared.program(), 0).get("left").value).isEqualTo(10);
        assertThat(box(shared.program(), 3).get("right").value)
                .isCloseTo(280, org.assertj.core.data.Offset.offset(0.01));
        assertThatThrownBy(() -> Relate.run(p, "distribute-h", "0,1", OPTS)).hasMessageContaining("at least 3 shapes");
    }

    @Test
    void distributeVertically() {
        RelateResult r = run(MIXED, "distribute-v", "0,1,2,3");
        assertThat(r.candidates()).as(r.message()).isNotEmpty();
        for (Candidate c : r.candidates()) {
            List<double[]> spans = new ArrayList<>();
            for (int s = 0; s < 4; s++)
                spans.add(new double[] {
                    box(c.program(), s).get("top").value, box(c.program(), s).get("bottom").value
                });
            spans.sort((a, b) -> Double.compare(a[0], b[0]));
            double g = spans.get(1)[0] - spans.get(0)[1];
            for (int i = 1; i < 3; i++)
                assertThat(spans.get(i + 1)[0] - spans.get(i)[1])
                        .isCloseTo(g, org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @Test
    void equalSizes() {
        String p = "(svg [(rect 'red' 10 10 50 30) (rect 'green' 100 10 40 35) (ellipse 'blue' 200 50 30 20)])";
        for (String tool : new String[] {"equal-width", "equal-height", "equal-size"}) {
            RelateResult r = run(p, tool, "0,1,2");
            assertThat(r.candidates()).as(tool).isNotEmpty();
            for (Candidate c : r.candidates()) {
                for (String k : tool.equals("equal-size")
                        ? new String[] {"width", "height"}
                        : new String[] {tool.substring(6)}) {
                    double v = box(c.program(), 0).get(k).value;
                    assertThat(box(c.program(), 1).get(k).value)
                            .isCloseTo(v, org.assertj.core.data.Offset.offset(0.01));
                    assertThat(box(c.program(), 2).get(k).value)
                            .isCloseTo(v, org.assertj.core.data.Offset.offset(0.01));
                }
            }
        }
        String top = top(p, "equal-width", "0.rectWidth,1.rectWidth");
        assertThat(value(top, "0.rectWidth")).isEqualTo(value(top, "1.rectWidth"));
    }

    @Test
    void keepSpacingMakesTheSecondShapeFollowTheFirst() {
        String p = "(def [x0 y0] [10 10])\n(svg [\n  (rect 'red' x0 y0 50 30)\n  (rect 'blue' 100 20 40 30)\n])\n";
        RelateResult r = run(p, "keep-spacing", "0,1");
        String q = r.candidates().get(0).program();
        assertThat(q)
                .isEqualTo("(def [x0 y0] [10 10])\n(def spacing 40)\n(def w 50)\n(svg [\n  (rect 'red' x0 y0 w 30)\n"
                        + "  (rect 'blue' (+ (+ x0 w) spacing) 20 40 30)\n])\n");
        assertThat(r.candidates().get(0).description())
                .isEqualTo("keep the spacing rect0–rect1 at a new variable spacing = 40 by removing 100");
        String dragged = Sync.drag(q, 0, "Interior", 25, 0, Heuristics.BIASED).newText;
        assertThat(box(dragged, 1).get("left").value - box(dragged, 0).get("right").value)
                .isEqualTo(40);
        assertThat(box(dragged, 1).get("left").value).isEqualTo(125);
        // two pairs: the second spacing becomes the first
        String four =
                "(svg [(rect 'red' 10 10 20 20) (rect 'red' 50 10 20 20) (rect 'blue' 10 100 20 20) (rect 'blue' 80 100 20 20)])";
        for (Candidate c : run(four, "keep-spacing", "0,1,2,3").candidates())
            assertThat(box(c.program(), 3).get("left").value
                            - box(c.program(), 2).get("right").value)
                    .isCloseTo(
                            box(c.program(), 1).get("left").value
                                    - box(c.program(), 0).get("right").value,
                            org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void insideClampsOrMovesThePoint() {
        String p =
                "(def [bx by bw bh] [10 10 200 100])\n(svg [\n  (rect 'gray' bx by bw bh)\n  (circle 'red' 250 40 5)\n])\n";
        RelateResult r = run(p, "inside", "1.circleCX,1.circleCY,0");
        List<String> programs = r.candidates().stream().map(Candidate::program).toList();
        assertThat(programs)
                .contains("(def [bx by bw bh] [10 10 200 100])\n(svg [\n  (rect 'gray' bx by bw bh)\n"
                        + "  (circle 'red' (clamp bx (+ bx bw) 250) 40 5)\n])\n");
        assertThat(programs)
                .contains("(def [bx by bw bh] [10 10 200 100])\n(svg [\n  (rect 'gray' bx by bw bh)\n"
                        + "  (circle 'red' 210 40 5)\n])\n");
        for (String q : programs) {
            double cx = value(q, "1.circleCX"), cy = value(q, "1.circleCY");
            assertThat(cx).isBetween(10.0, 210.0);
            assertThat(cy).isBetween(10.0, 110.0);
        }
        // the clamp keeps it inside when the box is made narrower
        String clamped = programs.get(
                programs.indexOf("(def [bx by bw bh] [10 10 200 100])\n(svg [\n  (rect 'gray' bx by bw bh)\n"
                        + "  (circle 'red' (clamp bx (+ bx bw) 250) 40 5)\n])\n"));
        String narrower = clamped.replace("[10 10 200 100]", "[10 10 120 100]");
        assertThat(value(narrower, "1.circleCX")).isEqualTo(130);
        // a frozen point outside: no solution, said in words
        RelateResult frozen = run(p.replace("250 40 5", "250! 40! 5"), "inside", "1.circleCX,1.circleCY,0");
        assertThat(frozen.candidates()).isEmpty();
        assertThat(frozen.message()).startsWith("no solution:");
        // a whole shape: its centre
        for (Candidate c : run(p, "inside", "1,0").candidates())
            assertThat(value(c.program(), "1.circleCX")).isBetween(10.0, 210.0);
    }

    // ------------------------------------------------------------------------------------------------ errors

    @Test
    void clearErrors() {
        assertThatThrownBy(() -> Relate.run(TWO_RECTS, "make-equal", "0.rectFoo,1.rectTLX", OPTS))
                .isInstanceOf(RelateException.class)
                .hasMessageStartingWith("shape 0 (rect) has no feature rectFoo (its features: rectTLX, rectTLY,");
        assertThatThrownBy(() -> Relate.run(TWO_RECTS, "make-equal", "0.rectTLX,7.rectTLX", OPTS))
                .hasMessage("there is no shape 7: the drawing has 2 elements (numbered from 0)");
        assertThatThrownBy(() -> Relate.run(TWO_RECTS, "merge", "0,1", OPTS))
                .hasMessageStartingWith("unknown tool 'merge' (tools: dig-hole,");
        assertThatThrownBy(() -> Relate.run(TWO_RECTS, "make-equal", "a.rectTLX", OPTS))
                .hasMessageContaining("bad feature reference 'a.rectTLX'");
        assertThatThrownBy(() -> Relate.run(TWO_RECTS, "make-equal", "0", OPTS)).hasMessageContaining("takes features");
        assertThatThrownBy(() -> Relate.run(TWO_RECTS, "align-left", "0.rectTLX,1", OPTS))
                .isInstanceOf(RelateException.class);
        assertThatThrownBy(
                        () -> Relate.run("(svg [(text 10 20 'a') (rect 'red' 1 2 3 4)])", "equal-width", "0,1", OPTS))
                .isInstanceOf(RelateException.class)
                .hasMessage("shape 0 (text) has no width");
        assertThatThrownBy(() -> Relate.run("(svg [(rect 'red' 1 2", "align-left", "0,1", OPTS))
                .isInstanceOf(org.duet.lang.DuetException.class);
    }

    // ------------------------------------------------------------------------------------------------ descriptions

    @Test
    void candidatesTellApartLiteralsOfTheSameNameByTheirDefinition() {
        // three rectangles as the drawing tool writes them: each has its own x, y, w and h
        String p = "";
        String text = "(blobs [\n])\n";
        for (int i = 0; i < 3; i++)
            text = org.duet.edit.Draw.draw(
                            text,
                            org.duet.edit.Tool.RECT,
                            org.duet.edit.Gesture.drag(10 + 100 * i, 10 + 7 * i, 60 + 100 * i, 80 + 11 * i)
                                    .withColor(100))
                    .text();
        p = text;
        RelateResult r = run(p, "make-equal", "0.rectHeight,1.rectHeight,2.rectHeight");
        assertThat(r.candidates()).as(r.message()).isNotEmpty();
        for (Candidate c : r.candidates()) {
            assertThat(c.description()).doesNotContain("h, h").doesNotContain("h and h");
        }
        assertThat(r.candidates().stream().map(Candidate::description)).anyMatch(d -> d.matches(".*rect[123]'s h.*"));
        assertThat(Ctx.topLevelDefinition(p, p.indexOf("(blobs"))).isNull();
    }
}
