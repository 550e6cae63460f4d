package org.duet.eval;

import java.util.ArrayList;
import java.util.List;
import org.duet.lang.DuetException;
import org.duet.lang.Expr;
import org.duet.lang.Loc;
import org.duet.lang.Node;
import org.duet.lang.Op;
import org.duet.lang.OpTrace;
import org.duet.lang.Pat;
import org.duet.lang.Source;
import org.duet.lang.Type;

/**
 * The evaluator: call by value, lexical scope, every number carrying its trace. One instance evaluates one program
 * (it counts steps and depth against its {@link Limits}); it is not thread-safe.
 */
public final class Evaluator {
    private final Limits limits;
    private long steps;
    private int depth;
    private final List<String> debugLog = new ArrayList<>();
    /** Point widgets: the values annotated {@code (e : Point)} that were pairs of numbers, in evaluation order. */
    private final List<Value.Num[]> points = new ArrayList<>();
    /** At most this many point widgets are recorded (a loop could annotate thousands). */
    public static final int MAX_POINT_WIDGETS = 200;
    /** The source of the first expression evaluated: the program being run (for placing errors of the prelude). */
    private Source mainSource;

    public Evaluator(Limits limits) {
        this.limits = limits;
    }

    public List<String> debugLog() {
        return debugLog;
    }

    public List<Value.Num[]> points() {
        return points;
    }

    public long steps() {
        return steps;
    }

    /** Evaluation stopped by a limit (not a fault of a particular expression). */
    public static final class Stopped extends DuetException {
        public Stopped(String message) {
            super(message);
        }

        /** A stop placed at the expression that reached the limit (e.g. the one making a too long string). */
        public Stopped(String message, Source source, int offset) {
            super(message, source, offset);
        }
    }

    /** The string-length stop, at the given place (or without a position when source is null). */
    static Stopped stringTooLong(int max, Source source, int offset) {
        String msg = "evaluation stopped: a string longer than " + max + " characters";
        return source == null ? new Stopped(msg) : new Stopped(msg, source, offset);
    }

    static DuetException error(Node at, String message) {
        return new DuetException(message, at.source(), at.start);
    }

    static DuetException error(Source src, int offset, String message) {
        return new DuetException(message, src, offset);
    }

    // ------------------------------------------------------------------------------------------------ expressions

    public Value eval(Expr e, Env env) {
        if (mainSource == null) mainSource = e.source();
        if (++steps > limits.maxSteps)
            throw new Stopped("evaluation stopped after " + limits.maxSteps + " steps (the program may loop forever;"
                    + " the limit can be raised)");
        if (++depth > limits.maxDepth) {
            throw new Stopped("evaluation stopped: recursion deeper than " + limits.maxDepth
                    + " nested calls (the program may recurse forever)");
        }
        try {
            return evalInner(e, env);
        } finally {
            depth--;
        }
    }

