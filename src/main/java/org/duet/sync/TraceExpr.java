package org.duet.sync;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.IdentityHashMap;
import org.duet.eval.Arith;
import org.duet.lang.Loc;
import org.duet.lang.Op;
import org.duet.lang.OpTrace;
import org.duet.lang.Program;
import org.duet.lang.Trace;

/**
 * A trace compiled to a flat list of nodes in dependency order (children before parents, shared sub-traces once),
 * so it can be re-evaluated quickly and without recursion for new values of the program's locations.
 * Leaves are either program locations (read from a value array indexed by location id) or constants (prelude
 * literals and numbers made by the runtime).
 */
final class TraceExpr {
    /** Node kinds other than operators. */
    static final int LOC = -1, CONST = -2;

    private static final Op[] OPS = Op.values();

    /** Per node: LOC, CONST, or the operator's ordinal. */
    final int[] kind;
    /** Per node: operand node indices (-1 if none). */
    final int[] a, b;
    /** Per node: the constant's value (CONST) — for LOC nodes the location id is in {@link #locId}. */
    final double[] konst;

    final int[] locId;
    /** The distinct program locations among the leaves, in increasing id order. */
    final int[] leaves;
    /** True if a leaf is a number injected by the runtime (a slide number, the time), whose value is unknown here. */
    final boolean runtime;

    final int size;

    private TraceExpr(
            int[] kind, int[] a, int[] b, double[] konst, int[] locId, int size, int[] leaves, boolean runtime) {
        this.kind = kind;
        this.a = a;
        this.b = b;
        this.konst = konst;
        this.locId = locId;
        this.size = size;
        this.leaves = leaves;
        this.runtime = runtime;
    }

    int root() {
        return size - 1;
    }

    Op op(int n) {
        return OPS[kind[n]];
    }

    /** Compiles a trace; locations of {@code program} become variable leaves, every other leaf a constant. */
    static TraceExpr compile(Trace trace, Program program) {
        Graph g = new Graph(program);
        return g.compile(g.add(trace), Integer.MAX_VALUE, null);
    }

    /**
     * The distinct nodes of many traces, each once, numbered, with their operands as numbers: traces sharing
     * sub-traces (every shape of a drawing depending on one long computation) are then compiled without looking
     * anything up by identity again, each in time proportional to its own size.
     */
    static final class Graph {
        private final Program program;
        private final IdentityHashMap<Trace, Integer> ids = new IdentityHashMap<>();
        /** Per node: LOC, CONST (a location not of the program), or the operator's ordinal. */
        private int[] kind = new int[16];
        /** Per node: its operands' numbers (-1 if none), the location id (LOC) and the location's value (CONST). */
        private int[] a = new int[16], b = new int[16], locId = new int[16];

        private double[] konst = new double[16];
        private boolean[] dummy = new boolean[16];
        private int size;
        /** Per node: the compilation that last visited it, and its index in that compilation. */
        private int[] mark = new int[0], local = new int[0];

        private int stamp;

        Graph(Program program) {
            this.program = program;
        }

        /** How many distinct nodes the traces added so far have. */
        int size() {
            return size;
        }

        /** Adds a trace (its nodes not seen yet); returns its root's number. Iterative. */
        int add(Trace trace) {
            Integer known = ids.get(trace);
            if (known != null) return known;
            int root = node(trace);
            ArrayDeque<Trace> todo = new ArrayDeque<>();
            todo.push(trace);
            while (!todo.isEmpty()) {
                Trace t = todo.pop();
                if (!(t instanceof OpTrace)) continue;
                OpTrace o = (OpTrace) t;
                int id = ids.get(t);
                for (int i = 0; i < o.args.length && i < 2; i++) {
                    Integer c = ids.get(o.args[i]);
                    if (c == null) {
                        c = node(o.args[i]);
                        todo.push(o.args[i]);
                    }
                    if (i == 0) a[id] = c;
                    else b[id] = c;
                }
            }
            return root;
        }

        private int node(Trace t) {
            if (size == kind.length) {
                int cap = size * 2;
                kind = Arrays.copyOf(kind, cap);
                a = Arrays.copyOf(a, cap);
                b = Arrays.copyOf(b, cap);
                locId = Arrays.copyOf(locId, cap);
                konst = Arrays.copyOf(konst, cap);
                dummy = Arrays.copyOf(dummy, cap);
            }
            int id = size++;
            a[id] = -1;
            b[id] = -1;
            if (t instanceof Loc) {
                Loc l = (Loc) t;
                dummy[id] = l == Loc.DUMMY;
                if (isProgramLoc(l, program)) {
                    kind[id] = LOC;
                    locId[id] = l.id();
                } else {
                    kind[id] = CONST;
                    konst[id] = l.value;
                }
            } else if (t instanceof OpTrace) {
                kind[id] = ((OpTrace) t).op.ordinal();
            } else {
                throw new IllegalStateException("unknown trace " + t);
            }
            ids.put(t, id);
            return id;
        }

