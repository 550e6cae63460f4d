package org.duet.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duet.lang.Expr;
import org.duet.lang.Loc;
import org.duet.lang.Node;
import org.duet.lang.Program;
import org.duet.svg.Canvas;
import org.duet.svg.Renderer;
import org.duet.svg.SvgElement;

/**
 * Everything live synchronisation needs about one version of a program, computed once: every number of every shape
 * with its compiled trace and candidate locations, the zones of every shape and the program's sliders with the
 * locations the heuristics chose, and which shape attributes each location affects. Immutable after construction;
 * drags ({@link Sync#drag(SyncTable, int, String, double, double)}) read it.
 */
public final class SyncTable {
    final Program program;
    final Canvas canvas;
    final Heuristics heuristics;
    /** Location values of the program, by id (index 0 unused). */
    final double[] base;
    /** Candidates for ordinary drags, by id. */
    final boolean[] candidate;
    /** Literals that look like list indices ([0 1 2]); used only when nothing else is available. */
    final boolean[] indexLike;
    /** Biased popularity of each location id (how many attribute values it is a candidate of). */
    final int[] popularity;

    final List<ShapeZones> shapes;
    private final Map<Integer, ShapeZones> byShape = new HashMap<>();
    final List<Zone> widgets;
    /** Every feature of the canvas (every number of every element's attributes). */
    final List<Feature> allFeatures = new ArrayList<>();
    /** For each location id, the features whose traces contain it (built on first use). */
    private volatile List<Feature>[] featuresOfLoc;

    /** Builds the table of a rendered program. */
    public static SyncTable of(Renderer.Result r, Heuristics h) {
        return new SyncTable(r.program, r.canvas, r.points, h);
    }

    SyncTable(Program program, Canvas canvas, Heuristics heuristics) {
        this(program, canvas, List.of(), heuristics);
    }

    SyncTable(Program program, Canvas canvas, List<org.duet.eval.Value.Num[]> points, Heuristics heuristics) {
        this.program = program;
        this.canvas = canvas;
        this.heuristics = heuristics;
        int n = program.locs().size();
        base = new double[n + 1];
        candidate = new boolean[n + 1];
        indexLike = new boolean[n + 1];
        boolean unannotatedFrozen = program.unannotatedFrozen();
        for (Loc l : program.locs()) {
            base[l.id()] = l.value;
            candidate[l.id()] = !l.frozen() && !(unannotatedFrozen && l.annotation == Loc.Annotation.NONE);
        }
        markIndexLiterals();

        // every element's numbers, then every widget's; their traces compiled (within a budget) in that order
        Features extractor = new Features(program, base, candidate, indexLike);
        extractor.compile = false;
        List<SvgElement> elements = canvas.elements();
        List<Map<String, Feature>> featuresOf = new ArrayList<>(elements.size());
        for (SvgElement el : elements) {
            Map<String, Feature> fs = extractor.of(el);
            featuresOf.add(fs);
            for (Feature f : fs.values()) {
                f.element = el.index();
                f.index = allFeatures.size();
                allFeatures.add(f);
            }
        }
        // program widgets: range sliders
        List<Feature> sliderFeatures = new ArrayList<>();
        for (Loc l : program.locs()) {
            if (l.range == null) continue;
            sliderFeatures.add(new Feature("value", l.value, l, 1));
        }
        // program widgets: point widgets, (e : Point) — normal candidate rules
        List<Feature[]> pointFeatures = new ArrayList<>();
        List<Feature> pointList = new ArrayList<>();
        for (org.duet.eval.Value.Num[] p : points) {
            Feature fx = new Feature("x", p[0].v, p[0].trace, 1), fy = new Feature("y", p[1].v, p[1].trace, 1);
            pointFeatures.add(new Feature[] {fx, fy});
            pointList.add(fx);
            pointList.add(fy);
        }
        List<Feature> every = new ArrayList<>(allFeatures);
        every.addAll(sliderFeatures);
        every.addAll(pointList);
        extractor.limitCompiling(every);
        for (Feature f : every) extractor.prepare(f);
        // a slider may move its literal even if frozen
        for (Feature f : sliderFeatures) f.cands = f.allCands = new int[] {((Loc) f.trace).id()};

        // Biased popularity
        int[] count = new int[n + 1];
        for (Feature f : allFeatures) for (int c : f.allCands) count[c] += f.weight;
        for (Feature f : sliderFeatures) count[f.cands[0]] += 1;
        for (Feature[] p : pointFeatures) for (Feature f : p) for (int c : f.allCands) count[c] += 1;

        this.popularity = count;
        Assigner assigner = new Assigner(heuristics, count);
        List<ShapeZones> shapeList = new ArrayList<>();
        for (SvgElement el : elements) {
            Map<String, Feature> fs = featuresOf.get(el.index());
            List<ZoneSpec> specs = zoneSpecs(el, fs);
            if (specs.isEmpty()) continue;
            List<Zone> zones = new ArrayList<>();
            for (ZoneSpec s : specs) zones.add(assigner.assign(el.index(), kindOf(el), s, fs));
            ShapeZones sz = new ShapeZones(el.index(), kindOf(el), zones);
            shapeList.add(sz);
            byShape.put(el.index(), sz);
        }
        this.shapes = Collections.unmodifiableList(shapeList);
        List<Zone> ws = new ArrayList<>();
        int i = 0;
        for (Feature f : sliderFeatures) {
            Loc l = (Loc) f.trace;
            boolean integral = l.range.integral() && l.value == Math.rint(l.value);
            String name = (integral ? "IntSlider" : "NumSlider") + (++i);
            ZoneSpec s = new ZoneSpec(
                    name, List.of(new ElemSpec("value", Rule.slider(l.range.lo(), l.range.hi(), integral))), false);
            ws.add(assigner.assign(-1, "slider", s, Map.of("value", f)));
        }
        int k = 0;
        for (Feature[] p : pointFeatures) {
            ZoneSpec s = new ZoneSpec(
                    "PointSlider" + (++k),
                    List.of(new ElemSpec("x", Rule.PLUS_DX), new ElemSpec("y", Rule.PLUS_DY)),
                    false);
            ws.add(assigner.assign(-1, "point", s, Map.of("x", p[0], "y", p[1])));
        }
        this.widgets = Collections.unmodifiableList(ws);
    }

