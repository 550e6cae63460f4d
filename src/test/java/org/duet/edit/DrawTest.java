package org.duet.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.duet.edit.Gesture.Click;
import org.duet.edit.Gesture.ClickKind;
import org.duet.lang.DuetException;
import org.duet.svg.Attr;
import org.duet.svg.Renderer;
import org.duet.svg.SvgElement;
import org.duet.sync.DragResult;
import org.duet.sync.Heuristics;
import org.duet.sync.ShapeZones;
import org.duet.sync.Sync;
import org.duet.sync.SyncTable;
import org.duet.sync.Zone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The drawing tools: exact inserted text, insertion into every kind of program, rendering, draggability. */
class DrawTest {
    static final String BLANK = "(blobs [\n])\n";

    /** A tool, a gesture (colour 100), the exact definition inserted, and what the new shape must render as. */
    record Case(
            String label,
            Tool tool,
            Gesture g,
            String kindName,
            String inserted,
            String shownKind,
            Map<String, String> attrs) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Gesture drag(int x1, int y1, int x2, int y2) {
        return Gesture.drag(x1, y1, x2, y2).withColor(100);
    }

    static Gesture clicks(String spec) {
        List<Click> out = new ArrayList<>();
        for (String p : spec.split(" ")) {
            ClickKind k = p.startsWith("Q:") ? ClickKind.Q : p.startsWith("C:") ? ClickKind.C : ClickKind.PLAIN;
            String[] xy = p.substring(k == ClickKind.PLAIN ? 0 : 2).split(",");
            out.add(new Click(Double.parseDouble(xy[0]), Double.parseDouble(xy[1]), k));
        }
        return Gesture.clicks(out).withColor(100);
    }

