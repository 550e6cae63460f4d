package org.duet.sync;

import org.duet.lang.Op;

/**
 * Solves {@code target = t} for one unknown location x of a compiled trace t, every other location at its given
 * value. Tried in order: the term solver (t as c·x^p + r over + − × ÷), the top-down inverter (inverting one
 * operator at a time from the root down to x), and a guarded Newton iteration. A candidate value is accepted only if
 * it is finite, re-evaluating t with it gives the target (relative error ≤ 1e-9, absolute ≤ 1e-9 near 0), and it is
 * not ill-conditioned (x changing more than a million times as much as the attribute).
 */
final class Solver {
    private Solver() {}

    /** Which method found a solution (for tests and diagnostics). */
    enum Method {
        TERM,
        TOP_DOWN,
        NEWTON
    }

    static final class Solution {
        final double value;
        final Method method;

        Solution(double value, Method method) {
            this.value = value;
            this.method = method;
        }
    }

    static boolean close(double got, double want) {
        if (Double.isNaN(want)) return Double.isNaN(got);
        if (Double.isInfinite(want)) return got == want;
        return Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
    }

    /** A solution for location {@code x}, or null. {@code vals} is not changed. */
    static Solution solve(TraceExpr e, int x, double target, double[] vals) {
        if (!Double.isFinite(target) || !e.hasLeaf(x)) return null;
        double[] work = vals.clone();
        double old = vals[x], oldValue = e.eval(vals);
        double v = term(e, x, target, vals);
        if (accept(e, x, v, target, work, old, oldValue)) return new Solution(v, Method.TERM);
        v = topDown(e, x, target, vals);
        if (accept(e, x, v, target, work, old, oldValue)) return new Solution(v, Method.TOP_DOWN);
        v = newton(e, x, target, work, old);
        if (accept(e, x, v, target, work, old, oldValue)) return new Solution(v, Method.NEWTON);
        return null;
    }

    private static boolean accept(
            TraceExpr e, int x, double v, double target, double[] work, double old, double oldValue) {
        if (!Double.isFinite(v)) return false;
        work[x] = v;
        if (!close(e.eval(work), target)) return false;
        // ill-conditioned: the attribute barely depends on x (e.g. x·cos(π/2) ≈ x·6e-17), so reaching the target
        // would need an absurd change of x
        double change = Math.abs(v - old), moved = Math.abs(target - oldValue);
        return !(change > 1e6 * Math.max(moved, 1e-9 * Math.max(1, Math.abs(target))));
    }

    // --------------------------------------------------------------------------------------------- term solver

