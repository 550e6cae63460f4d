package org.duet.edit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duet.edit.Gesture.Click;
import org.duet.edit.Gesture.ClickKind;
import org.duet.lang.DuetException;
import org.duet.lang.Expr;
import org.duet.lang.Pat;
import org.duet.lang.Printer;
import org.duet.lang.Program;

/**
 * The drawing tools (interaction.md §6) as pure functions: program text, tool and gesture in, new program text
 * out. The new shape's definition (§6.2) is inserted after the last top-level declaration (or before the main
 * expression and the comment lines attached to it when there is none) and its name is added to the drawing:
 * appended to the {@code (blobs [ … ])} or {@code (svg (concat [ … ]))} list, added to an {@code addBlob} main,
 * or the main expression is wrapped in {@code (addBlob name …)}. Only text is inserted: every other character of
 * the program is kept.
 */
public final class Draw {
    private Draw() {}

    /** Kinds of the names the tools give (§6.1); one counter is shared by all of them. */
    public static final List<String> KINDS =
            List.of("line", "rect", "square", "ellipse", "circle", "polygon", "path", "text");

    private static final Pattern COUNTED =
            Pattern.compile("^(?:line|rect|square|ellipse|circle|polygon|path|text)" + "([0-9]+)$|_copy([0-9]+)$");

    /**
     * The new program, the new definition's name (null for the λ tool, which adds an expression to the blob list) and
     * the inserted definition or expression.
     */
    public record Result(String text, String name, String inserted) {}

    /**
     * Draws with a tool. Throws {@link DrawException} for a degenerate gesture (no movement, fewer points than the
     * shape needs, a zero-width box …) or bad input, and the program's {@link DuetException} if it does not parse.
     * An empty or blank program (or one of comment lines only) becomes {@code (blobs [ name ])} with the definition.
     */
    public static Result draw(String text, Tool tool, Gesture g) {
        if (text == null) text = "";
        if (g.color() != null && (g.color() < 0 || g.color() > 499))
            throw new DrawException("the colour number must be between 0 and 499, not " + g.color());
        boolean blank = blankOrComments(text);
        Program p = blank ? null : org.duet.eval.Interpreter.parse("program", text);
        Set<String> names = p == null ? Set.of() : new HashSet<>(TopLevel.names(p));
        boolean thaw = p != null
                ? p.unannotatedFrozen()
                : Pattern.compile("(?m)^\\s*#\\s*unannotated-numbers\\s*:\\s*n!\\s*$")
                        .matcher(text)
                        .find();
        Shape shape = shape(tool, g, names, thaw);
        if (blank) {
            String body = shape.name == null
                    ? "(blobs [\n  " + shape.text + "\n])\n"
                    : shape.text + "\n\n(blobs [\n  " + shape.name + "\n])\n";
            String head = text.strip().isEmpty() ? "" : text.stripTrailing();
            String added = (head.isEmpty() ? "" : "\n\n") + body;
            if (text.contains("\r\n")) added = added.replace("\n", "\r\n");
            return new Result(head + added, shape.name, shape.text);
        }
        TopLevel top = TopLevel.of(p);
        Edits edits = new Edits(p.source());
        if (shape.name != null) {
            TopLevel.DefPlace place = top.defPlace();
            if (place.afterDecls()) {
                String t = top.text;
                boolean glued = place.at() < t.length() && !Character.isWhitespace(t.charAt(place.at()));
                edits.insert(place.at(), place.separator() + shape.text + (glued ? place.separator() : ""));
            } else {
                edits.insert(place.at(), shape.text + place.separator());
            }
            top.addToMain(edits, shape.name);
        } else {
            top.addToMain(edits, shape.text);
        }
        return new Result(edits.apply(), shape.name, shape.text);
    }

