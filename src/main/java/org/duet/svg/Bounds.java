package org.duet.svg;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.duet.lang.JsNumber;

/**
 * The bounding box of the visible drawing (ghosts excluded), computed from the model alone — no SVG engine. Used to
 * fit exports to their content.
 *
 * <p>What it measures: rect, circle, ellipse, line, polyline, polygon, path (every command, absolute and relative;
 * curves and arcs by their exact extremes), text (approximately: each character 0.6 × font-size wide, the font-size
 * above the baseline and a fifth of it below), {@code g}, nested {@code svg} ({@code x}, {@code y} and the viewBox
 * mapping) and {@code use} of an element of the drawing, with every {@code transform} (the program's transform lists
 * and the SVG transform grammar: matrix, translate, scale, rotate, skewX, skewY). Strokes are measured in the shape's
 * own coordinates (so a scaled stroke grows with it): half the stroke width beside every segment, miter joins up to
 * stroke-miterlimit, round joins, and butt, square or round caps. Stroke, stroke-width, stroke-linejoin,
 * stroke-linecap, stroke-miterlimit, font-size and text-anchor are inherited from groups and may be given in a
 * {@code style} attribute. Elements with display none, and what is inside defs, clipPath, mask, marker, pattern,
 * symbol and gradients, are not drawn where they stand and do not count.
 *
 * <p>What it does not: the real metrics of fonts (and the positions of tspans), markers, filters, clip paths and
 * masks (the box may be larger than what shows), the clipping of a nested svg's viewport, the corners of a rounded
 * rect (measured as square ones: exact unless the rect is rotated), and stylesheets. The box is therefore meant to be
 * padded.
 */
public final class Bounds {
    public final double minX, minY, maxX, maxY;

    public Bounds(double minX, double minY, double maxX, double maxY) {
        this.minX = minX;
        this.minY = minY;
        this.maxX = maxX;
        this.maxY = maxY;
    }

    public double width() {
        return maxX - minX;
    }

    public double height() {
        return maxY - minY;
    }

    @Override
    public String toString() {
        return "Bounds[" + JsNumber.toString(minX) + " " + JsNumber.toString(minY) + " " + JsNumber.toString(maxX) + " "
                + JsNumber.toString(maxY) + "]";
    }

    /** The box of the visible drawing, or null when nothing visible is drawn. */
    public static Bounds of(Canvas c) {
        return of(c.root());
    }

    /** The box of the visible drawing below this root, or null when nothing visible is drawn. */
    public static Bounds of(SvgNode root) {
        return new Walker(root).run();
    }

    /**
     * The viewBox {@code "minX minY width height"} that fits the visible drawing with {@code padding} units around it
     * (rounded outward to hundredths, printed as JavaScript prints numbers); null when the drawing is empty or when
     * its root svg already has a viewBox.
     */
    public static String viewBox(Canvas c, double padding) {
        SvgNode root = c.root();
        if (root instanceof SvgElement
                && ((SvgElement) root).kind.equals("svg")
                && !((SvgElement) root).isGhost()
                && ((SvgElement) root).attr("viewBox") != null) return null;
        Bounds b = of(root);
        return b == null ? null : b.viewBox(padding);
    }

