package org.duet.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.duet.lang.Expr;
import org.duet.lang.JsNumber;
import org.duet.lang.Loc;
import org.duet.lang.Node;
import org.duet.lang.OpTrace;
import org.duet.lang.Pat;
import org.duet.lang.Program;
import org.duet.lang.Source;
import org.duet.lang.Trace;
import org.duet.svg.Renderer;
import org.duet.svg.SvgElement;

/**
 * "Why is it here?": the provenance of one number of a shape as a small tree. Inner nodes are the operators that
 * computed it, each with the functions (of the program or of the prelude) it was computed inside; leaves are the
 * constants of the program (or of the prelude) it came from. Every node that has a place in the program's text
 * carries that place, so the editor can link it to the code pane.
 */
public final class Provenance {
    private Provenance() {}

    /** One node of the tree. {@code start}/{@code end} index the program text, or are −1 (prelude, system). */
    public record Step(
            String label,
            String detail,
            double value,
            boolean constant,
            boolean frozen,
            int start,
            int end,
            int line,
            int col,
            List<Step> children) {
        /** The tree as indented lines (for the command line and tests). */
        public String render() {
            StringBuilder sb = new StringBuilder();
            render(sb, 0);
            return sb.toString();
        }

        private void render(StringBuilder sb, int depth) {
            sb.append("  ".repeat(depth)).append(label).append(" = ").append(JsNumber.toString(value));
            if (!detail.isEmpty()) sb.append("   ").append(detail);
            sb.append('\n');
            for (Step c : children) c.render(sb, depth + 1);
        }
    }

    /** The numbers of a shape that have a provenance, by feature key ({@code x}, {@code fill}, {@code points[2].y} …). */
    public static List<String> keys(Renderer.Result r, int shape) {
        SvgElement el = element(r, shape);
        return new ArrayList<>(Features.values(r.program, el).keySet());
    }

    /** The value of each number of a shape, by feature key, in attribute order. */
    public static Map<String, Double> values(Renderer.Result r, int shape) {
        SvgElement el = element(r, shape);
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (var e : Features.values(r.program, el).entrySet()) out.put(e.getKey(), e.getValue().value);
        return out;
    }

    /**
     * The provenance tree of one number of a shape. Shared sub-traces are expanded where they occur; the tree is cut
     * at {@code maxNodes} nodes (a "…" node says how much was left out).
     */
    public static Step of(Renderer.Result r, int shape, String key, int maxNodes) {
        SvgElement el = element(r, shape);
        Feature f = Features.values(r.program, el).get(key);
        if (f == null) {
            throw new SyncException("shape " + shape + " has no number called " + key + "; it has: "
                    + String.join(", ", Features.values(r.program, el).keySet()));
        }
        Functions.index(org.duet.eval.Prelude.get().program());
        Functions.index(r.program);
        Builder b = new Builder(r.program, maxNodes);
        Step inner = b.step(f.trace, f.value);
        String where = el.sourceKind + " " + shape;
        return new Step(key + " of " + where, "", f.value, false, false, -1, -1, 0, 0, List.of(inner));
    }

    private static SvgElement element(Renderer.Result r, int shape) {
        List<SvgElement> els = r.canvas.elements();
        if (shape < 0 || shape >= els.size())
            throw new SyncException("no shape " + shape + " (the drawing has " + els.size() + " shapes)");
        return els.get(shape);
    }

    private static final class Builder {
        final Program program;
        final int max;
        int count;

        Builder(Program program, int max) {
            this.program = program;
            this.max = max;
        }

