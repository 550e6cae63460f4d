package org.duet.sync;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duet.eval.Value;
import org.duet.lang.JsNumber;
import org.duet.lang.Loc;
import org.duet.lang.OpTrace;
import org.duet.lang.Printer;
import org.duet.lang.Source;
import org.duet.lang.Trace;
import org.duet.svg.Attr;
import org.duet.svg.Colors;
import org.duet.svg.SvgElement;

/**
 * What the browser needs to show a drag of one zone without asking the server (client-side prediction,
 * frontend/duet-predict.ts): the zone's trigger (for each element its compiled trace, its assigned location, its
 * update rule and value at mouse-down), and every attribute of every shape whose numbers depend on the locations the
 * trigger may change, as a template of literal text and numbers (each a compiled trace), printed as the canvas prints
 * them. The browser solves the trigger exactly as {@link Drag} does when the assigned locations suffice (Gauss–Seidel
 * sweeps over the assigned locations with the same term solver, top-down inverter and Newton iteration), shortens the
 * numbers as {@link Drag#shorten} does, and re-evaluates the templates; where the assigned locations do not reach
 * every target, the server's drag (which may use substitutes) decides, and the browser waits for it.
 *
 * <p>Built from the same {@link SyncTable} as the server's drag steps; {@link #predict(double, double)} is the Java
 * twin of the browser's computation (for tests), and {@link #json()} the description sent to the browser.
 */
public final class Prediction {
    /** A template part that is a number: its compiled trace and how it is printed. */
    record Ref(int expr, char how) {}

    /** A printed attribute of a shape whose value depends on the zone's locations. */
    public record Template(int element, String name, String base, List<Object> parts) {}

    /** The browser's edit of a numeral in the code pane. */
    record Numeral(int id, int start, int end, String text, boolean spaceIfNegative) {}

    final SyncTable table;
    final Zone zone;
    /** The trigger elements' compiled traces (the browser solves them). */
    final List<TraceExpr> exprs = new ArrayList<>();

    private final Map<TraceExpr, Integer> exprIndex = new IdentityHashMap<>();
    /** Every number of the templates and every feature to shorten by, as one graph of shared nodes. */
    final Dag dag;

    final int[] trigExpr, trigLoc;
    final Rule[] rules;
    final double[] trigValue;
    /** The locations the trigger may change (assigned locations, in trigger order without repetition). */
    final int[] changeable;
    /** For each changeable location: the features whose traces contain it (expression indices), for shortening. */
    final int[][] featuresOf;

    final List<Template> templates = new ArrayList<>();
    final List<Numeral> numerals = new ArrayList<>();

    private Prediction(SyncTable t, Zone z) {
        this.table = t;
        this.zone = z;
        List<TriggerElement> trig = z.trigger();
        int k = trig.size();
        trigExpr = new int[k];
        trigLoc = new int[k];
        rules = new Rule[k];
        trigValue = new double[k];
        LinkedHashSet<Integer> ids = new LinkedHashSet<>();
        for (int i = 0; i < k; i++) {
            TriggerElement te = trig.get(i);
            trigExpr[i] = index(te.feature.expr);
            trigLoc[i] = te.loc.id();
            rules[i] = te.update;
            trigValue[i] = te.value;
            ids.add(te.loc.id());
        }
        // in the order the server's drag lists changed locations: by first appearance in the elements' options
        // (assigned location, then substitutes), which is the order the numbers are shortened in
        TraceExpr[] ex = new TraceExpr[k];
        for (int i = 0; i < k; i++) ex[i] = trig.get(i).feature.expr;
        LinkedHashSet<Integer> ordered = new LinkedHashSet<>();
        for (int i = 0; i < k; i++)
            for (int id : Drag.options(t, trig.get(i), ex, i)) if (ids.contains(id)) ordered.add(id);
        changeable = ordered.stream().mapToInt(Integer::intValue).toArray();
        boolean[] changes = new boolean[t.base.length];
        for (int id : changeable) changes[id] = true;
        dag = new Dag(t.program, changes);
        featuresOf = new int[changeable.length][];
        for (int j = 0; j < changeable.length; j++) {
            List<Feature> fs = t.featuresOf(changeable[j]);
            featuresOf[j] = new int[fs.size()];
            for (int m = 0; m < fs.size(); m++) featuresOf[j][m] = dag.add(fs.get(m).trace);
        }
    }