    /** This box grown by {@code padding}, as a viewBox (see {@link #viewBox(Canvas, double)}); null if not finite. */
    public String viewBox(double padding) {
        double x0 = Math.floor((minX - padding) * 100 + 1e-7), y0 = Math.floor((minY - padding) * 100 + 1e-7);
        double x1 = Math.ceil((maxX + padding) * 100 - 1e-7), y1 = Math.ceil((maxY + padding) * 100 - 1e-7);
        // a degenerate drawing (a single point, no padding) still gets a usable box
        if (x1 - x0 < 100) x1 = x0 + 100;
        if (y1 - y0 < 100) y1 = y0 + 100;
        double[] v = {x0 / 100, y0 / 100, (x1 - x0) / 100, (y1 - y0) / 100};
        StringBuilder sb = new StringBuilder();
        for (double d : v) {
            if (!Double.isFinite(d)) return null;
            if (sb.length() > 0) sb.append(' ');
            sb.append(JsNumber.toString(d == 0 ? 0 : d));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------------ the walk

    /** The printed text of an attribute (the last one with this name), or null. */
    static String text(SvgElement e, String name) {
        Attr a = e.attr(name);
        return a == null ? null : a.text;
    }

    /** A length attribute in user units (a number, optionally with px), or {@code absent} when absent/unusable. */
    static double num(SvgElement e, String name, double absent) {
        Attr a = e.attr(name);
        if (a == null) return absent;
        double v = a.kind == Attr.Kind.NUMBER ? a.number() : Numbers.length(a.text);
        return Double.isNaN(v) ? absent : v;
    }

    /** Elements that are never drawn where they stand (only through references, or not at all). */
    private static final Set<String> NOT_RENDERED = Set.of(
            "defs",
            "symbol",
            "title",
            "desc",
            "linearGradient",
            "radialGradient",
            "stop",
            "pattern",
            "clipPath",
            "mask",
            "marker",
            "filter");

    /** Largest number of elements visited, {@code use} expansions included (guards against reference bombs). */
    private static final int MAX_VISITS = 2_000_000;

    private static final int MAX_USE_DEPTH = 16;

    /** Text estimates, as fractions of the font-size: the width of a character, and the depth below the baseline. */
    static final double CHAR_WIDTH = 0.6, DESCENT = 0.2;

    /** The inherited properties that change a box. */
    private static final class Style {
        final boolean stroked;
        final double strokeWidth, miterLimit, fontSize;
        final String join, cap, anchor;

        Style(
                boolean stroked,
                double strokeWidth,
                String join,
                String cap,
                double miterLimit,
                double fontSize,
                String anchor) {
            this.stroked = stroked;
            this.strokeWidth = strokeWidth;
            this.join = join;
            this.cap = cap;
            this.miterLimit = miterLimit;
            this.fontSize = fontSize;
            this.anchor = anchor;
        }

        static final Style INITIAL = new Style(false, 1, "miter", "butt", 4, 16, "start");

        /** Half the stroke width when the shape is stroked, else 0. */
        double pad() {
            return stroked && strokeWidth > 0 ? strokeWidth / 2 : 0;
        }
    }

    private static final class Item {
        final SvgElement e;
        final double[] m;
        final Style style;
        final int useDepth;

        Item(SvgElement e, double[] m, Style style, int useDepth) {
            this.e = e;
            this.m = m;
            this.style = style;
            this.useDepth = useDepth;
        }
    }

    private static final class Walker {
        private final SvgNode root;
        private double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        private double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        private Map<String, SvgElement> ids;

        Walker(SvgNode root) {
            this.root = root;
        }

        Bounds run() {
            if (!(root instanceof SvgElement)) return null;
            SvgElement r = (SvgElement) root;
            ArrayDeque<Item> stack = new ArrayDeque<>();
            if (r.kind.equals("svg")) {
                // the outermost svg: its x, y and transform do not move the drawing inside its own viewBox
                if (r.isGhost() || hidden(r)) return null;
                Style s = style(r, Style.INITIAL);
                for (SvgElement c : r.childElements()) stack.push(new Item(c, Affine.IDENTITY, s, 0));
            } else {
                stack.push(new Item(r, Affine.IDENTITY, Style.INITIAL, 0));
            }
            int visits = 0;
            while (!stack.isEmpty() && visits++ < MAX_VISITS) {
                Item it = stack.pop();
                SvgElement e = it.e;
                if (e.isGhost() || NOT_RENDERED.contains(e.kind) || e.kind.startsWith("fe") || hidden(e)) continue;
                Style s = style(e, it.style);
                double[] m = Affine.multiply(it.m, Transforms.parse(text(e, "transform")));
                switch (e.kind) {
                    case "g":
                        for (SvgElement c : e.childElements()) stack.push(new Item(c, m, s, it.useDepth));
                        break;
                    case "svg": {
                        double[] inner = Affine.multiply(m, nestedViewport(e));
                        for (SvgElement c : e.childElements()) stack.push(new Item(c, inner, s, it.useDepth));
                        break;
                    }
                    case "use": {
                        SvgElement target = target(e);
                        if (target == null || it.useDepth >= MAX_USE_DEPTH) break;
                        double[] at = Affine.multiply(m, Affine.translate(num(e, "x", 0), num(e, "y", 0)));
                        if (target.kind.equals("symbol")) {
                            Style ts = style(target, s);
                            for (SvgElement c : target.childElements())
                                stack.push(new Item(c, at, ts, it.useDepth + 1));
                        } else {
                            stack.push(new Item(target, at, s, it.useDepth + 1));
                        }
                        break;
                    }
                    case "rect":
                        rect(e, m, s);
                        break;
                    case "circle": {
                        double r0 = num(e, "r", 0);
                        if (r0 > 0) ellipse(m, num(e, "cx", 0), num(e, "cy", 0), r0, r0, s.pad());
                        break;
                    }
                    case "ellipse": {
                        double rx = num(e, "rx", Double.NaN), ry = num(e, "ry", Double.NaN);
                        if (Double.isNaN(rx)) rx = ry;
                        if (Double.isNaN(ry)) ry = rx;
                        if (rx > 0 && ry > 0) ellipse(m, num(e, "cx", 0), num(e, "cy", 0), rx, ry, s.pad());
                        break;
                    }
                    case "line": {
                        Outline o = new Outline(this, m, s);
                        o.moveTo(num(e, "x1", 0), num(e, "y1", 0));
                        o.lineTo(num(e, "x2", 0), num(e, "y2", 0));
                        o.finishSubpath();
                        break;
                    }
                    case "polyline":
                    case "polygon": {
                        double[] p = Numbers.list(text(e, "points"));
                        if (p.length < 2) break;
                        Outline o = new Outline(this, m, s);
                        o.moveTo(p[0], p[1]);
                        for (int i = 2; i + 1 < p.length; i += 2) o.lineTo(p[i], p[i + 1]);
                        if (e.kind.equals("polygon")) o.close();
                        o.finishSubpath();
                        break;
                    }
                    case "path":
                        new PathData(new Outline(this, m, s)).walk(text(e, "d"));
                        break;
                    case "text":
                        textBox(e, m, s);
                        break;
                    default:
                        // an element Duet allows but does not draw by itself (tspan outside a text, …): look inside
                        for (SvgElement c : e.childElements()) stack.push(new Item(c, m, s, it.useDepth));
                }
            }
            if (minX > maxX || minY > maxY) return null;
            return new Bounds(minX, minY, maxX, maxY);
        }

        // ---- properties

        private static Style style(SvgElement e, Style inherited) {
            Map<String, String> css = css(e);
            String stroke = prop(e, css, "stroke");
            String width = prop(e, css, "stroke-width");
            String size = prop(e, css, "font-size");
            String anchor = prop(e, css, "text-anchor");
            String join = prop(e, css, "stroke-linejoin"), cap = prop(e, css, "stroke-linecap");
            String limit = prop(e, css, "stroke-miterlimit");
            if (stroke == null
                    && width == null
                    && size == null
                    && anchor == null
                    && join == null
                    && cap == null
                    && limit == null) return inherited;
            boolean stroked = inherited.stroked;
            if (stroke != null && !stroke.equals("inherit")) {
                String v = stroke.strip().toLowerCase(Locale.ROOT);
                stroked = !(v.equals("none") || v.equals("transparent") || v.isEmpty());
            }
            double sw = inherited.strokeWidth;
            if (width != null) {
                double w = Numbers.length(width);
                if (!Double.isNaN(w) && w >= 0) sw = w;
            }
            double fs = size == null ? inherited.fontSize : Numbers.fontSize(size, inherited.fontSize);
            String a = keyword(anchor, inherited.anchor);
            double ml = inherited.miterLimit;
            if (limit != null) {
                double v = Numbers.length(limit);
                if (v >= 1) ml = v;
            }
            return new Style(stroked, sw, keyword(join, inherited.join), keyword(cap, inherited.cap), ml, fs, a);
        }

        /** A keyword property's value in lower case, or the inherited one. */
        private static String keyword(String v, String inherited) {
            if (v == null) return inherited;
            String k = v.strip().toLowerCase(Locale.ROOT);
            return k.isEmpty() || k.equals("inherit") ? inherited : k;
        }

        /** A property from the style attribute (which wins) or the presentation attribute, or null. */
        private static String prop(SvgElement e, Map<String, String> css, String name) {
            String v = css.get(name);
            return v != null ? v : text(e, name);
        }

        private static Map<String, String> css(SvgElement e) {
            String style = text(e, "style");
            if (style == null || style.indexOf(':') < 0) return Map.of();
            Map<String, String> out = new HashMap<>();
            for (String decl : style.split(";")) {
                int c = decl.indexOf(':');
                if (c < 0) continue;
                String v = decl.substring(c + 1).replace("!important", "").strip();
                out.put(decl.substring(0, c).strip().toLowerCase(Locale.ROOT), v);
            }
            return out;
        }

        /** display: none (attribute or style): neither the element nor anything inside it is drawn. */
        private static boolean hidden(SvgElement e) {
            String d = prop(e, css(e), "display");
            return d != null && d.strip().equalsIgnoreCase("none");
        }

        /** The element an href="#id" refers to, or null. */
        private SvgElement target(SvgElement use) {
            String href = text(use, "href");
            if (href == null) href = text(use, "xlink:href");
            if (href == null || !href.strip().startsWith("#")) return null;
            if (ids == null) {
                // in document order, so that the first element with an id wins, as in the DOM
                ids = new HashMap<>();
                addId((SvgElement) root);
                for (SvgElement x : elementsOf((SvgElement) root)) addId(x);
            }
            return ids.get(href.strip().substring(1));
        }

        private void addId(SvgElement x) {
            String id = text(x, "id");
            if (id != null) ids.putIfAbsent(id, x);
        }

        /** Every element below the root in document order (iteratively: drawings can nest deeply). */
        private static List<SvgElement> elementsOf(SvgElement root) {
            List<SvgElement> out = new ArrayList<>();
            ArrayDeque<SvgElement> st = new ArrayDeque<>();
            List<SvgElement> top = root.childElements();
            for (int i = top.size() - 1; i >= 0; i--) st.push(top.get(i));
            while (!st.isEmpty()) {
                SvgElement x = st.pop();
                out.add(x);
                List<SvgElement> cs = x.childElements();
                for (int i = cs.size() - 1; i >= 0; i--) st.push(cs.get(i));
            }
            return out;
        }

        /** A nested svg: translate(x, y), then its viewBox mapped into width × height (preserveAspectRatio). */
        private static double[] nestedViewport(SvgElement e) {
            double x = num(e, "x", 0), y = num(e, "y", 0);
            double[] at = Affine.translate(x, y);
            double[] vb = Numbers.viewBox(text(e, "viewBox"));
            double w = num(e, "width", Double.NaN), h = num(e, "height", Double.NaN);
            if (vb == null || !(w > 0) || !(h > 0)) return at;
            double sx = w / vb[2], sy = h / vb[3];
            String par = text(e, "preserveAspectRatio");
            par = par == null ? "xMidYMid meet" : par.strip();
            double tx = 0, ty = 0;
            if (!par.startsWith("none")) {
                double sc = par.endsWith("slice") ? Math.max(sx, sy) : Math.min(sx, sy);
                double fx = par.contains("xMin") ? 0 : par.contains("xMax") ? 1 : 0.5;
                double fy = par.contains("YMin") ? 0 : par.contains("YMax") ? 1 : 0.5;
                tx = (w - vb[2] * sc) * fx;
                ty = (h - vb[3] * sc) * fy;
                sx = sy = sc;
            }
            return Affine.multiply(at, new double[] {sx, 0, 0, sy, tx - vb[0] * sx, ty - vb[1] * sy});
        }

        // ---- shapes

        private void rect(SvgElement e, double[] m, Style s) {
            double x = num(e, "x", 0), y = num(e, "y", 0), w = num(e, "width", 0), h = num(e, "height", 0);
            if (!(w > 0) || !(h > 0)) return; // not drawn
            // rounded corners lie inside the square ones (the box is exact unless the rect is rotated)
            Outline o = new Outline(this, m, s);
            o.moveTo(x, y);
            o.lineTo(x + w, y);
            o.lineTo(x + w, y + h);
            o.lineTo(x, y + h);
            o.close();
        }

        /**
         * Text, approximately: the characters of the element and all its tspans, each 0.6 × its font-size wide, on
         * one line from (x, y) shifted by text-anchor; the largest font-size tall above the baseline, and a fifth of
         * it below (for descenders such as g and y). The positions of tspans and textPaths are not followed.
         */
        private void textBox(SvgElement e, double[] m, Style s) {
            double x = first(e, "x") + first(e, "dx"), y = first(e, "y") + first(e, "dy");
            double[] wh = new double[2];
            measure(e, s, wh);
            if (wh[0] <= 0) return;
            double w = wh[0], h = wh[1];
            if (s.anchor.equals("middle")) x -= w / 2;
            else if (s.anchor.equals("end")) x -= w;
            double p = s.pad(), descent = h * DESCENT;
            point(m, x, y - h, p);
            point(m, x + w, y - h, p);
            point(m, x, y + descent, p);
            point(m, x + w, y + descent, p);
        }

        /** Width and height of the text inside e, in document order (iterative: tspans can nest deeply). */
        private static void measure(SvgElement e, Style s, double[] wh) {
            ArrayDeque<Object[]> st = new ArrayDeque<>();
            pushChildren(e, s, st);
            // white space collapses across pieces (xml:space default): a run counts as one space, at its font-size
            double pendingSpace = 0;
            boolean started = false;
            while (!st.isEmpty()) {
                Object[] top = st.pop();
                Style ps = (Style) top[1];
                if (top[0] instanceof SvgElement) {
                    pushChildren((SvgElement) top[0], ps, st);
                    continue;
                }
                String t = ((SvgText) top[0]).text;
                for (int i = 0; i < t.length(); ) {
                    int cp = t.codePointAt(i);
                    i += Character.charCount(cp);
                    if (Character.isWhitespace(cp)) {
                        if (started && pendingSpace == 0) pendingSpace = CHAR_WIDTH * ps.fontSize;
                        continue;
                    }
                    wh[0] += pendingSpace + CHAR_WIDTH * ps.fontSize;
                    wh[1] = Math.max(wh[1], ps.fontSize);
                    pendingSpace = 0;
                    started = true;
                }
            }
        }

        private static void pushChildren(SvgElement x, Style xs, ArrayDeque<Object[]> st) {
            for (int i = x.children.size() - 1; i >= 0; i--) {
                SvgNode c = x.children.get(i);
                if (c instanceof SvgText) {
                    st.push(new Object[] {c, xs});
                } else {
                    SvgElement ce = (SvgElement) c;
                    if (ce.isGhost() || hidden(ce) || NOT_RENDERED.contains(ce.kind)) continue;
                    st.push(new Object[] {ce, style(ce, xs)});
                }
            }
        }

        /** The first number of a list attribute such as text's x (which may be "10 20 30"), or 0. */
        private static double first(SvgElement e, String name) {
            Attr a = e.attr(name);
            if (a == null) return 0;
            if (a.kind == Attr.Kind.NUMBER) return Double.isNaN(a.number()) ? 0 : a.number();
            double[] l = Numbers.list(a.text);
            return l.length > 0 ? l[0] : 0;
        }

        // ---- accumulation in drawing coordinates

        /** Adds local point (x, y) under m, with a disk of radius pad around it (a stroke). */
        void point(double[] m, double x, double y, double pad) {
            add(
                    m[0] * x + m[2] * y + m[4],
                    m[1] * x + m[3] * y + m[5],
                    pad * Math.hypot(m[0], m[2]),
                    pad * Math.hypot(m[1], m[3]));
        }

        /** Adds a drawing-coordinates point with half-extents hx, hy around it. */
        void add(double x, double y, double hx, double hy) {
            if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(hx) || !Double.isFinite(hy)) return;
            minX = Math.min(minX, x - hx);
            maxX = Math.max(maxX, x + hx);
            minY = Math.min(minY, y - hy);
            maxY = Math.max(maxY, y + hy);
        }

        /** A whole ellipse (axis-aligned in local coordinates) under m, exactly, with its stroke. */
        void ellipse(double[] m, double cx, double cy, double rx, double ry, double pad) {
            double x = m[0] * cx + m[2] * cy + m[4], y = m[1] * cx + m[3] * cy + m[5];
            add(
                    x,
                    y,
                    Math.hypot(m[0] * rx, m[2] * ry) + pad * Math.hypot(m[0], m[2]),
                    Math.hypot(m[1] * rx, m[3] * ry) + pad * Math.hypot(m[1], m[3]));
        }
    }

    // ------------------------------------------------------------------------------------------------ outlines

    /**
     * The box of a stroked or filled outline (lines, curves, arcs; subpaths open or closed), exactly: each segment's
     * end points and its extremes in drawing coordinates, and when stroked the stroke's edges there, its miter
     * joins (within stroke-miterlimit), round joins, and butt, square or round caps.
     */
    private static final class Outline {
        private final Walker w;
        private final double[] m;
        private final double pad, hx, hy, miterLimit;
        private final String join, cap;
        private double cx, cy, startX, startY;
        /**
         * The subpath has a segment of non-zero length; a command was given in it (a zero-length subpath such as
         * "M x y Z" is still stroked with round or square caps); the last command closed a subpath.
         */
        private boolean drawn, touched, closed;

        private double firstDx, firstDy, lastDx, lastDy;

        Outline(Walker w, double[] m, Style s) {
            this.w = w;
            this.m = m;
            this.pad = s.pad();
            this.hx = pad * Math.hypot(m[0], m[2]);
            this.hy = pad * Math.hypot(m[1], m[3]);
            this.join = s.join;
            this.cap = s.cap;
            this.miterLimit = s.miterLimit;
        }

        double x() {
            return cx;
        }

        double y() {
            return cy;
        }

        void moveTo(double x, double y) {
            finishSubpath();
            closed = false;
            cx = startX = x;
            cy = startY = y;
        }

        void lineTo(double x, double y) {
            touched = true;
            closed = false;
            double dx = x - cx, dy = y - cy, len = Math.hypot(dx, dy);
            if (!(len > 0)) return;
            dx /= len;
            dy /= len;
            begin(dx, dy);
            sides(cx, cy, dx, dy);
            sides(x, y, dx, dy);
            end(x, y, dx, dy);
        }

        void cubicTo(double x1, double y1, double x2, double y2, double x, double y) {
            touched = true;
            closed = false;
            double[] t0 = direction(x1 - cx, y1 - cy, x2 - cx, y2 - cy, x - cx, y - cy);
            double[] t1 = direction(x - x2, y - y2, x - x1, y - y1, x - cx, y - cy);
            if (t0 == null) return; // every control point at the start: zero length
            begin(t0[0], t0[1]);
            sides(cx, cy, t0[0], t0[1]);
            sides(x, y, t1[0], t1[1]);
            cubicExtremes(cx, cy, x1, y1, x2, y2, x, y);
            end(x, y, t1[0], t1[1]);
        }

        void quadTo(double qx, double qy, double x, double y) {
            // a quadratic is the cubic whose control points lie 2/3 of the way to its control point
            cubicTo(
                    cx + 2.0 / 3 * (qx - cx),
                    cy + 2.0 / 3 * (qy - cy),
                    x + 2.0 / 3 * (qx - x),
                    y + 2.0 / 3 * (qy - y),
                    x,
                    y);
        }

        /** An elliptical arc (SVG implementation notes F.6.5/F.6.6: from end points to centre), exactly. */
        void arcTo(double rx, double ry, double angle, boolean large, boolean sweep, double x, double y) {
            touched = true;
            closed = false;
            double x0 = cx, y0 = cy;
            if (x0 == x && y0 == y) return; // omitted
            rx = Math.abs(rx);
            ry = Math.abs(ry);
            if (rx == 0 || ry == 0) {
                lineTo(x, y);
                return;
            }
            double phi = Math.toRadians(angle % 360), cos = Math.cos(phi), sin = Math.sin(phi);
            double dx = (x0 - x) / 2, dy = (y0 - y) / 2;
            double x1p = cos * dx + sin * dy, y1p = -sin * dx + cos * dy;
            double lambda = x1p * x1p / (rx * rx) + y1p * y1p / (ry * ry);
            if (lambda > 1) {
                double k = Math.sqrt(lambda);
                rx *= k;
                ry *= k;
            }
            double num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
            double den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
            double coef = (large != sweep ? 1 : -1) * Math.sqrt(Math.max(0, num / den));
            double cxp = coef * rx * y1p / ry, cyp = -coef * ry * x1p / rx;
            double ccx = cos * cxp - sin * cyp + (x0 + x) / 2, ccy = sin * cxp + cos * cyp + (y0 + y) / 2;
            double theta1 = Math.atan2((y1p - cyp) / ry, (x1p - cxp) / rx);
            double theta2 = Math.atan2((-y1p - cyp) / ry, (-x1p - cxp) / rx);
            double delta = theta2 - theta1;
            if (sweep && delta < 0) delta += 2 * Math.PI;
            else if (!sweep && delta > 0) delta -= 2 * Math.PI;
            // local points are C + u cos θ + v sin θ; tangents follow the sweep
            double ux = rx * cos, uy = rx * sin, vx = -ry * sin, vy = ry * cos;
            double sign = delta >= 0 ? 1 : -1;
            double[] t0 = direction(
                    sign * (-ux * Math.sin(theta1) + vx * Math.cos(theta1)),
                    sign * (-uy * Math.sin(theta1) + vy * Math.cos(theta1)),
                    x - x0,
                    y - y0,
                    0,
                    0);
            double te = theta1 + delta;
            double[] t1 = direction(
                    sign * (-ux * Math.sin(te) + vx * Math.cos(te)),
                    sign * (-uy * Math.sin(te) + vy * Math.cos(te)),
                    x - x0,
                    y - y0,
                    0,
                    0);
            begin(t0[0], t0[1]);
            sides(x0, y0, t0[0], t0[1]);
            sides(x, y, t1[0], t1[1]);
            // in drawing coordinates the arc is C' + U cos θ + V sin θ; its extremes are where a coordinate turns
            double gUx = m[0] * ux + m[2] * uy, gUy = m[1] * ux + m[3] * uy;
            double gVx = m[0] * vx + m[2] * vy, gVy = m[1] * vx + m[3] * vy;
            double gCx = m[0] * ccx + m[2] * ccy + m[4], gCy = m[1] * ccx + m[3] * ccy + m[5];
            for (int axis = 0; axis < 2; axis++) {
                double base = axis == 0 ? Math.atan2(gVx, gUx) : Math.atan2(gVy, gUy);
                for (double t : new double[] {base, base + Math.PI}) {
                    if (!within(t, theta1, delta)) continue;
                    double c = Math.cos(t), sn = Math.sin(t);
                    w.add(gCx + gUx * c + gVx * sn, gCy + gUy * c + gVy * sn, axis == 0 ? hx : 0, axis == 0 ? 0 : hy);
                }
            }
            end(x, y, t1[0], t1[1]);
        }

        void close() {
            if (closed) return; // closing again draws nothing
            lineTo(startX, startY);
            if (drawn && pad > 0) joint(startX, startY, lastDx, lastDy, firstDx, firstDy);
            if (!drawn) finishSubpath(); // a closed dot still gets its caps
            drawn = false;
            touched = false;
            closed = true;
            cx = startX;
            cy = startY;
        }

        /** Ends the current subpath: caps on an open one, or the dot of a zero-length one. */
        void finishSubpath() {
            if (pad > 0 && drawn) {
                if (cap.equals("round")) {
                    w.point(m, startX, startY, pad);
                    w.point(m, cx, cy, pad);
                } else if (cap.equals("square")) {
                    sides(startX - firstDx * pad, startY - firstDy * pad, firstDx, firstDy);
                    sides(cx + lastDx * pad, cy + lastDy * pad, lastDx, lastDy);
                }
            } else if (pad > 0 && touched) {
                // a zero-length subpath: nothing with butt caps, a dot with round ones, a square aligned with x
                if (cap.equals("round")) w.point(m, cx, cy, pad);
                else if (cap.equals("square")) {
                    sides(cx - pad, cy, 1, 0);
                    sides(cx + pad, cy, 1, 0);
                }
            }
            drawn = false;
            touched = false;
        }

        private void begin(double dx, double dy) {
            if (drawn) {
                if (pad > 0) joint(cx, cy, lastDx, lastDy, dx, dy);
            } else {
                firstDx = dx;
                firstDy = dy;
                drawn = true;
            }
        }

        private void end(double x, double y, double dx, double dy) {
            lastDx = dx;
            lastDy = dy;
            cx = x;
            cy = y;
        }

        /** The two edges of the stroke at point (x, y) of direction (dx, dy) (or the point, when not stroked). */
        private void sides(double x, double y, double dx, double dy) {
            if (pad == 0) {
                w.point(m, x, y, 0);
                return;
            }
            w.point(m, x - dy * pad, y + dx * pad, 0);
            w.point(m, x + dy * pad, y - dx * pad, 0);
        }

        /** The join at (x, y) from direction d1 into direction d2 (unit vectors): a miter tip, or a round join. */
        private void joint(double x, double y, double d1x, double d1y, double d2x, double d2y) {
            if (join.equals("round")) {
                w.point(m, x, y, pad);
                return;
            }
            if (join.equals("bevel")) return; // inside the segments' edges
            double dot = d1x * d2x + d1y * d2y;
            double ox = d1x - d2x, oy = d1y - d2y, olen = Math.hypot(ox, oy);
            double sinHalf = Math.sqrt(Math.max(0, (1 + dot) / 2)); // sine of half the angle between the segments
            if (olen < 1e-12 || sinHalf < 1e-12 || 1 / sinHalf > miterLimit) return; // straight on, or bevelled
            double k = pad / sinHalf / olen;
            w.point(m, x + ox * k, y + oy * k, 0);
        }

        /** The extremes of a cubic in drawing coordinates, with the stroke's reach along that coordinate. */
        private void cubicExtremes(
                double x0, double y0, double x1, double y1, double x2, double y2, double x3, double y3) {
            // an affine image of a Bézier curve is the Bézier curve of the images of its control points
            double[] local = {x0, y0, x1, y1, x2, y2, x3, y3};
            double[] p = new double[8];
            for (int i = 0; i < 8; i += 2) {
                p[i] = m[0] * local[i] + m[2] * local[i + 1] + m[4];
                p[i + 1] = m[1] * local[i] + m[3] * local[i + 1] + m[5];
            }
            for (int axis = 0; axis < 2; axis++) {
                double a0 = p[axis], a1 = p[2 + axis], a2 = p[4 + axis], a3 = p[6 + axis];
                // the derivative over 3 is A t² + B t + C
                double qa = -a0 + 3 * a1 - 3 * a2 + a3, qb = 2 * (a0 - 2 * a1 + a2), qc = a1 - a0;
                for (double t : roots(qa, qb, qc)) {
                    if (!(t > 0 && t < 1)) continue;
                    double u = 1 - t, b0 = u * u * u, b1 = 3 * u * u * t, b2 = 3 * u * t * t, b3 = t * t * t;
                    w.add(
                            b0 * p[0] + b1 * p[2] + b2 * p[4] + b3 * p[6],
                            b0 * p[1] + b1 * p[3] + b2 * p[5] + b3 * p[7],
                            axis == 0 ? hx : 0,
                            axis == 0 ? 0 : hy);
                }
            }
        }

        private static double[] roots(double a, double b, double c) {
            double scale = Math.max(Math.abs(a), Math.max(Math.abs(b), Math.abs(c)));
            if (scale == 0) return new double[0];
            if (Math.abs(a) < 1e-12 * scale) return Math.abs(b) < 1e-12 * scale ? new double[0] : new double[] {-c / b};
            double disc = b * b - 4 * a * c;
            if (disc < 0) return new double[0];
            double s = Math.sqrt(disc);
            return new double[] {(-b + s) / (2 * a), (-b - s) / (2 * a)};
        }

        /** The first non-zero vector of three, as a unit vector; null if all are zero. */
        private static double[] direction(double ax, double ay, double bx, double by, double cx, double cy) {
            double[] v = {ax, ay, bx, by, cx, cy};
            for (int i = 0; i < 6; i += 2) {
                double len = Math.hypot(v[i], v[i + 1]);
                if (len > 0) return new double[] {v[i] / len, v[i + 1] / len};
            }
            return null;
        }

        /** Whether angle t lies on the sweep from theta1 by delta (delta may be negative). */
        private static boolean within(double t, double theta1, double delta) {
            double twoPi = 2 * Math.PI;
            if (Math.abs(delta) >= twoPi) return true;
            double off = delta >= 0 ? t - theta1 : theta1 - t;
            off = ((off % twoPi) + twoPi) % twoPi;
            return off <= Math.abs(delta);
        }
    }

    /** Reads path data (the SVG grammar; the program's path lists print in it) into an outline. */
    private static final class PathData {
        private final Outline o;
        private double ctrlX, ctrlY;
        private char prev = ' ';

        PathData(Outline o) {
            this.o = o;
        }

        void walk(String d) {
            if (d == null) return;
            Numbers.Scanner sc = new Numbers.Scanner(d);
            char cmd = ' ';
            while (true) {
                sc.skipSeparators();
                if (sc.atEnd()) break;
                char c = sc.peek();
                if (Character.isLetter(c)) {
                    if ("MmZzLlHhVvCcSsQqTtAa".indexOf(c) < 0) break; // an error: the rest is not drawn
                    sc.next();
                    cmd = c;
                } else if (cmd == ' ' || cmd == 'Z' || cmd == 'z') {
                    break; // numbers without a command
                } else if (cmd == 'M') {
                    cmd = 'L'; // numbers after a moveto are linetos
                } else if (cmd == 'm') {
                    cmd = 'l';
                }
                if (!command(cmd, sc)) break;
            }
            o.finishSubpath();
        }

        /** One command with its arguments; false when the data is malformed (the rest is not drawn). */
        private boolean command(char cmd, Numbers.Scanner sc) {
            boolean rel = Character.isLowerCase(cmd);
            double cx = o.x(), cy = o.y(), ox = rel ? cx : 0, oy = rel ? cy : 0;
            char up = Character.toUpperCase(cmd);
            double[] a;
            switch (up) {
                case 'Z':
                    o.close();
                    break;
                case 'M':
                    if ((a = sc.numbers(2)) == null) return false;
                    o.moveTo(a[0] + ox, a[1] + oy);
                    break;
                case 'L':
                    if ((a = sc.numbers(2)) == null) return false;
                    o.lineTo(a[0] + ox, a[1] + oy);
                    break;
                case 'H':
                    if ((a = sc.numbers(1)) == null) return false;
                    o.lineTo(a[0] + ox, cy);
                    break;
                case 'V':
                    if ((a = sc.numbers(1)) == null) return false;
                    o.lineTo(cx, a[0] + oy);
                    break;
                case 'C':
                    if ((a = sc.numbers(6)) == null) return false;
                    o.cubicTo(a[0] + ox, a[1] + oy, a[2] + ox, a[3] + oy, a[4] + ox, a[5] + oy);
                    ctrlX = a[2] + ox;
                    ctrlY = a[3] + oy;
                    break;
                case 'S': {
                    if ((a = sc.numbers(4)) == null) return false;
                    boolean smooth = prev == 'C' || prev == 'S';
                    o.cubicTo(
                            smooth ? 2 * cx - ctrlX : cx,
                            smooth ? 2 * cy - ctrlY : cy,
                            a[0] + ox,
                            a[1] + oy,
                            a[2] + ox,
                            a[3] + oy);
                    ctrlX = a[0] + ox;
                    ctrlY = a[1] + oy;
                    break;
                }
                case 'Q':
                    if ((a = sc.numbers(4)) == null) return false;
                    o.quadTo(ctrlX = a[0] + ox, ctrlY = a[1] + oy, a[2] + ox, a[3] + oy);
                    break;
                case 'T': {
                    if ((a = sc.numbers(2)) == null) return false;
                    boolean smooth = prev == 'Q' || prev == 'T';
                    ctrlX = smooth ? 2 * cx - ctrlX : cx;
                    ctrlY = smooth ? 2 * cy - ctrlY : cy;
                    o.quadTo(ctrlX, ctrlY, a[0] + ox, a[1] + oy);
                    break;
                }
                case 'A':
                    if ((a = sc.arc()) == null) return false;
                    o.arcTo(a[0], a[1], a[2], a[3] != 0, a[4] != 0, a[5] + ox, a[6] + oy);
                    break;
                default:
                    return false;
            }
            prev = up;
            return true;
        }
    }

    // ------------------------------------------------------------------------------------------------ numbers

    /** Reading numbers, lengths and lists the way SVG attributes write them. */
    static final class Numbers {
        private Numbers() {}

        /** A plain length in user units: a number, optionally followed by px; NaN for anything else (%, em, …). */
        static double length(String s) {
            if (s == null) return Double.NaN;
            String t = s.strip();
            if (t.endsWith("px")) t = t.substring(0, t.length() - 2).strip();
            Scanner sc = new Scanner(t);
            double v = sc.number();
            return sc.atEnd() ? v : Double.NaN;
        }

        /** A font-size, resolved against the inherited one (px, pt, em, %, and the CSS keywords). */
        static double fontSize(String s, double inherited) {
            String t = s.strip().toLowerCase(Locale.ROOT);
            switch (t) {
                case "xx-small":
                    return 9;
                case "x-small":
                    return 10;
                case "small":
                    return 13;
                case "medium":
                    return 16;
                case "large":
                    return 18;
                case "x-large":
                    return 24;
                case "xx-large":
                    return 32;
                case "larger":
                    return inherited * 1.2;
                case "smaller":
                    return inherited / 1.2;
                default:
                    break;
            }
            double f = 1;
            if (t.endsWith("em")) {
                f = inherited;
                t = t.substring(0, t.length() - 2);
            } else if (t.endsWith("%")) {
                f = inherited / 100;
                t = t.substring(0, t.length() - 1);
            } else if (t.endsWith("pt")) {
                f = 4.0 / 3;
                t = t.substring(0, t.length() - 2);
            } else if (t.endsWith("px")) t = t.substring(0, t.length() - 2);
            Scanner sc = new Scanner(t.strip());
            double v = sc.number();
            return sc.atEnd() && v >= 0 ? v * f : inherited;
        }

        /** All the numbers of a list separated by white space and/or commas (stops at the first non-number). */
        static double[] list(String s) {
            if (s == null) return new double[0];
            Scanner sc = new Scanner(s);
            double[] out = new double[8];
            int n = 0;
            while (true) {
                sc.skipSeparators();
                if (sc.atEnd()) break;
                double v = sc.number();
                if (Double.isNaN(v)) break;
                if (n == out.length) out = Arrays.copyOf(out, n * 2);
                out[n++] = v;
            }
            return Arrays.copyOf(out, n);
        }

        /** The four numbers of a viewBox with positive width and height, or null. */
        static double[] viewBox(String s) {
            if (s == null) return null;
            double[] v = list(s);
            if (v.length != 4 || !(v[2] > 0) || !(v[3] > 0)) return null;
            for (double d : v) if (!Double.isFinite(d)) return null;
            return v;
        }

        /** A cursor over attribute text that reads SVG numbers (sign, digits, fraction, exponent). */
        static final class Scanner {
            private final String s;
            private int i;

            Scanner(String s) {
                this.s = s;
            }

            boolean atEnd() {
                return i >= s.length();
            }

            char peek() {
                return s.charAt(i);
            }

            void next() {
                i++;
            }

            void skipSeparators() {
                while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == ',')) i++;
            }

            private void skipSpaces() {
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
            }

            /** The next number, or NaN (and nothing consumed) when there is none. */
            double number() {
                int start = i, j = i;
                if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) j++;
                int digits = 0;
                while (j < s.length() && Character.isDigit(s.charAt(j))) {
                    j++;
                    digits++;
                }
                if (j < s.length() && s.charAt(j) == '.') {
                    j++;
                    while (j < s.length() && Character.isDigit(s.charAt(j))) {
                        j++;
                        digits++;
                    }
                }
                if (digits == 0) return Double.NaN;
                if (j < s.length() && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
                    int k = j + 1;
                    if (k < s.length() && (s.charAt(k) == '+' || s.charAt(k) == '-')) k++;
                    int ed = 0;
                    while (k < s.length() && Character.isDigit(s.charAt(k))) {
                        k++;
                        ed++;
                    }
                    if (ed > 0) j = k;
                }
                i = j;
                try {
                    return Double.parseDouble(s.substring(start, j));
                } catch (NumberFormatException e) {
                    i = start;
                    return Double.NaN;
                }
            }