    private Value evalInner(Expr e, Env env) {
        while (true) {
            switch (e.kind) {
                case NUM: {
                    Expr.Num n = (Expr.Num) e;
                    Object c = n.cached;
                    if (c == null) n.cached = c = new Value.Num(n.loc.value, n.loc);
                    return (Value) c;
                }
                case STR: {
                    Expr.Str s = (Expr.Str) e;
                    Object c = s.cached;
                    if (c == null) s.cached = c = new Value.Str(s.value);
                    return (Value) c;
                }
                case BOOL:
                    return Value.Bool.of(((Expr.Bool) e).value);
                case NULL:
                    return Value.Null.NULL;
                case VAR: {
                    Expr.Var v = (Expr.Var) e;
                    Value val = env.lookup(v.name);
                    if (val == null) throw notFound(v, env);
                    return val;
                }
                case FUN: {
                    Expr.Fun f = (Expr.Fun) e;
                    if (f.params.isEmpty())
                        throw error(f, "a function must have at least one parameter: (\\() …) " + "cannot be called");
                    return new Value.Closure(f, 0, env, null);
                }
                case APP: {
                    // the last application of a call is a tail call: its body is evaluated in this loop, so that
                    // loops written as tail recursion run until the step limit rather than nesting ever deeper
                    Expr.App app = (Expr.App) e;
                    Value f = eval(app.fn, env);
                    if (app.args.isEmpty())
                        throw error(app.fn, "application with no arguments: (f) — give the function an argument");
                    int last = app.args.size() - 1;
                    for (int i = 0; i < last; i++) f = apply(f, eval(app.args.get(i), env), app);
                    Value arg = eval(app.args.get(last), env);
                    if (!(f instanceof Value.Closure)) return apply(f, arg, app);
                    Value.Closure c = (Value.Closure) f;
                    if (c.index + 1 < c.fun.params.size() || app.source() != c.fun.source()) return apply(f, arg, app);
                    env = bindArgument(c, arg, app);
                    e = c.fun.body;
                    continue;
                }
                case OP:
                    return Ops.apply(this, (Expr.OpApp) e, env);
                case IF: {
                    Expr.If i = (Expr.If) e;
                    Value c = eval(i.cond, env);
                    if (!(c instanceof Value.Bool))
                        throw error(i.cond, "if expected a boolean condition but got " + describe(c));
                    e = ((Value.Bool) c).v ? i.then : i.otherwise;
                    continue;
                }
                case CASE: {
                    Expr.Case cs = (Expr.Case) e;
                    Value v = eval(cs.scrutinee, env);
                    Env chosen = null;
                    Expr body = null;
                    // every pattern is matched (as v0.5.2 does), the first that matches wins
                    for (Expr.Branch b : cs.branches) {
                        Env m = match(b.pat, v, env);
                        if (m != null && body == null) {
                            chosen = m;
                            body = b.body;
                        }
                    }
                    if (body == null)
                        throw error(cs.scrutinee, "non-exhaustive case: no branch matches " + shortDisplay(v));
                    env = chosen;
                    e = body;
                    continue;
                }
                case TYPECASE:
                    return evalTypeCase((Expr.TypeCase) e, env);
                case LIST: {
                    Expr.ListExpr l = (Expr.ListExpr) e;
                    int k = l.elems.size();
                    Value[] items = new Value[k];
                    for (int i = 0; i < k; i++) items[i] = eval(l.elems.get(i), env);
                    Value.ListV tail = Value.ListV.EMPTY;
                    if (l.tail != null) {
                        Value t = eval(l.tail, env);
                        if (!(t instanceof Value.ListV))
                            throw error(
                                    l.tail, "the rest of a list [… | rest] must be a list, but it is " + describe(t));
                        tail = (Value.ListV) t;
                    }
                    for (int i = k - 1; i >= 0; i--) tail = Value.ListV.cons(items[i], tail);
                    return tail;
                }
                case LET: {
                    Expr.Let let = (Expr.Let) e;
                    if (let.rec) {
                        env = bindRec(let, env);
                    } else {
                        Value v = eval(let.value, env);
                        Env m = match(let.pat, v, env);
                        if (m == null)
                            throw error(
                                    let,
                                    "the value " + shortDisplay(v) + " does not match the pattern of this "
                                            + let.keyword() + " (bad environment)");
                        env = m;
                    }
                    e = let.body;
                    continue;
                }
                case TYPEDECL:
                    e = ((Expr.TypeDecl) e).body;
                    continue;
                case COMMENT:
                    e = ((Expr.Comment) e).body;
                    continue;
                case OPTION:
                    e = ((Expr.Option) e).body;
                    continue;
                case ANNOT: {
                    Expr.Annot an = (Expr.Annot) e;
                    if (an.type.kind == org.duet.lang.Type.Kind.NAMED && "Point".equals(an.type.name)) {
                        Value v = eval(an.exp, env);
                        recordPoint(v);
                        return v;
                    }
                    e = an.exp;
                    continue;
                }
                default:
                    throw new IllegalStateException(e.kind.toString());
            }
        }
    }

