package org.duet.synth;

import static org.duet.synth.Relate.shapeLabel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntToDoubleFunction;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.constraints.Constraint;
import org.chocosolver.solver.variables.IntVar;
import org.duet.lang.Op;
import org.duet.svg.Renderer;

/** Relate, Indexed Relate and Inside: each a small Choco model enumerating the choices of the edit. */
final class Search {
    private Search() {}

    private static volatile boolean warm;

    /** The first Choco model of a JVM loads many classes; that happens once, outside any request's time limit. */
    static void warmUp() {
        if (warm) return;
        synchronized (Search.class) {
            if (warm) return;
            Model m = new Model("warm-up");
            IntVar a = m.intVar("a", new int[] {0, 2, 3}), b = m.intVar("b", 0, 3);
            org.chocosolver.solver.constraints.extension.Tuples t =
                    new org.chocosolver.solver.constraints.extension.Tuples(true);
            t.add(0, 1);
            t.add(2, 0);
            m.table(new IntVar[] {a, b}, t).post();
            m.allDifferentExcept0(new IntVar[] {a, b}).post();
            m.ifThen(m.arithm(a, "=", 2), m.arithm(b, "<", 1));
            m.getSolver().setSearch(org.chocosolver.solver.search.strategy.Search.inputOrderLBSearch(a, b));
            m.getSolver().limitTime(10_000);
            while (m.getSolver().solve()) {
                /* enumerate */
            }
            warm = true;
        }
    }

    private static FeatureInfo feature(Ctx ctx, FeatureCatalog.Ref ref, String tool) {
        if (ref.feature() == null)
            throw new RelateException(tool + " takes features (N.FEATURE), not whole shapes like '" + ref + "'");
        return FeatureCatalog.resolve(ctx.r, ref);
    }

    private static double measure(Renderer.Result nr, FeatureInfo f) {
        return FeatureCatalog.resolve(nr, new FeatureCatalog.Ref(f.shape, f.name)).value;
    }

    // ------------------------------------------------------------------------------------------------ relate

    /** Constants tried in templates (interaction.md §8.5). */
    static final double[] CONSTANTS = {
        0, 1, 2, 10, 3, 20, 50, 4, 300, 5, 0.5, 100, 200, 30, 60, 80, 15, 360, 180, 120, 6, 150, 40, 8
    };

    private static final Op[] OPS = {Op.PLUS, Op.MINUS, Op.MULT, Op.DIV};
    /** Templates: K a constant, A B C distinct literals of the other side, o1 the outer operator, o2 the inner one. */
    private static final String[] TEMPLATES = {
        "A",
        "(o1 A B)",
        "(o1 A K)",
        "(o1 K A)",
        "(o1 (o2 A B) K)",
        "(o1 K (o2 A B))",
        "(o1 (o2 A K) B)",
        "(o1 A (o2 B K))",
        "(o1 (o2 A B) C)",
        "(o1 A (o2 B C))"
    };

    private static final int[] LEAVES = {1, 2, 1, 1, 2, 2, 2, 2, 3, 3};
    private static final boolean[] INNER = {false, false, false, false, true, true, true, true, true, true};
    private static final int KID = -1000;
    static final int MAX_OTHERS = 5, MAX_SOLUTIONS = 20000, MAX_WRITTEN = 100;

