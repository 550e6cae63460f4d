package org.duet.synth;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntToDoubleFunction;
import java.util.function.Predicate;
import org.duet.lang.Expr;
import org.duet.lang.Loc;
import org.duet.lang.Node;
import org.duet.lang.Program;
import org.duet.lang.Trace;
import org.duet.svg.Renderer;

/** One relate request: the rendered program, its literals, the deadline; and the common last step (write, rank, check). */
final class Ctx {
    final String text;
    final Renderer.Result r;
    final Program p;
    final double[] vals;
    final boolean[] cand;
    final long start, deadline;
    final long limitMs;
    private final Map<Trace, Sym> memo = new IdentityHashMap<>();
    private Scope scope;
    boolean timedOut;
    static final boolean DEBUG = Boolean.getBoolean("duet.relate.debug");
    /** Keep the plans in the tool's order instead of ranking them. */
    boolean keepOrder;

    Ctx(String text, Renderer.Result r, long limitMs) {
        this.start = System.nanoTime();
        this.limitMs = limitMs;
        this.deadline = start + limitMs * 1_000_000L;
        this.text = text;
        this.r = r;
        this.p = r.program;
        int n = p.locs().size();
        vals = new double[n + 1];
        cand = new boolean[n + 1];
        boolean unannotatedFrozen = p.unannotatedFrozen();
        for (Loc l : p.locs()) {
            vals[l.id()] = l.value;
            cand[l.id()] = !l.frozen() && !(unannotatedFrozen && l.annotation == Loc.Annotation.NONE);
        }
    }

    Scope scope() {
        if (scope == null) scope = new Scope(p);
        return scope;
    }

    Sym sym(FeatureInfo f) {
        Sym s;
        try {
            s = Sym.of(f.equation, p, memo, deadline);
        } catch (Sym.TooComplex e) {
            throw new RelateException("the feature " + f.ref() + " is too complex to relate: " + e.getMessage());
        }
        if (s.runtime)
            throw new RelateException("the feature " + f.ref() + " depends on a number made while the program runs "
                    + "(a slide or frame number), so it cannot be related");
        return s;
    }

    long remainingMs() {
        return Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
    }

    boolean expired() {
        return System.nanoTime() > deadline;
    }

    IntToDoubleFunction values(Map<Integer, Double> extra) {
        return id -> id > 0 ? vals[id] : extra.getOrDefault(id, 0.0);
    }

    /** Candidate literals among a symbolic number's variables; the '?' ones only, if there are any. */
    List<Integer> candidates(Sym s) {
        List<Integer> all = new ArrayList<>(), thawed = new ArrayList<>();
        for (int v : s.vars) {
            if (v <= 0 || !cand[v]) continue;
            all.add(v);
            if (p.loc(v).annotation == Loc.Annotation.THAWED) thawed.add(v);
        }
        return thawed.isEmpty() ? all : thawed;
    }

    /** How a literal is called in descriptions: its variable, or its numeral (Infinity for a numeral too long for a double). */
    String label(int id) {
        Loc l = p.loc(id);
        if (!l.name().isEmpty()) return qualified(l);
        return Double.isFinite(l.value)
                ? org.duet.lang.Printer.numeral(l.value)
                : org.duet.lang.JsNumber.toString(l.value);
    }

    /** Names bound to more than one literal of the program (each drawn rect has its own x, y, w, h). */
    private java.util.Set<String> sharedNames;

    /**
     * A literal's variable, told apart when several literals have that name: by the top-level definition it is in
     * ("rect2's h"), else by its line ("h on line 4").
     */
    private String qualified(Loc l) {
        if (sharedNames == null) {
            java.util.Map<String, Integer> count = new java.util.HashMap<>();
            for (Loc o : p.locs()) if (!o.prelude && !o.name().isEmpty()) count.merge(o.name(), 1, Integer::sum);
            sharedNames = new java.util.HashSet<>();
            count.forEach((k, v) -> {
                if (v > 1) sharedNames.add(k);
            });
        }
        if (!sharedNames.contains(l.name()) || l.numStart < 0) return l.name();
        String text = p.source().text();
        if (l.numStart > text.length()) return l.name();
        String owner = topLevelDefinition(text, l.numStart);
        if (owner != null && !owner.equals(l.name())) return owner + "'s " + l.name();
        return l.name() + " on line " + p.source().line(l.numStart);
    }

    /** The name of the top-level definition {@code (def NAME …} (at the start of a line) that holds {@code at}, or null. */
    static String topLevelDefinition(String text, int at) {
        int i = at;
        while (i >= 0) {
            int ls = text.lastIndexOf('\n', i - 1) + 1;
            if (text.startsWith("(def ", ls) || text.startsWith("(defrec ", ls)) {
                int st = text.indexOf(' ', ls) + 1;
                int en = st;
                while (en < text.length() && (Character.isLetterOrDigit(text.charAt(en)) || text.charAt(en) == '_'))
                    en++;
                return en > st && at < org.duet.lang.Brackets.closeOf(text, ls) ? text.substring(st, en) : null;
            }
            if (ls == 0) return null;
            i = ls - 1;
        }
        return null;
    }