    private void recordPoint(Value v) {
        if (points.size() >= MAX_POINT_WIDGETS || !(v instanceof Value.ListV)) return;
        Value.ListV l = (Value.ListV) v;
        if (l.size != 2 || !(l.head instanceof Value.Num) || !(l.tail.head instanceof Value.Num)) return;
        points.add(new Value.Num[] {(Value.Num) l.head, (Value.Num) l.tail.head});
    }

    /** The environment after the binding of one let/def (its body is not evaluated). */
    Env bindOnly(Expr.Let let, Env env) {
        if (let.rec) return bindRec(let, env);
        Value v = eval(let.value, env);
        Env m = match(let.pat, v, env);
        if (m == null)
            throw error(
                    let,
                    "the value " + shortDisplay(v) + " does not match the pattern of this " + let.keyword()
                            + " (bad environment)");
        return m;
    }

    private Env bindRec(Expr.Let let, Env env) {
        if (!(let.pat instanceof Pat.PVar))
            throw error(
                    let.pat,
                    let.keyword() + " binds one function name; recursive definitions of several names "
                            + "at once are not supported");
        String name = ((Pat.PVar) let.pat).name;
        Value v = eval(let.value, env);
        if (!(v instanceof Value.Closure) || ((Value.Closure) v).selfName != null || ((Value.Closure) v).index != 0)
            throw error(
                    let,
                    let.keyword() + " " + name + " must be given a function literal (\\x …), not " + describe(v)
                            + " (bad ELet)");
        Value.Closure c = (Value.Closure) v;
        if (c.env != env)
            throw error(
                    let.value,
                    let.keyword() + " " + name + " must be given a function literal written right "
                            + "there, not one built inside another expression");
        return env.bind(name, new Value.Closure(c.fun, 0, c.env, name));
    }

    /** Applies a function value to one argument; {@code site} is used for messages. */
    public Value apply(Value f, Value arg, Expr.App site) {
        if (!(f instanceof Value.Closure)) {
            Node at = site != null ? site.fn : null;
            String msg = "not a function: " + shortDisplay(f) + " (" + f.kindName() + ") cannot be applied";
            throw at != null ? error(at, msg) : new DuetException(msg);
        }
        Value.Closure c = (Value.Closure) f;
        Env env = bindArgument(c, arg, site);
        if (c.index + 1 < c.fun.params.size()) return new Value.Closure(c.fun, c.index + 1, env, null);
        if (site == null || site.source() == c.fun.source()) return eval(c.fun.body, env);
        try {
            return eval(c.fun.body, env);
        } catch (DuetException ex) {
            throw relocate(ex, site);
        }
    }

    /** The closure's environment extended with its parameter bound to the argument (and its self-name). */
    private Env bindArgument(Value.Closure c, Value arg, Expr.App site) {
        Pat p = c.fun.params.get(c.index);
        Env env;
        try {
            env = match(p, arg, c.env);
        } catch (DuetException ex) {
            throw relocate(ex, site);
        }
        if (env == null) {
            String msg = "the argument " + shortDisplay(arg) + " does not match the function's parameter "
                    + patternText(p) + " (bad environment)";
            if (site != null && site.source() != p.source() && (mainSource == null || site.source() == mainSource))
                throw error(site, msg + inWhat(site));
            throw error(p, msg);
        }
        if (c.selfName != null) env = env.bind(c.selfName, c);
        return env;
    }

    /**
     * An error inside a function of another source (the prelude) is reported at the application in the program
     * that called it. Only applications written in the program being run relocate: an error in the program's own
     * function called back by a prelude function (e.g. by map) keeps its own position.
     */
    private DuetException relocate(DuetException ex, Expr.App site) {
        if (site == null || ex.source() == site.source() || !ex.hasPosition()) return ex;
        if (mainSource != null && site.source() != mainSource) return ex;
        // a stop placed in the prelude (a string made too long there) stays a stop, placed at the call
        if (ex instanceof Stopped) return new Stopped(ex.bareMessage() + inWhat(site), site.source(), site.start);
        return error(site, ex.bareMessage() + inWhat(site));
    }

