package org.duet.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duet.lang.Loc;
import org.duet.lang.Op;
import org.duet.lang.OpTrace;
import org.duet.lang.Trace;
import org.duet.svg.Renderer;
import org.duet.svg.SvgElement;
import org.duet.sync.Feature;
import org.duet.sync.Features;

/**
 * The features of a shape (interaction.md §7.2) with their equations, values and geometry, and the parsing of
 * feature references {@code N.FEATURE} (e.g. {@code 2.rectTLX}) and whole-shape references {@code N}.
 */
public final class FeatureCatalog {
    private FeatureCatalog() {}

    /** A number with its trace and a formula over attribute names. */
    private record T(Trace t, double v, String f) {}

    private static final T TWO = new T(Loc.constant(2), 2, "2");

    private static T op(Op op, T a, T b, double v) {
        return new T(new OpTrace(op, a.t, b.t), v, "(" + op.word + " " + a.f + " " + b.f + ")");
    }

    private static T plus(T a, T b) {
        return op(Op.PLUS, a, b, a.v + b.v);
    }

    private static T minus(T a, T b) {
        return op(Op.MINUS, a, b, a.v - b.v);
    }

    private static T half(T a) {
        return op(Op.DIV, a, TWO, a.v / 2);
    }

    /** The shape's number and, for a feature reference, the feature's name (null for a whole shape). */
    public record Ref(int shape, String feature) {
        @Override
        public String toString() {
            return feature == null ? String.valueOf(shape) : shape == SLIDERS ? feature : shape + "." + feature;
        }
    }

    /** The pseudo shape number of the program's range sliders: their values are features {@code slider1}, … */
    public static final int SLIDERS = -1;

    /** Parses {@code N.FEATURE}, {@code N} or {@code sliderK}; a RelateException says what is wrong. */
    public static Ref parseRef(String s) {
        String t = s.trim();
        if (t.matches("slider[1-9][0-9]{0,6}")) return new Ref(SLIDERS, t);
        int dot = t.indexOf('.');
        String num = dot < 0 ? t : t.substring(0, dot);
        String feat = dot < 0 ? null : t.substring(dot + 1).trim();
        int shape;
        try {
            shape = Integer.parseInt(num.trim());
        } catch (NumberFormatException e) {
            throw new RelateException("bad feature reference '" + s + "': write N.FEATURE (e.g. 2.rectTLX) or N for a "
                    + "whole shape, N being the shape's number");
        }
        if (shape < 0) throw new RelateException("bad feature reference '" + s + "': shape numbers start at 0");
        if (feat != null && feat.isEmpty())
            throw new RelateException("bad feature reference '" + s + "': no feature name after the dot");
        return new Ref(shape, feat);
    }

    /** Parses a comma-separated list of references. */
    public static List<Ref> parseRefs(String list) {
        List<Ref> out = new ArrayList<>();
        for (String part : list.split(",")) if (!part.isBlank()) out.add(parseRef(part));
        return out;
    }

    /** The feature a reference names; a RelateException names the valid ones if there is no such feature. */
    public static FeatureInfo resolve(Renderer.Result r, Ref ref) {
        if (ref.shape == SLIDERS) {
            List<FeatureInfo> ss = sliders(r);
            for (FeatureInfo f : ss) if (f.name.equals(ref.feature)) return f;
            throw new RelateException("the program has no " + ref.feature
                    + (ss.isEmpty()
                            ? " (it has no range sliders)"
                            : " (its sliders: "
                                    + String.join(
                                            ", ", ss.stream().map(f -> f.name).toList()) + ")"));
        }
        if (ref.feature == null)
            throw new RelateException("'" + ref + "' is a whole shape; this needs a feature such as " + ref.shape + "."
                    + (of(r, ref.shape).isEmpty() ? "…" : of(r, ref.shape).get(0).name));
        List<FeatureInfo> fs = of(r, ref.shape);
        for (FeatureInfo f : fs) if (f.name.equals(ref.feature)) return f;
        List<String> names = new ArrayList<>();
        for (FeatureInfo f : fs) names.add(f.name);
        throw new RelateException("shape " + ref.shape + " (" + kindOf(element(r, ref.shape)) + ") has no feature "
                + ref.feature
                + (names.isEmpty() ? " (it has no features)" : " (its features: " + String.join(", ", names) + ")"));
    }

