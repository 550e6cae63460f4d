package org.duet.eval;

import org.duet.lang.Op;

/**
 * The numeric operators of little as plain functions on doubles, with exactly the evaluator's semantics
 * (JavaScript arithmetic, StrictMath trigonometry). Used to re-evaluate traces without re-running a program.
 * Where the evaluator reports an error ({@code mod} by a divisor that rounds down to 0) the result is NaN.
 */
public final class Arith {
    private Arith() {}

    /** The value of a numeric operator on its operands (unused operands are ignored). */
    public static double apply(Op op, double a, double b) {
        switch (op) {
            case PI:
                return Math.PI;
            case COS:
                return StrictMath.cos(a);
            case SIN:
                return StrictMath.sin(a);
            case ARCCOS:
                return StrictMath.acos(a);
            case ARCSIN:
                return StrictMath.asin(a);
            case SQRT:
                return Math.sqrt(a);
            case FLOOR:
                return Math.floor(a);
            case CEILING:
                return Math.ceil(a);
            case ROUND:
                return Ops.jsRound(a);
            case PLUS:
                return a + b;
            case MINUS:
                return a - b;
            case MULT:
                return a * b;
            case DIV:
                return a / b;
            case POW:
                return Ops.jsPow(a, b);
            case ARCTAN2:
                return StrictMath.atan2(a, b);
            case MOD: {
                double x = Math.floor(a), y = Math.floor(b);
                if (y == 0) return Double.NaN; // the evaluator stops with an error here
                return Ops.jsMod(x, y);
            }
            default:
                throw new IllegalArgumentException("not a numeric operator: " + op.word);
        }
    }

    /** JavaScript's Math.round: halves go up ({@code -2.5} → −2). */
    public static double round(double x) {
        return Ops.jsRound(x);
    }
}
