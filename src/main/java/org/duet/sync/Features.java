package org.duet.sync;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duet.eval.Value;
import org.duet.lang.Loc;
import org.duet.lang.OpTrace;
import org.duet.lang.Program;
import org.duet.lang.Trace;
import org.duet.svg.Attr;
import org.duet.svg.SvgElement;

/**
 * Extracts the numbers of an element's attributes as {@link Feature}s, compiling their traces (each distinct trace
 * object once) and finding their candidate locations. Keys: the attribute's name for a number; {@code LEFT TOP RIGHT
 * BOT} for a BOX or OVAL (instead of its desugared x y width height / cx cy rx ry); {@code points[i].x}; {@code
 * d[i].x} for numbered path points and {@code d#k} for other path numbers; {@code fill} and {@code fill.opacity};
 * {@code fill[0]}… for rgba lists and BOUNDS; {@code transform.rotate/cx/cy} for a single rotation, else
 * {@code transform[j][m]}.
 */
public final class Features {
    private final Program program;
    private final double[] base;
    private final boolean[] candidate, indexLike;
    private final Map<Trace, TraceExpr> compiled = new IdentityHashMap<>();
    /** Values of trace nodes at the program's values, each node computed once (for the sides of a BOX or OVAL). */
    private final Map<Trace, Double> values = new IdentityHashMap<>();
    /**
     * How many more trace nodes may be compiled (see {@link #limitCompiling}); a trace that does not fit is left
     * uncompiled and its feature marked {@link Feature#tooLarge}.
     */
    private long budget = Long.MAX_VALUE;
    /** Every trace node of these features, once. */
    private final TraceExpr.Graph graph;

    /** Fixed nodes of the compiling budget, on top of {@link #SHARING} per distinct node of the drawing's traces. */
    static final long BUDGET_BASE = 1_000_000;

    static final int SHARING = 4;

    Features(Program program, double[] base, boolean[] candidate, boolean[] indexLike) {
        this.program = program;
        this.base = base;
        this.candidate = candidate;
        this.indexLike = indexLike;
        this.graph = new TraceExpr.Graph(program);
    }

    /** False when only values and traces are wanted (no compiled traces, no candidates). */
    boolean compile = true;

    /**
     * An element's numbers by key with their values and traces, without compiling the traces or finding candidates
     * (for reading a drawing's numbers).
     */
    public static Map<String, Feature> values(Program program, SvgElement el) {
        int n = program.locs().size();
        double[] base = new double[n + 1];
        for (Loc l : program.locs()) base[l.id()] = l.value;
        Features f = new Features(program, base, new boolean[n + 1], new boolean[n + 1]);
        f.compile = false;
        return f.of(el);
    }

    /**
     * Bounds the work of compiling the traces of these features: each feature's trace is compiled on its own (a flat
     * list of its nodes, re-evaluated quickly by drags), so traces sharing a large sub-trace — every shape of a
     * drawing depending on a computation 10 000 operators deep — would cost (features × its size) in time and
     * memory. At most {@link #BUDGET_BASE} + {@link #SHARING} × (the distinct nodes of all their traces) nodes are
     * compiled, in feature order: far more than any drawing without such sharing needs (the example corpus needs
     * at most 60 000), whatever its size.
     */
    void limitCompiling(List<Feature> features) {
        for (Feature f : features) graph.add(f.trace);
        budget = BUDGET_BASE + (long) SHARING * graph.size();
    }

    /** Compiles the feature's trace, checks that it reproduces the value, and finds its candidates. */
    void prepare(Feature f) {
        TraceExpr e = compiled.get(f.trace);
        if (e == null) {
            if (budget <= 0) {
                f.tooLarge = true;
                return;
            }
            int[] visited = {0};
            e = graph.compile(graph.add(f.trace), (int) Math.min(Integer.MAX_VALUE, budget), visited);
            budget -= visited[0];
            if (e == null) {
                f.tooLarge = true;
                return;
            }
            compiled.put(f.trace, e);
        }
        double v = e.eval(base);
        boolean same = v == f.value
                || (Double.isNaN(v) && Double.isNaN(f.value))
                || Math.abs(v - f.value) <= 1e-12 * Math.abs(f.value);
        if (e.runtime || !same) return; // cannot be re-evaluated: no candidates
        f.expr = e;
        int k = 0, low = 0;
        for (int id : e.leaves)
            if (candidate[id]) {
                k++;
                if (indexLike[id]) low++;
            }
        int[] all = new int[k];
        int[] preferred = new int[k - low];
        int ai = 0, pi = 0;
        for (int id : e.leaves) {
            if (!candidate[id]) continue;
            all[ai++] = id;
            if (!indexLike[id]) preferred[pi++] = id;
        }
        f.allCands = all;
        f.cands = preferred.length > 0 ? preferred : all;
    }

