package org.duet.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The solver (interaction.md §4): term solver, top-down inverter, Newton fallback, guards. */
class SyncSolverTest {
    /** A trace EXPR over the locations x = 3, y = 4, z = 0.5 (the rect's x attribute). */
    static final class Case {
        final SyncTable table;
        final TraceExpr expr;

        Case(String expr) {
            table = SyncTesting.table("(def [x y z] [3 4 0.5])\n(svg [(rect 'red' " + expr + " 0! 1! 1!)])");
            Feature f = table.allFeatures.stream()
                    .filter(g -> g.key.equals("x"))
                    .findFirst()
                    .orElseThrow();
            this.expr = f.expr;
        }

        int id(String name) {
            return table.program.locs().stream()
                    .filter(l -> l.name().equals(name))
                    .findFirst()
                    .orElseThrow()
                    .id();
        }

        double term(String unknown, double target) {
            return Solver.term(expr, id(unknown), target, table.base);
        }

        double topDown(String unknown, double target) {
            return Solver.topDown(expr, id(unknown), target, table.base);
        }

        Double solve(String unknown, double target) {
            Solver.Solution s = Solver.solve(expr, id(unknown), target, table.base);
            return s == null ? null : s.value;
        }

        Solver.Method method(String unknown, double target) {
            return Solver.solve(expr, id(unknown), target, table.base).method;
        }
    }

    @Test
    void linear() {
        Case c = new Case("(+ (* 2 x) 7)");
        assertThat(c.term("x", 20)).isEqualTo(6.5);
        assertThat(c.topDown("x", 20)).isEqualTo(6.5);
        assertThat(c.method("x", 20)).isEqualTo(Solver.Method.TERM);
        assertThat(new Case("(- y (* x 2))").solve("x", 0)).isEqualTo(2.0);
    }

    @Test
    void repeatedUnknownNeedsTheTermSolver() {
        Case c = new Case("(+ x (+ x y))");
        assertThat(c.term("x", 14)).isEqualTo(5.0);
        assertThat(c.topDown("x", 14)).isNaN(); // unknown on both sides
        assertThat(new Case("(* x x)").solve("x", 49)).isEqualTo(7.0);
        // x² + k, which Sketch-n-Sketch's term solver could not do
        assertThat(new Case("(+ (* x x) 7)").term("x", 16)).isEqualTo(3.0, within(1e-12));
    }

    @Test
    void division() {
        assertThat(new Case("(/ 12 x)").term("x", 4)).isEqualTo(3.0);
        assertThat(new Case("(/ x y)").solve("x", 2)).isEqualTo(8.0);
        assertThat(new Case("(/ y x)").topDown("x", 2)).isEqualTo(2.0);
        // the power of a quotient is pₐ − p_b (Sketch-n-Sketch computed p_b − pₐ and would answer 1/5)
        assertThat(new Case("(/ (* x x) x)").term("x", 5)).isEqualTo(5.0);
        assertThat(new Case("(/ x (* x x))").term("x", 0.25)).isEqualTo(4.0);
    }

    @Test
    void powersAndRoots() {
        assertThat(new Case("(pow x 2)").solve("x", 25)).isEqualTo(5.0, within(1e-12));
        assertThat(new Case("(pow 2 x)").solve("x", 8)).isEqualTo(3.0, within(1e-12));
        assertThat(new Case("(pow x 3)").topDown("x", -8)).isEqualTo(-2.0, within(1e-12));
        // sqrt recursing into its operand: Sketch-n-Sketch returned n² as x itself
        assertThat(new Case("(sqrt (* 4 x))").topDown("x", 4)).isEqualTo(4.0);
    }

    @Test
    void trigonometryRecursesAndKeepsTheNearestBranch() {
        Case sin = new Case("(sin (* 2 z))");
        assertThat(sin.term("z", 0.5)).isNaN();
        assertThat(sin.topDown("z", 0.5)).isEqualTo(Math.asin(0.5) / 2, within(1e-12));
        assertThat(sin.method("z", 0.5)).isEqualTo(Solver.Method.TOP_DOWN);
        // cos near x = 3: the branch of acos nearest 3, not the principal one (≈ 1.47)
        double got = new Case("(cos x)").topDown("x", Math.cos(3.1));
        assertThat(got).isEqualTo(3.1, within(1e-12));
        assertThat(new Case("(arcsin z)").topDown("z", 0.1)).isEqualTo(Math.sin(0.1), within(1e-15));
    }

    @Test
    void arctan2InversesAreTheCorrectOnes() {
        // atan2(y, x) with x unknown: x = y / tan n;  with y unknown: y = x · tan n
        assertThat(new Case("(arctan2 y x)").topDown("x", Math.atan2(4, 5))).isEqualTo(5.0, within(1e-12));
        assertThat(new Case("(arctan2 x 3)").topDown("x", Math.atan2(1, 3))).isEqualTo(1.0, within(1e-12));
    }

    @Test
    void newtonWhenNeitherSymbolicMethodApplies() {
        Case c = new Case("(+ x (sin x))");
        Double x = c.solve("x", 4);
        assertThat(x).isNotNull();
        assertThat(x + Math.sin(x)).isEqualTo(4.0, within(1e-9));
        assertThat(c.method("x", 4)).isEqualTo(Solver.Method.NEWTON);
    }

    @Test
    void roundingOperatorsPassAWholeTargetDown() {
        assertThat(new Case("(round x)").solve("x", 5)).isEqualTo(5.0);
        // the middle of the interval that floors to 5
        assertThat(new Case("(floor (+ x 0.5))").solve("x", 5)).isEqualTo(5.0);
        assertThat(new Case("(ceiling x)").solve("x", 5)).isEqualTo(4.5);
        assertThat(new Case("(round x)").solve("x", 5.5)).isNull();
        // mod (which floors its operands): the same period, the middle of the unit interval
        assertThat(new Case("(mod (* x 10) 7)").solve("x", 5)).isEqualTo(3.35, within(1e-12)); // 30 mod 7 = 2 → 33.5
        assertThat(new Case("(mod (* x 10) 7)").solve("x", 7)).isNull(); // out of the divisor's range
        assertThat(new Case("(mod 10 x)").solve("x", 2)).isNull(); // unknown divisor
    }

    @Test
    void failuresAreGuarded() {
        assertThat(new Case("(mod 7 x)").topDown("x", 2)).isNaN();
        assertThat(new Case("(- x x)").solve("x", 1)).isNull(); // does not depend on x
        assertThat(new Case("(* x 0)").solve("x", 1)).isNull();
        assertThat(new Case("(sqrt x)").solve("x", -1)).isNull(); // no real solution
        assertThat(new Case("(cos x)").solve("x", 2)).isNull();
        assertThat(new Case("(/ 1 x)").solve("x", 0)).isNull(); // only at infinity
        assertThat(new Case("(pow x 0.5)").solve("x", -2)).isNull();
        assertThat(new Case("(+ y 1)").solve("x", 3)).isNull(); // x not in the trace
        // ill-conditioned: x · cos(π/2) ≈ x · 6e-17 would need x ≈ 1e17
        assertThat(new Case("(* x (cos (/ (pi) 2)))").solve("x", 7)).isNull();
    }

    @Test
    void noMagnitudeBound() {
        // Sketch-n-Sketch refused results beyond ±1000
        assertThat(new Case("(* x 0.01)").solve("x", 50)).isEqualTo(5000.0, within(1e-9));
    }
}
