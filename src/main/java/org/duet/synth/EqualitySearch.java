package org.duet.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.constraints.extension.Tuples;
import org.chocosolver.solver.search.strategy.Search;
import org.chocosolver.solver.variables.BoolVar;
import org.chocosolver.solver.variables.IntVar;
import org.duet.lang.Loc;
import org.duet.svg.Renderer;

/**
 * The search behind every equality tool (Make Equal, align, distribute, equal sizes, keep spacing). A request is a set
 * of <em>groups</em> of symbolic numbers that must all be equal. In each group one member is the <em>anchor</em>
 * (kept) — or a new shared variable is introduced and every member follows it — and every other member gets a
 * <em>dependent</em> literal, rewritten as the expression that makes it equal to the anchor (solved symbolically,
 * interaction.md §8.3).
 *
 * <p>Fresh Choco models per request, one per choice of anchors (a member, or the new variable, per group): one
 * variable per (group, member) for its dependent literal (0 = none, for the anchor or a member already identical to
 * it), table constraints for which literals solve which equation under that anchor, all dependents distinct, and no
 * two equations that need each other's dependent (a longer cycle is rejected when the solution is read). Solutions
 * are enumerated within the time limit and turned into {@link Plan}s, the dependents ordered so that an expression
 * refers only to literals rewritten before it.
 */
final class EqualitySearch {
    /** A member of a group: a label for descriptions, its symbolic value and how to measure it in a new drawing. */
    record Member(String label, int shape, Sym sym, ToDoubleFunction<Renderer.Result> measure, Sym depFrom) {
        Member(String label, int shape, Sym sym, ToDoubleFunction<Renderer.Result> measure) {
            this(label, shape, sym, measure, sym);
        }

        /** The same member whose dependent literal must come from {@code from} (e.g. a gap's later shape). */
        Member from(Sym from) {
            return new Member(label, shape, sym, measure, from);
        }
    }

    /** Members that must be equal; {@code newVar} (may be null) offers a new shared variable with that base and value. */
    record Group(List<Member> members, String newVarBase, Double newVarValue, boolean memberAnchors) {}

    /** What a solution chose, for descriptions: per group the anchor (member index, or -1 for the new variable) and
     * per member the dependent literal (0 if none). */
    record Choice(int[] anchor, int[][] dep) {}

    interface Describer {
        String describe(Choice c);
    }

    static final int MAX_PLANS = 300, MAX_TUPLES = 50;

    private EqualitySearch() {}

    /** The plans of a request; sets {@code ctx.timedOut} if the search was cut short. */
    static List<Plan> search(Ctx ctx, List<Group> groups, Describer describer) {
        int G = groups.size();
        Map<Integer, Double> virt = new HashMap<>();
        for (int g = 0; g < G; g++)
            if (groups.get(g).newVarBase() != null)
                virt.put(-(g + 1), groups.get(g).newVarValue());
        IntToDoubleFunction value = ctx.values(virt);

        // slots and their equations under each anchor option
        List<int[]> slots = new ArrayList<>(); // {g, j}
        // eq[g][a][j]: solutions (loc id -> expression) and variables, a = n for the new variable
        List<List<Map<Integer, Sym>>> sols = new ArrayList<>(); // indexed [g] -> flat a*n+j
        List<List<int[]>> varsOf = new ArrayList<>();
        List<List<Boolean>> trivial = new ArrayList<>();
        TreeSet<Integer> universe = new TreeSet<>();
        List<int[]> anchorOptions = new ArrayList<>();
        for (int g = 0; g < G; g++) {
            Group gr = groups.get(g);
            int n = gr.members().size();
            List<Integer> opts = new ArrayList<>();
            if (gr.memberAnchors()) for (int a = 0; a < n; a++) opts.add(a);
            if (gr.newVarBase() != null) opts.add(n);
            anchorOptions.add(opts.stream().mapToInt(Integer::intValue).toArray());
            List<Map<Integer, Sym>> s = new ArrayList<>();
            List<int[]> vs = new ArrayList<>();
            List<Boolean> tr = new ArrayList<>();
            for (int a = 0; a <= n; a++) {
                for (int j = 0; j < n; j++) {
                    Map<Integer, Sym> m = new LinkedHashMap<>();
                    if (a == j || (a == n && gr.newVarBase() == null) || (a < n && !gr.memberAnchors())) {
                        s.add(m);
                        vs.add(new int[0]);
                        tr.add(false);
                        continue;
                    }
                    Sym anchor =
                            a == n ? Sym.var(-(g + 1)) : gr.members().get(a).sym();
                    Sym d = Sym.sub(gr.members().get(j).sym(), anchor);
                    for (int x : ctx.candidates(d)) {
                        if (ctx.expired()) throw new Sym.TimeUp();
                        // the dependent belongs to the member (not only to the anchor it must equal)
                        if (!gr.members().get(j).depFrom().contains(x)) continue;
                        Sym f = d.solveZero(x, value);
                        if (f != null) {
                            m.put(x, f);
                            universe.add(x);
                        }
                    }
                    s.add(m);
                    vs.add(d.vars);
                    tr.add(d.isZero());
                }
            }
            sols.add(s);
            varsOf.add(vs);
            trivial.add(tr);
            for (int j = 0; j < n; j++) slots.add(new int[] {g, j});
        }
        if (universe.isEmpty()) return List.of();

        // literal order of preference: '?' first, unnamed before named, later in the text first
        Integer[] U = universe.toArray(new Integer[0]);
        Arrays.sort(
                U,
                Comparator.comparingInt((Integer id) -> ctx.p.loc(id).annotation == Loc.Annotation.THAWED ? 0 : 1)
                        .thenComparingInt(id -> ctx.p.loc(id).name().isEmpty() ? 0 : 1)
                        .thenComparingInt(id -> -ctx.p.loc(id).numStart));
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < U.length; i++) index.put(U[i], i + 1);

