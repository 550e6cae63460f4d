package org.duet.sync;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.search.strategy.Search;
import org.chocosolver.solver.variables.BoolVar;
import org.duet.lang.Loc;
import org.duet.lang.Printer;
import org.duet.lang.Program;

/**
 * Ranked alternatives for a drag: the different sets of constants that can realise one gesture (move {@code x0}, or
 * {@code sep}, …), each with its new program. See "Ranking of drag alternatives" in {@code little-lang/SPEC.md}.
 *
 * <p>Scheme: the zone's attributes (every element of the zone, assigned by the heuristics or not) with their target
 * values; the universe is the union of their traces' candidate locations. Choco enumerates subsets of the universe
 * (one boolean per location) by increasing size: every attribute that must move needs a chosen location in its trace,
 * and no subset contains a subset accepted earlier (only minimal sets are offered). For each subset the new values
 * are computed numerically with the drag machinery (the one-unknown {@link Solver} element by element, then the
 * joint Levenberg–Marquardt refinement of {@link Joint}), shortened as a drag writes them ({@link Drag#shorten}); the
 * subset is kept only if every attribute of the zone is within 0.01 of its target with the numbers as written and
 * every chosen location really changes.
 */
public final class Alternatives {
    private Alternatives() {}

    /** Default time budget of the search (Choco's time limit, shared by all subset sizes). */
    public static final long TIME_LIMIT_MS = 50;
    /** Most subsets examined per request (Choco's solution limit); beyond that the result is truncated. */
    public static final int MAX_SUBSETS = 200;
    /** Largest subset tried: the number of attributes that must move, plus one, at most this. */
    public static final int MAX_SIZE = 6;
    /** How close (output units) each attribute must get to its target with the numbers as written. */
    public static final double TOLERANCE = 0.01;

    /** One changed constant. */
    public static final class Change {
        public final Loc loc;
        /** The variable the literal is bound to, or {@code loc_<id>}. */
        public final String name;
        /** 1-based line and column of the literal. */
        public final int line, col;

        public final double oldValue, newValue;

        Change(Loc loc, String name, int line, int col, double oldValue, double newValue) {
            this.loc = loc;
            this.name = name;
            this.line = line;
            this.col = col;
            this.oldValue = oldValue;
            this.newValue = newValue;
        }

        @Override
        public String toString() {
            return name + " " + Printer.numeral(oldValue) + " → " + Printer.numeral(newValue);
        }
    }

    /** One way of realising the drag. */
    public static final class Alternative {
        /** 1 = best. */
        public final int rank;
        /** The changed literals in text order, with their new values as written. */
        public final List<Change> changes;
        /** The new program text (only these numerals changed). */
        public final String program;
        /** E.g. {@code change x0 40 → 47 and y0 28 → 23}. */
        public final String description;
        /** Rank keys, in order of importance (smaller is better). */
        public final int constantsChanged, otherShapesMoved;

        public final double totalChange;
        public final int textSpread;

        Alternative(
                int rank,
                List<Change> changes,
                String program,
                String description,
                int otherShapesMoved,
                double totalChange,
                int textSpread) {
            this.rank = rank;
            this.changes = Collections.unmodifiableList(changes);
            this.program = program;
            this.description = description;
            this.constantsChanged = changes.size();
            this.otherShapesMoved = otherShapesMoved;
            this.totalChange = totalChange;
            this.textSpread = textSpread;
        }

        Alternative withRank(int r) {
            return new Alternative(r, changes, program, description, otherShapesMoved, totalChange, textSpread);
        }

        /** Location id → new value. */
        public Map<Integer, Double> newValues() {
            Map<Integer, Double> m = new LinkedHashMap<>();
            for (Change c : changes) m.put(c.loc.id(), c.newValue);
            return m;
        }

        @Override
        public String toString() {
            return rank + ". " + description + " (" + otherShapesMoved + " other shapes move)";
        }
    }

    /** The ranked alternatives (best first); {@link #truncated} if a time or solution limit cut the search short. */
    public static final class Result extends AbstractList<Alternative> {
        private final List<Alternative> list;
        public final boolean truncated;

        Result(List<Alternative> list, boolean truncated) {
            this.list = Collections.unmodifiableList(list);
            this.truncated = truncated;
        }

        @Override
        public Alternative get(int i) {
            return list.get(i);
        }

        @Override
        public int size() {
            return list.size();
        }
    }

    /** At most {@code max} ranked alternatives for dragging {@code zone} by (dx, dy), with the default time limit. */
    public static Result alternatives(SyncTable table, Zone zone, double dx, double dy, int max) {
        return alternatives(table, zone, dx, dy, max, TIME_LIMIT_MS);
    }