    public Program program() {
        return program;
    }

    public Canvas canvas() {
        return canvas;
    }

    public Heuristics heuristics() {
        return heuristics;
    }
    /** Shapes that have zones, in document order. */
    public List<ShapeZones> shapes() {
        return shapes;
    }
    /** The zones of the shape with this index, or null if it has none. */
    public ShapeZones shape(int index) {
        return byShape.get(index);
    }
    /** The program's range sliders ({@code IntSlider<i>} / {@code NumSlider<i>}, numbered from 1). */
    public List<Zone> widgets() {
        return widgets;
    }

    /** The zone, or null: a shape's zone by name, or (shape −1) a widget by name. */
    public Zone zone(int shape, String name) {
        if (shape < 0) {
            for (Zone z : widgets) if (z.name.equals(name)) return z;
            return null;
        }
        ShapeZones s = byShape.get(shape);
        return s == null ? null : s.zone(name);
    }

    static String kindOf(SvgElement el) {
        return el.sourceKind.equals("BOX") || el.sourceKind.equals("OVAL") ? el.sourceKind : el.kind;
    }

    // --------------------------------------------------------------------------------------------- candidates

    /**
     * Literals of a list written out as consecutive whole numbers from 0 or 1 ({@code [0 1 2]}), none of them bound
     * to a name, are taken to be indices (interaction.md §9 #18): they are offered only when a trace has no other
     * candidate.
     */
    private void markIndexLiterals() {
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(program.root());
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (node instanceof Expr.ListExpr) {
                Expr.ListExpr l = (Expr.ListExpr) node;
                if (l.tail == null && l.elems.size() >= 2) {
                    boolean index = true;
                    double first = Double.NaN;
                    for (int i = 0; i < l.elems.size() && index; i++) {
                        Expr e = l.elems.get(i);
                        if (!(e instanceof Expr.Num)) {
                            index = false;
                            break;
                        }
                        Loc loc = ((Expr.Num) e).loc;
                        if (!loc.name().isEmpty() || loc.range != null) index = false;
                        if (i == 0) first = loc.value;
                        if (loc.value != first + i) index = false;
                    }
                    if (index && (first == 0 || first == 1))
                        for (Expr e : l.elems) indexLike[((Expr.Num) e).loc.id()] = true;
                }
            }
            for (Node c : node.children()) stack.push(c);
        }
    }

    // -------------------------------------------------------------------------------------------------- zones

    /** An attribute of a zone with its rule. */
    static final class ElemSpec {
        final String key;
        final Rule rule;

        ElemSpec(String key, Rule rule) {
            this.key = key;
            this.rule = rule;
        }
    }

    static final class ZoneSpec {
        final String name;
        final List<ElemSpec> elems;
        /** Active only if every element gets a location (polygon and path Interior). */
        final boolean needsAll;

        ZoneSpec(String name, List<ElemSpec> elems, boolean needsAll) {
            this.name = name;
            this.elems = elems;
            this.needsAll = needsAll;
        }
    }

    private static ElemSpec e(String key, Rule rule) {
        return new ElemSpec(key, rule);
    }

    private static ZoneSpec z(String name, ElemSpec... elems) {
        return new ZoneSpec(name, List.of(elems), false);
    }

    static final String[] BOX_ZONES = {
        "Interior", "TopLeft", "TopEdge", "TopRight", "RightEdge", "BotRight", "BotEdge", "BotLeft", "LeftEdge"
    };

    /** The zones of an element in the order of interaction.md §2.2, then its extra widgets (§2.3). */
    static List<ZoneSpec> zoneSpecs(SvgElement el, Map<String, Feature> fs) {
        List<ZoneSpec> out = new ArrayList<>();
        Rule pdx = Rule.PLUS_DX, mdx = Rule.MINUS_DX, pdy = Rule.PLUS_DY, mdy = Rule.MINUS_DY;
        String kind = kindOf(el);
        double ring = Double.NaN;
        boolean fillWidgets = true;
        switch (kind) {
            case "rect":
                out.add(z("Interior", e("x", pdx), e("y", pdy)));
                out.add(z("TopLeft", e("x", pdx), e("y", pdy), e("width", mdx), e("height", mdy)));
                out.add(z("TopEdge", e("y", pdy), e("height", mdy)));
                out.add(z("TopRight", e("y", pdy), e("width", pdx), e("height", mdy)));
                out.add(z("RightEdge", e("width", pdx)));
                out.add(z("BotRight", e("width", pdx), e("height", pdy)));
                out.add(z("BotEdge", e("height", pdy)));
                out.add(z("BotLeft", e("x", pdx), e("width", mdx), e("height", pdy)));
                out.add(z("LeftEdge", e("x", pdx), e("width", mdx)));
                ring = 20 + val(fs, "height") / 2;
                break;
            case "BOX":
            case "OVAL":
                out.add(z("Interior", e("LEFT", pdx), e("TOP", pdy), e("RIGHT", pdx), e("BOT", pdy)));
                out.add(z("TopLeft", e("LEFT", pdx), e("TOP", pdy)));
                out.add(z("TopEdge", e("TOP", pdy)));
                out.add(z("TopRight", e("RIGHT", pdx), e("TOP", pdy)));
                out.add(z("RightEdge", e("RIGHT", pdx)));
                out.add(z("BotRight", e("RIGHT", pdx), e("BOT", pdy)));
                out.add(z("BotEdge", e("BOT", pdy)));
                out.add(z("BotLeft", e("LEFT", pdx), e("BOT", pdy)));
                out.add(z("LeftEdge", e("LEFT", pdx)));
                ring = 20 + (val(fs, "BOT") - val(fs, "TOP")) / 2; // 20 + h/2 (BOX), ry + 20 (OVAL)
                break;
            case "circle":
                out.add(z("Interior", e("cx", pdx), e("cy", pdy)));
                out.add(z("TopLeft", e("r", Rule.corner(-1, -1))));
                out.add(z("TopEdge", e("r", mdy)));
                out.add(z("TopRight", e("r", Rule.corner(1, -1))));
                out.add(z("RightEdge", e("r", pdx)));
                out.add(z("BotRight", e("r", Rule.corner(1, 1))));
                out.add(z("BotEdge", e("r", pdy)));
                out.add(z("BotLeft", e("r", Rule.corner(-1, 1))));
                out.add(z("LeftEdge", e("r", mdx)));
                ring = val(fs, "r") + 20;
                break;
            case "ellipse":
                out.add(z("Interior", e("cx", pdx), e("cy", pdy)));
                out.add(z("TopLeft", e("rx", mdx), e("ry", mdy)));
                out.add(z("TopEdge", e("ry", mdy)));
                out.add(z("TopRight", e("rx", pdx), e("ry", mdy)));
                out.add(z("RightEdge", e("rx", pdx)));
                out.add(z("BotRight", e("rx", pdx), e("ry", pdy)));
                out.add(z("BotEdge", e("ry", pdy)));
                out.add(z("BotLeft", e("rx", mdx), e("ry", pdy)));
                out.add(z("LeftEdge", e("rx", mdx)));
                ring = val(fs, "ry") + 20;
                break;
            case "line":
                out.add(z("Point1", e("x1", pdx), e("y1", pdy)));
                out.add(z("Point2", e("x2", pdx), e("y2", pdy)));
                out.add(z("Edge", e("x1", pdx), e("y1", pdy), e("x2", pdx), e("y2", pdy)));
                ring = Math.hypot(val(fs, "x2") - val(fs, "x1"), val(fs, "y2") - val(fs, "y1")) / 2 - 20;
                fillWidgets = false;
                break;
            case "polygon":
            case "polyline":
            case "path": {
                String attr = kind.equals("path") ? "d" : "points";
                int n = 0;
                while (fs.containsKey(attr + "[" + (n + 1) + "].x")) n++;
                if (n == 0) return out;
                for (int i = 1; i <= n; i++) out.add(z("Point" + i, e(px(attr, i), pdx), e(py(attr, i), pdy)));
                if (!kind.equals("path") && n >= 2) {
                    int edges = kind.equals("polygon") ? n : n - 1;
                    for (int i = 1; i <= edges; i++) {
                        int j = i % n + 1;
                        out.add(z(
                                "Edge" + i,
                                e(px(attr, i), pdx),
                                e(py(attr, i), pdy),
                                e(px(attr, j), pdx),
                                e(py(attr, j), pdy)));
                    }
                }
                List<ElemSpec> all = new ArrayList<>();
                double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
                double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
                for (int i = 1; i <= n; i++) {
                    all.add(e(px(attr, i), pdx));
                    all.add(e(py(attr, i), pdy));
                    double x = val(fs, px(attr, i)), y = val(fs, py(attr, i));
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
                out.add(new ZoneSpec("Interior", all, true));
                ring = Math.max(maxX - minX, maxY - minY) / 2 + 20;
                break;
            }
            case "text":
                if (fs.containsKey("x") && fs.containsKey("y")) out.add(z("Interior", e("x", pdx), e("y", pdy)));
                return out;
            default:
                return out;
        }
        // extra widgets of a selected shape (interaction.md §2.3)
        if (fillWidgets && fs.containsKey("fill")) out.add(z("FillBall", e("fill", Rule.COLOR)));
        if (fs.containsKey("stroke")) out.add(z("StrokeBall", e("stroke", Rule.COLOR)));
        if (fillWidgets && fs.containsKey("fill.opacity"))
            out.add(z("FillOpacityBall", e("fill.opacity", Rule.OPACITY)));
        if (fs.containsKey("stroke.opacity")) out.add(z("StrokeOpacityBall", e("stroke.opacity", Rule.OPACITY)));
        if (fs.containsKey("stroke-width")) out.add(z("StrokeWidthBall", e("stroke-width", Rule.STROKE_WIDTH)));
        if (fs.containsKey("transform.rotate") && Double.isFinite(ring))
            out.add(z("RotateBall", e("transform.rotate", Rule.rotate(ring))));
        return out;
    }

    private static String px(String attr, int i) {
        return attr + "[" + i + "].x";
    }

    private static String py(String attr, int i) {
        return attr + "[" + i + "].y";
    }

    private static double val(Map<String, Feature> fs, String key) {
        Feature f = fs.get(key);
        return f == null ? Double.NaN : f.value;
    }

    // ------------------------------------------------------------------------------------------- heuristics

    /** Chooses locations for zones, in the order they are visited (which matters for Fair). */
    private final class Assigner {
        final Heuristics mode;
        final int[] count;
        final Map<Tuple, Integer> fair = new HashMap<>();

        Assigner(Heuristics mode, int[] count) {
            this.mode = mode;
            this.count = count;
        }

        Zone assign(int shape, String kind, ZoneSpec spec, Map<String, Feature> fs) {
            int k = spec.elems.size();
            Feature[] feats = new Feature[k];
            int[][] cands = new int[k][];
            boolean anyCand = false, runtime = false, tooLarge = false;
            for (int i = 0; i < k; i++) {
                feats[i] = fs.get(spec.elems.get(i).key);
                cands[i] = feats[i] == null ? new int[0] : feats[i].cands;
                if (cands[i].length > 0) anyCand = true;
                if (feats[i] != null && feats[i].tooLarge) tooLarge = true;
                else if (feats[i] != null && feats[i].expr == null) runtime = true;
            }
            int[] chosen = new int[k]; // 0 = none
            Zone.Inactive why = null;
            if (!anyCand) {
                why = runtime
                        ? Zone.Inactive.RUNTIME
                        : tooLarge ? Zone.Inactive.TOO_LARGE : Zone.Inactive.NO_CANDIDATES;
            } else {
                switch (mode) {
                    case BIASED:
                        for (int i = 0; i < k; i++) {
                            int best = 0;
                            // ties: the literal latest in the text (Sketch-n-Sketch's lowest id)
                            for (int c : cands[i]) if (best == 0 || count[c] <= count[best]) best = c;
                            chosen[i] = best;
                        }
                        break;
                    case NONE: {
                        boolean any = false;
                        for (int i = 0; i < k; i++) {
                            if (cands[i].length == 1) {
                                chosen[i] = cands[i][0];
                                any = true;
                            }
                        }
                        if (!any) why = Zone.Inactive.AMBIGUOUS;
                        break;
                    }
                    case FAIR:
                        if (!fair(cands, chosen)) why = Zone.Inactive.TOO_MANY_COMBINATIONS;
                        break;
                    default:
                        throw new IllegalStateException();
                }
            }
            if (why == null && spec.needsAll) {
                for (int c : chosen)
                    if (c == 0) {
                        why = Zone.Inactive.PARTIAL;
                        break;
                    }
            }
            if (why == null && mode == Heuristics.FAIR) fair.merge(new Tuple(chosen), 1, Integer::sum);
            List<TriggerElement> elems = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                if (feats[i] == null) continue;
                elems.add(new TriggerElement(
                        feats[i],
                        spec.elems.get(i).rule,
                        why == null && chosen[i] != 0 ? program.loc(chosen[i]) : null,
                        candidateLocs(feats[i])));
            }
            return new Zone(shape, kind, spec.name, elems, why);
        }

        /**
         * Fair: the least used tuple of the product of the candidate sets (empty sets give "none"), enumerated
         * lexicographically from the literals latest in the text (Sketch-n-Sketch's id order); ties: the first.
         */
        private boolean fair(int[][] cands, int[] chosen) {
            int k = cands.length;
            long product = 1;
            for (int[] c : cands) {
                if (c.length > 0) product *= c.length;
                if (product > 100) return false; // (checked at every step: no overflow)
            }
            int[] idx = new int[k];
            int[] cur = new int[k];
            int bestCount = Integer.MAX_VALUE;
            while (true) {
                for (int i = 0; i < k; i++) cur[i] = cands[i].length == 0 ? 0 : cands[i][cands[i].length - 1 - idx[i]];
                int c = fair.getOrDefault(new Tuple(cur), 0);
                if (c < bestCount) {
                    bestCount = c;
                    System.arraycopy(cur, 0, chosen, 0, k);
                }
                // next tuple, last position fastest (lexicographic order)
                int i = k - 1;
                while (i >= 0) {
                    int len = Math.max(1, cands[i].length);
                    if (++idx[i] < len) break;
                    idx[i] = 0;
                    i--;
                }
                if (i < 0) break;
            }
            return true;
        }
    }

    /**
     * The feature's candidate locations, made once and shared by the elements of every zone it is in (a trace may
     * have thousands of candidates).
     */
    private List<Loc> candidateLocs(Feature f) {
        if (f.candidateLocs == null) {
            List<Loc> cl = new ArrayList<>(f.allCands.length);
            for (int c : f.allCands) cl.add(program.loc(c));
            f.candidateLocs = Collections.unmodifiableList(cl);
        }
        return f.candidateLocs;
    }

    private static final class Tuple {
        final int[] ids;
        final int hash;

        Tuple(int[] ids) {
            this.ids = ids.clone();
            this.hash = Arrays.hashCode(this.ids);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tuple && Arrays.equals(((Tuple) o).ids, ids);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    // ------------------------------------------------------------------------------------------- for drags

    /** The features whose traces contain this location. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<Feature> featuresOf(int locId) {
        List<Feature>[] idx = featuresOfLoc;
        if (idx == null) {
            synchronized (this) {
                idx = featuresOfLoc;
                if (idx == null) {
                    idx = new List[base.length];
                    for (Feature f : allFeatures) {
                        if (f.expr == null) continue;
                        for (int id : f.expr.leaves) {
                            if (idx[id] == null) idx[id] = new ArrayList<>(2);
                            idx[id].add(f);
                        }
                    }
                    featuresOfLoc = idx;
                }
            }
        }
        List<Feature> l = idx[locId];
        return l == null ? List.of() : l;
    }
}
