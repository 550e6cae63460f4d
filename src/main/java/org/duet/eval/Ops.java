package org.duet.eval;

import org.duet.lang.DuetException;
import org.duet.lang.Expr;
import org.duet.lang.Op;
import org.duet.lang.OpTrace;

/** The built-in operators, with JavaScript's numeric semantics and traces on every numeric result. */
final class Ops {
    private Ops() {}

    private static final double TWO_52 = 4503599627370496.0;

    static Value apply(Evaluator ev, Expr.OpApp e, Env env) {
        int n = e.args.size();
        Value a = n > 0 ? ev.eval(e.args.get(0), env) : null;
        Value b = n > 1 ? ev.eval(e.args.get(1), env) : null;
        Value c = n > 2 ? ev.eval(e.args.get(2), env) : null;
        switch (e.op) {
            case PI:
                return new Value.Num(Math.PI, new OpTrace(Op.PI, e));
            case EMPTY:
                return Value.Dict.EMPTY;
            case COS:
                return unary(e, a, StrictMath.cos(num(e, a)));
            case SIN:
                return unary(e, a, StrictMath.sin(num(e, a)));
            case ARCCOS:
                return unary(e, a, StrictMath.acos(num(e, a)));
            case ARCSIN:
                return unary(e, a, StrictMath.asin(num(e, a)));
            case SQRT:
                return unary(e, a, Math.sqrt(num(e, a)));
            case FLOOR:
                return unary(e, a, Math.floor(num(e, a)));
            case CEILING:
                return unary(e, a, Math.ceil(num(e, a)));
            case ROUND:
                return unary(e, a, jsRound(num(e, a)));
            case TO_STRING:
                return new Value.Str(display(ev, e, a));
            case DEBUG:
                ev.debug(display(ev, e, a), e);
                return a;
            case EXPLODE: {
                if (!(a instanceof Value.Str)) throw bad(e, a);
                String s = ((Value.Str) a).v;
                ev.charge(s.length());
                Value.ListV l = Value.ListV.EMPTY;
                for (int i = s.length() - 1; i >= 0; i--)
                    l = Value.ListV.cons(new Value.Str(String.valueOf(s.charAt(i))), l);
                return l;
            }
            case PLUS:
                if (a instanceof Value.Num && b instanceof Value.Num)
                    return binary(e, a, b, ((Value.Num) a).v + ((Value.Num) b).v);
                if (a instanceof Value.Str && b instanceof Value.Str) {
                    String x = ((Value.Str) a).v, y = ((Value.Str) b).v;
                    checkLength(ev, e, (long) x.length() + y.length());
                    return new Value.Str(x.concat(y));
                }
                throw bad(e, a, b);
            case MINUS:
                nums(e, a, b);
                return binary(e, a, b, v(a) - v(b));
            case MULT:
                nums(e, a, b);
                return binary(e, a, b, v(a) * v(b));
            case DIV:
                nums(e, a, b);
                return binary(e, a, b, v(a) / v(b));
            case POW:
                nums(e, a, b);
                return binary(e, a, b, jsPow(v(a), v(b)));
            case ARCTAN2:
                nums(e, a, b);
                return binary(e, a, b, StrictMath.atan2(v(a), v(b)));
            case MOD: {
                nums(e, a, b);
                double x = Math.floor(v(a)), y = Math.floor(v(b));
                if (y == 0)
                    throw Evaluator.error(
                            e.source(),
                            e.opStart,
                            "mod by zero: (mod " + a.display() + " " + b.display()
                                    + ") — the divisor rounds down to 0");
                return binary(e, a, b, jsMod(x, y));
            }
            case LT:
                nums(e, a, b);
                return Value.Bool.of(v(a) < v(b));
            case EQ:
                if (a instanceof Value.Num && b instanceof Value.Num)
                    return Value.Bool.of(((Value.Num) a).v == ((Value.Num) b).v);
                if (a instanceof Value.Str && b instanceof Value.Str) {
                    String x = ((Value.Str) a).v, y = ((Value.Str) b).v;
                    // comparing two long strings of the same length reads them: charged like building one
                    if (x != y && x.length() == y.length()) ev.charge(x.length() / BoundedText.CHARS_PER_STEP);
                    return Value.Bool.of(x.equals(y));
                }
                return Value.Bool.FALSE;
            case GET: {
                Value.Dict d = dict(e, b, a, b);
                Value v = d.get(key(ev, e, a));
                return v == null ? Value.Null.NULL : v;
            }
            case REMOVE: {
                Value.Dict d = dict(e, b, a, b);
                ev.charge(d.size() / 8);
                return d.remove(key(ev, e, a));
            }
            case INSERT: {
                Value.Dict d = dict(e, c, a, b, c);
                ev.charge(d.size() / 8);
                return d.insert(key(ev, e, a), b);
            }
            default:
                throw new IllegalStateException(e.op.toString());
        }
    }