    /** True if the text has nothing but white space, comment lines and option lines. */
    static boolean blankOrComments(String text) {
        for (String line : text.split("\r\n|\r|\n", -1)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith(";") && !t.startsWith("#")) return false;
        }
        return true;
    }

    /** The number the next drawn shape gets: one more than the highest counter in the program's names. */
    static int nextNumber(Set<String> names) {
        long max = 0;
        for (String n : names) {
            Matcher m = COUNTED.matcher(n);
            if (!m.find()) continue;
            String digits = m.group(1) != null ? m.group(1) : m.group(2);
            if (digits.length() > 9) continue;
            max = Math.max(max, Long.parseLong(digits));
        }
        return (int) max + 1;
    }

    /** The default colour number of the n-th shape: hues spread by the golden angle. */
    static int defaultColor(int n) {
        return Math.floorMod(n * 137, 360);
    }

    // ------------------------------------------------------------------------------------------------ shapes

    private record Shape(String name, String text) {}

    private static long px(double v, String what) {
        if (!Double.isFinite(v) || Math.abs(v) > 1e9)
            throw new DrawException("bad " + what + " coordinate " + v + " (a finite number is needed)");
        return Math.round(v);
    }

    private record P(long x, long y, ClickKind kind) {}

    private static List<P> points(Gesture g) {
        List<P> out = new ArrayList<>();
        for (Click c : g.points()) out.add(new P(px(c.x(), "x"), px(c.y(), "y"), c.kind()));
        return out;
    }

    private static Shape shape(Tool tool, Gesture g, Set<String> names, boolean thaw) {
        List<P> pts = points(g);
        if (!tool.byClicks()) {
            if (pts.size() < 2)
                throw new DrawException("the " + tool.word + " tool needs two points: where the drag starts and ends");
            if (pts.size() > 2)
                throw new DrawException("the " + tool.word + " tool is dragged: give two points, not " + pts.size());
            for (P q : pts)
                if (q.kind != ClickKind.PLAIN) throw new DrawException("Q and C points are for the path tools only");
            if (pts.get(0).x == pts.get(1).x && pts.get(0).y == pts.get(1).y)
                throw new DrawException("nothing drawn: the pointer did not move between mouse-down and mouse-up");
        }
        if (tool == Tool.LAMBDA) return new Shape(null, lambda(g, pts, thaw));
        int n = nextNumber(names);
        int c = g.color() != null ? g.color() : defaultColor(n);
        Num num = new Num(thaw);
        String kind;
        String body;
        switch (tool) {
            case LINE -> {
                kind = "line";
                body = line(pts.get(0), pts.get(1), g.shift(), c, num);
            }
            case RECT, RECT_BB, ELLIPSE, ELLIPSE_BB, TEXT -> {
                Box b = g.shift() && tool != Tool.TEXT ? square(pts.get(0), pts.get(1)) : box(pts.get(0), pts.get(1));
                boolean sq = g.shift() && tool != Tool.TEXT;
                String what = tool == Tool.TEXT
                        ? "text box"
                        : tool.word.startsWith("rect") ? (sq ? "square" : "rect") : (sq ? "circle" : "ellipse");
                if (b.w() == 0 || b.h() == 0)
                    throw new DrawException("nothing drawn: a " + what + " needs a width and a height (the drag was "
                            + (b.w() == 0 ? "vertical" : "horizontal") + ")");
                if ((tool == Tool.ELLIPSE || tool == Tool.ELLIPSE_BB) && (b.w() < 2 || b.h() < 2))
                    throw new DrawException("nothing drawn: the " + what + " is too small (its radius would be 0)");
                kind = switch (tool) {
                    case RECT, RECT_BB -> sq ? "square" : "rect";
                    case ELLIPSE, ELLIPSE_BB -> sq ? "circle" : "ellipse";
                    default -> "text";
                };
                body = switch (tool) {
                    case RECT -> sq ? square(b, c, num) : rect(b, c, num);
                    case RECT_BB -> sq ? squareBB(b, c, num) : rectBB(b, c, num);
                    case ELLIPSE -> sq ? circle(b, c, num) : ellipse(b, c, num);
                    case ELLIPSE_BB -> sq ? circleBB(b, c, num) : ellipseBB(b, c, num);
                    default -> text(b, num);
                };
            }
            case POLYGON, POLYGON_BB -> {
                for (P q : pts)
                    if (q.kind != ClickKind.PLAIN)
                        throw new DrawException("polygon points cannot be Q or C control points (those are for paths)");
                int different =
                        new HashSet<>(pts.stream().map(q -> q.x + "," + q.y).toList()).size();
                if (different < 3)
                    throw new DrawException(
                            "nothing drawn: a polygon needs at least 3 different points (it has " + different + ")");
                kind = "polygon";
                body = tool == Tool.POLYGON ? polygon(pts, c, num) : polygonBB(pts, c, num);
            }
            case PATH, PATH_BB -> {
                kind = "path";
                body = path(pts, g.closed(), tool == Tool.PATH_BB, c, num);
            }
            default -> throw new IllegalStateException(tool.toString());
        }
        String name = kind + n;
        while (names.contains(name)) name = kind + (++n);
        return new Shape(name, "(def " + name + "\n" + body);
    }

    /** Numerals of inserted coordinates; thawed ({@code ?}) when the program freezes unannotated numbers. */
    private static final class Num {
        final boolean thaw;

        Num(boolean thaw) {
            this.thaw = thaw;
        }

        String n(long v) {
            return v + (thaw ? "?" : "");
        }

        /** A fraction of a bounding box: 0 and 1 plain, others full precision and thawed. */
        String frac(double f) {
            if (f == 0) return thaw ? "0?" : "0";
            if (f == 1) return thaw ? "1?" : "1";
            return Printer.numeral(f) + "?";
        }
    }

    /** A box given by its top-left corner and size. */
    private record Box(long x, long y, long w, long h) {
        long right() {
            return x + w;
        }

        long bot() {
            return y + h;
        }
    }

    private static Box box(P a, P b) {
        long xa = Math.min(a.x, b.x), xb = Math.max(a.x, b.x), ya = Math.min(a.y, b.y), yb = Math.max(a.y, b.y);
        return new Box(xa, ya, xb - xa, yb - ya);
    }

    /** The square box: side = the larger of |Δx| and |Δy|, extended from the first point in the drag direction. */
    private static Box square(P a, P b) {
        long side = Math.max(Math.abs(b.x - a.x), Math.abs(b.y - a.y));
        long x = b.x >= a.x ? a.x : a.x - side, y = b.y >= a.y ? a.y : a.y - side;
        return new Box(x, y, side, side);
    }

    private static String line(P a, P b, boolean shift, int c, Num num) {
        long x2 = b.x, y2 = b.y;
        if (shift) {
            double dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy);
            double ang = Math.round(Math.atan2(dy, dx) / (Math.PI / 4)) * (Math.PI / 4);
            x2 = a.x + Math.round(len * Math.cos(ang));
            y2 = a.y + Math.round(len * Math.sin(ang));
        }
        return "  (let [x1 y1 x2 y2] [" + num.n(a.x) + " " + num.n(a.y) + " " + num.n(x2) + " " + num.n(y2) + "]\n"
                + "  (let [color width] [" + num.n(c) + " 5]\n"
                + "    [ (line color width x1 y1 x2 y2) ])))";
    }

    private static String rect(Box b, int c, Num num) {
        return "  (let [x y w h] [" + num.n(b.x) + " " + num.n(b.y) + " " + num.n(b.w) + " " + num.n(b.h) + "]\n"
                + "  (let [fill stroke strokeWidth] [" + num.n(c) + " " + num.n(c) + " 0]\n"
                + "  (let rot 0\n"
                + "    [ (rawRect fill stroke strokeWidth x y w h rot) ]))))";
    }

    private static String square(Box b, int c, Num num) {
        return "  (let [x y side] [" + num.n(b.x) + " " + num.n(b.y) + " " + num.n(b.w) + "]\n"
                + "  (let [color rot] [" + num.n(c) + " 0]\n"
                + "    [ (rawRect color 360 0 x y side side rot) ])))";
    }

    private static String bounds(long l, long t, long r, long b, Num num) {
        return "  (let bounds @ [left top right bot] [" + num.n(l) + " " + num.n(t) + " " + num.n(r) + " " + num.n(b)
                + "]\n";
    }

    private static String rectBB(Box b, int c, Num num) {
        return bounds(b.x, b.y, b.right(), b.bot(), num)
                + "  (let color " + num.n(c) + "\n"
                + "    [ (rectangle color 360 0 0 bounds) ])))";
    }

    private static String squareBB(Box b, int c, Num num) {
        return "  (let [left top side] [" + num.n(b.x) + " " + num.n(b.y) + " " + num.n(b.w) + "]\n"
                + "  (let bounds [left top (+ left side) (+ top side)]\n"
                + "  (let rot 0\n"
                + "  (let [color strokeColor strokeWidth] [" + num.n(c) + " 360 0]\n"
                + "    [ (rectangle color strokeColor strokeWidth rot bounds) ])))))";
    }

    private static String ellipse(Box b, int c, Num num) {
        long rx = b.w / 2, ry = b.h / 2;
        return "  (let [cx cy rx ry] [" + num.n(b.x + rx) + " " + num.n(b.y + ry) + " " + num.n(rx) + " " + num.n(ry)
                + "]\n"
                + "  (let [color rot] [" + num.n(c) + " 0]\n"
                + "    [ (rawEllipse color 360 0 cx cy rx ry rot) ])))";
    }

    private static String circle(Box b, int c, Num num) {
        long r = b.w / 2;
        return "  (let [cx cy r] [" + num.n(b.x + r) + " " + num.n(b.y + r) + " " + num.n(r) + "]\n"
                + "  (let color " + num.n(c) + "\n"
                + "    [ (rawCircle color 360 0 cx cy r) ])))";
    }

    private static String ellipseBB(Box b, int c, Num num) {
        return bounds(b.x, b.y, b.right(), b.bot(), num)
                + "  (let [color strokeColor strokeWidth] [" + num.n(c) + " 360 0]\n"
                + "    [ (oval color strokeColor strokeWidth bounds) ])))";
    }

    private static String circleBB(Box b, int c, Num num) {
        return "  (let [left top r] [" + num.n(b.x) + " " + num.n(b.y) + " " + num.n(b.w / 2) + "]\n"
                + "  (let bounds [left top (+ left (* 2! r)) (+ top (* 2! r))]\n"
                + "  (let [color strokeColor strokeWidth] [" + num.n(c) + " 360 0]\n"
                + "    [ (oval color strokeColor strokeWidth bounds) ]))))";
    }

    private static String text(Box b, Num num) {
        return "  (let [fontSize textVal] [" + num.n(b.h) + " 'Text']\n"
                + "    (simpleText 'Tahoma, sans-serif' 'black' fontSize " + num.n(b.x) + " " + num.n(b.right()) + " "
                + num.n(b.bot()) + " 1.5 textVal)))";
    }

    private static String polygon(List<P> pts, int c, Num num) {
        StringBuilder sb = new StringBuilder();
        for (P q : pts)
            sb.append(sb.length() == 0 ? "" : " ")
                    .append('[')
                    .append(num.n(q.x))
                    .append(' ')
                    .append(num.n(q.y))
                    .append(']');
        return "  (let pts [" + sb + "]\n"
                + "  (let [color strokeColor strokeWidth] [" + num.n(c) + " 360 2]\n"
                + "    [ (rawPolygon color strokeColor strokeWidth pts 0) ])))";
    }

    /** The bounding box of points, or a DrawException when it has no width or no height. */
    private static Box pointBox(List<P> pts, String what) {
        long x0 = Long.MAX_VALUE, y0 = Long.MAX_VALUE, x1 = Long.MIN_VALUE, y1 = Long.MIN_VALUE;
        for (P q : pts) {
            x0 = Math.min(x0, q.x);
            y0 = Math.min(y0, q.y);
            x1 = Math.max(x1, q.x);
            y1 = Math.max(y1, q.y);
        }
        if (x1 == x0 || y1 == y0)
            throw new DrawException("nothing drawn: the points of a stretchy " + what + " must span a box with a width "
                    + "and a height (they are all on one " + (x1 == x0 ? "vertical" : "horizontal") + " line)");
        return new Box(x0, y0, x1 - x0, y1 - y0);
    }

    private static String polygonBB(List<P> pts, int c, Num num) {
        Box b = pointBox(pts, "polygon");
        StringBuilder sb = new StringBuilder();
        for (P q : pts)
            sb.append(sb.length() == 0 ? "" : " ")
                    .append('[')
                    .append(num.frac(fx(b, q)))
                    .append(' ')
                    .append(num.frac(fy(b, q)))
                    .append(']');
        return bounds(b.x, b.y, b.right(), b.bot(), num)
                + "  (let [color strokeColor strokeWidth] [" + num.n(c) + " 360 2]\n"
                + "  (let pcts [" + sb + "]\n"
                + "    [ (stretchyPolygon bounds color strokeColor strokeWidth pcts) ]))))";
    }

    private static double fx(Box b, P q) {
        return (double) (q.x - b.x) / b.w;
    }

    private static double fy(Box b, P q) {
        return (double) (q.y - b.y) / b.h;
    }

    /**
     * Path commands from clicks (§6.2): 'M' first, plain clicks 'L', a Q click and the next click 'Q', a C click
     * and the next two 'C'; a closed path binds its start to x0 y0, ends a pending curve there and ends with 'Z'.
     */
    private static String path(List<P> pts, boolean closed, boolean bb, int c, Num num) {
        if (pts.size() < 2) throw new DrawException("nothing drawn: a path needs at least 2 points, not " + pts.size());
        if (pts.get(0).kind != ClickKind.PLAIN)
            throw new DrawException(
                    "the first point of a path is where it starts: it cannot be a Q or C control point");
        boolean anyCurve = false;
        for (P q : pts) anyCurve |= q.kind != ClickKind.PLAIN;
        if (closed && pts.size() < 3 && !anyCurve)
            throw new DrawException("nothing drawn: a closed path of straight segments needs at least 3 points");
        Box b = bb ? pointBox(pts, "path") : null;
        java.util.function.Function<P, String> pt =
                bb ? q -> num.frac(fx(b, q)) + " " + num.frac(fy(b, q)) : q -> num.n(q.x) + " " + num.n(q.y);
        List<String> d = new ArrayList<>();
        d.add("'M'");
        d.add(closed ? "x0 y0" : pt.apply(pts.get(0)));
        int i = 1, n = pts.size();
        while (i < n) {
            P q = pts.get(i);
            switch (q.kind) {
                case PLAIN -> {
                    d.add("'L'");
                    d.add(pt.apply(q));
                    i++;
                }
                case Q -> {
                    if (i + 1 < n) {
                        d.add("'Q'");
                        d.add(pt.apply(q));
                        d.add(pt.apply(pts.get(i + 1)));
                        i += 2;
                    } else if (closed) {
                        d.add("'Q'");
                        d.add(pt.apply(q));
                        d.add("x0 y0");
                        i++;
                    } else {
                        throw new DrawException("the path ends in the middle of a Q curve: a Q control point needs "
                                + "an end point after it (or close the path)");
                    }
                }
                case C -> {
                    if (i + 2 < n) {
                        d.add("'C'");
                        d.add(pt.apply(q));
                        d.add(pt.apply(pts.get(i + 1)));
                        d.add(pt.apply(pts.get(i + 2)));
                        i += 3;
                    } else if (closed && i + 1 < n) {
                        d.add("'C'");
                        d.add(pt.apply(q));
                        d.add(pt.apply(pts.get(i + 1)));
                        d.add("x0 y0");
                        i += 2;
                    } else if (closed) {
                        d.add("'Q'");
                        d.add(pt.apply(q));
                        d.add("x0 y0");
                        i++;
                    } else {
                        throw new DrawException("the path ends in the middle of a C curve: a C control point needs "
                                + "a second control point and an end point after it (or close the path)");
                    }
                }
            }
        }
        if (closed) d.add("'Z'");
        String colours = "  (let [strokeColor strokeWidth color] [" + num.n(c) + " 5 " + num.n(c) + "]\n";
        String start = closed ? "  (let [x0 y0] [" + pt.apply(pts.get(0)) + "]\n" : "";
        int lets = closed ? 3 : 2;
        if (bb) {
            return bounds(b.x, b.y, b.right(), b.bot(), num) + colours + start
                    + "  (let dPcts [" + String.join(" ", d) + "]\n"
                    + "    [ (stretchyPath bounds color strokeColor strokeWidth dPcts) ]" + ")".repeat(lets + 2);
        }
        return colours + start
                + "  (let d [" + String.join(" ", d) + "]\n"
                + "    [ (rawPath color strokeColor strokeWidth d 0) ]" + ")".repeat(lets + 1);
    }

    private static String lambda(Gesture g, List<P> pts, boolean thaw) {
        Num num = new Num(thaw);
        LambdaFunction f = g.function() != null ? g.function() : LambdaFunction.STAR;
        P a = pts.get(0);
        if (f.takes() == LambdaFunction.Takes.ANCHOR)
            return "(withAnchor ([" + num.n(a.x) + " " + num.n(a.y) + "] : Point) " + f.expression() + ")";
        Box b = g.shift() ? square(a, pts.get(1)) : box(a, pts.get(1));
        if (b.w == 0 || b.h == 0)
            throw new DrawException("nothing drawn: the box of " + f.name() + " needs a width and a height (the drag "
                    + "was " + (b.w == 0 ? "vertical" : "horizontal") + ")");
        return "(withBounds [" + num.n(b.x) + " " + num.n(b.y) + " " + num.n(b.right()) + " " + num.n(b.bot()) + "] "
                + f.expression() + ")";
    }

    // ------------------------------------------------------------------------------------------------ clicks

    /** What a click does to a polygon or path being drawn (interaction.md §6.2). */
    public enum ClickOutcome {
        /** Add the click as the next point. */
        ADD,
        /** Draw the shape from the points so far (the click is not added): a polygon, or an open path. */
        FINISH,
        /** Draw the path closed (the click, on the first point, is not added). */
        CLOSE,
        /** Cancel the drawing (too few points), nothing is drawn. */
        CANCEL
    }

    /** A click within this many canvas units of the first (or, for paths, the previous) point finishes. */
    public static final double SNAP = 10;

    /**
     * What a click at (x, y) does when {@code points} have been clicked with a click tool: for a polygon, a click
     * near the first vertex finishes with 3 or more vertices and cancels with fewer; for a path, a click near the
     * first point cancels when it is the second click and closes the path later, and a click near the previous point
     * finishes the open path. Any other click is added.
     */
    public static ClickOutcome nextClick(Tool tool, List<Click> points, double x, double y) {
        if (!tool.byClicks()) throw new DrawException("the " + tool.word + " tool is dragged, not clicked");
        if (points.isEmpty()) return ClickOutcome.ADD;
        Click first = points.get(0), prev = points.get(points.size() - 1);
        boolean nearFirst = Math.hypot(x - first.x(), y - first.y()) <= SNAP;
        if (tool == Tool.POLYGON || tool == Tool.POLYGON_BB) {
            if (nearFirst) return points.size() >= 3 ? ClickOutcome.FINISH : ClickOutcome.CANCEL;
            return ClickOutcome.ADD;
        }
        if (nearFirst) return points.size() == 1 ? ClickOutcome.CANCEL : ClickOutcome.CLOSE;
        if (Math.hypot(x - prev.x(), y - prev.y()) <= SNAP) return ClickOutcome.FINISH;
        return ClickOutcome.ADD;
    }

    // ------------------------------------------------------------------------------------------------ λ tool

    /**
     * The functions the λ tool offers for a program (§6.2): the prelude's {@code star} first, then each top-level
     * function whose last parameter binds {@code bounds} or {@code [left top right bot]} (or {@code anchor} or
     * {@code [xAnchor yAnchor]}), in definition order. A function already drawn by a {@code withBounds} /
     * {@code withAnchor} blob is offered as the call of the most recent such blob, e.g. {@code (flower 'red')}; one
     * that takes only the bounds (or anchor) is offered by its name; others are left out (their other arguments are
     * unknown). A program that does not parse offers only star.
     */
    public static List<LambdaFunction> lambdaFunctions(String text) {
        Map<String, LambdaFunction> out = new LinkedHashMap<>();
        out.put("star", LambdaFunction.STAR);
        if (text == null || blankOrComments(text)) return new ArrayList<>(out.values());
        Program p;
        try {
            p = org.duet.eval.Interpreter.parse("program", text);
        } catch (DuetException e) {
            return new ArrayList<>(out.values());
        }
        TopLevel top = TopLevel.of(p);
        String src = p.source().text();
        // the most recent use of each function by a withBounds / withAnchor element of the drawing's list
        Map<String, String> used = new LinkedHashMap<>();
        List<Expr> elems = new ArrayList<>();
        if (top.list != null) elems.addAll(top.list.elems);
        if (top.form == TopLevel.Form.ADD_BLOB) collectAddBlob(top.main, elems);
        for (Expr e : elems) {
            while (e instanceof Expr.Comment c) e = c.body;
            if (!(TopLevel.call(e, "withBounds", 2) || TopLevel.call(e, "withAnchor", 2))) continue;
            Expr f = ((Expr.App) e).args.get(1);
            String fname = f instanceof Expr.Var v
                    ? v.name
                    : f instanceof Expr.App a && a.fn instanceof Expr.Var v2 ? v2.name : null;
            if (fname != null) used.put(fname, src.substring(f.start, f.end));
        }
        for (Expr d : top.decls) {
            if (!(d instanceof Expr.Let l) || !(l.pat instanceof Pat.PVar pv)) continue;
            Expr v = l.value;
            while (v instanceof Expr.Comment c) v = c.body;
            if (!(v instanceof Expr.Fun fun)) continue;
            List<Pat> params = new ArrayList<>(fun.params);
            Expr body = fun.body;
            while (body instanceof Expr.Fun inner) {
                params.addAll(inner.params);
                body = inner.body;
            }
            LambdaFunction.Takes takes = takes(params.get(params.size() - 1));
            if (takes == null) continue;
            String expr = used.get(pv.name);
            if (expr == null && params.size() == 1) expr = pv.name;
            if (expr == null) continue;
            out.put(pv.name, new LambdaFunction(pv.name, takes, expr));
        }
        return new ArrayList<>(out.values());
    }

    private static void collectAddBlob(Expr e, List<Expr> out) {
        while (TopLevel.call(e, "addBlob", 2)) {
            Expr shapes = ((Expr.App) e).args.get(0);
            if (TopLevel.call(shapes, "concat", 1) && ((Expr.App) shapes).args.get(0) instanceof Expr.ListExpr l)
                out.addAll(l.elems);
            else out.add(shapes);
            e = ((Expr.App) e).args.get(1);
        }
    }

    private static LambdaFunction.Takes takes(Pat p) {
        if (p instanceof Pat.PAs as) {
            if (as.name.equals("bounds")) return LambdaFunction.Takes.BOUNDS;
            if (as.name.equals("anchor")) return LambdaFunction.Takes.ANCHOR;
            return takes(as.pat);
        }
        if (p instanceof Pat.PVar v) {
            if (v.name.equals("bounds")) return LambdaFunction.Takes.BOUNDS;
            if (v.name.equals("anchor")) return LambdaFunction.Takes.ANCHOR;
            return null;
        }
        if (p instanceof Pat.PList l && l.tail == null) {
            List<String> names = new ArrayList<>();
            for (Pat e : l.elems) names.add(e instanceof Pat.PVar v ? v.name : "");
            if (names.equals(List.of("left", "top", "right", "bot"))) return LambdaFunction.Takes.BOUNDS;
            if (names.equals(List.of("xAnchor", "yAnchor"))) return LambdaFunction.Takes.ANCHOR;
        }
        return null;
    }

    /** The function the λ tool offers under this name (the CLI's --function), or a DrawException listing them. */
    public static LambdaFunction lambdaFunction(String text, String name) {
        List<LambdaFunction> fs = lambdaFunctions(text);
        for (LambdaFunction f : fs) if (f.name().equals(name)) return f;
        List<String> names = new ArrayList<>();
        for (LambdaFunction f : fs) names.add(f.name());
        throw new DrawException("the λ tool cannot draw '" + name + "': it offers " + String.join(", ", names)
                + " (a top-level function whose last parameter is bounds, [left top right bot], anchor or "
                + "[xAnchor yAnchor], taking only that parameter or already drawn by a withBounds/withAnchor blob)");
    }
}
