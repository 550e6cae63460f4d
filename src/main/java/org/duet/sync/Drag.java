package org.duet.sync;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duet.lang.Loc;
import org.duet.lang.Printer;

/** One drag step: solve the trigger's elements, shorten the numbers, print the new program. */
final class Drag {
    private Drag() {}

    /** How far (in output units) shortening a number may move any attribute from the exact solution. */
    static final double SHORTEN_TOLERANCE = 0.01;
    /** Most decimal digits tried when shortening; beyond that the exact value is written. */
    static final int MAX_DIGITS = 15;

    private static final int SWEEPS = 4;
    /**
     * Work (trace nodes, counted once per solve) that trying substitute locations may take in one drag: a trace
     * with 10 000 candidate literals would otherwise be solved for each of them, each solve as long as the trace.
     * Far more than the example corpus needs (its largest is 13 candidates of a 162-node trace).
     */
    static final long SUBSTITUTE_WORK = 500_000;

    static boolean reached(double got, double want) {
        if (Double.isNaN(want)) return Double.isNaN(got);
        return Math.abs(got - want) <= 1e-6 * Math.max(1, Math.abs(want));
    }

    static DragResult run(SyncTable t, Zone zone, double dx, double dy) {
        List<TriggerElement> trig = zone.trigger();
        int k = trig.size();
        TraceExpr[] ex = new TraceExpr[k];
        int[] loc = new int[k];
        double[] target = new double[k];
        for (int i = 0; i < k; i++) {
            TriggerElement te = trig.get(i);
            ex[i] = te.feature.expr;
            loc[i] = te.loc.id();
            target[i] = te.target(dx, dy);
        }

        // Locations each element may use: its assigned one, then (Duet) substitutes — its trace's other candidates,
        // those not in the other elements' traces first, then the least popular, then the latest in the text — for
        // when the assigned location cannot serve it (an earlier element set it to another value, or no value of it
        // reaches the target).
        int[][] options = new int[k][];
        for (int i = 0; i < k; i++) options[i] = options(t, trig.get(i), ex, i);

        // Candidate solutions, each element by element with later elements seeing earlier solutions (the first
        // element to settle a location owns it; a few Gauss–Seidel sweeps let coupled elements settle):
        //  1. the baseline: assigned locations only (Sketch-n-Sketch's trigger, made consistent);
        //  2. with substitutes;
        //  3. joint refinements of the better of those (the locations in use, then one more substitute for each
        //     element still off target).
        // A candidate other than the baseline is admissible only if it does not buy the zone's targets with large
        // changes to other shapes: none may move more than 3 × (the baseline's largest such change, or the drag).
        // The admissible candidate reaching the most elements wins (then the smallest total miss; earlier candidates
        // win ties).
        State baseline = sweeps(ex, target, options, loc, t.base, null);
        double[] budget = {Double.NaN}; // computed when first needed
        State best = baseline;
        if (best.sat < k) {
            State s = sweeps(
                    ex, target, options, loc, t.base, vals -> admissible(t, zone, vals, baseline, budget, ex, target));
            if (s.better(best) && admissible(t, zone, s.vals, baseline, budget, ex, target)) best = s;
        }
        if (best.sat < k) {
            java.util.LinkedHashSet<Integer> vars = new java.util.LinkedHashSet<>();
            for (int id : best.used) vars.add(id);
            for (int round = 0; round < 2 && best.sat < k; round++) {
                if (round == 1) {
                    boolean added = false;
                    for (int i = 0; i < k; i++) {
                        if (reached(ex[i].eval(best.vals), target[i])) continue;
                        for (int id : options[i])
                            if (vars.add(id)) {
                                added = true;
                                break;
                            }
                    }
                    if (!added) break;
                }
                int[] vs = vars.stream().mapToInt(Integer::intValue).toArray();
                double[] j = Joint.solve(ex, target, best.vals, vs);
                if (j == null) continue;
                int[] used = best.used.clone();
                boolean lost = false;
                for (int i = 0; i < k; i++) {
                    boolean before = reached(ex[i].eval(best.vals), target[i]),
                            after = reached(ex[i].eval(j), target[i]);
                    if (before && !after) lost = true;
                    if (!before && after)
                        for (int id : vs)
                            if (j[id] != best.vals[id] && ex[i].hasLeaf(id)) {
                                used[i] = id;
                                break;
                            }
                }
                State js = new State(ex, target, j, used);
                if (lost || !js.better(best) || !admissible(t, zone, j, baseline, budget, ex, target)) continue;
                best = js;
            }
        }
        int[] used = best.used;

        // the changed locations, in the order of the elements that changed them
        List<Integer> changedIds = new ArrayList<>();
        for (int i = 0; i < k; i++)
            for (int id : options[i]) if (best.vals[id] != t.base[id] && !changedIds.contains(id)) changedIds.add(id);
        for (int id = 1; id < best.vals.length; id++)
            if (best.vals[id] != t.base[id] && !changedIds.contains(id)) changedIds.add(id);
        double[] written = shorten(t, best.vals, changedIds);

        Map<Integer, Double> newValues = new LinkedHashMap<>();
        for (int id : changedIds) {
            if (written[id] == t.base[id]) continue;
            Loc l = t.program.loc(id);
            if (zone.shape >= 0 && !t.candidate[id])
                throw new IllegalStateException("a drag would change the frozen location " + l);
            newValues.put(id, written[id]);
        }
        String text = Printer.print(t.program, newValues);

        List<DragResult.Element> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            double exact = ex[i].eval(best.vals), predicted = ex[i].eval(written);
            DragResult.Status status = DragResult.Status.SOLVED;
            String reason = null;
            Loc l = t.program.loc(used[i]);
            if (!reached(exact, target[i])) {
                l = t.program.loc(loc[i]);
                int owner = -1;
                for (int j = 0; j < i; j++)
                    if (loc[j] == loc[i] && reached(ex[j].eval(best.vals), target[j])) {
                        owner = j;
                        break;
                    }
                if (owner >= 0) {
                    status = DragResult.Status.CONFLICT;
                    reason = "its location " + name(l) + " is set by " + trig.get(owner).attribute
                            + ", which needs a different value";
                } else if (Solver.solve(ex[i], loc[i], target[i], best.vals) == null) {
                    status = DragResult.Status.NO_SOLUTION;
                    reason = "no value of " + name(l) + " gives " + trig.get(i).attribute + " = "
                            + org.duet.lang.JsNumber.toString(Math.rint(target[i] * 1e6) / 1e6);
                } else {
                    status = DragResult.Status.CONFLICT;
                    String other = null;
                    for (int j = 0; j < k && other == null; j++)
                        if (j != i && ex[i].hasLeaf(used[j]) && best.vals[used[j]] != t.base[used[j]])
                            other = trig.get(j).attribute;
                    reason = "it shares locations with " + (other == null ? "other attributes of the zone" : other)
                            + ", which need different values";
                }
            }
            out.add(new DragResult.Element(trig.get(i).attribute, l, target[i], exact, predicted, status, reason));
        }
        return new DragResult(zone, dx, dy, text, newValues, out);
    }

    /** Location values after solving, the location each element used, and how many elements reach their targets. */
    static final class State {
        final double[] vals;
        final int[] used;
        final int sat;
        final double dev;

        State(TraceExpr[] ex, double[] target, double[] vals, int[] used) {
            this.vals = vals;
            this.used = used;
            int n = 0;
            double d = 0;
            for (int i = 0; i < ex.length; i++) {
                double v = ex[i].eval(vals);
                if (reached(v, target[i])) n++;
                else d += Double.isFinite(v) ? Math.abs(v - target[i]) : Double.MAX_VALUE;
            }
            this.sat = n;
            this.dev = d;
        }

        boolean better(State o) {
            return sat > o.sat || (sat == o.sat && dev < o.dev);
        }
    }

    /**
     * Gauss–Seidel sweeps over the elements; with the assigned locations only ({@code substitutes} null) or also with
     * substitutes, each of which must leave the location values admissible.
     */
    static State sweeps(
            TraceExpr[] ex,
            double[] target,
            int[][] options,
            int[] loc,
            double[] base,
            java.util.function.Predicate<double[]> substitutes) {
        int k = ex.length;
        double[] vals = base.clone();
        int[] used = loc.clone();
        State best = null;
        long work = 0;
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            boolean changed = false;
            Map<Integer, Integer> claimed = new LinkedHashMap<>();
            for (int i = 0; i < k; i++) {
                if (Solver.close(ex[i].eval(vals), target[i])) {
                    claimed.putIfAbsent(used[i], i);
                    continue;
                }
                int n = substitutes != null ? options[i].length : 1;
                for (int o = 0; o < n; o++) {
                    int id = options[i][o];
                    if (claimed.containsKey(id)) continue;
                    if (o > 0 && (work += ex[i].size) > SUBSTITUTE_WORK) break;
                    Solver.Solution s = Solver.solve(ex[i], id, target[i], vals);
                    if (s == null) continue; // a failure never overwrites; a later element may still set the location
                    if (o > 0 && breaksOthers(ex, target, i, vals, id, s.value)) continue;
                    if (o > 0) {
                        double old = vals[id];
                        vals[id] = s.value;
                        boolean ok = substitutes.test(vals);
                        vals[id] = old;
                        if (!ok) continue;
                    }
                    if (vals[id] != s.value) changed = true;
                    vals[id] = s.value;
                    claimed.put(id, i);
                    used[i] = id;
                    break;
                }
            }
            State st = new State(ex, target, vals.clone(), used.clone());
            if (best == null || st.better(best)) best = st;
            if (st.sat == k || !changed) break;
        }
        return best;
    }

    /** Does {@code vals} keep every attribute of other shapes within the budget (computed once into budget[0])? */
    private static boolean admissible(
            SyncTable t, Zone zone, double[] vals, State baseline, double[] budget, TraceExpr[] ex, double[] target) {
        if (Double.isNaN(budget[0]))
            budget[0] = 3
                    * Math.max(
                            sideEffects(t, zone.shape, baseline.vals, Double.POSITIVE_INFINITY),
                            drag(ex, target, t.base));
        return sideEffects(t, zone.shape, vals, budget[0]) <= budget[0];
    }

    /**
     * The largest change of an attribute of another shape (than {@code shape}) between the program's values and
     * {@code vals} (or the first change found above {@code stopAbove}).
     */
    static double sideEffects(SyncTable t, int shape, double[] vals, double stopAbove) {
        double sum = 0;
        boolean[] seen = new boolean[t.allFeatures.size()];
        for (int id = 1; id < vals.length; id++) {
            if (vals[id] == t.base[id]) continue;
            for (Feature f : t.featuresOf(id)) {
                if (f.element == shape || seen[f.index]) continue;
                seen[f.index] = true;
                double d = Math.abs(f.expr.eval(vals) - f.value);
                sum = Math.max(sum, Double.isFinite(d) ? d : 1e300);
                if (sum > stopAbove) return sum;
            }
        }
        return sum;
    }

    /** How far the zone's elements are asked to move, at most. */
    private static double drag(TraceExpr[] ex, double[] target, double[] base) {
        double sum = 0;
        for (int i = 0; i < ex.length; i++) sum = Math.max(sum, Math.abs(target[i] - ex[i].eval(base)));
        return sum;
    }

    /** Would giving location {@code id} the value {@code v} make another element that has reached its target leave it? */
    private static boolean breaksOthers(TraceExpr[] ex, double[] target, int self, double[] vals, int id, double v) {
        double old = vals[id];
        boolean breaks = false;
        for (int j = 0; j < ex.length && !breaks; j++) {
            if (j == self || !ex[j].hasLeaf(id) || !reached(ex[j].eval(vals), target[j])) continue;
            vals[id] = v;
            breaks = !reached(ex[j].eval(vals), target[j]);
            vals[id] = old;
        }
        return breaks;
    }

    /** The assigned location, then substitutes (see above). */
    static int[] options(SyncTable t, TriggerElement te, TraceExpr[] ex, int self) {
        int[] cands = te.feature.cands;
        List<Integer> others = new ArrayList<>();
        int assigned = te.loc.id();
        for (int id : cands) if (id != assigned) others.add(id);
        others.sort((x, y) -> {
            int ix = inOthers(ex, self, x), iy = inOthers(ex, self, y);
            if (ix != iy) return Integer.compare(ix, iy);
            if (t.popularity[x] != t.popularity[y]) return Integer.compare(t.popularity[x], t.popularity[y]);
            return Integer.compare(y, x); // then the literal latest in the text
        });
        int[] out = new int[others.size() + 1];
        out[0] = assigned;
        for (int i = 0; i < others.size(); i++) out[i + 1] = others.get(i);
        return out;
    }

    private static int inOthers(TraceExpr[] ex, int self, int id) {
        for (int j = 0; j < ex.length; j++) if (j != self && ex[j].hasLeaf(id)) return 1;
        return 0;
    }

    static String name(Loc l) {
        return l.name().isEmpty() ? "loc_" + l.id() : l.name();
    }

    /**
     * Short numbers: each changed location, in order, takes the fewest decimal digits such that every attribute
     * whose trace contains a changed location stays within {@link #SHORTEN_TOLERANCE} of its value under the exact
     * solution (a location that no attribute depends on must itself stay within the tolerance).
     */
    static double[] shorten(SyncTable t, double[] exactVals, List<Integer> changedIds) {
        double[] cur = exactVals.clone();
        if (changedIds.isEmpty()) return cur;
        List<Feature> affected;
        if (changedIds.size() == 1) {
            affected = t.featuresOf(changedIds.get(0));
        } else {
            boolean[] seen = new boolean[t.allFeatures.size()];
            affected = new ArrayList<>();
            for (int id : changedIds) {
                for (Feature f : t.featuresOf(id)) {
                    if (seen[f.index]) continue;
                    seen[f.index] = true;
                    affected.add(f);
                }
            }
        }
        double[] exactF = new double[affected.size()];
        for (int i = 0; i < exactF.length; i++) exactF[i] = affected.get(i).expr.eval(exactVals);
        int[] lastViolator = {0};
        for (int id : changedIds) {
            boolean alone = t.featuresOf(id).isEmpty();
            double exact = exactVals[id];
            boolean done = false;
            for (int d = 0; d <= MAX_DIGITS && !done; d++) {
                double v = round(exact, d);
                if (alone && Math.abs(v - exact) > SHORTEN_TOLERANCE) continue;
                cur[id] = v;
                done = within(affected, exactF, cur, lastViolator);
            }
            if (!done) cur[id] = exact;
        }
        return cur;
    }

    /** Are all affected numbers within the tolerance? Starts from the one that failed last time (a failure is found fast). */
    private static boolean within(List<Feature> affected, double[] exactF, double[] vals, int[] lastViolator) {
        int n = exactF.length;
        for (int k = 0; k < n; k++) {
            int i = (lastViolator[0] + k) % n;
            double got = affected.get(i).expr.eval(vals), want = exactF[i];
            boolean ok = Double.isFinite(want)
                    ? Math.abs(got - want) <= SHORTEN_TOLERANCE
                    : got == want || (Double.isNaN(got) && Double.isNaN(want));
            if (!ok) {
                lastViolator[0] = i;
                return false;
            }
        }
        return true;
    }

    /** x rounded to d decimal digits (half-even on the exact binary value). */
    static double round(double x, int d) {
        if (!Double.isFinite(x)) return x;
        double r = new BigDecimal(x).setScale(d, RoundingMode.HALF_EVEN).doubleValue();
        return r == 0 ? 0.0 : r; // no negative zero
    }
}
