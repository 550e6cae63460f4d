package org.duet.synth;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import org.duet.eval.Arith;
import org.duet.lang.Loc;
import org.duet.lang.Op;
import org.duet.lang.OpTrace;
import org.duet.lang.Program;
import org.duet.lang.Trace;

/**
 * A symbolic number: a linear combination {@code c + Σ kᵢ·aᵢ} of atoms, where an atom is a variable (a program
 * location by id &gt; 0, or a new variable of an edit by id &lt; 0) or a non-linear operator applied to symbolic
 * numbers. Sums, differences and products or quotients by constants are kept in this normal form, so equal linear
 * expressions are equal objects and the solved expressions print small. Immutable.
 */
final class Sym {
    /** An atom: a variable or an operator application; {@link #key} is canonical (equality, order). */
    static final class Atom implements Comparable<Atom> {
        final int var; // 0 for an application
        final Op op;
        final Sym[] args;
        final String key;
        final int[] vars; // variables inside, sorted
        /** Nesting of operator applications: 0 for a variable. */
        final int depth;

        private Atom(int var, Op op, Sym[] args) {
            this.var = var;
            this.op = op;
            this.args = args;
            if (op == null) {
                key = "v" + var;
                vars = new int[] {var};
                depth = 0;
            } else {
                int d = 0;
                long length = 0;
                for (Sym a : args) {
                    d = Math.max(d, a.depth);
                    length += a.key().length();
                }
                depth = d + 1;
                if (depth > MAX_DEPTH)
                    throw new TooComplex("it nests more than " + MAX_DEPTH
                            + " operators that are not sums or products by constants");
                if (length > MAX_KEY)
                    throw new TooComplex("it is longer than " + MAX_KEY + " characters when written out");
                StringBuilder sb = new StringBuilder("(").append(op.word);
                int[][] parts = new int[args.length][];
                for (int i = 0; i < args.length; i++) {
                    sb.append(' ').append(args[i].key());
                    parts[i] = args[i].vars;
                }
                key = sb.append(')').toString();
                vars = union(parts);
            }
        }

        boolean isVar() {
            return op == null;
        }

        double eval(IntToDoubleFunction value) {
            if (op == null) return value.applyAsDouble(var);
            return Arith.apply(
                    op, args.length > 0 ? args[0].eval(value) : 0, args.length > 1 ? args[1].eval(value) : 0);
        }

        Sym substitute(IntFunction<Sym> sub) {
            if (op == null) {
                Sym r = sub.apply(var);
                return r != null ? r : Sym.var(var);
            }
            Sym[] a = new Sym[args.length];
            for (int i = 0; i < a.length; i++) a[i] = args[i].substitute(sub);
            return Sym.apply(op, a[0], a.length > 1 ? a[1] : ZERO);
        }

        double order(IntToDoubleFunction order) {
            double best = Double.MAX_VALUE;
            for (int v : vars) best = Math.min(best, order.applyAsDouble(v));
            return best;
        }

        int size() {
            if (op == null) return 1;
            int n = 1;
            for (Sym a : args) n += a.size();
            return n;
        }

        String print(IntFunction<String> name, IntToDoubleFunction order, boolean freeze) {
            if (op == null) return name.apply(var);
            StringBuilder sb = new StringBuilder("(").append(op.word);
            for (Sym a : args) sb.append(' ').append(a.print(name, order, freeze));
            return sb.append(')').toString();
        }

        @Override
        public int compareTo(Atom o) {
            return key.compareTo(o.key);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Atom && ((Atom) o).key.equals(key);
        }

        @Override
        public int hashCode() {
            return key.hashCode();
        }
    }

    /**
     * Limits of a symbolic number, far above what drawings need (the example corpus: 10 terms, 8 nested operators,
     * 620 000 characters written out), so that a trace thousands of operators deep gives up at once ("too complex
     * to relate") instead of taking time and memory quadratic in its depth.
     */
    static final int MAX_TERMS = 1000, MAX_DEPTH = 200, MAX_KEY = 4_000_000;

