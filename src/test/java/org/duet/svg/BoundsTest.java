package org.duet.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.io.StringReader;
import java.util.Locale;
import java.util.Random;
import org.apache.batik.parser.AWTPathProducer;
import org.junit.jupiter.api.Test;

/** Bounding boxes of every shape kind, of strokes, text, transformed groups and references; fitted viewBoxes. */
class BoundsTest {
    private static Canvas canvas(String program) {
        return Renderer.render("test", program).canvas;
    }

    private static Bounds bounds(String program) {
        return Bounds.of(canvas(program));
    }

    /** The box of one element given as little source, inside an svg. */
    private static Bounds of(String element) {
        return bounds("(svg [" + element + "])");
    }

    private static void assertBox(Bounds b, double minX, double minY, double maxX, double maxY) {
        assertThat(b).as("bounds").isNotNull();
        double eps = 1e-9;
        assertThat(b.minX).as("minX of " + b).isCloseTo(minX, within(eps));
        assertThat(b.minY).as("minY of " + b).isCloseTo(minY, within(eps));
        assertThat(b.maxX).as("maxX of " + b).isCloseTo(maxX, within(eps));
        assertThat(b.maxY).as("maxY of " + b).isCloseTo(maxY, within(eps));
    }

    /** A path element in little, its data written as SVG text with a space between every token. */
    private static String path(String d, String more) {
        return "['path' [['d' " + list(d) + "] ['fill' 'none']" + more + "] []]";
    }

    /** "M 10 20 L 30 40" as the program list ['M' 10 20 'L' 30 40]. */
    private static String list(String d) {
        StringBuilder sb = new StringBuilder("[");
        for (String t : d.trim().split("\\s+")) {
            if (sb.length() > 1) sb.append(' ');
            sb.append(Character.isLetter(t.charAt(0)) ? "'" + t + "'" : t);
        }
        return sb.append(']').toString();
    }