    private Feature add(Map<String, Feature> fs, String key, Value.Num n, int weight) {
        return add(fs, key, n.v, n.trace, weight);
    }

    private Feature add(Map<String, Feature> fs, String key, double value, Trace trace, int weight) {
        Feature f = new Feature(key, value, trace, weight);
        if (compile) prepare(f);
        fs.put(key, f);
        return f;
    }

    /**
     * The value of a trace at the program's values (for the sides of a BOX or OVAL): the value {@link TraceExpr}
     * computes (a location's value, operators applied in the same order), each node computed once for all features.
     */
    private double valueOf(Trace trace) {
        java.util.ArrayDeque<Trace> stack = new java.util.ArrayDeque<>();
        stack.push(trace);
        while (!stack.isEmpty()) {
            Trace t = stack.peek();
            if (values.containsKey(t)) {
                stack.pop();
                continue;
            }
            if (t instanceof Loc) {
                stack.pop();
                values.put(t, ((Loc) t).value);
                continue;
            }
            OpTrace o = (OpTrace) t;
            boolean ready = true;
            for (Trace a : o.args)
                if (!values.containsKey(a)) {
                    stack.push(a);
                    ready = false;
                }
            if (!ready) continue;
            stack.pop();
            double a = o.args.length > 0 ? values.get(o.args[0]) : 0, b = o.args.length > 1 ? values.get(o.args[1]) : 0;
            values.put(t, org.duet.eval.Arith.apply(o.op, a, b));
        }
        return values.get(trace);
    }

    /** Every number of an element's attributes, by key. */
    Map<String, Feature> of(SvgElement el) {
        Map<String, Feature> fs = new LinkedHashMap<>();
        List<Attr> attrs = el.attrs;
        int from = 0;
        boolean box = el.sourceKind.equals("BOX") && el.kind.equals("rect");
        boolean oval = el.sourceKind.equals("OVAL") && el.kind.equals("ellipse");
        if (box || oval) {
            Trace left, top, right, bot;
            if (box) {
                left = num(attrs.get(0)).trace;
                top = num(attrs.get(1)).trace;
                right = ((OpTrace) num(attrs.get(2)).trace).args[0];
                bot = ((OpTrace) num(attrs.get(3)).trace).args[0];
            } else {
                left = ((OpTrace) num(attrs.get(0)).trace).args[0];
                top = ((OpTrace) num(attrs.get(1)).trace).args[0];
                right = ((OpTrace) ((OpTrace) num(attrs.get(2)).trace).args[0]).args[0]; // rx = (right − left) / 2
                bot = ((OpTrace) ((OpTrace) num(attrs.get(3)).trace).args[0]).args[0];
            }
            String[] names = {"LEFT", "TOP", "RIGHT", "BOT"};
            Trace[] ts = {left, top, right, bot};
            // the sides' values from the drawn numbers (x, x + width / cx − rx, cx + rx …)
            double a0 = num(attrs.get(0)).v,
                    a1 = num(attrs.get(1)).v,
                    a2 = num(attrs.get(2)).v,
                    a3 = num(attrs.get(3)).v;
            double[] drawn =
                    box ? new double[] {a0, a1, a0 + a2, a1 + a3} : new double[] {a0 - a2, a1 - a3, a0 + a2, a1 + a3};
            for (int i = 0; i < 4; i++) {
                double v = valueOf(ts[i]);
                if (!(Math.abs(v - drawn[i]) <= 1e-9 * Math.max(1, Math.abs(v))))
                    v = drawn[i]; // e.g. a run-time number
                add(fs, names[i], v, ts[i], ts[i] instanceof Loc ? 2 : 1);
            }
            from = 4;
        }
        for (int ai = from; ai < attrs.size(); ai++) {
            Attr a = attrs.get(ai);
            switch (a.kind) {
                case NUMBER:
                    add(fs, a.name, num(a), 1);
                    break;
                case COLOR_NUMBER:
                    add(fs, a.name, num(a), 1);
                    break;
                case COLOR_OPACITY: {
                    Value.ListV l = (Value.ListV) a.value;
                    add(fs, a.name, (Value.Num) l.head, 1);
                    add(fs, a.name + ".opacity", (Value.Num) l.tail.head, 1);
                    break;
                }
                case RGBA:
                case BOUNDS: {
                    int i = 0;
                    for (Value v : (Value.ListV) a.value) add(fs, a.name + "[" + (i++) + "]", (Value.Num) v, 1);
                    break;
                }
                case POINTS: {
                    int i = 0;
                    for (Value p : (Value.ListV) a.value) {
                        i++;
                        Value.ListV pt = (Value.ListV) p;
                        add(fs, a.name + "[" + i + "].x", (Value.Num) pt.head, 1);
                        add(fs, a.name + "[" + i + "].y", (Value.Num) pt.tail.head, 1);
                    }
                    break;
                }
                case PATH:
                    pathFeatures(fs, a);
                    break;
                case TRANSFORM: {
                    Value.ListV cmds = (Value.ListV) a.value;
                    boolean oneRotate =
                            cmds.size == 1 && ((Value.Str) ((Value.ListV) cmds.head).head).v.equals("rotate");
                    int j = 0;
                    for (Value c : cmds) {
                        int m = 0;
                        for (Value v : ((Value.ListV) c).tail) {
                            String key = oneRotate
                                    ? a.name + "." + (m == 0 ? "rotate" : m == 1 ? "cx" : "cy")
                                    : a.name + "[" + j + "][" + m + "]";
                            add(fs, key, (Value.Num) v, 1);
                            m++;
                        }
                        j++;
                    }
                    break;
                }
                default:
                    break;
            }
        }
        return fs;
    }