    static double jsRound(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x) || Math.abs(x) >= TWO_52) return x;
        double f = Math.floor(x);
        double r = (x - f >= 0.5) ? f + 1 : f;
        if (r == 0 && (x < 0 || (x == 0 && 1 / x < 0))) return -0.0;
        return r;
    }

    static double jsPow(double x, double y) {
        if (Double.isInfinite(y) && Math.abs(x) == 1) return Double.NaN;
        return StrictMath.pow(x, y);
    }

    /** Floored modulo of two already-floored numbers (the result has the divisor's sign). */
    static double jsMod(double a, double b) {
        if (b < 0) {
            double r = -jsMod(-a, -b);
            return r == b ? 0 : r;
        }
        double r;
        if (a == 0) r = 0;
        else if (a >= 0) r = a % b;
        else r = (a % b) + b;
        return r == b ? 0 : r;
    }

    private static void checkLength(Evaluator ev, Expr.OpApp e, long len) {
        int max = ev.limits().maxStringLength;
        if (len > max) throw Evaluator.stringTooLong(max, e.source(), e.start);
        ev.charge(len / BoundedText.CHARS_PER_STEP);
    }

    /**
     * The display of a value, built within the string-length limit (and charged to the step budget as it grows):
     * it stops at the limit however large the value's display would be.
     */
    private static String display(Evaluator ev, Expr.OpApp e, Value a) {
        int max = ev.limits().maxStringLength;
        BoundedText t = new BoundedText(max, ev);
        try {
            a.displayInto(t);
        } catch (BoundedText.Full full) {
            throw Evaluator.stringTooLong(max, e.source(), e.start);
        }
        return t.finish();
    }

    private static double num(Expr.OpApp e, Value a) {
        if (a instanceof Value.Num) return ((Value.Num) a).v;
        throw bad(e, a);
    }

    private static void nums(Expr.OpApp e, Value a, Value b) {
        if (!(a instanceof Value.Num && b instanceof Value.Num)) throw bad(e, a, b);
    }

    private static double v(Value a) {
        return ((Value.Num) a).v;
    }

    private static Value.Num unary(Expr.OpApp e, Value a, double r) {
        return new Value.Num(r, new OpTrace(e.op, e, ((Value.Num) a).trace));
    }

    private static Value.Num binary(Expr.OpApp e, Value a, Value b, double r) {
        return new Value.Num(r, new OpTrace(e.op, e, ((Value.Num) a).trace, ((Value.Num) b).trace));
    }

    private static Value.Dict dict(Expr.OpApp e, Value d, Value... all) {
        if (d instanceof Value.Dict) return (Value.Dict) d;
        throw bad(e, all);
    }

    private static DictKey key(Evaluator ev, Expr.OpApp e, Value k) {
        int max = ev.limits().maxStringLength;
        DictKey key;
        try {
            key = DictKey.of(k, max, ev);
        } catch (BoundedText.Full full) {
            throw new Evaluator.Stopped(
                    "evaluation stopped: a dictionary key longer than " + max + " characters (a key "
                            + "is written out as text, see the language reference)",
                    e.source(),
                    e.start);
        }
        if (key == null)
            throw Evaluator.error(
                    e.args.get(0),
                    "cannot use " + Evaluator.shortDisplay(k)
                            + " in a key to a dictionary (keys are numbers, strings, booleans, null or lists of those)");
        return key;
    }

    private static DuetException bad(Expr.OpApp e, Value... operands) {
        StringBuilder sb =
                new StringBuilder("bad arguments to the ").append(e.op.word).append(" operator: ");
        sb.append(expectation(e.op)).append(", but got ");
        for (int i = 0; i < operands.length; i++) {
            if (i > 0) sb.append(i == operands.length - 1 ? " and " : ", ");
            sb.append(Evaluator.describe(operands[i]));
        }
        return Evaluator.error(e.source(), e.opStart, sb.toString());
    }

    private static String expectation(Op op) {
        switch (op) {
            case PLUS:
                return "it adds two numbers or joins two strings";
            case EXPLODE:
                return "it takes a string";
            case GET:
            case REMOVE:
                return "it takes a key and a dictionary";
            case INSERT:
                return "it takes a key, a value and a dictionary";
            default:
                return op.arity == 1 ? "it takes a number" : "it takes numbers";
        }
    }
}