    private static String inWhat(Expr.App site) {
        if (site.fn instanceof Expr.Var) return " (in the prelude function " + ((Expr.Var) site.fn).name + ")";
        return " (in a prelude function)";
    }

    private DuetException notFound(Expr.Var v, Env env) {
        StringBuilder sb = new StringBuilder("variable not found: ").append(v.name);
        String hint = null;
        switch (v.name) {
            case "def":
            case "defrec":
            case "let":
            case "letrec":
                hint = "a (" + v.name + " …) form is malformed here: a let needs a pattern, a value and a body, "
                        + "and a def must be followed by the expression it scopes over";
                break;
            case "if":
            case "case":
            case "typecase":
                hint = "this (" + v.name + " …) form is malformed";
                break;
            default:
                if (v.name.startsWith("true") || v.name.startsWith("false") || v.name.startsWith("null"))
                    hint = "names starting with true, false or null cannot be used in expressions";
        }
        if (hint != null) sb.append(" (").append(hint).append(')');
        return error(v, sb.toString());
    }

    // ------------------------------------------------------------------------------------------------ patterns

    /** Matches a value against a pattern; the extended environment, or null if it does not match. */
    Env match(Pat p, Value v, Env env) {
        if (p instanceof Pat.PVar) return env.bind(((Pat.PVar) p).name, v);
        if (p instanceof Pat.PList) {
            Pat.PList pl = (Pat.PList) p;
            if (!(v instanceof Value.ListV)) return null;
            Value.ListV l = (Value.ListV) v;
            int k = pl.elems.size();
            if (pl.tail == null ? l.size != k : l.size < k) return null;
            boolean ok = true;
            Env out = env;
            Value.ListV cur = l;
            for (int i = 0; i < k; i++) {
                Env m = match(pl.elems.get(i), cur.head, ok ? out : env);
                if (m == null) ok = false;
                else if (ok) out = m;
                cur = cur.tail;
            }
            if (pl.tail != null) {
                Env m = match(pl.tail, cur, ok ? out : env);
                if (m == null) ok = false;
                else if (ok) out = m;
            }
            return ok ? out : null;
        }
        if (p instanceof Pat.PAs) {
            Pat.PAs as = (Pat.PAs) p;
            Env m = match(as.pat, v, env);
            return m == null ? null : m.bind(as.name, v);
        }
        if (p instanceof Pat.PNum) {
            if (v instanceof Value.Num) return ((Value.Num) v).v == ((Pat.PNum) p).value ? env : null;
            throw error(p, "the number pattern " + patternText(p) + " cannot be matched against " + describe(v));
        }
        if (p instanceof Pat.PStr) {
            if (v instanceof Value.Str) return ((Value.Str) v).v.equals(((Pat.PStr) p).value) ? env : null;
            if (v instanceof Value.Bool || v instanceof Value.Null) return null;
            throw error(p, "the string pattern " + patternText(p) + " cannot be matched against " + describe(v));
        }
        throw new IllegalStateException(p.getClass().toString());
    }

    static String patternText(Pat p) {
        if (p.source() != null && p.start >= 0) {
            String t = p.source().text().substring(p.start, p.end);
            return t.length() > 60 ? t.substring(0, 57) + "…" : t;
        }
        return "a pattern";
    }

    // ------------------------------------------------------------------------------------------------ typecase