        Step step(Trace t, double value) {
            count++;
            if (t instanceof Loc) return leaf((Loc) t);
            OpTrace o = (OpTrace) t;
            double v = Double.isNaN(value) ? eval(o) : value;
            Expr.OpApp at = o.at;
            String label = "(" + o.op.word + ")";
            String detail = "";
            int start = -1, end = -1, line = 0, col = 0;
            if (at != null) {
                Source src = at.source();
                List<String> fns = Functions.enclosing(at);
                boolean mine = src != null && src == program.source();
                if (mine) {
                    start = at.start;
                    end = at.end;
                    line = src.line(at.start);
                    col = src.column(at.start);
                }
                StringBuilder d = new StringBuilder();
                if (!fns.isEmpty()) d.append("in ").append(String.join(" ← ", fns));
                if (!mine) d.append(d.length() == 0 ? "" : " ").append("(prelude)");
                else d.append(d.length() == 0 ? "" : ", ").append("line ").append(line);
                detail = d.toString();
            } else {
                detail = "computed by Duet from the shape's other numbers";
            }
            List<Step> kids = new ArrayList<>();
            for (Trace a : o.args) {
                if (count >= max) {
                    kids.add(new Step("…", "more not shown", Double.NaN, false, false, -1, -1, 0, 0, List.of()));
                    break;
                }
                kids.add(step(a, Double.NaN));
            }
            return new Step(label, detail, v, false, false, start, end, line, col, kids);
        }

        Step leaf(Loc l) {
            boolean userProgram = !l.prelude && l.numStart >= 0;
            String name = l.name().isEmpty() ? "unnamed constant" : l.name();
            String detail;
            int line = 0, col = 0;
            if (userProgram) {
                line = program.source().line(l.numStart);
                col = program.source().column(l.numStart);
                detail = "line " + line + (l.annotation == Loc.Annotation.FROZEN ? ", frozen" : "");
            } else if (l.prelude) {
                detail = "a constant of the prelude";
            } else {
                detail = "a number made by the program";
            }
            return new Step(
                    name,
                    detail,
                    l.value,
                    true,
                    l.annotation == Loc.Annotation.FROZEN || l.prelude,
                    userProgram ? l.numStart : -1,
                    userProgram ? l.numEnd : -1,
                    line,
                    col,
                    List.of());
        }

        double eval(Trace t) {
            if (t instanceof Loc) return ((Loc) t).value;
            try {
                return TraceExpr.compile(t, program).eval(base());
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }

        double[] base;

        double[] base() {
            if (base == null) {
                base = new double[program.locs().size() + 1];
                for (Loc l : program.locs()) base[l.id()] = l.value;
            }
            return base;
        }
    }

    /** The named functions enclosing each operator application of a source (innermost first), computed once. */
    static final class Functions {
        private static final Map<Source, Map<Node, List<String>>> CACHE = new WeakHashMap<>();

        static List<String> enclosing(Expr.OpApp at) {
            Source src = at.source();
            if (src == null) return List.of();
            Map<Node, List<String>> table;
            synchronized (CACHE) {
                table = CACHE.get(src);
            }
            if (table == null) return List.of();
            List<String> l = table.get(at);
            return l == null ? List.of() : l;
        }

        /** Records the enclosing functions of every operator application of a program (call once per program). */
        static void index(Program p) {
            synchronized (CACHE) {
                if (CACHE.containsKey(p.source())) return;
            }
            Map<Node, List<String>> table = new IdentityHashMap<>();
            walk(p.root(), List.of(), null, table);
            synchronized (CACHE) {
                CACHE.put(p.source(), table);
            }
        }

        private static void walk(Node n, List<String> fns, String binder, Map<Node, List<String>> table) {
            // iterative over let chains (programs are long chains of defs), recursive elsewhere
            while (n != null) {
                if (n instanceof Expr.OpApp) table.put(n, fns);
                if (n instanceof Expr.Let) {
                    Expr.Let let = (Expr.Let) n;
                    String name = let.pat instanceof Pat.PVar ? ((Pat.PVar) let.pat).name : null;
                    walk(let.value, fns, name, table);
                    n = let.body;
                    binder = null;
                    continue;
                }
                List<String> inner = fns;
                if (n instanceof Expr.Fun) {
                    List<String> l = new ArrayList<>(fns.size() + 1);
                    l.add(binder == null ? "an anonymous function" : "function " + binder);
                    l.addAll(fns);
                    inner = Collections.unmodifiableList(l);
                }
                List<Node> kids = n.children();
                for (int i = 0; i < kids.size() - 1; i++) walk(kids.get(i), inner, null, table);
                n = kids.isEmpty() ? null : kids.get(kids.size() - 1);
                fns = inner;
                binder = null;
            }
        }
    }
}