    /** As {@link #alternatives(SyncTable, Zone, double, double, int)} with a time limit in milliseconds. */
    public static Result alternatives(SyncTable t, Zone zone, double dx, double dy, int max, long timeLimitMs) {
        if (!Double.isFinite(dx) || !Double.isFinite(dy)) throw new SyncException("dx and dy must be finite numbers");
        if (max <= 0) return new Result(List.of(), false);
        warmUp();
        long deadline = System.nanoTime() + Math.max(1, timeLimitMs) * 1_000_000L;

        // the zone's attributes and the universe of candidate locations
        List<TraceExpr> exs = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        List<int[]> needs = new ArrayList<>(); // candidate sets of the attributes that must move
        TreeSet<Integer> universe = new TreeSet<>();
        for (TriggerElement e : zone.elements) {
            double target = e.target(dx, dy);
            boolean moves = !Drag.reached(e.value, target);
            TraceExpr ex = e.feature.expr;
            List<Integer> cands = new ArrayList<>();
            if (ex != null) for (Loc l : e.candidates) if (zone.shape < 0 || t.candidate[l.id()]) cands.add(l.id());
            if (ex == null || cands.isEmpty()) {
                if (moves) return new Result(List.of(), false); // this attribute can never reach its target
                if (ex == null) continue;
            }
            exs.add(ex);
            targets.add(target);
            universe.addAll(cands);
            if (moves) needs.add(cands.stream().mapToInt(Integer::intValue).toArray());
        }
        if (needs.isEmpty()) return new Result(List.of(), false); // nothing to do
        TraceExpr[] ex = exs.toArray(new TraceExpr[0]);
        double[] target = targets.stream().mapToDouble(Double::doubleValue).toArray();
        int[] uni = universe.stream().mapToInt(Integer::intValue).toArray();
        int maxSize = Math.min(uni.length, Math.min(MAX_SIZE, needs.size() + 1));

        List<Alternative> found = new ArrayList<>();
        List<int[]> accepted = new ArrayList<>(); // as indices into uni
        boolean truncated = false;
        int examined = 0;
        for (int size = 1; size <= maxSize && !truncated; size++) {
            long remaining = (deadline - System.nanoTime()) / 1_000_000L;
            if (remaining <= 0 || examined >= MAX_SUBSETS) {
                truncated = true;
                break;
            }
            // a fresh model per size: the subsets of this size covering every moving attribute, no superset of an
            // accepted subset
            Model m = new Model("alternatives");
            BoolVar[] b = m.boolVarArray("changed", uni.length);
            for (int[] cands : needs) {
                BoolVar[] cv = new BoolVar[cands.length];
                for (int i = 0; i < cands.length; i++) cv[i] = b[indexOf(uni, cands[i])];
                m.sum(cv, ">=", 1).post();
            }
            m.sum(b, "=", size).post();
            for (int[] acc : accepted) {
                BoolVar[] av = new BoolVar[acc.length];
                for (int i = 0; i < acc.length; i++) av[i] = b[acc[i]];
                m.sum(av, "<", acc.length).post();
            }
            org.chocosolver.solver.Solver s = m.getSolver();
            s.setSearch(Search.inputOrderUBSearch(b));
            s.limitTime(remaining);
            s.limitSolution(MAX_SUBSETS - examined);
            List<int[]> acceptedNow = new ArrayList<>();
            while (s.solve()) {
                examined++;
                int[] idx = new int[size];
                int n = 0;
                for (int i = 0; i < uni.length; i++) if (b[i].getValue() == 1) idx[n++] = i;
                int[] ids = new int[size];
                for (int i = 0; i < size; i++) ids[i] = uni[idx[i]];
                Alternative a = evaluate(t, zone, ex, target, ids);
                if (a != null) {
                    found.add(a);
                    acceptedNow.add(idx);
                }
                if (System.nanoTime() > deadline) break;
            }
            if (s.isStopCriterionMet() || System.nanoTime() > deadline) truncated = true;
            accepted.addAll(acceptedNow);
        }

        found.sort(ORDER);
        List<Alternative> out = new ArrayList<>();
        for (int i = 0; i < found.size() && i < max; i++) out.add(found.get(i).withRank(i + 1));
        return new Result(out, truncated);
    }

    private static volatile boolean warm;

    /**
     * The first Choco search of a JVM spends 100–300 ms loading classes; that happens here, once, outside the time
     * budget of a request (so a cold command line call is not cut short before it starts).
     */
    static void warmUp() {
        if (warm) return;
        synchronized (Alternatives.class) {
            if (warm) return;
            Model m = new Model("warm-up");
            BoolVar[] b = m.boolVarArray("b", 3);
            m.sum(b, ">=", 1).post();
            m.sum(new BoolVar[] {b[0], b[1]}, "<", 2).post();
            m.sum(b, "=", 2).post();
            org.chocosolver.solver.Solver s = m.getSolver();
            s.setSearch(Search.inputOrderUBSearch(b));
            s.limitTime(10_000);
            s.limitSolution(10);
            while (s.solve()) {
                /* enumerate */
            }
            s.isStopCriterionMet();
            warm = true;
        }
    }