    private Value evalTypeCase(Expr.TypeCase tc, Env env) {
        List<Value> vals = new ArrayList<>();
        for (Expr.Var v : tc.vars) {
            Value val = env.lookup(v.name);
            if (val == null) throw notFound(v, env);
            vals.add(val);
        }
        Expr chosen = null;
        for (Expr.TypeBranch b : tc.branches) {
            boolean t;
            if (!tc.listScrutinee) {
                t = typeTest(vals.get(0), b.type);
            } else {
                if (b.type.kind != Type.Kind.TUPLE)
                    throw error(b.type, "typecase on a list of variables needs a list type [T1 … Tn] in every branch");
                int k = b.type.parts.size();
                boolean all = true;
                int m = Math.min(k, vals.size());
                for (int i = 0; i < m; i++) if (!typeTest(vals.get(i), b.type.parts.get(i))) all = false;
                if (b.type.rest == null) {
                    t = all && vals.size() == k;
                } else {
                    for (int i = k; i < vals.size(); i++) if (!typeTest(vals.get(i), b.type.rest)) all = false;
                    t = all && vals.size() >= k;
                }
            }
            if (t && chosen == null) chosen = b.body;
        }
        if (chosen == null) throw error(tc, "non-exhaustive typecase: no branch's type fits");
        return eval(chosen, env);
    }

    boolean typeTest(Value v, Type t) {
        switch (t.kind) {
            case NUM:
                return v instanceof Value.Num;
            case BOOL:
                return v instanceof Value.Bool;
            case STRING:
                return v instanceof Value.Str;
            case NULL:
                return v instanceof Value.Null;
            case WILD:
                return true;
            case LIST: {
                if (!(v instanceof Value.ListV)) return false;
                for (Value x : (Value.ListV) v) if (!typeTest(x, t.parts.get(0))) return false;
                return true;
            }
            case TUPLE: {
                if (!(v instanceof Value.ListV)) return false;
                Value.ListV l = (Value.ListV) v;
                int k = t.parts.size();
                if (t.rest == null ? l.size != k : l.size < k) return false;
                boolean all = true;
                Value.ListV cur = l;
                for (int i = 0; i < k; i++) {
                    if (!typeTest(cur.head, t.parts.get(i))) all = false;
                    cur = cur.tail;
                }
                if (t.rest != null) for (Value x : cur) if (!typeTest(x, t.rest)) all = false;
                return all;
            }
            case UNION:
                for (Type u : t.parts) if (typeTest(v, u)) return true;
                return false;
            default: {
                String what = t.kind == Type.Kind.NAMED
                        ? "the type alias " + t.name
                        : t.kind == Type.Kind.VAR
                                ? "the type variable " + t.name
                                : t.kind == Type.Kind.ARROW
                                        ? "a function type"
                                        : t.kind == Type.Kind.DICT ? "a dictionary type" : "a polymorphic type";
                throw error(
                        t,
                        "typecase cannot test a value against " + what
                                + " (only Num, Bool, String, Null, lists, tuples, unions and _ can be tested)");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Characters in the debug log so far: all its lines together are limited like one string. */
    private long debugChars;

    void debug(String line, Node at) {
        debugChars += line.length();
        if (debugChars > limits.maxStringLength)
            throw new Stopped(
                    "evaluation stopped: the debug output (all its lines together) is longer than "
                            + limits.maxStringLength + " characters",
                    at.source(),
                    at.start);
        debugLog.add(line);
    }

    Limits limits() {
        return limits;
    }

    void charge(long moreSteps) {
        steps += moreSteps;
        if (steps > limits.maxSteps) throw new Stopped("evaluation stopped after " + limits.maxSteps + " steps");
    }

    static String describe(Value v) {
        return shortDisplay(v) + " (" + v.kindName() + ")";
    }

    static String shortDisplay(Value v) {
        return v.brief(80);
    }

    static Value.Num num(double v, Op op, Value.Num... args) {
        org.duet.lang.Trace[] ts = new org.duet.lang.Trace[args.length];
        for (int i = 0; i < args.length; i++) ts[i] = args[i].trace;
        return new Value.Num(v, new OpTrace(op, ts));
    }

    static Loc dummy() {
        return Loc.DUMMY;
    }
}