    /**
     * Relate (v0.6): for a literal that occurs in exactly one of the two features, expressions over the literals of
     * the other feature (templates of sizes 1, 3 and 5 over + − × ÷ with at most one constant: one of
     * {@link #CONSTANTS}, or the one that makes the value exact) whose value is within 20 % of the literal's value;
     * the literal is replaced by the expression (its constant left unfrozen, so it can still be dragged).
     */
    static RelateResult relate(Ctx ctx, List<FeatureCatalog.Ref> refs, int top) {
        if (refs.size() != 2) throw new RelateException("relate takes exactly two features");
        FeatureInfo fa = feature(ctx, refs.get(0), "relate"), fb = feature(ctx, refs.get(1), "relate");
        Sym a = ctx.sym(fa), b = ctx.sym(fb);
        List<Integer> deps = new ArrayList<>();
        List<List<Integer>> others = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            Sym mine = side == 0 ? a : b, other = side == 0 ? b : a;
            List<Integer> os = new ArrayList<>();
            for (int v : other.vars)
                if (v > 0
                        && !mine.contains(v)
                        && (ctx.cand[v] || !ctx.p.loc(v).name().isEmpty())) os.add(v);
            if (os.size() > MAX_OTHERS) os = os.subList(0, MAX_OTHERS);
            for (int d : ctx.candidates(mine)) {
                if (other.contains(d) || os.isEmpty()) continue;
                deps.add(d);
                others.add(os);
            }
        }
        if (deps.isEmpty())
            return new RelateResult(
                    List.of(),
                    false,
                    "no solution: no literal that may change occurs in only one of " + fa.ref() + " and " + fb.ref()
                            + ", or the other one has no literals to relate it to");
        int maxO = 0;
        for (List<Integer> os : others) maxO = Math.max(maxO, os.size());