    private int index(TraceExpr e) {
        Integer i = exprIndex.get(e);
        if (i != null) return i;
        exprs.add(e);
        exprIndex.put(e, exprs.size() - 1);
        return exprs.size() - 1;
    }

    /** Why the last {@link #of} returned null (for tests and diagnostics). */
    static final ThreadLocal<String> WHY_NOT = new ThreadLocal<>();

    /**
     * The prediction of an active zone's drags, or null where the browser cannot predict them (a shape's number that
     * depends on the zone's locations cannot be re-evaluated from its trace, or an attribute is not reproduced by
     * its template): the drag then goes through the server only.
     */
    public static Prediction of(SyncTable t, Zone z) {
        WHY_NOT.remove();
        if (!z.active() || z.trigger().isEmpty()) return no("inactive zone");
        for (TriggerElement te : z.trigger())
            if (te.feature.expr == null) return no("a trigger trace cannot be re-evaluated");
        Prediction p = new Prediction(t, z);
        boolean[] changes = p.dag.changes;
        // numbers that cannot be re-evaluated (run-time numbers) must not depend on the zone's locations
        for (Feature f : t.allFeatures) {
            if (f.expr != null) continue;
            if (f.tooLarge) return no("a number's trace is too large to re-evaluate");
            TraceExpr e = TraceExpr.compile(f.trace, t.program);
            for (int id : e.leaves) if (changes[id]) return no("a number made at run time depends on the zone");
        }
        // the shapes and attributes that depend on the zone's locations
        Set<Integer> elems = new java.util.TreeSet<>();
        for (int id : p.changeable) for (Feature f : t.featuresOf(id)) elems.add(f.element);
        double[] values = null;
        for (int ei : elems) {
            SvgElement el = t.canvas.elements().get(ei);
            for (Attr a : el.attrs) {
                if (a.name.equals("HIDDEN") || a.name.equals("ZONES") || el.attr(a.name) != a) continue;
                List<Object> parts = new ArrayList<>();
                boolean[] depends = {false};
                if (!p.template(a, parts, depends)) return no("attribute " + a.name + " of shape " + ei);
                if (!depends[0]) continue;
                p.templates.add(new Template(ei, a.name, a.text, merge(parts)));
            }
        }
        // each template gives the attribute's text at the program's values (the numbers' traces reproduce them)
        values = p.dag.eval(t.base);
        for (Template tm : p.templates) {
            String got = p.print(tm, values);
            if (!got.equals(tm.base))
                return no("template of " + tm.name + " of shape " + tm.element + " gives " + got + " instead of "
                        + tm.base);
        }
        // the numerals of the code pane
        Source src = t.program.source();
        String orig = src.original();
        for (int id : p.changeable) {
            Loc l = t.program.loc(id);
            int os = src.originalOffset(l.numStart), oe = src.originalOffset(l.numEnd);
            char before = os > 0 ? orig.charAt(os - 1) : ' ';
            boolean space = os > 0
                    && !(before == ' '
                            || before == '\t'
                            || before == '\n'
                            || before == '\r'
                            || "[]{}()|".indexOf(before) >= 0);
            p.numerals.add(new Numeral(id, os, oe, orig.substring(os, oe), space));
        }
        return p;
    }

    private static Prediction no(String why) {
        WHY_NOT.set(why);
        return null;
    }

    /** Literal text runs joined. */
    private static List<Object> merge(List<Object> parts) {
        List<Object> out = new ArrayList<>();
        for (Object o : parts) {
            if (o instanceof String && !out.isEmpty() && out.get(out.size() - 1) instanceof String)
                out.set(out.size() - 1, out.get(out.size() - 1) + (String) o);
            else out.add(o);
        }
        return out;
    }