            /** n numbers separated by white space and/or commas, or null. */
            double[] numbers(int n) {
                double[] out = new double[n];
                for (int k = 0; k < n; k++) {
                    skipSeparators();
                    out[k] = number();
                    if (Double.isNaN(out[k])) return null;
                }
                return out;
            }

            /** Arc arguments rx ry angle large-arc-flag sweep-flag x y (flags may be written without spaces). */
            double[] arc() {
                double[] out = new double[7];
                for (int k = 0; k < 7; k++) {
                    skipSeparators();
                    if (k == 3 || k == 4) {
                        if (atEnd() || (peek() != '0' && peek() != '1')) return null;
                        out[k] = peek() - '0';
                        next();
                    } else {
                        out[k] = number();
                        if (Double.isNaN(out[k])) return null;
                    }
                }
                return out;
            }

            /** A name such as "rotate" (letters), possibly empty. */
            String name() {
                skipSpaces();
                int start = i;
                while (i < s.length() && Character.isLetter(s.charAt(i))) i++;
                return s.substring(start, i);
            }

            boolean expect(char c) {
                skipSpaces();
                if (i < s.length() && s.charAt(i) == c) {
                    i++;
                    return true;
                }
                return false;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ transforms

    /** 2-D affine matrices [a b c d e f]: x' = a x + c y + e, y' = b x + d y + f. */
    static final class Affine {
        private Affine() {}

        static final double[] IDENTITY = {1, 0, 0, 1, 0, 0};

        static double[] multiply(double[] p, double[] q) {
            if (q == IDENTITY) return p;
            if (p == IDENTITY) return q;
            return new double[] {
                p[0] * q[0] + p[2] * q[1], p[1] * q[0] + p[3] * q[1],
                p[0] * q[2] + p[2] * q[3], p[1] * q[2] + p[3] * q[3],
                p[0] * q[4] + p[2] * q[5] + p[4], p[1] * q[4] + p[3] * q[5] + p[5]
            };
        }

        static double[] translate(double x, double y) {
            return x == 0 && y == 0 ? IDENTITY : new double[] {1, 0, 0, 1, x, y};
        }
    }

    /** The SVG transform-list grammar (the program's transform lists print in it too). */
    static final class Transforms {
        private Transforms() {}

        /** The matrix of a transform list; the identity for null, empty or malformed text (as browsers do). */
        static double[] parse(String s) {
            if (s == null || s.isBlank()) return Affine.IDENTITY;
            Numbers.Scanner sc = new Numbers.Scanner(s);
            double[] m = Affine.IDENTITY;
            while (true) {
                sc.skipSeparators();
                if (sc.atEnd()) return m;
                String name = sc.name();
                if (!sc.expect('(')) return Affine.IDENTITY;
                double[] args = new double[6];
                int n = 0;
                while (true) {
                    sc.skipSeparators();
                    if (sc.expect(')')) break;
                    double v = sc.number();
                    if (Double.isNaN(v) || n == 6) return Affine.IDENTITY;
                    args[n++] = v;
                }
                double[] t = one(name, args, n);
                if (t == null) return Affine.IDENTITY;
                m = Affine.multiply(m, t);
            }
        }

        private static double[] one(String name, double[] a, int n) {
            switch (name) {
                case "matrix":
                    return n == 6 ? a.clone() : null;
                case "translate":
                    return n == 1
                            ? new double[] {1, 0, 0, 1, a[0], 0}
                            : n == 2 ? new double[] {1, 0, 0, 1, a[0], a[1]} : null;
                case "scale":
                    return n == 1
                            ? new double[] {a[0], 0, 0, a[0], 0, 0}
                            : n == 2 ? new double[] {a[0], 0, 0, a[1], 0, 0} : null;
                case "rotate": {
                    if (n != 1 && n != 3) return null;
                    double r = Math.toRadians(a[0]), c = Math.cos(r), s = Math.sin(r);
                    // exact quarter turns, so that rotated boxes keep round numbers
                    if (a[0] % 90 == 0) {
                        c = Math.rint(c);
                        s = Math.rint(s);
                    }
                    double[] rot = {c, s, -s, c, 0, 0};
                    if (n == 1) return rot;
                    return Affine.multiply(
                            Affine.multiply(Affine.translate(a[1], a[2]), rot), Affine.translate(-a[1], -a[2]));
                }
                case "skewX":
                    return n == 1 ? new double[] {1, 0, Math.tan(Math.toRadians(a[0])), 1, 0, 0} : null;
                case "skewY":
                    return n == 1 ? new double[] {1, Math.tan(Math.toRadians(a[0])), 0, 1, 0, 0} : null;
                default:
                    return null;
            }
        }
    }
}