    private static Value.Num num(Attr a) {
        return (Value.Num) a.value;
    }

    /**
     * Path numbers: the points of absolute commands are numbered from 1 in order (M L T: one point; Q S: two; C: three;
     * A: its end point) and keyed {@code d[i].x}/{@code d[i].y}; every other number is {@code d#k} (k-th number of d).
     */
    private void pathFeatures(Map<String, Feature> fs, Attr a) {
        Value.ListV cur = (Value.ListV) a.value;
        int point = 0, number = 0;
        while (!cur.isEmpty()) {
            char c = ((Value.Str) cur.head).v.charAt(0);
            cur = cur.tail;
            int k = arity(c);
            Value.Num[] args = new Value.Num[k];
            for (int i = 0; i < k; i++) {
                args[i] = (Value.Num) cur.head;
                cur = cur.tail;
            }
            int firstPointArg;
            switch (c) {
                case 'M':
                case 'L':
                case 'T':
                case 'Q':
                case 'S':
                case 'C':
                    firstPointArg = 0;
                    break;
                case 'A':
                    firstPointArg = 5;
                    break;
                default:
                    firstPointArg = k; // no points
            }
            for (int i = 0; i < k; i++) {
                number++;
                if (i >= firstPointArg && i + 1 < k && (i - firstPointArg) % 2 == 0) {
                    point++;
                    add(fs, a.name + "[" + point + "].x", args[i], 1);
                    add(fs, a.name + "[" + point + "].y", args[i + 1], 1);
                    i++;
                    number++;
                } else {
                    add(fs, a.name + "#" + number, args[i], 1);
                }
            }
        }
    }

    static int arity(char c) {
        switch (c) {
            case 'Z':
            case 'z':
                return 0;
            case 'H':
            case 'V':
            case 'h':
            case 'v':
                return 1;
            case 'M':
            case 'L':
            case 'T':
            case 'm':
            case 'l':
            case 't':
                return 2;
            case 'S':
            case 'Q':
            case 's':
            case 'q':
                return 4;
            case 'C':
            case 'c':
                return 6;
            case 'A':
            case 'a':
                return 7;
            default:
                return 0;
        }
    }
}