    static SvgElement element(Renderer.Result r, int shape) {
        int n = r.canvas.elements().size();
        if (shape < 0 || shape >= n)
            throw new RelateException("there is no shape " + shape + ": the drawing has " + n + " element"
                    + (n == 1 ? "" : "s") + " (numbered from 0)");
        return r.canvas.elements().get(shape);
    }

    /**
     * The values of the program's range sliders (literals written {@code n{lo-hi}}) as features {@code slider1},
     * {@code slider2}, … in the order of the text (as the zones IntSlider1/NumSlider1 … count them).
     */
    public static List<FeatureInfo> sliders(Renderer.Result r) {
        List<FeatureInfo> out = new ArrayList<>();
        int k = 0;
        for (Loc l : r.program.locs()) {
            if (l.range == null) continue;
            String formula = l.name().isEmpty() ? org.duet.lang.JsNumber.toString(l.value) : l.name();
            out.add(new FeatureInfo(
                    SLIDERS,
                    "slider" + (++k),
                    FeatureInfo.Kind.OTHER,
                    l.value,
                    null,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    l,
                    formula));
        }
        return out;
    }

    /** BOX, OVAL or the SVG kind (rect, circle, line, …). */
    public static String kindOf(SvgElement el) {
        return el.sourceKind.equals("BOX") || el.sourceKind.equals("OVAL") ? el.sourceKind : el.kind;
    }