    /** The parts of an attribute's text as the canvas prints it (see org.duet.svg.Converter). */
    private boolean template(Attr a, List<Object> parts, boolean[] depends) {
        Num num = new Num(parts, depends);
        switch (a.kind) {
            case NUMBER:
                return num.add((Value.Num) a.value, 'n');
            case COLOR_NUMBER:
                parts.add("rgba(");
                if (!num.add((Value.Num) a.value, 'c')) return false;
                parts.add(", 1)");
                return true;
            case COLOR_OPACITY: {
                Value.ListV l = (Value.ListV) a.value;
                parts.add("rgba(");
                if (!num.add((Value.Num) l.head, 'o')) return false;
                parts.add(", ");
                if (!num.add((Value.Num) l.tail.head, 'n')) return false;
                parts.add(")");
                return true;
            }
            case RGBA:
            case BOUNDS: {
                boolean rgba = a.kind == Attr.Kind.RGBA;
                if (rgba) parts.add("rgba(");
                int i = 0;
                for (Value v : (Value.ListV) a.value) {
                    if (i++ > 0) parts.add(rgba ? ", " : " ");
                    if (!num.add((Value.Num) v, 'n')) return false;
                }
                if (rgba) parts.add(")");
                return true;
            }
            case POINTS: {
                int i = 0;
                for (Value p : (Value.ListV) a.value) {
                    if (i++ > 0) parts.add(" ");
                    Value.ListV pt = (Value.ListV) p;
                    if (!num.add((Value.Num) pt.head, 'n')) return false;
                    parts.add(",");
                    if (!num.add((Value.Num) pt.tail.head, 'n')) return false;
                }
                return true;
            }
            case PATH: {
                Value.ListV cur = (Value.ListV) a.value;
                boolean first = true;
                while (!cur.isEmpty()) {
                    char c = ((Value.Str) cur.head).v.charAt(0);
                    if (!first) parts.add(" ");
                    first = false;
                    parts.add(String.valueOf(c));
                    cur = cur.tail;
                    for (int i = 0, k = Features.arity(c); i < k; i++) {
                        parts.add(" ");
                        if (!num.add((Value.Num) cur.head, 'n')) return false;
                        cur = cur.tail;
                    }
                }
                return true;
            }
            case TRANSFORM: {
                int j = 0;
                for (Value c : (Value.ListV) a.value) {
                    if (j++ > 0) parts.add(" ");
                    Value.ListV l = (Value.ListV) c;
                    parts.add(((Value.Str) l.head).v + "(");
                    int i = 0;
                    for (Value v : l.tail) {
                        if (i++ > 0) parts.add(" ");
                        if (!num.add((Value.Num) v, 'n')) return false;
                    }
                    parts.add(")");
                }
                return true;
            }
            default:
                return true; // a string: does not depend on numbers
        }
    }

    /** Adds numbers to a template: literal text if they do not depend on the zone, else a node of the graph. */
    private final class Num {
        final List<Object> parts;
        final boolean[] depends;

        Num(List<Object> parts, boolean[] depends) {
            this.parts = parts;
            this.depends = depends;
        }

        boolean add(Value.Num n, char how) {
            int node = dag.add(n.trace);
            if (!dag.dep[node]) {
                parts.add(printed(n.v, how));
                return true;
            }
            if (dag.runtime[node]) return false;
            depends[0] = true;
            parts.add(new Ref(node, how));
            return true;
        }
    }

    /** A number as the canvas prints it: 'n' a number, 'c' a colour number's "r, g, b", 'o' an opacity pair's. */
    static String printed(double v, char how) {
        if (how == 'n') return JsNumber.toString(v);
        double[] c = how == 'c' ? Colors.fromNumber(v) : Colors.fromOpacityPair(v);
        return JsNumber.toString(c[0]) + ", " + JsNumber.toString(c[1]) + ", " + JsNumber.toString(c[2]);
    }

    /** A template's text with the graph's node values. */
    String print(Template t, double[] nodeValues) {
        StringBuilder sb = new StringBuilder();
        for (Object o : t.parts) {
            if (o instanceof String) sb.append((String) o);
            else sb.append(printed(nodeValues[((Ref) o).expr], ((Ref) o).how));
        }
        return sb.toString();
    }