    /** A symbolic number beyond the limits: the request cannot relate it (the message says why). */
    static final class TooComplex extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooComplex(String why) {
            super(why, null, false, false);
        }
    }

    /** The time limit of the request ran out while its traces were being read. */
    static final class TimeUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimeUp() {
            super("time limit", null, false, false);
        }
    }

    final double c;
    /** Atoms in canonical order with their non-zero coefficients. */
    final Atom[] atoms;

    final double[] coefs;
    /** Every variable inside, sorted. */
    final int[] vars;
    /** True if a number made at run time (a slide number, the time) is inside: such a number cannot be related. */
    final boolean runtime;

    /** The deepest nesting of its atoms. */
    final int depth;

    private Sym(double c, Atom[] atoms, double[] coefs, boolean runtime) {
        if (atoms.length > MAX_TERMS) throw new TooComplex("it sums more than " + MAX_TERMS + " terms");
        this.c = c;
        this.atoms = atoms;
        this.coefs = coefs;
        this.runtime = runtime;
        int[][] parts = new int[atoms.length][];
        int d = 0;
        for (int i = 0; i < atoms.length; i++) {
            parts[i] = atoms[i].vars;
            d = Math.max(d, atoms[i].depth);
        }
        this.vars = union(parts);
        this.depth = d;
    }

    /** Sorted union of sorted id arrays. */
    static int[] union(int[][] parts) {
        if (parts.length == 1) return parts[0];
        int n = 0;
        for (int[] p : parts) n += p.length;
        int[] all = new int[n];
        int k = 0;
        for (int[] p : parts) for (int v : p) all[k++] = v;
        Arrays.sort(all);
        int m = 0;
        for (int i = 0; i < n; i++) if (i == 0 || all[i] != all[i - 1]) all[m++] = all[i];
        return m == n ? all : Arrays.copyOf(all, m);
    }

    static final Sym ZERO = new Sym(0, new Atom[0], new double[0], false);
    static final Sym RUNTIME = new Sym(0, new Atom[0], new double[0], true);

    static Sym constant(double c) {
        return new Sym(snap(c), new Atom[0], new double[0], false);
    }

    static Sym var(int id) {
        return new Sym(0, new Atom[] {new Atom(id, null, null)}, new double[] {1}, false);
    }

    boolean isConstant() {
        return atoms.length == 0;
    }

    boolean isZero() {
        return atoms.length == 0 && c == 0;
    }

    boolean contains(int v) {
        return Arrays.binarySearch(vars, v) >= 0;
    }

    /** A single variable with coefficient 1 and no constant: its id, else 0. */
    int asVar() {
        return atoms.length == 1 && c == 0 && coefs[0] == 1 && atoms[0].isVar() ? atoms[0].var : 0;
    }

    private String key;

    String key() {
        if (key != null) return key;
        StringBuilder sb = new StringBuilder();
        sb.append(c);
        for (int i = 0; i < atoms.length; i++)
            sb.append('+').append(coefs[i]).append('*').append(atoms[i].key);
        return key = sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sym && ((Sym) o).key().equals(key());
    }

    @Override
    public int hashCode() {
        return key().hashCode();
    }

    /** Rounds away binary noise (12 significant digits), so 214 − 49.1 is 164.9. */
    static double snap(double v) {
        if (v == 0 || !Double.isFinite(v) || v == Math.rint(v)) return v == 0 ? 0 : v;
        double mag = Math.floor(Math.log10(Math.abs(v)));
        if (mag > 12 || mag < -12) return v;
        double scale = Math.pow(10, 11 - mag);
        double s = Math.rint(v * scale) / scale;
        return Math.abs(s - v) <= 1e-9 * Math.abs(v) ? s : v;
    }

    // ------------------------------------------------------------------------------------------------ arithmetic

    private static Sym linear(double c, TreeMap<Atom, Double> terms, boolean runtime) {
        List<Atom> as = new ArrayList<>();
        List<Double> ks = new ArrayList<>();
        for (Map.Entry<Atom, Double> e : terms.entrySet()) {
            double k = snap(e.getValue());
            if (k == 0) continue;
            as.add(e.getKey());
            ks.add(k);
        }
        double[] kk = new double[ks.size()];
        for (int i = 0; i < kk.length; i++) kk[i] = ks.get(i);
        return new Sym(snap(c), as.toArray(new Atom[0]), kk, runtime);
    }

    private TreeMap<Atom, Double> terms() {
        TreeMap<Atom, Double> m = new TreeMap<>();
        for (int i = 0; i < atoms.length; i++) m.put(atoms[i], coefs[i]);
        return m;
    }

    static Sym add(Sym a, Sym b) {
        return combine(a, 1, b);
    }

    static Sym sub(Sym a, Sym b) {
        return combine(a, -1, b);
    }

    /** a + k·b. */
    static Sym combine(Sym a, double k, Sym b) {
        TreeMap<Atom, Double> m = a.terms();
        for (int i = 0; i < b.atoms.length; i++) m.merge(b.atoms[i], k * b.coefs[i], Double::sum);
        return linear(a.c + k * b.c, m, a.runtime || b.runtime);
    }

    /**
     * A sum built term by term: {@code add(k, t)} is {@code combine(sum, k, t)} — the same snapped coefficients and
     * constant, the same terms dropped — without copying the whole sum at each step (which made summing n terms
     * take n² time).
     */
    private static final class Sum {
        double c;
        final TreeMap<Atom, Double> m = new TreeMap<>();
        boolean runtime;

        Sum(Sym start) {
            c = start.c;
            for (int i = 0; i < start.atoms.length; i++) m.put(start.atoms[i], start.coefs[i]);
            runtime = start.runtime;
        }

        void add(double k, Sym t) {
            for (int i = 0; i < t.atoms.length; i++) {
                Double old = m.get(t.atoms[i]);
                double v = snap(old == null ? k * t.coefs[i] : old + k * t.coefs[i]);
                if (v == 0) m.remove(t.atoms[i]);
                else m.put(t.atoms[i], v);
            }
            c = snap(c + k * t.c);
            runtime |= t.runtime;
            if (m.size() > MAX_TERMS) throw new TooComplex("it sums more than " + MAX_TERMS + " terms");
        }

        Sym sym() {
            Atom[] as = new Atom[m.size()];
            double[] ks = new double[m.size()];
            int i = 0;
            for (Map.Entry<Atom, Double> e : m.entrySet()) {
                as[i] = e.getKey();
                ks[i++] = e.getValue();
            }
            return new Sym(c, as, ks, runtime);
        }
    }

    static Sym scale(Sym a, double k) {
        TreeMap<Atom, Double> m = new TreeMap<>();
        for (int i = 0; i < a.atoms.length; i++) m.put(a.atoms[i], a.coefs[i] * k);
        return linear(a.c * k, m, a.runtime);
    }

    static Sym mul(Sym a, Sym b) {
        if (a.isConstant()) return scale(b, a.c);
        if (b.isConstant()) return scale(a, b.c);
        return app(Op.MULT, a.key().compareTo(b.key()) <= 0 ? new Sym[] {a, b} : new Sym[] {b, a});
    }

    static Sym div(Sym a, Sym b) {
        if (b.isConstant() && b.c != 0) return scale(a, 1 / b.c);
        if (a.isZero()) return ZERO;
        return app(Op.DIV, new Sym[] {a, b});
    }

    static Sym app(Op op, Sym[] args) {
        boolean runtime = false, allConst = true;
        for (Sym s : args) {
            runtime |= s.runtime;
            allConst &= s.isConstant();
        }
        if (allConst) {
            double v = Arith.apply(op, args.length > 0 ? args[0].c : 0, args.length > 1 ? args[1].c : 0);
            Sym k = constant(v);
            return runtime ? new Sym(k.c, k.atoms, k.coefs, true) : k;
        }
        TreeMap<Atom, Double> m = new TreeMap<>();
        m.put(new Atom(0, op, args), 1.0);
        return linear(0, m, runtime);
    }

    static Sym apply(Op op, Sym a, Sym b) {
        switch (op) {
            case PLUS:
                return add(a, b);
            case MINUS:
                return sub(a, b);
            case MULT:
                return mul(a, b);
            case DIV:
                return div(a, b);
            case PI:
                return constant(Math.PI);
            default:
                return app(op, op.arity == 1 ? new Sym[] {a} : new Sym[] {a, b});
        }
    }

    // ------------------------------------------------------------------------------------------------ traces

    /**
     * The symbolic form of a trace: the program's locations become variables; prelude literals and constants made by
     * the runtime (the 2 of a BOX's centre) are constants; numbers injected at run time make the result
     * {@link #runtime}. Iterative, shared sub-traces converted once.
     */
    static Sym of(Trace trace, Program program, Map<Trace, Sym> memo) {
        return of(trace, program, memo, Long.MAX_VALUE);
    }

    /**
     * As {@link #of(Trace, Program, Map)}; throws {@link TimeUp} once {@code System.nanoTime()} passes
     * {@code deadline} (or {@link Long#MAX_VALUE}: none), and {@link TooComplex} for a number beyond the limits.
     */
    static Sym of(Trace trace, Program program, Map<Trace, Sym> memo, long deadline) {
        ArrayDeque<Trace> stack = new ArrayDeque<>();
        stack.push(trace);
        int steps = 0;
        while (!stack.isEmpty()) {
            if ((++steps & 255) == 0 && deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0)
                throw new TimeUp();
            Trace t = stack.peek();
            if (memo.containsKey(t)) {
                stack.pop();
                continue;
            }
            if (t instanceof OpTrace) {
                OpTrace o = (OpTrace) t;
                boolean ready = true;
                for (Trace a : o.args)
                    if (!memo.containsKey(a)) {
                        stack.push(a);
                        ready = false;
                    }
                if (!ready) continue;
                stack.pop();
                Sym a = o.args.length > 0 ? memo.get(o.args[0]) : ZERO,
                        b = o.args.length > 1 ? memo.get(o.args[1]) : ZERO;
                memo.put(t, apply(o.op, a, b));
            } else {
                stack.pop();
                Loc l = (Loc) t;
                if (l == Loc.DUMMY) memo.put(t, RUNTIME);
                else if (!l.prelude && l.id() >= 1 && program.loc(l.id()) == l) memo.put(t, var(l.id()));
                else if (l.prelude || l.id() == 0) memo.put(t, constant(l.value));
                else memo.put(t, RUNTIME); // a location of another program (should not happen)
            }
        }
        return memo.get(trace);
    }

    static Sym of(Trace trace, Program program) {
        return of(trace, program, new IdentityHashMap<>());
    }

    // ------------------------------------------------------------------------------------------------ evaluation

    double eval(IntToDoubleFunction value) {
        double v = c;
        for (int i = 0; i < atoms.length; i++) v += coefs[i] * atoms[i].eval(value);
        return v;
    }

    /** Replaces variables: {@code sub.apply(id)} gives the replacement, or null to keep the variable. */
    Sym substitute(IntFunction<Sym> sub) {
        Sum out = new Sum(constant(c));
        for (int i = 0; i < atoms.length; i++) out.add(coefs[i], atoms[i].substitute(sub));
        out.runtime |= runtime;
        return out.sym();
    }

    // ------------------------------------------------------------------------------------------------ solving

    /** {a, b} with this = a·x + b, a and b free of x; null if x does not enter linearly. */
    Sym[] affine(int x) {
        Sum a = new Sum(ZERO), b = new Sum(constant(c));
        for (int i = 0; i < atoms.length; i++) {
            Atom t = atoms[i];
            Sym ta, tb;
            if (t.isVar()) {
                if (t.var == x) {
                    ta = constant(1);
                    tb = ZERO;
                } else {
                    ta = ZERO;
                    tb = var(t.var);
                }
            } else if (Arrays.binarySearch(t.vars, x) < 0) {
                ta = ZERO;
                tb = atomSym(t);
            } else if (t.op == Op.MULT) {
                Sym[] p = t.args[0].affine(x), q = t.args[1].affine(x);
                if (p == null || q == null) return null;
                if (p[0].isZero()) {
                    ta = mul(p[1], q[0]);
                    tb = mul(p[1], q[1]);
                } else if (q[0].isZero()) {
                    ta = mul(p[0], q[1]);
                    tb = mul(p[1], q[1]);
                } else return null;
            } else if (t.op == Op.DIV) {
                if (t.args[1].contains(x)) return null;
                Sym[] p = t.args[0].affine(x);
                if (p == null) return null;
                ta = div(p[0], t.args[1]);
                tb = div(p[1], t.args[1]);
            } else {
                return null;
            }
            a.add(coefs[i], ta);
            b.add(coefs[i], tb);
        }
        return new Sym[] {a.sym(), b.sym()};
    }

    /** x such that this = 0, as an expression over the other variables; null if this is not (solvably) linear in x. */
    Sym solveZero(int x, IntToDoubleFunction value) {
        if (runtime || !contains(x)) return null;
        Sym[] ab = affine(x);
        if (ab == null || ab[0].isZero()) return null;
        double av = ab[0].eval(value);
        if (!(Math.abs(av) > 1e-12) || !Double.isFinite(av)) return null;
        Sym s = div(scale(ab[1], -1), ab[0]);
        double v = s.eval(value);
        return Double.isFinite(v) ? s : null;
    }

    private static Sym atomSym(Atom t) {
        TreeMap<Atom, Double> m = new TreeMap<>();
        m.put(t, 1.0);
        return linear(0, m, false);
    }

    /** Number of syntax nodes this would print as (for ranking before printing). */
    int size() {
        int n = 0, terms = 0;
        for (int i = 0; i < atoms.length; i++) {
            terms++;
            n += atoms[i].size() + (Math.abs(coefs[i]) == 1 ? 0 : 2);
        }
        if (c != 0 || terms == 0) {
            terms++;
            n++;
        }
        return n + Math.max(0, terms - 1);
    }

    // ------------------------------------------------------------------------------------------------ printing

    /**
     * little text: {@code (+ x0 w)}, {@code (- (+ x1 (/ w1 2!)) (/ w2 2!))}. Variables are named by {@code name}
     * (called for each occurrence, in print order); terms are ordered by {@code order} (e.g. text position), then
     * positive terms are summed and negative ones subtracted; numbers are frozen ({@code !}) if {@code freeze}.
     */
    String print(IntFunction<String> name, IntToDoubleFunction order, boolean freeze) {
        Integer[] idx = new Integer[atoms.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, (p, q) -> Double.compare(atoms[p].order(order), atoms[q].order(order)));
        String acc = null;
        for (int i : idx) {
            if (coefs[i] < 0) continue;
            String t = term(atoms[i], coefs[i], name, order, freeze);
            acc = acc == null ? t : "(+ " + acc + " " + t + ")";
        }
        boolean constantDone = false;
        if (c > 0) {
            String k = num(c, freeze);
            acc = acc == null ? k : "(+ " + acc + " " + k + ")";
            constantDone = true;
        }
        for (int i : idx) {
            if (coefs[i] >= 0) continue;
            String t = term(atoms[i], -coefs[i], name, order, freeze);
            if (acc == null) {
                acc = num(c, freeze);
                constantDone = true;
            }
            acc = "(- " + acc + " " + t + ")";
        }
        if (!constantDone && c != 0) acc = acc == null ? num(c, freeze) : "(- " + acc + " " + num(-c, freeze) + ")";
        return acc == null ? num(0, freeze) : acc;
    }

    private static String term(Atom a, double k, IntFunction<String> name, IntToDoubleFunction order, boolean freeze) {
        String t = a.print(name, order, freeze);
        if (k == 1) return t;
        double inv = 1 / k;
        if (inv == Math.rint(inv) && Math.abs(inv) < 1e6) return "(/ " + t + " " + num(inv, freeze) + ")";
        return "(* " + num(k, freeze) + " " + t + ")";
    }

    static String num(double v, boolean freeze) {
        return org.duet.lang.Printer.numeral(v) + (freeze ? "!" : "");
    }

    @Override
    public String toString() {
        return print(id -> id > 0 ? "L" + id : "N" + (-id), id -> 0, false);
    }
}