    /** Every feature of shape {@code shape} of a rendered program, in the order of §7.2. */
    public static List<FeatureInfo> of(Renderer.Result r, int shape) {
        SvgElement el = element(r, shape);
        Map<String, Feature> fs = Features.values(r.program, el);
        List<FeatureInfo> out = new ArrayList<>();
        String kind = kindOf(el);
        String prefix = kind.toLowerCase();
        Map<String, T> box = boxEquations(kind, fs);
        if (box != null) {
            T l = box.get("L"),
                    rr = box.get("R"),
                    cx = box.get("CX"),
                    t = box.get("T"),
                    b = box.get("B"),
                    cy = box.get("CY");
            Object[][] pts = {
                {"TL", l, t},
                {"TR", rr, t},
                {"BL", l, b},
                {"BR", rr, b},
                {"TC", cx, t},
                {"CR", rr, cy},
                {"BC", cx, b},
                {"CL", l, cy},
                {"C", cx, cy}
            };
            for (Object[] p : pts) point(out, shape, prefix, (String) p[0], (T) p[1], (T) p[2]);
            if (box.containsKey("Width")) {
                dist(out, shape, prefix + "Width", box.get("Width"), l.v, cy.v, rr.v, cy.v);
                dist(out, shape, prefix + "Height", box.get("Height"), cx.v, t.v, cx.v, b.v);
            } else if (box.containsKey("RADIUS")) {
                dist(out, shape, prefix + "R", box.get("RADIUS"), cx.v, cy.v, rr.v, cy.v);
            } else {
                dist(out, shape, prefix + "RX", box.get("RX"), cx.v, cy.v, rr.v, cy.v);
                dist(out, shape, prefix + "RY", box.get("RY"), cx.v, t.v, cx.v, cy.v);
            }
        } else if (kind.equals("line") && has(fs, "x1", "y1", "x2", "y2")) {
            T x1 = t(fs, "x1"), y1 = t(fs, "y1"), x2 = t(fs, "x2"), y2 = t(fs, "y2");
            coord(out, shape, "lineX1", FeatureInfo.Kind.X, "P1", x1, x1.v, y1.v);
            coord(out, shape, "lineY1", FeatureInfo.Kind.Y, "P1", y1, x1.v, y1.v);
            coord(out, shape, "lineX2", FeatureInfo.Kind.X, "P2", x2, x2.v, y2.v);
            coord(out, shape, "lineY2", FeatureInfo.Kind.Y, "P2", y2, x2.v, y2.v);
            T cx = half(plus(x1, x2)), cy = half(plus(y1, y2));
            coord(out, shape, "lineCX", FeatureInfo.Kind.X, "C", cx, cx.v, cy.v);
            coord(out, shape, "lineCY", FeatureInfo.Kind.Y, "C", cy, cx.v, cy.v);
        } else if (kind.equals("polygon") || kind.equals("polyline")) {
            List<T[]> ps = new ArrayList<>();
            for (int i = 1; fs.containsKey("points[" + i + "].x"); i++)
                ps.add(new T[] {t(fs, "points[" + i + "].x"), t(fs, "points[" + i + "].y")});
            for (int i = 0; i < ps.size(); i++) {
                T x = ps.get(i)[0], y = ps.get(i)[1];
                coord(out, shape, prefix + "PtX" + (i + 1), FeatureInfo.Kind.X, "Pt" + (i + 1), x, x.v, y.v);
                coord(out, shape, prefix + "PtY" + (i + 1), FeatureInfo.Kind.Y, "Pt" + (i + 1), y, x.v, y.v);
            }
            int edges = kind.equals("polygon") ? ps.size() : ps.size() - 1;
            for (int i = 0; i < edges && ps.size() >= 2; i++) {
                T[] p = ps.get(i), q = ps.get((i + 1) % ps.size());
                T mx = half(plus(p[0], q[0])), my = half(plus(p[1], q[1]));
                coord(out, shape, prefix + "MidptX" + (i + 1), FeatureInfo.Kind.X, "Midpt" + (i + 1), mx, mx.v, my.v);
                coord(out, shape, prefix + "MidptY" + (i + 1), FeatureInfo.Kind.Y, "Midpt" + (i + 1), my, mx.v, my.v);
            }
        } else if (kind.equals("path")) {
            for (int i = 1; fs.containsKey("d[" + i + "].x"); i++) {
                T x = t(fs, "d[" + i + "].x"), y = t(fs, "d[" + i + "].y");
                coord(out, shape, "pathPtX" + i, FeatureInfo.Kind.X, "Pt" + i, x, x.v, y.v);
                coord(out, shape, "pathPtY" + i, FeatureInfo.Kind.Y, "Pt" + i, y, x.v, y.v);
            }
        } else if (kind.equals("text") && has(fs, "x", "y")) {
            T x = t(fs, "x"), y = t(fs, "y");
            coord(out, shape, "textX", FeatureInfo.Kind.X, "P", x, x.v, y.v);
            coord(out, shape, "textY", FeatureInfo.Kind.Y, "P", y, x.v, y.v);
            if (fs.containsKey("font-size")) other(out, shape, "fontSize", t(fs, "font-size"));
        }
        String[][] others = {
            {"fill", "fill"},
            {"stroke", "stroke"},
            {"fill.opacity", "fillOpacity"},
            {"stroke.opacity", "strokeOpacity"},
            {"stroke-width", "strokeWidth"},
            {"transform.rotate", "rotation"}
        };
        for (String[] o : others) if (fs.containsKey(o[0])) other(out, shape, o[1], t(fs, o[0]));
        return out;
    }

    private static boolean has(Map<String, Feature> fs, String... keys) {
        for (String k : keys) if (!fs.containsKey(k)) return false;
        return true;
    }

    private static T t(Map<String, Feature> fs, String key) {
        Feature f = fs.get(key);
        return new T(
                f.trace(), f.value(), key.replace('.', '_').replace("[", "").replace("]", ""));
    }