    /**
     * Each node depending on x is c·x^p + r (numbers; sub-traces not depending on x are just their values).
     * Improvements on Sketch-n-Sketch: a term with c = 0 has no power, so x² + k is solvable; the power of a quotient
     * is pₐ − p_b; odd roots keep their sign and even roots take the sign of x's current value.
     */
    static double term(TraceExpr e, int x, double target, double[] vals) {
        int size = e.size;
        boolean[] dep = e.dependsOn(x);
        double[] val = new double[size];
        e.evalAll(vals, val);
        int[] p = new int[size];
        double[] c = new double[size], r = new double[size];
        for (int n = 0; n < size; n++) {
            if (!dep[n]) {
                p[n] = 1;
                c[n] = 0;
                r[n] = val[n];
                continue;
            }
            int k = e.kind[n];
            if (k == TraceExpr.LOC) {
                p[n] = 1;
                c[n] = 1;
                r[n] = 0;
                continue;
            }
            Op op = e.op(n);
            int A = e.a[n], B = e.b[n];
            switch (op) {
                case PLUS:
                case MINUS: {
                    double s = op == Op.PLUS ? 1 : -1;
                    r[n] = r[A] + s * r[B];
                    if (c[A] == 0) {
                        p[n] = p[B];
                        c[n] = s * c[B];
                    } else if (c[B] == 0) {
                        p[n] = p[A];
                        c[n] = c[A];
                    } else if (p[A] == p[B]) {
                        p[n] = p[A];
                        c[n] = c[A] + s * c[B];
                    } else return Double.NaN;
                    break;
                }
                case MULT:
                    if (c[A] == 0) {
                        p[n] = p[B];
                        c[n] = r[A] * c[B];
                        r[n] = r[A] * r[B];
                    } else if (c[B] == 0) {
                        p[n] = p[A];
                        c[n] = c[A] * r[B];
                        r[n] = r[A] * r[B];
                    } else if (r[A] == 0 && r[B] == 0) {
                        p[n] = p[A] + p[B];
                        c[n] = c[A] * c[B];
                        r[n] = 0;
                        if (p[n] == 0) {
                            p[n] = 1;
                            r[n] = c[n];
                            c[n] = 0;
                        }
                    } else return Double.NaN;
                    break;
                case DIV:
                    if (c[B] == 0) {
                        if (r[B] == 0) return Double.NaN;
                        p[n] = p[A];
                        c[n] = c[A] / r[B];
                        r[n] = r[A] / r[B];
                    } else if (c[A] == 0 && r[B] == 0) {
                        p[n] = -p[B];
                        c[n] = r[A] / c[B];
                        r[n] = 0;
                    } else if (r[A] == 0 && r[B] == 0) {
                        if (p[A] == p[B]) {
                            p[n] = 1;
                            c[n] = 0;
                            r[n] = c[A] / c[B];
                        } else {
                            p[n] = p[A] - p[B];
                            c[n] = c[A] / c[B];
                            r[n] = 0;
                        }
                    } else if (p[A] == p[B] && c[A] == c[B] && r[A] == r[B]) {
                        p[n] = 1;
                        c[n] = 0;
                        r[n] = 1;
                    } else return Double.NaN;
                    break;
                default:
                    return Double.NaN;
            }
            if (!Double.isFinite(c[n]) || !Double.isFinite(r[n])) return Double.NaN;
        }
        int root = e.root();
        if (c[root] == 0 || p[root] == 0) return Double.NaN;
        double q = (target - r[root]) / c[root];
        return root(q, p[root], vals[x]);
    }

    /** A solution of y^p = q for an integer p ≠ 0, the one with the sign of {@code near} where there are two. */
    static double root(double q, int p, double near) {
        if (p < 0) {
            if (q == 0) return Double.NaN;
            return root(1 / q, -p, near);
        }
        if (p == 1) return q;
        if (p % 2 == 1) return Math.signum(q) * Math.pow(Math.abs(q), 1.0 / p);
        if (q < 0) return Double.NaN;
        double y = Math.pow(q, 1.0 / p);
        return near < 0 ? -y : y;
    }

    // ------------------------------------------------------------------------------------------ top-down inverter