    static Map<String, String> attrs(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    static List<Case> cases() {
        return List.of(
                new Case(
                        "line",
                        Tool.LINE,
                        drag(10, 20, 110, 70),
                        "line",
                        """
                        (def line1
                          (let [x1 y1 x2 y2] [10 20 110 70]
                          (let [color width] [100 5]
                            [ (line color width x1 y1 x2 y2) ])))""",
                        "line",
                        attrs("x1", "10", "y1", "20", "x2", "110", "y2", "70", "stroke-width", "5")),
                new Case(
                        "line 45°",
                        Tool.LINE,
                        drag(10, 20, 110, 70).withShift(true),
                        "line",
                        """
                        (def line1
                          (let [x1 y1 x2 y2] [10 20 89 99]
                          (let [color width] [100 5]
                            [ (line color width x1 y1 x2 y2) ])))""",
                        "line",
                        attrs("x1", "10", "y1", "20", "x2", "89", "y2", "99")),
                new Case(
                        "line 0°",
                        Tool.LINE,
                        drag(10, 20, 110, 35).withShift(true),
                        "line",
                        """
                        (def line1
                          (let [x1 y1 x2 y2] [10 20 111 20]
                          (let [color width] [100 5]
                            [ (line color width x1 y1 x2 y2) ])))""",
                        "line",
                        attrs("x1", "10", "y1", "20", "x2", "111", "y2", "20")),
                new Case(
                        "rect",
                        Tool.RECT,
                        drag(110, 70, 10, 20),
                        "rect",
                        """
                        (def rect1
                          (let [x y w h] [10 20 100 50]
                          (let [fill stroke strokeWidth] [100 100 0]
                          (let rot 0
                            [ (rawRect fill stroke strokeWidth x y w h rot) ]))))""",
                        "rect",
                        attrs("x", "10", "y", "20", "width", "100", "height", "50", "fill", "rgba(103, 200, 55, 1)")),
                new Case(
                        "square",
                        Tool.RECT,
                        drag(10, 20, 110, 70).withShift(true),
                        "square",
                        """
                        (def square1
                          (let [x y side] [10 20 100]
                          (let [color rot] [100 0]
                            [ (rawRect color 360 0 x y side side rot) ])))""",
                        "rect",
                        attrs("x", "10", "y", "20", "width", "100", "height", "100")),
                new Case(
                        "rect bb",
                        Tool.RECT_BB,
                        drag(10, 20, 110, 70),
                        "rect",
                        """
                        (def rect1
                          (let bounds @ [left top right bot] [10 20 110 70]
                          (let color 100
                            [ (rectangle color 360 0 0 bounds) ])))""",
                        "rect",
                        attrs("x", "10", "y", "20", "width", "100", "height", "50")),
                new Case(
                        "square bb",
                        Tool.RECT_BB,
                        drag(110, 70, 10, 20).withShift(true),
                        "square",
                        """
                        (def square1
                          (let [left top side] [10 -30 100]
                          (let bounds [left top (+ left side) (+ top side)]
                          (let rot 0
                          (let [color strokeColor strokeWidth] [100 360 0]
                            [ (rectangle color strokeColor strokeWidth rot bounds) ])))))""",
                        "rect",
                        attrs("x", "10", "y", "-30", "width", "100", "height", "100")),
                new Case(
                        "ellipse",
                        Tool.ELLIPSE,
                        drag(10, 20, 111, 71),
                        "ellipse",
                        """
                        (def ellipse1
                          (let [cx cy rx ry] [60 45 50 25]
                          (let [color rot] [100 0]
                            [ (rawEllipse color 360 0 cx cy rx ry rot) ])))""",
                        "ellipse",
                        attrs("cx", "60", "cy", "45", "rx", "50", "ry", "25")),
                new Case(
                        "circle",
                        Tool.ELLIPSE,
                        drag(10, 20, 110, 70).withShift(true),
                        "circle",
                        """
                        (def circle1
                          (let [cx cy r] [60 70 50]
                          (let color 100
                            [ (rawCircle color 360 0 cx cy r) ])))""",
                        "circle",
                        attrs("cx", "60", "cy", "70", "r", "50")),
                new Case(
                        "ellipse bb",
                        Tool.ELLIPSE_BB,
                        drag(10, 20, 110, 70),
                        "ellipse",
                        """
                        (def ellipse1
                          (let bounds @ [left top right bot] [10 20 110 70]
                          (let [color strokeColor strokeWidth] [100 360 0]
                            [ (oval color strokeColor strokeWidth bounds) ])))""",
                        "ellipse",
                        attrs("cx", "60", "cy", "45", "rx", "50", "ry", "25")),
                new Case(
                        "circle bb",
                        Tool.ELLIPSE_BB,
                        drag(10, 20, 110, 70).withShift(true),
                        "circle",
                        """
                        (def circle1
                          (let [left top r] [10 20 50]
                          (let bounds [left top (+ left (* 2! r)) (+ top (* 2! r))]
                          (let [color strokeColor strokeWidth] [100 360 0]
                            [ (oval color strokeColor strokeWidth bounds) ]))))""",
                        "ellipse",
                        attrs("cx", "60", "cy", "70", "rx", "50", "ry", "50")),
                new Case(
                        "text",
                        Tool.TEXT,
                        drag(10, 20, 110, 70),
                        "text",
                        """
                        (def text1
                          (let [fontSize textVal] [50 'Text']
                            (simpleText 'Tahoma, sans-serif' 'black' fontSize 10 110 70 1.5 textVal)))""",
                        "text",
                        attrs("x", "60", "y", "70", "font-size", "50", "text-anchor", "middle")),
                new Case(
                        "polygon",
                        Tool.POLYGON,
                        clicks("10,10 50,10 30,40"),
                        "polygon",
                        """
                        (def polygon1
                          (let pts [[10 10] [50 10] [30 40]]
                          (let [color strokeColor strokeWidth] [100 360 2]
                            [ (rawPolygon color strokeColor strokeWidth pts 0) ])))""",
                        "polygon",
                        attrs("points", "10,10 50,10 30,40", "stroke-width", "2")),
                new Case(
                        "polygon bb",
                        Tool.POLYGON_BB,
                        clicks("10,10 50,14 40,40"),
                        "polygon",
                        """
                        (def polygon1
                          (let bounds @ [left top right bot] [10 10 50 40]
                          (let [color strokeColor strokeWidth] [100 360 2]
                          (let pcts [[0 0] [1 0.13333333333333333?] [0.75? 1]]
                            [ (stretchyPolygon bounds color strokeColor strokeWidth pcts) ]))))""",
                        "polygon",
                        attrs("points", "10,10 50,14 40,40")),
                new Case(
                        "path",
                        Tool.PATH,
                        clicks("130,362 230,372 210,462"),
                        "path",
                        """
                        (def path1
                          (let [strokeColor strokeWidth color] [100 5 100]
                          (let d ['M' 130 362 'L' 230 372 'L' 210 462]
                            [ (rawPath color strokeColor strokeWidth d 0) ])))""",
                        "path",
                        attrs("d", "M 130 362 L 230 372 L 210 462")),
                new Case(
                        "closed path",
                        Tool.PATH,
                        clicks("130,162 Q:180,112 230,162 C:250,212 280,222 330,162")
                                .withClosed(true),
                        "path",
                        """
                        (def path1
                          (let [strokeColor strokeWidth color] [100 5 100]
                          (let [x0 y0] [130 162]
                          (let d ['M' x0 y0 'Q' 180 112 230 162 'C' 250 212 280 222 330 162 'Z']
                            [ (rawPath color strokeColor strokeWidth d 0) ]))))""",
                        "path",
                        attrs("d", "M 130 162 Q 180 112 230 162 C 250 212 280 222 330 162 Z")),
                new Case(
                        "path closing on a curve",
                        Tool.PATH,
                        clicks("100,100 200,100 Q:150,200").withClosed(true),
                        "path",
                        """
                        (def path1
                          (let [strokeColor strokeWidth color] [100 5 100]
                          (let [x0 y0] [100 100]
                          (let d ['M' x0 y0 'L' 200 100 'Q' 150 200 x0 y0 'Z']
                            [ (rawPath color strokeColor strokeWidth d 0) ]))))""",
                        "path",
                        attrs("d", "M 100 100 L 200 100 Q 150 200 100 100 Z")),
                new Case(
                        "path bb",
                        Tool.PATH_BB,
                        clicks("100,100 Q:150,50 200,100 150,150").withClosed(true),
                        "path",
                        """
                        (def path1
                          (let bounds @ [left top right bot] [100 50 200 150]
                          (let [strokeColor strokeWidth color] [100 5 100]
                          (let [x0 y0] [0 0.5?]
                          (let dPcts ['M' x0 y0 'Q' 0.5? 0 1 0.5? 'L' 0.5? 1 'Z']
                            [ (stretchyPath bounds color strokeColor strokeWidth dPcts) ])))))""",
                        "path",
                        attrs("d", "M 100 100 Q 150 50 200 100 L 150 150 Z")),
                new Case(
                        "open path bb",
                        Tool.PATH_BB,
                        clicks("100,100 C:120,50 180,50 200,100"),
                        "path",
                        """
                        (def path1
                          (let bounds @ [left top right bot] [100 50 200 100]
                          (let [strokeColor strokeWidth color] [100 5 100]
                          (let dPcts ['M' 0 1 'C' 0.2? 0 0.8? 0 1 1]
                            [ (stretchyPath bounds color strokeColor strokeWidth dPcts) ]))))""",
                        "path",
                        attrs("d", "M 100 100 C 120 50 180 50 200 100")),
                new Case(
                        "lambda",
                        Tool.LAMBDA,
                        drag(10, 20, 110, 70),
                        null,
                        "(withBounds [10 20 110 70] star)",
                        "polygon",
                        attrs()),
                new Case(
                        "lambda square",
                        Tool.LAMBDA,
                        drag(110, 70, 10, 20).withShift(true),
                        null,
                        "(withBounds [10 -30 110 70] star)",
                        "polygon",
                        attrs()));
    }

    static Stream<Arguments> blankCases() {
        return cases().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blankCases")
    void exactTextOnBlank(Case c) {
        Draw.Result r = Draw.draw(BLANK, c.tool(), c.g());
        assertThat(r.inserted()).isEqualTo(c.inserted());
        if (c.kindName() == null) {
            assertThat(r.name()).isNull();
            assertThat(r.text()).isEqualTo("(blobs [\n  " + c.inserted() + "\n])\n");
        } else {
            assertThat(r.name()).isEqualTo(c.kindName() + "1");
            // no blank lines before the definition (Sketch-n-Sketch began the program with two)
            assertThat(r.text()).isEqualTo(c.inserted() + "\n\n(blobs [\n  " + r.name() + "\n])\n");
        }
        checkDrawn(BLANK, r, c);
    }

    /** Programs of every form the tools must handle. */
    static final Map<String, String> PROGRAMS = new LinkedHashMap<>();

    static {
        PROGRAMS.put("blank", BLANK);
        PROGRAMS.put("empty", "");
        PROGRAMS.put(
                "defs",
                "(def rect3 [(rect 'gray' 300 300 40 40)])\n\n(def size 20)\n\n(blobs [\n  rect3\n"
                        + "  [(circle 'red' 200 200 size)]\n])\n");
        PROGRAMS.put("concat", "(def a [(circle 'red' 200 200 20)])\n(svg (concat [a]))\n");
        PROGRAMS.put("svg", "(svg [(rect 'red' 300 300 50 50)])\n");
        PROGRAMS.put("addBlob", "(def c [(circle 'red' 5 5 5)])\n(addBlob c (svg [(rect 'red' 300 300 50 50)]))\n");
        PROGRAMS.put("comments", "; A drawing\n; with comments\n(blobs [\n  [(rect 'gray' 300 300 10 10)]\n])\n");
        PROGRAMS.put(
                "comments and defs",
                "; header\n\n; the size\n(def size 20) ; twenty\n\n; main\n(blobs [\n"
                        + "  [(circle 'red' 200 200 size)]\n])\n");
        PROGRAMS.put("crlf", "(def size 20)\r\n\r\n(blobs [\r\n  [(circle 'red' 200 200 size)]\r\n])\r\n");
        PROGRAMS.put(
                "frozen", "# unannotated-numbers: n!\n(def size 20)\n(blobs [\n  [(circle 'red' 200 200 size)]\n])\n");
    }

    static Stream<Arguments> programCases() {
        List<Arguments> out = new ArrayList<>();
        for (Map.Entry<String, String> p : PROGRAMS.entrySet())
            for (Case c : cases()) out.add(Arguments.of(p.getKey(), c));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("programCases")
    void everyToolOnEveryProgram(String program, Case c) {
        String before = PROGRAMS.get(program);
        Draw.Result r = Draw.draw(before, c.tool(), c.g());
        if (program.equals("frozen")) {
            // the program freezes unannotated numbers: the inserted coordinates are thawed so the shape can be dragged
            assertThat(r.inserted()).contains("?").isNotEqualTo(c.inserted());
        } else {
            assertThat(r.inserted())
                    .isEqualTo(
                            program.equals("defs") && c.kindName() != null
                                    ? c.inserted().replace(c.kindName() + "1", c.kindName() + "4")
                                    : c.inserted());
        }
        if (!before.isBlank())
            assertThat(isSubsequence(before, r.text()))
                    .as("every character kept")
                    .isTrue();
        if (program.equals("crlf")) assertThat(r.text().replace("\r\n", "")).doesNotContain("\n");
        checkDrawn(before, r, c);
    }

    /** The result renders with the new shape last, with the expected attributes, and the shape can be dragged. */
    static void checkDrawn(String before, Draw.Result r, Case c) {
        int old = before.isBlank()
                ? 0
                : Renderer.render("before", before).canvas.elements().size();
        Renderer.Result after = Renderer.render("after", r.text());
        List<SvgElement> added =
                after.canvas.elements().subList(old, after.canvas.elements().size());
        assertThat(added).as("new elements").isNotEmpty();
        SvgElement shown = null;
        for (SvgElement e : added)
            if (e.kind.equals(c.shownKind()) && !e.isGhost()) {
                shown = e;
                break;
            }
        assertThat(shown).as("a new " + c.shownKind()).isNotNull();
        for (Map.Entry<String, String> a : c.attrs().entrySet())
            assertThat(shown.attr(a.getKey()))
                    .as(a.getKey())
                    .isNotNull()
                    .extracting(x -> x.text)
                    .isEqualTo(a.getValue());
        if (c.tool() == Tool.LAMBDA) {
            double[] p = position(shown);
            assertThat(p[0]).isCloseTo(60, org.assertj.core.data.Offset.offset(1e-9)); // the star's top point
        }
        // draggable: some new element has an active Interior (or Edge) zone, and dragging it moves the shape
        SyncTable table = Sync.table(r.text(), Heuristics.BIASED);
        Zone zone = null;
        for (SvgElement e : added) {
            ShapeZones z = table.shape(e.index());
            if (z == null) continue;
            for (String name : List.of("Interior", "Edge")) {
                Zone found = z.zone(name);
                if (found != null && found.active()) {
                    zone = found;
                    break;
                }
            }
            if (zone != null) break;
        }
        assertThat(zone).as("an active Interior or Edge zone of the new shape").isNotNull();
        DragResult d = Sync.drag(table, zone, 10, 5);
        assertThat(d.newText).isNotEqualTo(r.text());
        Renderer.Result moved = Renderer.render("moved", d.newText);
        SvgElement again = moved.canvas.elements().get(shown.index());
        double[] p0 = position(shown), p1 = position(again);
        assertThat(p1[0] - p0[0]).as("moved right").isCloseTo(10, org.assertj.core.data.Offset.offset(1.0));
        assertThat(p1[1] - p0[1]).as("moved down").isCloseTo(5, org.assertj.core.data.Offset.offset(1.0));
    }

    /** A reference point of a rendered shape. */
    static double[] position(SvgElement e) {
        switch (e.kind) {
            case "rect", "text" -> {
                return new double[] {num(e, "x"), num(e, "y")};
            }
            case "circle", "ellipse" -> {
                return new double[] {num(e, "cx"), num(e, "cy")};
            }
            case "line" -> {
                return new double[] {num(e, "x1"), num(e, "y1")};
            }
            case "polygon" -> {
                String[] xy = e.attr("points").text.trim().split("[ ,]+");
                return new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
            }
            case "path" -> {
                String[] d = e.attr("d").text.trim().split("[ ,]+");
                return new double[] {Double.parseDouble(d[1]), Double.parseDouble(d[2])};
            }
            default -> throw new AssertionError("no position for " + e.kind);
        }
    }

    static double num(SvgElement e, String name) {
        Attr a = e.attr(name);
        return Double.parseDouble(a.text);
    }

    static boolean isSubsequence(String small, String big) {
        int i = 0;
        for (int j = 0; j < big.length() && i < small.length(); j++) if (big.charAt(j) == small.charAt(i)) i++;
        return i == small.length();
    }

    // ------------------------------------------------------------------------------------- insertion layouts

    static Draw.Result rect(String program) {
        return Draw.draw(program, Tool.RECT, drag(10, 20, 110, 70));
    }

    static final String RECT1 = """
            (def rect1
              (let [x y w h] [10 20 100 50]
              (let [fill stroke strokeWidth] [100 100 0]
              (let rot 0
                [ (rawRect fill stroke strokeWidth x y w h rot) ]))))""";

    @Test
    void afterTheLastDefinitionAndAppendedToTheBlobList() {
        String p =
                "(def size 20)\n\n(def sq [(rect 'gray' 1 1 size size)])\n\n(blobs [\n  sq\n  (withBounds [1 2 3 4] star)\n])\n";
        assertThat(rect(p).text())
                .isEqualTo("(def size 20)\n\n(def sq [(rect 'gray' 1 1 size size)])\n\n" + RECT1
                        + "\n\n(blobs [\n  sq\n  (withBounds [1 2 3 4] star)\n  rect1\n])\n");
    }

    @Test
    void aOneLineListStaysOnOneLine() {
        assertThat(rect("(def a [])\n(blobs [a])").text()).isEqualTo("(def a [])\n" + RECT1 + "\n(blobs [a rect1])");
        assertThat(rect("(blobs [])").text()).isEqualTo(RECT1 + "\n\n(blobs [rect1])");
        assertThat(rect("(def a [])\n\n(svg (concat [a]))").text())
                .isEqualTo("(def a [])\n\n" + RECT1 + "\n\n(svg (concat [a rect1]))");
    }

    @Test
    void theProgramsSpacingOfDefinitionsIsFollowed() {
        // definitions one per line, no blank lines: the new one too
        assertThat(rect("(def a [])\n(def b [])\n\n(blobs [a b])").text())
                .isEqualTo("(def a [])\n(def b [])\n" + RECT1 + "\n\n(blobs [a b rect1])");
        // separated by blank lines: the new one too
        assertThat(rect("(def a [])\n\n(def b [])\n(blobs [a b])").text())
                .isEqualTo("(def a [])\n\n(def b [])\n\n" + RECT1 + "\n(blobs [a b rect1])");
        // on one line: a blank line
        assertThat(rect("(def a []) (def b [])\n(blobs [a b])").text())
                .isEqualTo("(def a []) (def b [])\n\n" + RECT1 + "\n(blobs [a b rect1])");
    }

    @Test
    void definitionsGluedTogetherAreSeparated() {
        assertThat(rect("(def a [])(blobs [a])").text()).isEqualTo("(def a [])\n\n" + RECT1 + "\n\n(blobs [a rect1])");
    }

    @Test
    void anIndentedListKeepsItsIndentation() {
        String p = "(def a [])\n(blobs\n    [ a\n      a ])";
        assertThat(rect(p).text()).isEqualTo("(def a [])\n" + RECT1 + "\n(blobs\n    [ a\n      a\n      rect1 ])");
    }

    @Test
    void leadingCommentsAreTriviaNotTheMainExpression() {
        // Sketch-n-Sketch wrapped such a program in addBlob because the comment hid the blobs call
        String p = "; My drawing\n; two lines\n(blobs [\n  [(rect 'gray' 300 300 10 10)]\n])\n";
        assertThat(rect(p).text())
                .isEqualTo(RECT1 + "\n\n; My drawing\n; two lines\n(blobs [\n"
                        + "  [(rect 'gray' 300 300 10 10)]\n  rect1\n])\n");
        // a comment separated by a blank line is a header: the definition goes below it
        String header = "; My drawing\n\n(blobs [\n])\n";
        assertThat(rect(header).text()).isEqualTo("; My drawing\n\n" + RECT1 + "\n\n(blobs [\n  rect1\n])\n");
        // options stay first
        String opt = "# unannotated-numbers: n?\n(blobs [\n])\n";
        assertThat(rect(opt).text()).isEqualTo("# unannotated-numbers: n?\n" + RECT1 + "\n\n(blobs [\n  rect1\n])\n");
    }

    @Test
    void commentsAroundDefinitionsStayWithThem() {
        String p = "; header\n\n; the size\n(def size 20) ; twenty\n\n; main\n(blobs [\n])\n";
        assertThat(rect(p).text())
                .isEqualTo("; header\n\n; the size\n(def size 20) ; twenty\n\n" + RECT1
                        + "\n\n; main\n(blobs [\n  rect1\n])\n");
    }

    @Test
    void otherMainExpressionsAreWrappedInAddBlob() {
        String p = "(def x 10)\n\n(svg [\n  (rect 'red' x 10 50 50)\n])\n";
        Draw.Result r1 = rect(p);
        assertThat(r1.text())
                .isEqualTo("(def x 10)\n\n" + RECT1 + "\n\n(addBlob rect1 (svg [\n  (rect 'red' x 10 50 50)\n]))\n");
        // a second shape joins the first in a concat list rather than nesting another addBlob
        Draw.Result r2 = Draw.draw(r1.text(), Tool.ELLIPSE, drag(0, 0, 20, 20));
        assertThat(r2.text())
                .endsWith("\n\n(addBlob (concat [rect1 ellipse2]) (svg [\n  (rect 'red' x 10 50 50)\n]))\n");
        Draw.Result r3 = Draw.draw(r2.text(), Tool.LAMBDA, drag(0, 0, 20, 20));
        assertThat(r3.text()).contains("\n(addBlob (concat [rect1 ellipse2 (withBounds [0 0 20 20] star)]) (svg [\n");
        assertThat(Renderer.render("r3", r3.text()).canvas.elements())
                .extracting(e -> e.kind)
                .containsExactly("rect", "rect", "ellipse", "polygon");
    }

    @Test
    void emptyAndCommentOnlyProgramsBecomeABlobList() {
        assertThat(rect("").text()).isEqualTo(RECT1 + "\n\n(blobs [\n  rect1\n])\n");
        assertThat(rect("  \n\n").text()).isEqualTo(RECT1 + "\n\n(blobs [\n  rect1\n])\n");
        assertThat(rect("; notes\n; more\n\n").text())
                .isEqualTo("; notes\n; more\n\n" + RECT1 + "\n\n(blobs [\n  rect1\n])\n");
        assertThat(rect("; notes\r\n").text())
                .isEqualTo("; notes\r\n\r\n" + RECT1.replace("\n", "\r\n") + "\r\n\r\n(blobs [\r\n  rect1\r\n])\r\n");
        // an option that freezes unannotated numbers is honoured: the new shape stays draggable
        String frozen = Draw.draw("# unannotated-numbers: n!\n", Tool.RECT, drag(10, 20, 110, 70))
                .text();
        assertThat(frozen).startsWith("# unannotated-numbers: n!\n\n(def rect1\n  (let [x y w h] [10? 20? 100? 50?]");
        assertThat(Sync.table(frozen, Heuristics.BIASED)
                        .shape(0)
                        .zone("Interior")
                        .active())
                .isTrue();
        assertThat(Draw.draw("", Tool.LAMBDA, drag(1, 2, 3, 4)).text())
                .isEqualTo("(blobs [\n  (withBounds [1 2 3 4] star)\n])\n");
    }

    @Test
    void crlfProgramsGetCrlfLines() {
        String p = "(def a [])\r\n\r\n(blobs [\r\n  a\r\n])\r\n";
        assertThat(rect(p).text())
                .isEqualTo("(def a [])\r\n\r\n" + RECT1.replace("\n", "\r\n")
                        + "\r\n\r\n(blobs [\r\n  a\r\n  rect1\r\n])\r\n");
    }

    // ------------------------------------------------------------------------------------------- naming

    @Test
    void namesShareOneCounterAndStayFresh() {
        Draw.Result a = rect(BLANK);
        Draw.Result b = Draw.draw(a.text(), Tool.ELLIPSE, drag(0, 0, 20, 20));
        Draw.Result c = Draw.draw(b.text(), Tool.LINE, drag(0, 0, 20, 20));
        Draw.Result d = Draw.draw(c.text(), Tool.RECT, drag(0, 0, 20, 20));
        assertThat(List.of(a.name(), b.name(), c.name(), d.name()))
                .containsExactly("rect1", "ellipse2", "line3", "rect4");
        // the counter continues after the highest number of any tool-style name, wherever it is bound
        assertThat(rect("(def x (let text12 3 text12))\n(blobs [])").name()).isEqualTo("rect13");
        assertThat(rect("(def rect1_copy7 [])\n(blobs [rect1_copy7])").name()).isEqualTo("rect8");
        // names that only look similar do not count
        assertThat(rect("(def rectangle9 [])(def myrect5 [])(def rect2x [])\n(blobs [])")
                        .name())
                .isEqualTo("rect1");
    }

    @Test
    void defaultColoursAreDeterministicAndSpreadOverTheHues() {
        Draw.Result a = Draw.draw(BLANK, Tool.RECT, Gesture.drag(0, 0, 10, 10));
        assertThat(a.inserted()).contains("[137 137 0]");
        Draw.Result b =
                Draw.draw(a.text(), Tool.ELLIPSE, Gesture.drag(0, 0, 10, 10).withShift(true));
        assertThat(b.inserted()).contains("(let color 274");
        assertThat(Draw.draw(BLANK, Tool.RECT, Gesture.drag(0, 0, 10, 10)).text())
                .isEqualTo(a.text());
    }

    @Test
    void coordinatesAreRoundedToWholePixels() {
        Draw.Result r = Draw.draw(
                BLANK, Tool.RECT, Gesture.drag(10.4, 19.6, 110.49, 70.2).withColor(100));
        assertThat(r.inserted()).isEqualTo(RECT1);
    }

    // ------------------------------------------------------------------------------------------- errors

    @Test
    void degenerateGesturesDrawNothing() {
        for (Tool t :
                List.of(Tool.LINE, Tool.RECT, Tool.ELLIPSE, Tool.TEXT, Tool.RECT_BB, Tool.ELLIPSE_BB, Tool.LAMBDA))
            assertThatThrownBy(() -> Draw.draw(BLANK, t, Gesture.drag(5, 5, 5.2, 4.9)))
                    .isInstanceOf(DrawException.class)
                    .hasMessageContaining("did not move");
        assertThatThrownBy(() -> Draw.draw(BLANK, Tool.RECT, Gesture.drag(5, 5, 50, 5)))
                .isInstanceOf(DrawException.class)
                .hasMessageContaining("width and a height");
        assertThatThrownBy(() -> Draw.draw(BLANK, Tool.ELLIPSE, Gesture.drag(5, 5, 6, 50)))
                .isInstanceOf(DrawException.class)
                .hasMessageContaining("too small");
        assertThatThrownBy(() -> Draw.draw(BLANK, Tool.POLYGON, clicks("1,1 20,20 1,1")))
                .isInstanceOf(DrawException.class)
                .hasMessageContaining("at least 3 different points (it has 2)");
        assertThatThrownBy(() -> Draw.draw(BLANK, Tool.POLYGON_BB, clicks("1,1 20,1 40,1")))
                .isInstanceOf(DrawException.class)
                .hasMessageContaining("horizontal line");
        assertThatThrownBy(() -> Draw.draw(BLANK, Tool.PATH, clicks("1,1")))
                .isInstanceOf(DrawException.class)
                .hasMessageContaining("at least 2");
        assertThatThrownBy(() -> Draw.draw(BLANK, Tool.PATH, clicks("1,1 9,9").withClosed(true)))
                .isInstanceOf(DrawException.class)
                .hasMessageContaining("at least 3");
        assertThatThrownBy(() -> Draw.draw(BLANK, Tool.PATH, clicks("1,1 Q:5,5")))
                .isInstanceOf(DrawException.class)
                .hasMessageContaining("middle of a Q curve");
        assertThatThrownBy(() -> Draw.draw(BLANK, Tool.PATH, clicks("1,1 C:5,5 9,9")))
                .isInstanceOf(DrawException.class)
                .hasMessageContaining("middle of a C curve");
        assertThatThrownBy(() -> Draw.draw(BLANK, Tool.PATH, clicks("Q:1,1 5,5 9,9")))
                .isInstanceOf(DrawException.class)
                .hasMessageContaining("first point");
        assertThatThrownBy(() -> Draw.draw(BLANK, Tool.POLYGON, clicks("1,1 Q:5,5 9,1")))
                .isInstanceOf(DrawException.class)
                .hasMessageContaining("paths");
        assertThatThrownBy(() -> Draw.draw(BLANK, Tool.RECT, Gesture.drag(0, 0, Double.NaN, 5)))
                .isInstanceOf(DrawException.class)
                .hasMessageContaining("coordinate");
        assertThatThrownBy(() ->
                        Draw.draw(BLANK, Tool.RECT, Gesture.drag(0, 0, 9, 9).withColor(500)))
                .isInstanceOf(DrawException.class)
                .hasMessageContaining("between 0 and 499");
    }

    @Test
    void aProgramThatDoesNotParseIsReportedWithItsPosition() {
        assertThatThrownBy(() -> rect("(blobs [\n  (rect 1 2\n])"))
                .isInstanceOf(DuetException.class)
                .satisfies(e -> assertThat(((DuetException) e).hasPosition()).isTrue());
    }

    @Test
    void clicksNearTheFirstOrPreviousPointFinish() {
        List<Click> none = List.of(),
                one = List.of(Click.at(0, 0)),
                two = List.of(Click.at(0, 0), Click.at(100, 0)),
                three = List.of(Click.at(0, 0), Click.at(100, 0), Click.at(50, 80));
        assertThat(Draw.nextClick(Tool.POLYGON, none, 3, 3)).isEqualTo(Draw.ClickOutcome.ADD);
        assertThat(Draw.nextClick(Tool.POLYGON, one, 3, 3)).isEqualTo(Draw.ClickOutcome.CANCEL);
        assertThat(Draw.nextClick(Tool.POLYGON, two, 6, 8)).isEqualTo(Draw.ClickOutcome.CANCEL);
        assertThat(Draw.nextClick(Tool.POLYGON_BB, three, 6, 8)).isEqualTo(Draw.ClickOutcome.FINISH);
        assertThat(Draw.nextClick(Tool.POLYGON, three, 7, 8)).isEqualTo(Draw.ClickOutcome.ADD); // 10.6 away
        assertThat(Draw.nextClick(Tool.POLYGON, three, 52, 82)).isEqualTo(Draw.ClickOutcome.ADD);
        assertThat(Draw.nextClick(Tool.PATH, one, 3, 3)).isEqualTo(Draw.ClickOutcome.CANCEL);
        assertThat(Draw.nextClick(Tool.PATH, two, 3, 3)).isEqualTo(Draw.ClickOutcome.CLOSE);
        assertThat(Draw.nextClick(Tool.PATH_BB, two, 103, 3)).isEqualTo(Draw.ClickOutcome.FINISH);
        assertThat(Draw.nextClick(Tool.PATH, two, 150, 3)).isEqualTo(Draw.ClickOutcome.ADD);
        assertThatThrownBy(() -> Draw.nextClick(Tool.RECT, one, 1, 1)).isInstanceOf(DrawException.class);
    }

    @Test
    void toolNames() {
        assertThat(Tool.parse("rect-bb")).isEqualTo(Tool.RECT_BB);
        assertThat(Tool.parse("PATH_BB")).isEqualTo(Tool.PATH_BB);
        assertThat(Tool.parse("λ")).isEqualTo(Tool.LAMBDA);
        assertThatThrownBy(() -> Tool.parse("star"))
                .isInstanceOf(DrawException.class)
                .hasMessageContaining("unknown tool 'star'")
                .hasMessageContaining("rect-bb");
    }
}