    /** L R CX T B CY and Width/Height, R or RX/RY of box-like shapes; null for other kinds. */
    private static Map<String, T> boxEquations(String kind, Map<String, Feature> fs) {
        Map<String, T> m = new LinkedHashMap<>();
        switch (kind) {
            case "rect": {
                if (!has(fs, "x", "y", "width", "height")) return null;
                T x = t(fs, "x"), y = t(fs, "y"), w = t(fs, "width"), h = t(fs, "height");
                m.put("L", x);
                m.put("R", plus(x, w));
                m.put("CX", plus(x, half(w)));
                m.put("T", y);
                m.put("B", plus(y, h));
                m.put("CY", plus(y, half(h)));
                m.put("Width", w);
                m.put("Height", h);
                return m;
            }
            case "BOX":
            case "OVAL": {
                if (!has(fs, "LEFT", "TOP", "RIGHT", "BOT")) return null;
                T l = t(fs, "LEFT"), tp = t(fs, "TOP"), r = t(fs, "RIGHT"), b = t(fs, "BOT");
                m.put("L", l);
                m.put("R", r);
                m.put("CX", half(plus(l, r)));
                m.put("T", tp);
                m.put("B", b);
                m.put("CY", half(plus(tp, b)));
                if (kind.equals("BOX")) {
                    m.put("Width", minus(r, l));
                    m.put("Height", minus(b, tp));
                } else {
                    m.put("RX", half(minus(r, l)));
                    m.put("RY", half(minus(b, tp)));
                }
                return m;
            }
            case "circle": {
                if (!has(fs, "cx", "cy", "r")) return null;
                T cx = t(fs, "cx"), cy = t(fs, "cy"), r = t(fs, "r");
                m.put("L", minus(cx, r));
                m.put("R", plus(cx, r));
                m.put("CX", cx);
                m.put("T", minus(cy, r));
                m.put("B", plus(cy, r));
                m.put("CY", cy);
                m.put("RADIUS", r);
                return m;
            }
            case "ellipse": {
                if (!has(fs, "cx", "cy", "rx", "ry")) return null;
                T cx = t(fs, "cx"), cy = t(fs, "cy"), rx = t(fs, "rx"), ry = t(fs, "ry");
                m.put("L", minus(cx, rx));
                m.put("R", plus(cx, rx));
                m.put("CX", cx);
                m.put("T", minus(cy, ry));
                m.put("B", plus(cy, ry));
                m.put("CY", cy);
                m.put("RX", rx);
                m.put("RY", ry);
                return m;
            }
            default:
                return null;
        }
    }

    private static void point(List<FeatureInfo> out, int shape, String prefix, String code, T x, T y) {
        coord(out, shape, prefix + code + "X", FeatureInfo.Kind.X, code, x, x.v, y.v);
        coord(out, shape, prefix + code + "Y", FeatureInfo.Kind.Y, code, y, x.v, y.v);
    }

    private static void coord(
            List<FeatureInfo> out,
            int shape,
            String name,
            FeatureInfo.Kind kind,
            String point,
            T t,
            double x,
            double y) {
        out.add(new FeatureInfo(
                shape, name, kind, t.v, point, x, y, Double.NaN, Double.NaN, Double.NaN, Double.NaN, t.t, t.f));
    }

    private static void dist(
            List<FeatureInfo> out, int shape, String name, T t, double x1, double y1, double x2, double y2) {
        out.add(new FeatureInfo(
                shape, name, FeatureInfo.Kind.DISTANCE, t.v, null, Double.NaN, Double.NaN, x1, y1, x2, y2, t.t, t.f));
    }

    private static void other(List<FeatureInfo> out, int shape, String name, T t) {
        out.add(new FeatureInfo(
                shape,
                name,
                FeatureInfo.Kind.OTHER,
                t.v,
                null,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                t.t,
                t.f));
    }