    static String list(List<String> items) {
        if (items.size() <= 1) return items.isEmpty() ? "" : items.get(0);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    // ------------------------------------------------------------------------------------------------ finishing

    private record Ranked(
            Plan plan,
            String text,
            int nodes,
            int changed,
            int spread,
            int namedRemoved,
            double visual,
            String description) {}

    static final Comparator<Ranked> ORDER = Comparator.comparingInt(Ranked::nodes)
            .thenComparingInt(Ranked::changed)
            .thenComparingInt(Ranked::spread)
            .thenComparingInt(Ranked::namedRemoved)
            .thenComparingDouble(Ranked::visual)
            .thenComparingDouble(x -> x.plan().score)
            .thenComparing(Ranked::description);

    /**
     * Writes every plan, drops duplicates and those that do not parse, ranks them, then renders them best first and
     * keeps the first {@code top} whose drawing satisfies {@code check}.
     */
    RelateResult finish(List<Plan> plans, int top, Predicate<Renderer.Result> check, String noSolution) {
        return finish(plans, top, (plan, nr) -> check.test(nr), noSolution);
    }

    /** As above, with a check that may depend on the plan. */
    RelateResult finish(
            List<Plan> plans, int top, java.util.function.BiPredicate<Plan, Renderer.Result> check, String noSolution) {
        List<Ranked> ranked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(text);
        for (Plan plan : plans) {
            if (expired()) {
                timedOut = true;
                break;
            }
            ProgramEdit.Written w;
            try {
                w = ProgramEdit.write(scope(), plan);
            } catch (IllegalArgumentException e) {
                continue; // a number that cannot be written (NaN, infinity)
            }
            if (w == null || !seen.add(w.text())) continue;
            Map<Integer, Double> extra = new LinkedHashMap<>();
            for (Map.Entry<Integer, Plan.NewVar> v : plan.newVars.entrySet())
                extra.put(v.getKey(), v.getValue().value().eval(values(extra)));
            double[] now = vals.clone();
            IntToDoubleFunction cur = id -> id > 0 ? now[id] : extra.getOrDefault(id, 0.0);
            double visual = 0;
            int minLine = Integer.MAX_VALUE, maxLine = Integer.MIN_VALUE, namedRemoved = 0;
            for (Map.Entry<Integer, Sym> d : plan.deps.entrySet()) {
                int id = d.getKey();
                double nv = d.getValue().eval(cur);
                visual += Math.abs(nv - vals[id]);
                now[id] = nv;
                int line = p.source().line(p.loc(id).numStart);
                minLine = Math.min(minLine, line);
                maxLine = Math.max(maxLine, line);
                if (!p.loc(id).name().isEmpty()) namedRemoved++;
            }
            for (Map.Entry<Integer, Sym[]> c : plan.clamps.entrySet()) {
                int id = c.getKey();
                double lo = c.getValue()[0].eval(cur), hi = c.getValue()[1].eval(cur);
                double nv = vals[id] < lo ? lo : vals[id] > hi ? hi : vals[id];
                visual += Math.abs(nv - vals[id]);
                int line = p.source().line(p.loc(id).numStart);
                minLine = Math.min(minLine, line);
                maxLine = Math.max(maxLine, line);
            }
            String desc = plan.description;
            for (Map.Entry<Integer, String> n : w.names().entrySet())
                desc = desc.replace("⟨" + n.getKey() + "⟩", n.getValue());
            ranked.add(new Ranked(
                    plan,
                    w.text(),
                    baseNodes() + w.nodeDelta(),
                    plan.deps.size() + plan.clamps.size(),
                    minLine > maxLine ? 0 : maxLine - minLine,
                    namedRemoved,
                    visual,
                    desc));
        }
        if (!keepOrder) ranked.sort(ORDER);
        long tWritten = System.nanoTime();
        int renders = 0;
        List<Candidate> out = new ArrayList<>();
        // a candidate may run much longer than the program (a rewritten loop bound): stop it early
        org.duet.eval.Limits limits = org.duet.eval.Limits.DEFAULT
                .withMaxSteps(Math.min(org.duet.eval.Limits.DEFAULT.maxSteps, 50_000L + 2 * r.steps))
                .withMaxShapes(Math.max(1_000, 4 * r.canvas.elements().size()));
        for (Ranked c : ranked) {
            if (out.size() >= top) break;
            if (expired()) {
                timedOut = true;
                break;
            }
            try {
                renders++;
                long t0 = System.nanoTime();
                Renderer.Result nr = Renderer.render("candidate", c.text(), limits, Renderer.Frame.FIRST);
                long t1 = System.nanoTime();
                boolean ok = check.test(c.plan(), nr);
                if (DEBUG)
                    System.err.printf(
                            "  render %.1f ms, check %.1f ms%n", (t1 - t0) / 1e6, (System.nanoTime() - t1) / 1e6);
                if (!ok) continue;
            } catch (RuntimeException e) { // a program error, or a shape that is gone
                continue;
            }
            out.add(new Candidate(out.size() + 1, c.description(), c.text()));
        }
        if (DEBUG)
            System.err.printf(
                    "relate: %d plans, %d written, %.1f ms to write, %d renders, %.1f ms total%n",
                    plans.size(), ranked.size(), (tWritten - start) / 1e6, renders, (System.nanoTime() - start) / 1e6);
        String message = "";
        if (out.isEmpty())
            message = timedOut
                    ? "the time limit of " + limitMs + " ms was reached before any candidate was found"
                    : noSolution;
        else if (timedOut)
            message = "the time limit of " + limitMs + " ms was reached: these are the candidates found so far";
        return new RelateResult(out, timedOut, message);
    }

    private int baseNodes = -1;

    private int baseNodes() {
        if (baseNodes < 0) baseNodes = countNodes(p);
        return baseNodes;
    }

    /** Syntax nodes of a program (expressions and patterns). */
    static int countNodes(Program p) {
        int n = 0;
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(p.root());
        while (!stack.isEmpty()) {
            Node x = stack.pop();
            if (!(x instanceof Expr.Comment) && !(x instanceof Expr.Option)) n++;
            for (Node c : x.children()) stack.push(c);
        }
        return n;
    }

    /** Within 0.01 of each other. */
    static boolean close(double a, double b) {
        return Math.abs(a - b) <= 0.01;
    }
}