        Model m = new Model("relate");
        IntVar d = m.intVar("d", 0, deps.size() - 1), t = m.intVar("template", 0, TEMPLATES.length - 1);
        IntVar o1 = m.intVar("o1", 0, 3), o2 = m.intVar("o2", 0, 3);
        IntVar la = m.intVar("a", 0, maxO - 1), lb = m.intVar("b", 0, maxO - 1), lc = m.intVar("c", 0, maxO - 1);
        for (int i = 0; i < deps.size(); i++) {
            int n = others.get(i).size();
            m.ifThen(m.arithm(d, "=", i), m.and(m.arithm(la, "<", n), m.arithm(lb, "<", n), m.arithm(lc, "<", n)));
        }
        for (int k = 0; k < TEMPLATES.length; k++) {
            List<Constraint> cs = new ArrayList<>();
            if (k == 0) cs.add(m.arithm(o1, "=", 0));
            if (!INNER[k]) cs.add(m.arithm(o2, "=", 0));
            if (LEAVES[k] < 2) cs.add(m.arithm(lb, "=", 0));
            else cs.add(m.arithm(la, "!=", lb));
            if (LEAVES[k] < 3) cs.add(m.arithm(lc, "=", 0));
            else {
                cs.add(m.arithm(la, "!=", lc));
                cs.add(m.arithm(lb, "!=", lc));
            }
            // commutative operators over two literals: one order only
            // commutative operators (+ ×, values 0 and 2) over two literals: one order only
            if (TEMPLATES[k].equals("(o1 A B)"))
                cs.add(m.or(m.arithm(o1, "=", 1), m.arithm(o1, "=", 3), m.arithm(la, "<", lb)));
            if (TEMPLATES[k].startsWith("(o1 (o2 A B)"))
                cs.add(m.or(m.arithm(o2, "=", 1), m.arithm(o2, "=", 3), m.arithm(la, "<", lb)));
            if (TEMPLATES[k].equals("(o1 A (o2 B C))"))
                cs.add(m.or(m.arithm(o2, "=", 1), m.arithm(o2, "=", 3), m.arithm(lb, "<", lc)));
            m.ifThen(m.arithm(t, "=", k), m.and(cs.toArray(new Constraint[0])));
        }
        org.chocosolver.solver.Solver s = m.getSolver();
        s.setSearch(org.chocosolver.solver.search.strategy.Search.inputOrderLBSearch(t, d, o1, o2, la, lb, lc));
        long budget = Math.max(1, ctx.remainingMs() / 2);
        s.limitTime(budget);
        s.limitSolution(MAX_SOLUTIONS);
        IntToDoubleFunction base = ctx.values(Map.of());
        List<Plan> plans = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long bodyNs = 0;
        while (s.solve()) {
            long b0 = System.nanoTime();
            int di = d.getValue(), k = t.getValue();
            int dep = deps.get(di);
            List<Integer> os = others.get(di);
            Sym A = Sym.var(os.get(la.getValue())),
                    B = Sym.var(os.get(lb.getValue())),
                    C = Sym.var(os.get(lc.getValue()));
            Sym K = Sym.var(KID);
            Op p1 = OPS[o1.getValue()], p2 = OPS[o2.getValue()];
            Sym e;
            switch (k) {
                case 0:
                    e = A;
                    break;
                case 1:
                    e = Sym.apply(p1, A, B);
                    break;
                case 2:
                    e = Sym.apply(p1, A, K);
                    break;
                case 3:
                    e = Sym.apply(p1, K, A);
                    break;
                case 4:
                    e = Sym.apply(p1, Sym.apply(p2, A, B), K);
                    break;
                case 5:
                    e = Sym.apply(p1, K, Sym.apply(p2, A, B));
                    break;
                case 6:
                    e = Sym.apply(p1, Sym.apply(p2, A, K), B);
                    break;
                case 7:
                    e = Sym.apply(p1, A, Sym.apply(p2, B, K));
                    break;
                case 8:
                    e = Sym.apply(p1, Sym.apply(p2, A, B), C);
                    break;
                default:
                    e = Sym.apply(p1, A, Sym.apply(p2, B, C));
                    break;
            }
            double target = ctx.vals[dep];
            List<Sym> options = new ArrayList<>();
            if (!e.contains(KID)) options.add(e);
            else {
                // (a) the listed constant that comes closest; (b) the constant that makes it exact
                double best = Double.POSITIVE_INFINITY, bestC = Double.NaN;
                for (double c : CONSTANTS) {
                    double v = e.eval(id -> id == KID ? c : base.applyAsDouble(id));
                    if (Double.isFinite(v) && Math.abs(v - target) < best) {
                        best = Math.abs(v - target);
                        bestC = c;
                    }
                }
                if (!Double.isNaN(bestC)) {
                    double c = bestC;
                    options.add(e.substitute(id -> id == KID ? Sym.constant(c) : null));
                }
                Sym exact =
                        Sym.sub(e, Sym.constant(target)).solveZero(KID, id -> id == KID ? 1 : base.applyAsDouble(id));
                if (exact != null && exact.isConstant()) {
                    double c = Relate.round2(exact.c);
                    if (c != bestC) options.add(e.substitute(id -> id == KID ? Sym.constant(c) : null));
                }
            }
            for (Sym x : options) {
                if (x.isConstant() || x.runtime) continue;
                double v = x.eval(base);
                boolean near = target == 0 ? v == 0 : Math.abs(v - target) < 0.2 * Math.abs(target);
                if (!near || !seen.add(dep + ":" + x.key())) continue;
                Plan plan = new Plan().dep(dep, x);
                plan.freeze = false;
                plan.score = Math.abs(v - target);
                plan.description = ctx.label(dep) + " = " + x.print(ctx::label, id -> ctx.p.loc(id).numStart, false);
                plans.add(plan);
            }
            bodyNs += System.nanoTime() - b0;
            if (ctx.expired()) {
                ctx.timedOut = true;
                break;
            }
        }
        if (s.isStopCriterionMet() && s.getSolutionCount() < MAX_SOLUTIONS) ctx.timedOut = true;
        if (Ctx.DEBUG)
            System.err.printf(
                    "relate: %d solutions, %d plans, %.1f ms searching, %.1f ms of it building%n",
                    s.getSolutionCount(), plans.size(), s.getTimeCount() * 1000, bodyNs / 1e6);
        // write only the most promising: smallest expressions, closest values
        plans.sort(java.util.Comparator.comparingInt(
                        (Plan q) -> q.deps.values().iterator().next().size())
                .thenComparingDouble(q -> q.score));
        if (plans.size() > MAX_WRITTEN) plans = new ArrayList<>(plans.subList(0, MAX_WRITTEN));
        List<Plan> kept = plans;
        // check: both features have the values the rewritten literal predicts
        return ctx.finish(
                kept,
                top,
                (plan, nr) -> {
                    Map.Entry<Integer, Sym> e = plan.deps.entrySet().iterator().next();
                    double nv = e.getValue().eval(base);
                    IntToDoubleFunction now = id -> id == e.getKey() ? nv : base.applyAsDouble(id);
                    return Ctx.close(measure(nr, fa), a.eval(now)) && Ctx.close(measure(nr, fb), b.eval(now));
                },
                "no solution: no expression over the other feature's literals comes within 20% of the value of a literal of "
                        + fa.ref() + " or " + fb.ref());
    }

    // ------------------------------------------------------------------------------------------------ indexed relate

    /**
     * Indexed Relate: features with one candidate literal each, in order of value t₀ ≤ … ≤ tₙ₋₁, become
     * {@code base + (i − b) · sep} with a new variable {@code sep} (the mean difference, or the closest of
     * {@link #CONSTANTS}) and base the literal of one of them (b); kept if the mean squared error relative to the
     * mean difference is below 0.04.
     */
    static RelateResult indexedRelate(Ctx ctx, List<FeatureCatalog.Ref> refs, int top) {
        List<FeatureInfo> fs = new ArrayList<>();
        for (FeatureCatalog.Ref ref : refs) {
            if (ref.feature() == null) {
                List<FeatureInfo> all = FeatureCatalog.of(ctx.r, ref.shape());
                if (all.isEmpty()) throw new RelateException("shape " + ref.shape() + " has no features");
                fs.add(all.get(0));
            } else fs.add(FeatureCatalog.resolve(ctx.r, ref));
        }
        if (fs.size() < 2) throw new RelateException("indexed-relate needs at least two features");
        List<int[]> locs = new ArrayList<>(); // {loc id, feature index}
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < fs.size(); i++) {
            Sym s = ctx.sym(fs.get(i));
            List<Integer> c = ctx.candidates(s);
            if (c.size() != 1)
                return new RelateResult(
                        List.of(),
                        false,
                        "no solution: indexed-relate needs features with exactly one "
                                + "literal that may change each; " + fs.get(i).ref() + " has " + c.size());
            if (s.asVar() != c.get(0))
                return new RelateResult(
                        List.of(), false, "no solution: " + fs.get(i).ref() + " is not simply its literal");
            if (!used.add(c.get(0)))
                return new RelateResult(List.of(), false, "no solution: two of the features have the same literal");
            locs.add(new int[] {c.get(0), i});
        }
        locs.sort((x, y) -> Double.compare(ctx.vals[x[0]], ctx.vals[y[0]]));
        int n = locs.size();
        double mean = (ctx.vals[locs.get(n - 1)[0]] - ctx.vals[locs.get(0)[0]]) / (n - 1);
        if (mean == 0) return new RelateResult(List.of(), false, "no solution: the values are all equal");
        double closest = CONSTANTS[0];
        for (double c : CONSTANTS) if (Math.abs(c - mean) < Math.abs(closest - mean)) closest = c;
        double[] steps = {Relate.round2(mean), closest};

        Model m = new Model("indexed-relate");
        IntVar b = m.intVar("base", 0, n - 1), st = m.intVar("step", 0, steps[0] == steps[1] ? 0 : 1);
        org.chocosolver.solver.Solver s = m.getSolver();
        s.setSearch(org.chocosolver.solver.search.strategy.Search.inputOrderLBSearch(st, b));
        s.limitTime(Math.max(1, ctx.remainingMs() / 2));
        List<Plan> plans = new ArrayList<>();
        Map<Plan, double[]> predicted = new java.util.IdentityHashMap<>();
        while (s.solve()) {
            int bi = b.getValue();
            double step = steps[st.getValue()];
            int baseLoc = locs.get(bi)[0];
            double score = 0;
            double[] pred = new double[fs.size()];
            Plan plan = new Plan();
            plan.newVars.put(-1, new Plan.NewVar("sep", Sym.constant(step)));
            List<String> names = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                double e = ctx.vals[baseLoc] + (k - bi) * step, tk = ctx.vals[locs.get(k)[0]];
                score += Math.pow((e - tk) / mean, 2) / n;
                pred[locs.get(k)[1]] = e;
                if (k == bi) continue;
                plan.dep(locs.get(k)[0], Sym.combine(Sym.var(baseLoc), k - bi, Sym.var(-1)));
                names.add(ctx.label(locs.get(k)[0]));
            }
            if (score >= 0.04) continue;
            plan.score = score;
            plan.description = "compute " + Ctx.list(names) + " from " + ctx.label(baseLoc)
                    + " in steps of a new variable ⟨-1⟩ = " + Sym.num(step, false);
            plans.add(plan);
            predicted.put(plan, pred);
        }
        if (s.isStopCriterionMet()) ctx.timedOut = true;
        return ctx.finish(
                plans,
                top,
                (plan, nr) -> {
                    // the features lie on the plan's arithmetic sequence
                    double[] pred = predicted.get(plan);
                    for (int i = 0; i < fs.size(); i++) if (!Ctx.close(measure(nr, fs.get(i)), pred[i])) return false;
                    return true;
                },
                "no solution: the values are not close enough to evenly spaced (mean squared error ≥ 0.04 of the step)");
    }

    // ------------------------------------------------------------------------------------------------ inside

    /**
     * Inside: a point is kept inside a shape's bounding box. The selection is the point's X and/or Y feature then the
     * shape ({@code 3.rectCX,3.rectCY,0}), or two shapes (the first one's centre inside the second). For each axis a
     * literal of the point's coordinate is either wrapped as {@code (clamp LO HI literal)}, LO and HI being the
     * literal values that put the point on the box's sides (so the relation is kept while anything is dragged), or —
     * if the point is outside — moved onto the nearest side (a one-off change of the number).
     */
    static RelateResult inside(Ctx ctx, List<FeatureCatalog.Ref> refs, int top) {
        if (refs.size() < 2 || refs.get(refs.size() - 1).feature() != null)
            throw new RelateException("inside takes a point's X and/or Y feature (or a whole shape, for its centre) "
                    + "followed by the number of the shape to stay inside, e.g. 2.rectCX,2.rectCY,0");
        int box = refs.get(refs.size() - 1).shape();
        Map<String, FeatureInfo> container = FeatureCatalog.box(ctx.r, box);
        List<FeatureInfo> coords = new ArrayList<>();
        for (FeatureCatalog.Ref ref : refs.subList(0, refs.size() - 1)) {
            if (ref.feature() == null) {
                Map<String, FeatureInfo> bx = FeatureCatalog.box(ctx.r, ref.shape());
                coords.add(bx.get("centerX"));
                coords.add(bx.get("centerY"));
            } else {
                FeatureInfo f = FeatureCatalog.resolve(ctx.r, ref);
                if (f.kind != FeatureInfo.Kind.X && f.kind != FeatureInfo.Kind.Y)
                    throw new RelateException("inside: " + f.ref() + " is not the X or Y of a point");
                coords.add(f);
            }
        }
        IntToDoubleFunction base = ctx.values(Map.of());
        int A = coords.size();
        List<List<Integer>> deps = new ArrayList<>();
        List<List<Sym[]>> bounds = new ArrayList<>();
        boolean[] outside = new boolean[A];
        double[][] range = new double[A][];
        for (FeatureInfo f : coords) {
            boolean x = f.kind == FeatureInfo.Kind.X || f.name.equals("centerX");
            Sym p = ctx.sym(f);
            Sym lo = ctx.sym(container.get(x ? "left" : "top")), hi = ctx.sym(container.get(x ? "right" : "bottom"));
            int i = deps.size();
            range[i] = new double[] {lo.eval(base), hi.eval(base)};
            double pv = p.eval(base);
            outside[i] = pv < range[i][0] || pv > range[i][1];
            List<Integer> ds = new ArrayList<>();
            List<Sym[]> bs = new ArrayList<>();
            for (int d : ctx.candidates(p)) {
                if (lo.contains(d) || hi.contains(d)) continue;
                Sym[] ab = p.affine(d);
                if (ab == null || !ab[0].isConstant() || ab[0].c == 0) continue;
                Sym dl = Sym.sub(p, lo).solveZero(d, base), dh = Sym.sub(p, hi).solveZero(d, base);
                if (dl == null || dh == null) continue;
                ds.add(d);
                bs.add(ab[0].c > 0 ? new Sym[] {dl, dh} : new Sym[] {dh, dl});
            }
            deps.add(ds);
            bounds.add(bs);
        }
        String none =
                "no solution: no literal of the point's coordinates can be kept between the shape's sides (frozen, "
                        + "shared with the shape, or not linear)";
        boolean anyDep = false;
        for (int i = 0; i < A; i++) {
            if (outside[i] && deps.get(i).isEmpty()) return new RelateResult(List.of(), false, none);
            anyDep |= !deps.get(i).isEmpty();
        }
        if (!anyDep) return new RelateResult(List.of(), false, none);
        // per axis: which literal (0 = leave the axis alone, if it is inside), and clamp (0) or move (1)
        Model m = new Model("inside");
        IntVar[] dep = new IntVar[A], mode = new IntVar[A];
        for (int i = 0; i < A; i++) {
            dep[i] = m.intVar("dep" + i, outside[i] ? 1 : 0, deps.get(i).size());
            mode[i] = m.intVar("mode" + i, 0, outside[i] ? 1 : 0);
            m.ifThen(m.arithm(dep[i], "=", 0), m.arithm(mode[i], "=", 0));
        }
        m.sum(dep, ">", 0).post();
        for (int i = 0; i < A; i++)
            for (int j = i + 1; j < A; j++)
                for (int u = 0; u < deps.get(i).size(); u++)
                    for (int v = 0; v < deps.get(j).size(); v++)
                        if (deps.get(i).get(u).equals(deps.get(j).get(v)))
                            m.not(m.and(m.arithm(dep[i], "=", u + 1), m.arithm(dep[j], "=", v + 1)))
                                    .post();
        IntVar[] decision = new IntVar[2 * A];
        for (int i = 0; i < A; i++) {
            decision[2 * i] = mode[i];
            decision[2 * i + 1] = dep[i];
        }
        org.chocosolver.solver.Solver s = m.getSolver();
        s.setSearch(org.chocosolver.solver.search.strategy.Search.inputOrderLBSearch(decision));
        s.limitTime(Math.max(1, ctx.remainingMs() / 2));
        List<Plan> plans = new ArrayList<>();
        String boxLabel = shapeLabel(ctx, box);
        while (s.solve()) {
            Plan plan = new Plan();
            plan.freeze = false;
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < A; i++) {
                int u = dep[i].getValue();
                if (u == 0) continue;
                int d = deps.get(i).get(u - 1);
                Sym[] bd = bounds.get(i).get(u - 1);
                if (mode[i].getValue() == 0) {
                    plan.clamps.put(d, bd);
                    parts.add("clamp " + ctx.label(d));
                } else {
                    double lo = bd[0].eval(base), hi = bd[1].eval(base);
                    double nv = Relate.round2(ctx.vals[d] < lo ? lo : hi);
                    plan.dep(d, Sym.constant(nv));
                    parts.add("move " + ctx.label(d) + " to " + Sym.num(nv, false));
                }
            }
            plan.description = "keep " + pointLabel(coords) + " inside " + boxLabel + ": " + String.join(", ", parts);
            plans.add(plan);
        }
        if (s.isStopCriterionMet()) ctx.timedOut = true;
        return ctx.finish(
                plans,
                top,
                nr -> {
                    Map<String, FeatureInfo> c = FeatureCatalog.box(nr, box);
                    for (FeatureInfo f : coords) {
                        boolean x = f.kind == FeatureInfo.Kind.X || f.name.equals("centerX");
                        double v = f.name.startsWith("center")
                                ? FeatureCatalog.box(nr, f.shape).get(f.name).value
                                : measure(nr, f);
                        if (v < c.get(x ? "left" : "top").value - 0.01
                                || v > c.get(x ? "right" : "bottom").value + 0.01) return false;
                    }
                    return true;
                },
                none);
    }

    private static String pointLabel(List<FeatureInfo> coords) {
        List<String> out = new ArrayList<>();
        for (FeatureInfo f : coords)
            out.add(f.name.startsWith("center") ? "shape " + f.shape + "'s " + f.name : f.ref());
        return Ctx.list(out);
    }
}