    /**
     * The bounding features of a whole shape, for align, distribute and equal sizes: {@code left right centerX top
     * bottom centerY width height} (derived features, named as in the catalog when one exists: {@code rectTLX} …;
     * for lines, polygons and paths the extreme points, e.g. the leftmost point's X).
     */
    static Map<String, FeatureInfo> box(Renderer.Result r, int shape) {
        List<FeatureInfo> fs = of(r, shape);
        Map<String, FeatureInfo> byName = new LinkedHashMap<>();
        for (FeatureInfo f : fs) byName.put(f.name, f);
        SvgElement el = element(r, shape);
        String kind = kindOf(el), p = kind.toLowerCase();
        Map<String, FeatureInfo> m = new LinkedHashMap<>();
        if (byName.containsKey(p + "TLX")) {
            m.put("left", byName.get(p + "TLX"));
            m.put("right", byName.get(p + "BRX"));
            m.put("centerX", byName.get(p + "CX"));
            m.put("top", byName.get(p + "TLY"));
            m.put("bottom", byName.get(p + "BRY"));
            m.put("centerY", byName.get(p + "CY"));
            if (byName.containsKey(p + "Width")) {
                m.put("width", byName.get(p + "Width"));
                m.put("height", byName.get(p + "Height"));
            } else {
                m.put("width", derived(shape, "width", byName.get(p + "BRX"), byName.get(p + "TLX"), false));
                m.put("height", derived(shape, "height", byName.get(p + "BRY"), byName.get(p + "TLY"), false));
            }
            return m;
        }
        if (kind.equals("text") && byName.containsKey("textX")) {
            for (String k : new String[] {"left", "right", "centerX"}) m.put(k, byName.get("textX"));
            for (String k : new String[] {"top", "bottom", "centerY"}) m.put(k, byName.get("textY"));
            return m;
        }
        // lines, polygons, paths: the extreme points (midpoints excluded)
        FeatureInfo minX = null, maxX = null, minY = null, maxY = null;
        for (FeatureInfo f : fs) {
            if (f.name.contains("Midpt") || f.name.startsWith("lineC")) continue;
            if (f.kind == FeatureInfo.Kind.X) {
                if (minX == null || f.value < minX.value) minX = f;
                if (maxX == null || f.value > maxX.value) maxX = f;
            } else if (f.kind == FeatureInfo.Kind.Y) {
                if (minY == null || f.value < minY.value) minY = f;
                if (maxY == null || f.value > maxY.value) maxY = f;
            }
        }
        if (minX == null || minY == null)
            throw new RelateException("shape " + shape + " (" + kind + ") has no points to align or measure");
        m.put("left", minX);
        m.put("right", maxX);
        m.put(
                "centerX",
                byName.containsKey("lineCX") ? byName.get("lineCX") : derived(shape, "centerX", minX, maxX, true));
        m.put("top", minY);
        m.put("bottom", maxY);
        m.put(
                "centerY",
                byName.containsKey("lineCY") ? byName.get("lineCY") : derived(shape, "centerY", minY, maxY, true));
        m.put("width", derived(shape, "width", maxX, minX, false));
        m.put("height", derived(shape, "height", maxY, minY, false));
        return m;
    }

    /** (a + b) / 2 if {@code mean}, else a − b. */
    private static FeatureInfo derived(int shape, String name, FeatureInfo a, FeatureInfo b, boolean mean) {
        T ta = new T(a.equation, a.value, a.formula), tb = new T(b.equation, b.value, b.formula);
        T t = mean ? half(plus(ta, tb)) : minus(ta, tb);
        FeatureInfo.Kind k = mean ? a.kind : FeatureInfo.Kind.DISTANCE;
        return new FeatureInfo(
                shape,
                name,
                k,
                t.v,
                null,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                t.t,
                t.f);
    }
}