    public List<Template> templates() {
        return templates;
    }

    // ------------------------------------------------------------------------------------------------ predicting

    /** A predicted drag step: location values as written, the attributes' texts, the program text. */
    public record Step(double[] written, Map<Integer, Double> newValues, List<String> attributes, String text) {}

    /**
     * The step the browser shows for the total displacement (dx, dy), or null if the assigned locations do not reach
     * every target (the server's drag decides). Equal to the server's {@link Sync#drag} in that case.
     */
    public Step predict(double dx, double dy) {
        int k = trigExpr.length;
        TraceExpr[] ex = new TraceExpr[k];
        double[] target = new double[k];
        for (int i = 0; i < k; i++) {
            ex[i] = exprs.get(trigExpr[i]);
            target[i] = rules[i].apply(trigValue[i], dx, dy);
        }
        int[][] options = new int[k][];
        for (int i = 0; i < k; i++) options[i] = new int[] {trigLoc[i]};
        Drag.State s = Drag.sweeps(ex, target, options, trigLoc, table.base, null);
        if (s.sat < k) return null;
        List<Integer> changed = new ArrayList<>();
        for (int id : changeable) if (s.vals[id] != table.base[id]) changed.add(id);
        double[] written = Drag.shorten(table, s.vals, changed);
        Map<Integer, Double> nv = new LinkedHashMap<>();
        for (int id : changed) if (written[id] != table.base[id]) nv.put(id, written[id]);
        List<String> attrs = new ArrayList<>(templates.size());
        double[] nodes = dag.eval(written);
        for (Template t : templates) attrs.add(print(t, nodes));
        return new Step(written, nv, attrs, Printer.print(table.program, nv));
    }

    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("-?(?:\\d+\\.?\\d*|\\.\\d+)(?:e[-+]?\\d+)?");

    /**
     * The same attribute text up to the last bits of its numbers (the browser's cos, sin … may differ from Java's
     * StrictMath by an ulp): the browser's prediction is right if the server's re-rendered attribute is the same
     * text in this sense.
     */
    public static boolean sameText(String a, String b) {
        if (a.equals(b)) return true;
        java.util.regex.Matcher x = NUMBER.matcher(a), y = NUMBER.matcher(b);
        if (!x.replaceAll("#").equals(y.replaceAll("#"))) return false;
        x.reset();
        y.reset();
        while (x.find()) {
            if (!y.find()) return false;
            double p = Double.parseDouble(x.group()), q = Double.parseDouble(y.group());
            if (!(Math.abs(p - q) <= 1e-9 * Math.max(1, Math.abs(p)))) return false;
        }
        return !y.find();
    }

    // ------------------------------------------------------------------------------------------------ JSON

    static String num(double v) {
        if (Double.isNaN(v)) return "\"NaN\"";
        if (Double.isInfinite(v)) return v > 0 ? "\"Infinity\"" : "\"-Infinity\"";
        if (v == 0 && 1 / v < 0) return "\"-0\"";
        return JsNumber.toString(v);
    }