    /** The ranking (SPEC.md "Ranking of drag alternatives"). */
    static final Comparator<Alternative> ORDER = Comparator.comparingInt((Alternative a) -> a.constantsChanged)
            .thenComparingInt(a -> a.otherShapesMoved)
            .thenComparingDouble(a -> a.totalChange)
            .thenComparingInt(a -> a.textSpread)
            .thenComparing((x, y) -> {
                for (int i = 0; i < x.changes.size() && i < y.changes.size(); i++) {
                    int c = Integer.compare(x.changes.get(i).loc.numStart, y.changes.get(i).loc.numStart);
                    if (c != 0) return c;
                }
                return 0;
            });

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) if (a[i] == v) return i;
        throw new IllegalStateException();
    }

    /** Solves the zone with exactly the locations {@code ids} free; null if that does not realise the drag. */
    static Alternative evaluate(SyncTable t, Zone zone, TraceExpr[] ex, double[] target, int[] ids) {
        double[] vals = t.base.clone();
        int k = ex.length;
        // element by element (a few Gauss–Seidel sweeps), each with the first free location of its trace that solves it
        for (int sweep = 0; sweep < 4; sweep++) {
            boolean changed = false;
            for (int i = 0; i < k; i++) {
                if (Solver.close(ex[i].eval(vals), target[i])) continue;
                for (int id : ids) {
                    if (!ex[i].hasLeaf(id)) continue;
                    Solver.Solution sol = Solver.solve(ex[i], id, target[i], vals);
                    if (sol == null) continue;
                    if (vals[id] != sol.value) changed = true;
                    vals[id] = sol.value;
                    break;
                }
            }
            if (!changed || allReached(ex, target, vals, 0)) break;
        }
        // then jointly, if elements share locations
        if (!allReached(ex, target, vals, 0)) {
            double[] j = Joint.solve(ex, target, vals, ids);
            if (j != null) vals = j;
        }
        if (!allReached(ex, target, vals, TOLERANCE)) return null;
        List<Integer> changedIds = new ArrayList<>();
        for (int id : ids) changedIds.add(id);
        double[] written = Drag.shorten(t, vals, changedIds);
        if (!allReached(ex, target, written, TOLERANCE)) return null;
        for (int id : ids) {
            if (written[id] == t.base[id]) return null; // not minimal: a smaller set does the same
            if (zone.shape >= 0 && !t.candidate[id]) throw new IllegalStateException("frozen location " + id);
        }

        // other shapes that move
        Set<Integer> moved = new HashSet<>();
        for (int id : ids)
            for (Feature f : t.featuresOf(id))
                if (f.element != zone.shape
                        && !moved.contains(f.element)
                        && !(Math.abs(f.expr.eval(written) - f.value) <= 1e-9 * Math.max(1, Math.abs(f.value))))
                    moved.add(f.element);

        Program p = t.program;
        List<Loc> locs = new ArrayList<>();
        for (int id : ids) locs.add(p.loc(id));
        locs.sort(Comparator.comparingInt(l -> l.numStart));
        List<Change> changes = new ArrayList<>();
        Map<Integer, Double> newValues = new LinkedHashMap<>();
        double total = 0;
        int spread = 0;
        for (Loc l : locs) {
            double nv = written[l.id()];
            changes.add(new Change(
                    l, Drag.name(l), p.source().line(l.numStart), p.source().column(l.numStart), l.value, nv));
            newValues.put(l.id(), nv);
            total += Math.abs(nv - l.value);
            spread += l.numStart - locs.get(0).numStart;
        }
        return new Alternative(0, changes, Printer.print(p, newValues), describe(changes), moved.size(), total, spread);
    }

    private static boolean allReached(TraceExpr[] ex, double[] target, double[] vals, double tol) {
        for (int i = 0; i < ex.length; i++) {
            double v = ex[i].eval(vals);
            if (tol == 0 ? !Drag.reached(v, target[i]) : !(Math.abs(v - target[i]) <= tol)) return false;
        }
        return true;
    }

    /** {@code change sep 110 → 117}, {@code change x0 40 → 47 and y0 28 → 23}, {@code change a 1 → 2, b … and c …}. */
    static String describe(List<Change> changes) {
        StringBuilder sb = new StringBuilder("change ");
        for (int i = 0; i < changes.size(); i++) {
            if (i > 0) sb.append(i == changes.size() - 1 ? " and " : ", ");
            sb.append(changes.get(i));
        }
        return sb.toString();
    }
}