        /**
         * Compiles the trace rooted at node {@code root}; null if it has more than {@code maxNodes} distinct nodes (the
         * work is then bounded by {@code maxNodes}). {@code visited}, if given, receives the number of nodes visited.
         */
        TraceExpr compile(int root, int maxNodes, int[] visited) {
            if (mark.length < size) {
                mark = Arrays.copyOf(mark, Math.max(size, mark.length * 2));
                local = Arrays.copyOf(local, mark.length);
            }
            int cur = ++stamp;
            int cap = 8;
            int[] kind = new int[cap], a = new int[cap], b = new int[cap], locId = new int[cap];
            double[] konst = new double[cap];
            int n = 0;
            boolean runtime = false;
            int[] leafIds = new int[4];
            int leafCount = 0;
            // iterative post-order: a node is emitted once all its operands are
            int[] stack = new int[16];
            int sp = 0;
            stack[sp++] = root;
            while (sp > 0) {
                int g = stack[sp - 1];
                if (mark[g] == cur) {
                    sp--;
                    continue;
                }
                int gk = this.kind[g];
                if (gk >= 0) {
                    boolean ready = true;
                    for (int i = 1; i >= 0; i--) {
                        int c = i == 0 ? this.a[g] : this.b[g];
                        if (c >= 0 && mark[c] != cur) {
                            if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
                            stack[sp++] = c;
                            ready = false;
                        }
                    }
                    if (!ready) continue;
                }
                sp--;
                if (n >= maxNodes) {
                    if (visited != null) visited[0] = n;
                    return null;
                }
                if (n == cap) {
                    cap *= 2;
                    kind = Arrays.copyOf(kind, cap);
                    a = Arrays.copyOf(a, cap);
                    b = Arrays.copyOf(b, cap);
                    locId = Arrays.copyOf(locId, cap);
                    konst = Arrays.copyOf(konst, cap);
                }
                a[n] = -1;
                b[n] = -1;
                if (gk == LOC) {
                    kind[n] = LOC;
                    locId[n] = this.locId[g];
                    if (leafCount == leafIds.length) leafIds = Arrays.copyOf(leafIds, leafCount * 2);
                    leafIds[leafCount++] = this.locId[g];
                } else if (gk == CONST) {
                    if (dummy[g]) runtime = true;
                    kind[n] = CONST;
                    konst[n] = this.konst[g];
                } else {
                    int ia = this.a[g] >= 0 ? local[this.a[g]] : -1, ib = this.b[g] >= 0 ? local[this.b[g]] : -1;
                    if ((ia < 0 || kind[ia] == CONST) && (ib < 0 || kind[ib] == CONST)) {
                        // constant folding (prelude arithmetic such as the indices made by range): same operations,
                        // same order, so the same double
                        kind[n] = CONST;
                        konst[n] = Arith.apply(OPS[gk], ia >= 0 ? konst[ia] : 0, ib >= 0 ? konst[ib] : 0);
                    } else {
                        kind[n] = gk;
                        a[n] = ia;
                        b[n] = ib;
                    }
                }
                mark[g] = cur;
                local[g] = n++;
            }
            if (visited != null) visited[0] = n;
            return finish(kind, a, b, konst, locId, n, leafIds, leafCount, runtime);
        }
    }

    private static TraceExpr finish(
            int[] kind,
            int[] a,
            int[] b,
            double[] konst,
            int[] locId,
            int n,
            int[] leafIds,
            int leafCount,
            boolean runtime) {
        // keep only the nodes the root needs (folded constants leave their operands behind)
        boolean[] live = new boolean[n];
        live[n - 1] = true;
        for (int i = n - 1; i >= 0; i--) {
            if (!live[i]) continue;
            if (a[i] >= 0) live[a[i]] = true;
            if (b[i] >= 0) live[b[i]] = true;
        }
        int[] remap = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!live[i]) continue;
            remap[i] = m;
            kind[m] = kind[i];
            a[m] = a[i] >= 0 ? remap[a[i]] : -1;
            b[m] = b[i] >= 0 ? remap[b[i]] : -1;
            konst[m] = konst[i];
            locId[m] = locId[i];
            m++;
        }
        n = m;
        int[] sorted = Arrays.copyOf(leafIds, leafCount);
        Arrays.sort(sorted);
        int k = 0;
        for (int i = 0; i < sorted.length; i++) if (i == 0 || sorted[i] != sorted[i - 1]) sorted[k++] = sorted[i];
        int[] leaves = Arrays.copyOf(sorted, k);
        return new TraceExpr(kind, a, b, konst, locId, n, leaves, runtime);
    }

    static boolean isProgramLoc(Loc l, Program program) {
        return !l.prelude && l.id() >= 1 && program.loc(l.id()) == l;
    }

    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[64]);

    /** The value with the given location values (indexed by location id). */
    double eval(double[] vals) {
        double[] v = SCRATCH.get();
        if (v.length < size) {
            v = new double[Math.max(size, v.length * 2)];
            SCRATCH.set(v);
        }
        evalAll(vals, v);
        return v[size - 1];
    }

    /** Every node's value into {@code out} (at least {@link #size} long). */
    void evalAll(double[] vals, double[] out) {
        for (int n = 0; n < size; n++) {
            int k = kind[n];
            if (k == LOC) out[n] = vals[locId[n]];
            else if (k == CONST) out[n] = konst[n];
            else out[n] = Arith.apply(OPS[k], a[n] >= 0 ? out[a[n]] : 0, b[n] >= 0 ? out[b[n]] : 0);
        }
    }

    /** Per node: does it depend on location {@code x}? */
    boolean[] dependsOn(int x) {
        boolean[] d = new boolean[size];
        for (int n = 0; n < size; n++) {
            int k = kind[n];
            if (k == LOC) d[n] = locId[n] == x;
            else if (k != CONST) d[n] = (a[n] >= 0 && d[a[n]]) || (b[n] >= 0 && d[b[n]]);
        }
        return d;
    }

    boolean hasLeaf(int id) {
        return Arrays.binarySearch(leaves, id) >= 0;
    }

    /** A structural fingerprint (operators and leaves), equal for traces computed the same way. */
    String shape() {
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < size; n++) {
            int k = kind[n];
            if (k == LOC) sb.append('L').append(locId[n]);
            else if (k == CONST) sb.append('K').append(konst[n]);
            else sb.append(OPS[k].word).append(a[n]).append(',').append(b[n]);
            sb.append(';');
        }
        return sb.toString();
    }
}