    private static void str(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20 || c == 0x2028 || c == 0x2029) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        sb.append('"');
    }

    /**
     * The description for the browser:
     * {@code {"shape","zone","base":{id:value},"exprs":[[node…]…],"dag":[node…],"trigger":[{"e","loc","rule","value"}],
     * "changeable":[id…],"features":[[dagNode…]…],"attrs":[{"i","n","b","t":[part…]}],"numerals":[{"id","s","e",
     * "text","sp"}]}}. {@code exprs} are the trigger elements' traces (solved), {@code dag} every template number and
     * feature in one graph (evaluated); a node is {@code ["L",id]}, {@code ["K",value]} or {@code [op,a,b]}
     * (operands are earlier node indices, −1 for none); a part is literal text or {@code [dagNode, how]} with how
     * {@code n} (a number), {@code c} (a colour number's "r, g, b") or {@code o} (an opacity pair's colour).
     */
    public String json() {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("{\"shape\":").append(zone.shape).append(",\"zone\":");
        str(sb, zone.name);
        // location values the expressions read
        Set<Integer> leaves = new java.util.TreeSet<>();
        for (TraceExpr e : exprs) for (int id : e.leaves) leaves.add(id);
        for (int n = 0; n < dag.size; n++) if (dag.kind[n] == TraceExpr.LOC) leaves.add(dag.locId[n]);
        sb.append(",\"base\":{");
        boolean first = true;
        for (int id : leaves) {
            if (!first) sb.append(',');
            first = false;
            sb.append('"').append(id).append("\":").append(num(table.base[id]));
        }
        sb.append("},\"exprs\":[");
        for (int x = 0; x < exprs.size(); x++) {
            if (x > 0) sb.append(',');
            TraceExpr e = exprs.get(x);
            sb.append('[');
            for (int n = 0; n < e.size; n++) {
                if (n > 0) sb.append(',');
                int kd = e.kind[n];
                if (kd == TraceExpr.LOC) sb.append("[\"L\",").append(e.locId[n]).append(']');
                else if (kd == TraceExpr.CONST)
                    sb.append("[\"K\",").append(num(e.konst[n])).append(']');
                else {
                    sb.append('[');
                    str(sb, e.op(n).word);
                    sb.append(',').append(e.a[n]).append(',').append(e.b[n]).append(']');
                }
            }
            sb.append(']');
        }
        sb.append("],\"dag\":[");
        for (int n = 0; n < dag.size; n++) {
            if (n > 0) sb.append(',');
            int kd = dag.kind[n];
            if (kd == TraceExpr.LOC) sb.append("[\"L\",").append(dag.locId[n]).append(']');
            else if (kd == TraceExpr.CONST)
                sb.append("[\"K\",").append(num(dag.konst[n])).append(']');
            else {
                sb.append('[');
                str(sb, org.duet.lang.Op.values()[kd].word);
                sb.append(',').append(dag.a[n]).append(',').append(dag.b[n]).append(']');
            }
        }
        sb.append("],\"trigger\":[");
        for (int i = 0; i < trigExpr.length; i++) {
            if (i > 0) sb.append(',');
            sb.append("{\"e\":")
                    .append(trigExpr[i])
                    .append(",\"loc\":")
                    .append(trigLoc[i])
                    .append(",\"rule\":")
                    .append(rules[i].json)
                    .append(",\"value\":")
                    .append(num(trigValue[i]))
                    .append('}');
        }
        sb.append("],\"changeable\":").append(Arrays.toString(changeable).replace(" ", ""));
        sb.append(",\"features\":[");
        for (int j = 0; j < featuresOf.length; j++) {
            if (j > 0) sb.append(',');
            sb.append(Arrays.toString(featuresOf[j]).replace(" ", ""));
        }
        sb.append("],\"attrs\":[");
        for (int a = 0; a < templates.size(); a++) {
            Template t = templates.get(a);
            if (a > 0) sb.append(',');
            sb.append("{\"i\":").append(t.element).append(",\"n\":");
            str(sb, t.name);
            sb.append(",\"b\":");
            str(sb, t.base);
            sb.append(",\"t\":[");
            for (int m = 0; m < t.parts.size(); m++) {
                if (m > 0) sb.append(',');
                Object o = t.parts.get(m);
                if (o instanceof String) str(sb, (String) o);
                else
                    sb.append('[')
                            .append(((Ref) o).expr)
                            .append(",\"")
                            .append(((Ref) o).how)
                            .append("\"]");
            }
            sb.append("]}");
        }
        sb.append("],\"numerals\":[");
        for (int m = 0; m < numerals.size(); m++) {
            Numeral n = numerals.get(m);
            if (m > 0) sb.append(',');
            sb.append("{\"id\":")
                    .append(n.id)
                    .append(",\"s\":")
                    .append(n.start)
                    .append(",\"e\":")
                    .append(n.end)
                    .append(",\"text\":");
            str(sb, n.text);
            sb.append(",\"sp\":").append(n.spaceIfNegative).append('}');
        }
        sb.append("]}");
        return sb.toString();
    }

    /**
     * Traces compiled into one graph (shared sub-traces once, operands before their operators), with the same
     * constant folding as {@link TraceExpr}; per node whether it depends on a location the zone may change and
     * whether it contains a number made at run time.
     */
    static final class Dag {
        final org.duet.lang.Program program;
        final boolean[] changes;
        int size;
        int[] kind = new int[64], a = new int[64], b = new int[64], locId = new int[64];
        double[] konst = new double[64];
        boolean[] dep = new boolean[64], runtime = new boolean[64];
        private final Map<Trace, Integer> index = new IdentityHashMap<>();

        Dag(org.duet.lang.Program program, boolean[] changes) {
            this.program = program;
            this.changes = changes;
        }

        /** The node of a trace (compiling it and its operands if new). */
        int add(Trace trace) {
            Integer known = index.get(trace);
            if (known != null) return known;
            java.util.ArrayDeque<Trace> stack = new java.util.ArrayDeque<>();
            stack.push(trace);
            while (!stack.isEmpty()) {
                Trace t = stack.peek();
                if (index.containsKey(t)) {
                    stack.pop();
                    continue;
                }
                if (t instanceof OpTrace) {
                    OpTrace o = (OpTrace) t;
                    boolean ready = true;
                    for (int i = o.args.length - 1; i >= 0; i--) {
                        if (!index.containsKey(o.args[i])) {
                            stack.push(o.args[i]);
                            ready = false;
                        }
                    }
                    if (!ready) continue;
                }
                stack.pop();
                grow();
                int n = size;
                a[n] = -1;
                b[n] = -1;
                if (t instanceof Loc) {
                    Loc l = (Loc) t;
                    runtime[n] = l == Loc.DUMMY;
                    if (TraceExpr.isProgramLoc(l, program)) {
                        kind[n] = TraceExpr.LOC;
                        locId[n] = l.id();
                        dep[n] = changes[l.id()];
                    } else {
                        kind[n] = TraceExpr.CONST;
                        konst[n] = l.value;
                    }
                } else if (t instanceof OpTrace) {
                    OpTrace o = (OpTrace) t;
                    int ia = o.args.length > 0 ? index.get(o.args[0]) : -1,
                            ib = o.args.length > 1 ? index.get(o.args[1]) : -1;
                    runtime[n] = (ia >= 0 && runtime[ia]) || (ib >= 0 && runtime[ib]);
                    dep[n] = (ia >= 0 && dep[ia]) || (ib >= 0 && dep[ib]);
                    if ((ia < 0 || kind[ia] == TraceExpr.CONST) && (ib < 0 || kind[ib] == TraceExpr.CONST)) {
                        kind[n] = TraceExpr.CONST;
                        konst[n] = org.duet.eval.Arith.apply(o.op, ia >= 0 ? konst[ia] : 0, ib >= 0 ? konst[ib] : 0);
                    } else {
                        kind[n] = o.op.ordinal();
                        a[n] = ia;
                        b[n] = ib;
                    }
                } else {
                    throw new IllegalStateException("unknown trace " + t);
                }
                index.put(t, size++);
            }
            return index.get(trace);
        }

        private void grow() {
            if (size < kind.length) return;
            int cap = kind.length * 2;
            kind = Arrays.copyOf(kind, cap);
            a = Arrays.copyOf(a, cap);
            b = Arrays.copyOf(b, cap);
            locId = Arrays.copyOf(locId, cap);
            konst = Arrays.copyOf(konst, cap);
            dep = Arrays.copyOf(dep, cap);
            runtime = Arrays.copyOf(runtime, cap);
        }

        /** Every node's value with the given location values. */
        double[] eval(double[] vals) {
            org.duet.lang.Op[] ops = org.duet.lang.Op.values();
            double[] out = new double[size];
            for (int n = 0; n < size; n++) {
                int k = kind[n];
                if (k == TraceExpr.LOC) out[n] = vals[locId[n]];
                else if (k == TraceExpr.CONST) out[n] = konst[n];
                else out[n] = org.duet.eval.Arith.apply(ops[k], a[n] >= 0 ? out[a[n]] : 0, b[n] >= 0 ? out[b[n]] : 0);
            }
            return out;
        }
    }
}