        // one model per choice of anchors (a member or the new variable, per group), so that every choice gets its
        // share of the solutions: equal anchors across groups first (the same point for X and Y), then by index
        List<int[]> tuples = new ArrayList<>();
        tuples.add(new int[0]);
        for (int g = 0; g < G; g++) {
            List<int[]> next = new ArrayList<>();
            for (int[] t : tuples)
                for (int a : anchorOptions.get(g)) {
                    int[] u = Arrays.copyOf(t, g + 1);
                    u[g] = a;
                    next.add(u);
                }
            tuples = next;
        }
        tuples.sort(Comparator.comparingInt(
                        (int[] t) -> (int) Arrays.stream(t).distinct().count())
                .thenComparingInt(t -> Arrays.stream(t).sum()));
        if (tuples.size() > MAX_TUPLES) tuples = tuples.subList(0, MAX_TUPLES);
        int perTuple = Math.max(10, MAX_PLANS / tuples.size());
        long end = System.nanoTime() + Math.max(1, ctx.remainingMs() * 2 / 3) * 1_000_000L;
        List<Plan> plans = new ArrayList<>();
        for (int[] tuple : tuples) {
            Model m = new Model("relate");
            IntVar[] anchor = new IntVar[G];
            for (int g = 0; g < G; g++) anchor[g] = m.intVar("anchor" + g, new int[] {tuple[g]});
            int S = slots.size();
            IntVar[] dep = new IntVar[S];
            for (int s = 0; s < S; s++) {
                int g = slots.get(s)[0],
                        j = slots.get(s)[1],
                        n = groups.get(g).members().size();
                dep[s] = m.intVar("dep" + s, 0, U.length);
                Tuples t = new Tuples(true);
                for (int a : anchorOptions.get(g)) {
                    if (a == j) {
                        t.add(a, 0);
                        continue;
                    }
                    int k = a * n + j;
                    if (trivial.get(g).get(k)) t.add(a, 0);
                    for (int x : sols.get(g).get(k).keySet()) t.add(a, index.get(x));
                }
                m.table(new IntVar[] {anchor[g], dep[s]}, t).post();
            }
            m.allDifferentExcept0(dep).post();
            // b[s][t]: slot t's dependent occurs in slot s's equation (so t must be written before s)
            BoolVar[][] b = new BoolVar[S][S];
            for (int s = 0; s < S; s++) {
                int g = slots.get(s)[0],
                        j = slots.get(s)[1],
                        n = groups.get(g).members().size();
                for (int t = 0; t < S; t++) {
                    if (t == s) continue;
                    Tuples tu = new Tuples(true);
                    boolean any = false;
                    for (int a : anchorOptions.get(g)) {
                        int[] vars = a == j ? new int[0] : varsOf.get(g).get(a * n + j);
                        for (int u = 0; u <= U.length; u++) {
                            boolean in = u > 0 && Arrays.binarySearch(vars, U[u - 1]) >= 0;
                            any |= in;
                            tu.add(a, u, in ? 1 : 0);
                        }
                    }
                    if (!any) continue;
                    b[s][t] = m.boolVar("b" + s + "_" + t);
                    m.table(new IntVar[] {anchor[g], dep[t], b[s][t]}, tu).post();
                }
            }
            for (int s = 0; s < S; s++)
                for (int t = s + 1; t < S; t++)
                    if (b[s][t] != null && b[t][s] != null)
                        m.arithm(b[s][t], "+", b[t][s], "<=", 1).post();

            IntVar[] decision = new IntVar[G + S];
            System.arraycopy(anchor, 0, decision, 0, G);
            System.arraycopy(dep, 0, decision, G, S);
            org.chocosolver.solver.Solver solver = m.getSolver();
            solver.setSearch(Search.inputOrderLBSearch(decision));
            long left = (end - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                ctx.timedOut = true;
                break;
            }
            solver.limitTime(left);
            solver.limitSolution(perTuple);
            while (solver.solve()) {
                int[] anc = new int[G];
                int[][] deps = new int[G][];
                for (int g = 0; g < G; g++) {
                    int n = groups.get(g).members().size();
                    anc[g] = anchor[g].getValue() == n ? -1 : anchor[g].getValue();
                    deps[g] = new int[n];
                }
                int[] depOf = new int[S];
                boolean any = false;
                for (int s = 0; s < S; s++) {
                    int u = dep[s].getValue();
                    depOf[s] = u == 0 ? 0 : U[u - 1];
                    deps[slots.get(s)[0]][slots.get(s)[1]] = depOf[s];
                    any |= u != 0;
                }
                if (!any) continue;
                // order: t before s when b[s][t]
                int[] order = topo(S, (s, t) -> b[s][t] != null && b[s][t].getValue() == 1);
                if (order == null) continue;
                Plan plan = new Plan();
                for (int s : order) {
                    if (depOf[s] == 0) continue;
                    int g = slots.get(s)[0],
                            j = slots.get(s)[1],
                            n = groups.get(g).members().size();
                    int a = anchor[g].getValue();
                    plan.dep(depOf[s], sols.get(g).get(a * n + j).get(depOf[s]));
                }
                for (int g = 0; g < G; g++)
                    if (anc[g] == -1)
                        plan.newVars.put(
                                -(g + 1),
                                new Plan.NewVar(
                                        groups.get(g).newVarBase(),
                                        Sym.constant(groups.get(g).newVarValue())));
                plan.description = describer.describe(new Choice(anc, deps));
                // ties: keep the features selected first (Make Equal rewrites B to equal A)
                for (int g = 0; g < G; g++)
                    plan.score += anc[g] < 0 ? groups.get(g).members().size() : anc[g];
                plans.add(plan);
            }
            if (solver.isStopCriterionMet() && solver.getSolutionCount() < perTuple) ctx.timedOut = true;
        }
        return plans;
    }

    interface Edge {
        boolean before(int s, int t);
    }

    /** Slots in an order where t comes before s whenever edge(s, t); null on a cycle. */
    static int[] topo(int n, Edge edge) {
        int[] state = new int[n];
        int[] out = new int[n];
        int[] k = {0};
        for (int i = 0; i < n; i++) if (!visit(i, n, edge, state, out, k)) return null;
        return out;
    }

    private static boolean visit(int s, int n, Edge edge, int[] state, int[] out, int[] k) {
        if (state[s] == 2) return true;
        if (state[s] == 1) return false;
        state[s] = 1;
        for (int t = 0; t < n; t++) if (t != s && edge.before(s, t) && !visit(t, n, edge, state, out, k)) return false;
        state[s] = 2;
        out[k[0]++] = s;
        return true;
    }
}