    /** An element built directly in the model, with string attributes (as SVG text gives them). */
    private static SvgElement raw(String kind, String... nameValues) {
        java.util.List<Attr> attrs = new java.util.ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2)
            attrs.add(new Attr(
                    nameValues[i],
                    new org.duet.eval.Value.Str(nameValues[i + 1]),
                    Attr.Kind.STRING,
                    nameValues[i + 1]));
        return new SvgElement(kind, kind, attrs, java.util.List.of());
    }

    // ------------------------------------------------------------------------------------------------ shapes

    @Test
    void rectCircleEllipse() {
        assertBox(of("(rect 'red' 10 20 30 40)"), 10, 20, 40, 60);
        assertBox(of("(circle 'red' 100 50 25)"), 75, 25, 125, 75);
        assertBox(of("(ellipse 'red' 100 50 30 20)"), 70, 30, 130, 70);
        // attributes given as strings, with px (as in SVG text)
        assertBox(Bounds.of(raw("rect", "x", "5px", "y", "6", "width", "10", "height", "20px")), 5, 6, 15, 26);
        // BOX and OVAL are desugared to rect and ellipse
        assertBox(of("['BOX' [['LEFT' 10] ['TOP' 20] ['RIGHT' 50] ['BOT' 30]] []]"), 10, 20, 50, 30);
        assertBox(of("['OVAL' [['LEFT' 10] ['TOP' 20] ['RIGHT' 50] ['BOT' 30]] []]"), 10, 20, 50, 30);
    }

    @Test
    void shapesThatDrawNothingDoNotCount() {
        assertThat(of("(rect 'red' 10 20 0 40)")).isNull();
        assertThat(of("(circle 'red' 10 20 0)")).isNull();
        assertThat(of("['text' [['x' 10] ['y' 10]] [['TEXT' '   ']]]")).isNull();
        assertBox(bounds("(svg [(rect 'red' 500 500 0 0) (rect 'red' 10 20 30 40)])"), 10, 20, 40, 60);
    }

    @Test
    void strokesAddHalfTheirWidth() {
        assertBox(
                of("['rect' [['x' 10] ['y' 20] ['width' 30] ['height' 40] ['stroke' 'black'] ['stroke-width' 4]] []]"),
                8,
                18,
                42,
                62);
        assertBox(
                of("['circle' [['cx' 0] ['cy' 0] ['r' 10] ['stroke' [0 0 0 1]] ['stroke-width' 6]] []]"),
                -13,
                -13,
                13,
                13);
        // stroke none, or no stroke: no growth; the width alone does not stroke
        assertBox(
                of("['rect' [['x' 10] ['y' 20] ['width' 30] ['height' 40] ['stroke' 'none'] ['stroke-width' 4]] []]"),
                10,
                20,
                40,
                60);
        assertBox(of("['rect' [['x' 10] ['y' 20] ['width' 30] ['height' 40] ['stroke-width' 4]] []]"), 10, 20, 40, 60);
        // in a style attribute, and inherited from a group
        assertBox(
                of(
                        "['rect' [['x' 10] ['y' 20] ['width' 30] ['height' 40] ['style' 'stroke: red; stroke-width: 2']] []]"),
                9,
                19,
                41,
                61);
        assertBox(of("['g' [['stroke' 'red'] ['stroke-width' 10]] [(rect 'red' 10 20 30 40)]]"), 5, 15, 45, 65);
    }

    @Test
    void lineCaps() {
        String line = "['line' [['x1' 0] ['y1' 0] ['x2' 100] ['y2' 0] ['stroke' 'black'] ['stroke-width' 10]";
        assertBox(of(line + "] []]"), 0, -5, 100, 5); // butt
        assertBox(of(line + " ['stroke-linecap' 'round']] []]"), -5, -5, 105, 5);
        assertBox(of(line + " ['stroke-linecap' 'square']] []]"), -5, -5, 105, 5);
        // the prelude's line, and an unstroked one (still measured by its end points)
        assertBox(of("(line 'black' 2 10 20 30 20)"), 10, 19, 30, 21);
        assertBox(of("['line' [['x1' 10] ['y1' 20] ['x2' 30] ['y2' 40]] []]"), 10, 20, 30, 40);
    }

    @Test
    void polygonsPolylinesAndMiterJoins() {
        assertBox(of("(polyline 'none' 'none' 0 [[0 0] [50 100] [100 0]])"), 0, 0, 100, 100);
        assertBox(of("(polygon 'red' 'black' 10 [[0 0] [100 0] [100 100] [0 100]])"), -5, -5, 105, 105);
        // a sharp apex: the miter reaches 5 / sin(half the angle) = 5 × √5 above it
        String apex = "['polyline' [['points' [[0 100] [50 0] [100 100]]] ['stroke' 'black'] ['stroke-width' 10]";
        assertThat(of(apex + "] []]").minY).isCloseTo(-5 * Math.sqrt(5), within(1e-9));
        assertThat(of(apex + " ['stroke-linejoin' 'round']] []]").minY).isCloseTo(-5, within(1e-9));
        // beyond the miter limit the join is bevelled: the top is the outer corners of the segments
        assertThat(of(apex + " ['stroke-miterlimit' 2]] []]").minY).isCloseTo(-Math.sqrt(5), within(1e-9));
        // points as SVG text
        assertBox(Bounds.of(raw("polygon", "points", "1,2 3,4 5,0")), 1, 0, 5, 4);
        assertBox(Bounds.of(raw("polyline", "points", "1 2,3 4 5 0 7")), 1, 0, 5, 4);
    }

    @Test
    void pathLinesAbsoluteAndRelative() {
        assertBox(of(path("M 10 20 L 30 40", "")), 10, 20, 30, 40);
        assertBox(of(path("m 10 20 l 20 20", "")), 10, 20, 30, 40);
        assertBox(of(path("M 0 0 H 50 V 30", "")), 0, 0, 50, 30);
        assertBox(of(path("m 5 5 h 50 v 30 h -60 z", "")), -5, 5, 55, 35);
        // SVG text: implicit lineto after moveto, commas, compact numbers and arc flags, exponents
        assertBox(Bounds.of(raw("path", "d", "M10,20 30,40-5-6")), -5, -6, 30, 40);
        assertBox(Bounds.of(raw("path", "d", "M0 50A50 50 0 01100 50")), 0, 0, 100, 50);
        assertBox(Bounds.of(raw("path", "d", "m1e1.5l1E1,0")), 10, 0.5, 20, 0.5);
        // the program's path lists
        assertBox(of("(path 'red' 'none' 0 ['M' 10 20 'L' 30 40 'Z'])"), 10, 20, 30, 40);
    }

    @Test
    void pathCurvesByTheirExtremes() {
        // cubic: the top at t = 1/2 is 110 + 0.75 × 30 = 132.5 (the control points reach 140)
        assertBox(of(path("M 10 110 C 20 140 40 140 50 110", "")), 10, 110, 50, 132.5);
        assertBox(of(path("m 10 110 c 10 30 30 30 40 0", "")), 10, 110, 50, 132.5);
        // S reflects the previous control point: (50,50) about (50,0) gives (50,-50)
        assertBox(of(path("M 0 0 C 0 50 50 50 50 0 S 100 -50 100 0", "")), 0, -37.5, 100, 37.5);
        assertBox(of(path("M 0 0 C 0 50 50 50 50 0 s 50 -50 50 0", "")), 0, -37.5, 100, 37.5);
        // quadratics: the top is half-way to the control point
        assertBox(of(path("M 0 0 Q 50 100 100 0", "")), 0, 0, 100, 50);
        assertBox(of(path("M 0 0 Q 25 50 50 0 T 100 0", "")), 0, -25, 100, 25);
        assertBox(of(path("M 0 0 q 25 50 50 0 t 50 0", "")), 0, -25, 100, 25);
        // S after anything but C or S, and T after anything but Q or T, take the current point as first control
        assertBox(of(path("M 0 0 C 0 50 50 50 50 0 T 100 0", "")), 0, 0, 100, 37.5);
        assertBox(of(path("M 0 0 Q 25 50 50 0 S 100 0 100 0", "")), 0, 0, 100, 25);
    }

    @Test
    void pathArcs() {
        // half circles of radius 50 from (0,50) to (100,50): over the top (sweep 1) or under (sweep 0)
        assertBox(of(path("M 0 50 A 50 50 0 0 1 100 50", "")), 0, 0, 100, 50);
        assertBox(of(path("M 0 50 A 50 50 0 0 0 100 50", "")), 0, 50, 100, 100);
        assertBox(of(path("M 0 50 a 50 50 0 0 1 100 0", "")), 0, 0, 100, 50);
        // three quarters of the circle around (50,50)
        assertBox(of(path("M 50 0 A 50 50 0 1 0 100 50", "")), 0, 0, 100, 100);
        // radii too small are scaled up; zero radii make a line; flags written without spaces
        assertBox(of(path("M 0 50 A 1 1 0 0 1 100 50", "")), 0, 0, 100, 50);
        assertBox(of(path("M 0 0 A 0 10 0 0 1 100 50", "")), 0, 0, 100, 50);
        // a rotated ellipse: rx 50, ry 10 at 90° is tall
        assertBox(of(path("M 0 -50 A 50 10 90 0 1 0 50", "")), 0, -50, 10, 50);
        // the program's arcs, stroked
        assertBox(of("(path 'none' 'black' 4 ['M' 0 50 'A' 50 50 0 0 1 100 50])"), -2, -2, 102, 50);
    }

    @Test
    void zeroLengthSubpathsAreDotsWithRoundOrSquareCaps() {
        String dot = "['path' [['d' ['M' 10 10 'Z']] ['stroke' 'black'] ['stroke-width' 4]";
        assertThat(of(dot + "] []]")).isNull();
        assertBox(of(dot + " ['stroke-linecap' 'round']] []]"), 8, 8, 12, 12);
        assertBox(of(dot + " ['stroke-linecap' 'square']] []]"), 8, 8, 12, 12);
        // closing twice draws no second dot (a closed path has no caps; its reversal join is bevelled)
        assertBox(
                of("['path' [['d' ['M' 0 0 'L' 10 0 'Z' 'Z']] ['stroke' 'black'] ['stroke-width' 2] "
                        + "['stroke-linecap' 'round']] []]"),
                0,
                -1,
                10,
                1);
        // a moveto alone draws nothing
        assertThat(of("['path' [['d' ['M' 10 10]] ['stroke' 'black'] ['stroke-linecap' 'round']] []]"))
                .isNull();
    }

    @Test
    void malformedPathDataStopsWhereTheErrorIs() {
        assertBox(Bounds.of(raw("path", "d", "M 0 0 L 10 10 X 100 100")), 0, 0, 10, 10);
        assertBox(Bounds.of(raw("path", "d", "M 0 0 L 10 10 L 50")), 0, 0, 10, 10);
        assertBox(Bounds.of(raw("path", "d", "M 0 0 L 10 10 A 5 5 0 2 1 20 20")), 0, 0, 10, 10);
        assertThat(Bounds.of(raw("path", "d", "10 10 L 20 20"))).isNull();
        assertThat(Bounds.of(raw("path", "d", ""))).isNull();
    }

    /**
     * Random paths of every command, stroked with random widths, joins and caps under random transforms, against
     * Batik's path parser and Java's stroker, flattened finely: the box must contain the outline and fit it tightly.
     */
    @Test
    void randomPathsMatchJavasStroker() throws Exception {
        Random rnd = new Random(20240531);
        String cmds = "LHVCSQTAZlhvcsqtaz";
        String[] joins = {"miter", "round", "bevel"}, caps = {"butt", "round", "square"};
        int[] javaJoins = {BasicStroke.JOIN_MITER, BasicStroke.JOIN_ROUND, BasicStroke.JOIN_BEVEL};
        int[] javaCaps = {BasicStroke.CAP_BUTT, BasicStroke.CAP_ROUND, BasicStroke.CAP_SQUARE};
        for (int n = 0; n < 300; n++) {
            StringBuilder d = new StringBuilder("M " + r(rnd) + " " + r(rnd));
            int k = 1 + rnd.nextInt(6);
            char prev = 'M';
            for (int i = 0; i < k; i++) {
                char c = cmds.charAt(rnd.nextInt(cmds.length()));
                // Java does not stroke zero-length subpaths ("M x y Z"); SVG does, with round or square caps
                if (i == 0 && (c == 'Z' || c == 'z')) c = 'L';
                // Batik reflects any previous control point; SVG only a C/S one for S and a Q/T one for T
                char up = Character.toUpperCase(c), p = Character.toUpperCase(prev);
                if (up == 'S' && p != 'C' && p != 'S') c = (char) (c - 'S' + 'C');
                if (up == 'T' && p != 'Q' && p != 'T') c = (char) (c - 'T' + 'Q');
                prev = c;
                d.append(' ').append(c);
                int args = "Zz".indexOf(c) >= 0
                        ? 0
                        : "HVhv".indexOf(c) >= 0
                                ? 1
                                : "LTlt".indexOf(c) >= 0
                                        ? 2
                                        : "SQsq".indexOf(c) >= 0 ? 4 : "Cc".indexOf(c) >= 0 ? 6 : 7;
                for (int a = 0; a < args; a++) {
                    if (args == 7 && (a == 3 || a == 4)) d.append(' ').append(rnd.nextInt(2));
                    // radii that never need scaling up: Batik scales them by a further 1.00001 (browsers do not)
                    else if (args == 7 && a < 2) d.append(' ').append(150 + rnd.nextInt(100));
                    else if (args == 7 && a == 2) d.append(' ').append(rnd.nextInt(360));
                    else d.append(' ').append(r(rnd));
                }
            }
            boolean stroked = rnd.nextBoolean();
            int width = 1 + rnd.nextInt(20), j = rnd.nextInt(3), cp = rnd.nextInt(3);
            double[] t = {1 + rnd.nextInt(3), rnd.nextInt(2), -rnd.nextInt(2), 1 + rnd.nextInt(2), r(rnd), r(rnd)};
            String transform =
                    String.format(Locale.ROOT, "matrix(%s %s %s %s %s %s)", t[0], t[1], t[2], t[3], t[4], t[5]);
            String element =
                    "['path' [['d' " + list(d.toString()) + "] ['fill' 'none'] ['transform' '" + transform + "']"
                            + (stroked
                                    ? " ['stroke' 'black'] ['stroke-width' " + width + "] ['stroke-linejoin' '"
                                            + joins[j] + "'] ['stroke-linecap' '" + caps[cp] + "']"
                                    : "")
                            + "] []]";
            Bounds mine = of(element);

            Shape shape = AWTPathProducer.createShape(new StringReader(d.toString()), PathIterator.WIND_NON_ZERO);
            if (stroked) shape = new BasicStroke(width, javaCaps[cp], javaJoins[j], 4).createStrokedShape(shape);
            shape = new AffineTransform(t).createTransformedShape(shape);
            double[] box = flattenedBox(shape);
            String what = "path " + d + " " + transform
                    + (stroked ? " stroke " + width + " " + joins[j] + " " + caps[cp] : "");
            if (box == null) {
                assertThat(mine).as(what).isNull();
                continue;
            }
            assertThat(mine).as(what).isNotNull();
            // flattening is precise; Java's stroker approximates offset curves where they bend sharply, and Batik
            // draws arcs as cubics (off by up to 2.7e-4 × the radius, at most 250 here)
            double norm = Math.max(Math.hypot(t[0], t[1]), Math.hypot(t[2], t[3]));
            boolean arcs = d.indexOf("A") >= 0 || d.indexOf("a") >= 0;
            double tol = (stroked ? 0.1 * width : 0.01) * norm + (arcs ? 1e-3 * 250 * norm : 0);
            assertThat(mine.minX).as("minX of " + what).isCloseTo(box[0], within(tol));
            assertThat(mine.minY).as("minY of " + what).isCloseTo(box[1], within(tol));
            assertThat(mine.maxX).as("maxX of " + what).isCloseTo(box[2], within(tol));
            assertThat(mine.maxY).as("maxY of " + what).isCloseTo(box[3], within(tol));
        }
    }

    private static int r(Random rnd) {
        return rnd.nextInt(201) - 100;
    }

    private static double[] flattenedBox(Shape s) {
        double[] box = {
            Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY
        };
        double[] c = new double[6];
        for (PathIterator it = s.getPathIterator(null, 0.001); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            if (type == PathIterator.SEG_CLOSE) continue;
            box[0] = Math.min(box[0], c[0]);
            box[1] = Math.min(box[1], c[1]);
            box[2] = Math.max(box[2], c[0]);
            box[3] = Math.max(box[3], c[1]);
        }
        return box[0] > box[2] ? null : box;
    }

    // ------------------------------------------------------------------------------------------------ text

    @Test
    void textIsEstimatedFromItsCharacters() {
        // 5 characters × 0.6 × 16, the font-size above the baseline and a fifth of it below
        assertBox(of("(text 10 30 'Hello')"), 10, 14, 58, 33.2);
        assertBox(
                of("['text' [['x' 10] ['y' 30] ['font-size' 20] ['text-anchor' 'middle']] [['TEXT' 'abcd']]]"),
                -14,
                10,
                34,
                34);
        assertBox(
                of("['text' [['x' 100] ['y' 30] ['style' 'font-size: 10px; text-anchor: end']] [['TEXT' 'ab']]]"),
                88,
                20,
                100,
                32);
        // white space collapses; tspans count with their own font-size
        assertBox(
                of("['text' [['x' 0] ['y' 20] ['font-size' '10']] [['TEXT' '  a   b ']"
                        + " ['tspan' [['font-size' '20']] [['TEXT' 'cd']]]]]"),
                0,
                0,
                6 * 4 + 12 * 2,
                24);
        // font sizes in pt and em
        assertThat(of("['text' [['x' 0] ['y' 0] ['font-size' '12pt']] [['TEXT' 'a']]]")
                        .width())
                .isCloseTo(0.6 * 16, within(1e-9));
        assertThat(of("['g' [['font-size' 10]] [['text' [['x' 0] ['y' 0] ['font-size' '2em']] [['TEXT' 'a']]]]]")
                        .width())
                .isCloseTo(0.6 * 20, within(1e-9));
    }

    // ------------------------------------------------------------------------------------------------ groups

    @Test
    void transformedGroups() {
        assertBox(of("['g' [['transform' 'translate(100 50)']] [(rect 'red' 0 0 10 10)]]"), 100, 50, 110, 60);
        assertBox(of("['g' [['transform' 'translate(100)']] [(rect 'red' 0 0 10 10)]]"), 100, 0, 110, 10);
        assertBox(of("['g' [['transform' 'scale(2)']] [(rect 'red' 1 1 10 10)]]"), 2, 2, 22, 22);
        assertBox(of("['g' [['transform' 'matrix(1 0 0 1 5 6)']] [(rect 'red' 0 0 10 10)]]"), 5, 6, 15, 16);
        // the program's transform lists
        assertBox(of("['g' [['transform' [['scale' 2 3]]]] [(rect 'red' 1 1 10 10)]]"), 2, 3, 22, 33);
        assertBox(
                of("['g' [['transform' [['translate' 10 20] ['scale' 2 2]]]] [(rect 'red' 0 0 10 10)]]"),
                10,
                20,
                30,
                40);
        // rotate(90 5 5) maps (x, y) to (10 - y, x)
        assertBox(of("(rotateAround 90 5 5 (rect 'red' 0 0 10 20))"), -10, 0, 10, 10);
        assertBox(
                of("['rect' [['x' 0] ['y' 0] ['width' 10] ['height' 20] ['transform' 'rotate(90, 5, 5)']] []]"),
                -10,
                0,
                10,
                10);
        // rotate(45) of a unit square about the origin
        Bounds diamond = of("['rect' [['x' 0] ['y' 0] ['width' 1] ['height' 1] ['transform' 'rotate(45)']] []]");
        assertThat(diamond.minX).isCloseTo(-Math.sqrt(0.5), within(1e-9));
        assertThat(diamond.maxY).isCloseTo(Math.sqrt(2), within(1e-9));
        // a list of several, in order (the last applies first), with commas
        assertBox(of("['g' [['transform' 'translate(10,20), scale(2)']] [(rect 'red' 0 0 10 10)]]"), 10, 20, 30, 40);
        assertBox(of("['g' [['transform' 'skewX(45)']] [(rect 'red' 0 0 10 10)]]"), 0, 0, 20, 10);
        // nested groups compose
        assertBox(
                of(
                        "['g' [['transform' 'translate(10 0)']] [['g' [['transform' 'scale(2)']] [(rect 'red' 0 0 10 10)]]]]"),
                10,
                0,
                30,
                20);
        // a stroke scales with its shape; a rotated circle keeps its box
        assertBox(
                of(
                        "['g' [['transform' 'scale(2)']] [['circle' [['cx' 0] ['cy' 0] ['r' 10] ['stroke' 'red'] ['stroke-width' 2]] []]]]"),
                -22,
                -22,
                22,
                22);
        assertBox(of("['circle' [['cx' 0] ['cy' 0] ['r' 10] ['transform' 'rotate(30)']] []]"), -10, -10, 10, 10);
        // a malformed transform counts as none (as browsers do)
        assertBox(of("['g' [['transform' 'translate(10 20']] [(rect 'red' 0 0 10 10)]]"), 0, 0, 10, 10);
    }

    @Test
    void nestedSvgUseAndHiddenParts() {
        // a nested svg: moved by x, y; its viewBox 0 0 10 10 shown in 100 × 100
        assertBox(of("['svg' [['x' 5] ['y' 5]] [(rect 'red' 0 0 10 10)]]"), 5, 5, 15, 15);
        assertBox(
                of(
                        "['svg' [['x' 0] ['y' 0] ['width' 100] ['height' 100] ['viewBox' '0 0 10 10']] [(rect 'red' 0 0 5 5)]]"),
                0,
                0,
                50,
                50);
        // defs are not drawn where they stand, but what a use refers to is, moved by its x and y
        assertBox(
                bounds("(svg [['defs' [] [['rect' [['id' 'r'] ['x' 0] ['y' 0] ['width' 10] ['height' 10]] []]]]"
                        + " ['use' [['href' '#r'] ['x' 100] ['y' 200]] []]])"),
                100,
                200,
                110,
                210);
        assertThat(bounds("(svg [['defs' [] [(rect 'red' 0 0 10 10)]]])")).isNull();
        // ghosts and display none are not drawn
        assertBox(bounds("(svg [(ghost (rect 'red' 500 500 10 10)) (rect 'red' 0 0 10 10)])"), 0, 0, 10, 10);
        assertBox(
                bounds("(svg [['g' [['display' 'none']] [(rect 'red' 500 500 10 10)]] (rect 'red' 0 0 10 10)])"),
                0,
                0,
                10,
                10);
        assertBox(
                bounds("(svg [['g' [['style' 'display:none']] [(rect 'red' 500 500 10 10)]] (rect 'red' 0 0 10 10)])"),
                0,
                0,
                10,
                10);
        // a root that is not an svg
        assertBox(bounds("(rect 'red' 1 2 3 4)"), 1, 2, 4, 6);
    }

    @Test
    void useCannotLoopForever() {
        // a group that uses itself: measured once per level, up to a depth limit, without hanging
        Bounds b = bounds("(svg [['g' [['id' 'me']] [(rect 'red' 0 0 10 10) ['use' [['href' '#me'] ['x' 1]] []]]]])");
        assertThat(b.minX).isEqualTo(0);
        assertThat(b.maxX).isBetween(10.0, 40.0);
    }

    @Test
    void deeplyNestedGroupsDoNotOverflowTheStack() {
        String program =
                "(defrec nest (\\n (if (= n 0) (rect 'red' 0 0 10 10) ['g' [['transform' 'translate(1 0)']] [(nest (- n 1))]])))"
                        + " (svg [(nest 20000)])";
        assertBox(bounds(program), 20000, 0, 20010, 10);
    }

    // ------------------------------------------------------------------------------------------------ viewBox

    @Test
    void viewBoxFitsTheDrawingWithPadding() {
        assertThat(Bounds.viewBox(canvas("(svg [(rect 'red' 10 10 50 40)])"), 10))
                .isEqualTo("0 0 70 60");
        assertThat(Bounds.viewBox(canvas("(svg [(rect 'red' 10 10 50 40)])"), 0))
                .isEqualTo("10 10 50 40");
        // rounded outward to hundredths
        assertThat(Bounds.viewBox(canvas("(svg [(rect 'red' 0.123 -0.456 10 10)])"), 0))
                .isEqualTo("0.12 -0.46 10.01 10.01");
        // several shapes
        assertThat(Bounds.viewBox(canvas("(svg [(rect 'red' -10 0 5 5) (circle 'blue' 100 100 10)])"), 10))
                .isEqualTo("-20 -10 140 130");
    }

    @Test
    void noViewBoxForAnEmptyDrawingOrOneThatHasItsOwn() {
        assertThat(Bounds.viewBox(canvas("(svg [])"), 10)).isNull();
        assertThat(Bounds.of(canvas("(svg [])"))).isNull();
        assertThat(Bounds.viewBox(canvas("(svg [(ghost (rect 'red' 0 0 10 10))])"), 10))
                .isNull();
        assertThat(Bounds.viewBox(canvas("(svgViewBox 300 200 [(rect 'red' 0 0 10 10)])"), 10))
                .isNull();
    }

    @Test
    void aFlatDrawingStillGetsAUsableViewBox() {
        assertThat(Bounds.viewBox(canvas("(svg [['line' [['x1' 0] ['y1' 5] ['x2' 100] ['y2' 5]] []]])"), 0))
                .isEqualTo("0 5 100 1");
    }
}