    /**
     * From the root down: at each operator exactly one operand depends on x; the operator is inverted for that operand
     * with the other at its current value, and the new target passed down. Inverse trigonometric branches are chosen
     * nearest to the operand's current value; every intermediate target must be finite.
     */
    static double topDown(TraceExpr e, int x, double target, double[] vals) {
        boolean[] dep = e.dependsOn(x);
        double[] val = new double[e.size];
        e.evalAll(vals, val);
        int n = e.root();
        double t = target;
        while (true) {
            if (!Double.isFinite(t)) return Double.NaN;
            int k = e.kind[n];
            if (k == TraceExpr.LOC) return e.locId[n] == x ? t : Double.NaN;
            if (k == TraceExpr.CONST || !dep[n]) return Double.NaN;
            Op op = e.op(n);
            int A = e.a[n], B = e.b[n];
            if (op.arity == 1) {
                double cur = val[A];
                switch (op) {
                    case COS: {
                        if (t < -1 || t > 1) return Double.NaN;
                        double base = Math.acos(t);
                        t = nearestPeriodic(cur, base, -base);
                        break;
                    }
                    case SIN: {
                        if (t < -1 || t > 1) return Double.NaN;
                        double base = Math.asin(t);
                        t = nearestPeriodic(cur, base, Math.PI - base);
                        break;
                    }
                    case ARCCOS:
                        if (t < 0 || t > Math.PI) return Double.NaN;
                        t = Math.cos(t);
                        break;
                    case ARCSIN:
                        if (t < -Math.PI / 2 || t > Math.PI / 2) return Double.NaN;
                        t = Math.sin(t);
                        break;
                    case SQRT:
                        if (t < 0) return Double.NaN;
                        t = t * t;
                        break;
                    case ROUND:
                    case FLOOR:
                    case CEILING:
                        // a whole-number target: the operand aims at the middle of the interval that rounds to it
                        if (t != Math.rint(t)) return Double.NaN;
                        if (op == Op.FLOOR) t += 0.5;
                        else if (op == Op.CEILING) t -= 0.5;
                        break;
                    default:
                        return Double.NaN;
                }
                n = A;
                continue;
            }
            if (dep[A] && dep[B]) return Double.NaN;
            if (!dep[A]) {
                double i = val[A];
                switch (op) {
                    case PLUS:
                        t = t - i;
                        break;
                    case MINUS:
                        t = i - t;
                        break;
                    case MULT:
                        if (i == 0) return Double.NaN;
                        t = t / i;
                        break;
                    case DIV:
                        if (t == 0) return Double.NaN;
                        t = i / t;
                        break;
                    case POW:
                        if (i <= 0 || i == 1 || t <= 0) return Double.NaN;
                        t = Math.log(t) / Math.log(i);
                        break;
                    case ARCTAN2: {
                        // atan2(i, b) = t  ⇒  b = i / tan t
                        double tan = Math.tan(t);
                        if (tan == 0) return Double.NaN;
                        t = i / tan;
                        break;
                    }
                    default:
                        return Double.NaN;
                }
                n = B;
            } else {
                double j = val[B];
                switch (op) {
                    case PLUS:
                        t = t - j;
                        break;
                    case MINUS:
                        t = t + j;
                        break;
                    case MULT:
                        if (j == 0) return Double.NaN;
                        t = t / j;
                        break;
                    case DIV:
                        t = t * j;
                        break;
                    case POW: {
                        if (j == 0) return Double.NaN;
                        if (j == Math.rint(j) && Math.abs(j) < 1e9) t = root(t, (int) j, val[A]);
                        else if (t < 0) return Double.NaN;
                        else t = Math.pow(t, 1 / j);
                        break;
                    }
                    case ARCTAN2:
                        t = j * Math.tan(t);
                        break; // atan2(a, j) = t  ⇒  a = j · tan t
                    case MOD: {
                        // mod floors both operands: floor(a) mod m = t for a whole t in the divisor's range; stay in
                        // the current period, aim at the middle of the unit interval that floors to it
                        double m = Math.floor(j);
                        if (m == 0 || t != Math.rint(t) || (m > 0 ? t < 0 || t >= m : t > 0 || t <= m))
                            return Double.NaN;
                        t = t + m * Math.floor(Math.floor(val[A]) / m) + 0.5;
                        break;
                    }
                    default:
                        return Double.NaN;
                }
                n = A;
            }
        }
    }

    /** Among base + 2πk and other + 2πk, the value nearest to {@code cur}. */
    static double nearestPeriodic(double cur, double base, double other) {
        double best = Double.NaN, dist = Double.POSITIVE_INFINITY;
        for (double b0 : new double[] {base, other}) {
            if (!Double.isFinite(cur)) return base;
            double k = Math.rint((cur - b0) / (2 * Math.PI));
            double cand = b0 + 2 * Math.PI * k;
            double d = Math.abs(cand - cur);
            if (d < dist) {
                dist = d;
                best = cand;
            }
        }
        return best;
    }

    // ------------------------------------------------------------------------------------------------- Newton

    /** Newton's method with a finite-difference slope, from the current value; NaN if it does not converge. */
    static double newton(TraceExpr e, int x, double target, double[] work, double start) {
        double cur = start;
        for (int it = 0; it < 40; it++) {
            work[x] = cur;
            double f = e.eval(work) - target;
            if (!Double.isFinite(f)) return Double.NaN;
            if (close(f + target, target)) return cur;
            double h = 1e-7 * Math.max(1, Math.abs(cur));
            work[x] = cur + h;
            double f2 = e.eval(work) - target;
            double slope = (f2 - f) / h;
            if (!Double.isFinite(slope) || slope == 0) return Double.NaN;
            double next = cur - f / slope;
            if (!Double.isFinite(next)) return Double.NaN;
            cur = next;
        }
        return Double.NaN;
    }
}
