package org.duet.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The scannerless, ordered-choice (PEG) parser of little, accepting exactly the syntax of Sketch-n-Sketch v0.5.2.
 * Expression results are memoised per position (packrat), so the alternatives that re-read the same
 * parenthesised prefix cost linear time. Nesting deeper than {@link #MAX_DEPTH} is a parse error, never a stack
 * overflow (callers run the parser on a thread with a large stack, see {@code org.duet.eval.Runner}).
 */
public final class Parser {
    public static final int MAX_DEPTH = 10_000;
    private static final Object FAIL = new Object();

    private final Source src;
    private final String s;
    private final int n;
    private final boolean prelude;
    private int pos;
    private int depth;
    private final HashMap<Integer, Object> memo = new HashMap<>();
    private int farPos = -1;
    private final Set<String> expected = new LinkedHashSet<>();

    private Parser(Source src, boolean prelude) {
        this.src = src;
        this.s = src.text();
        this.n = s.length();
        this.prelude = prelude;
    }

    /** Parses a whole program. */
    public static Program parse(Source src) {
        return parse(src, false);
    }

    public static Program parse(String name, String text) {
        return parse(new Source(name, text), false);
    }

    public static Program parse(Source src, boolean prelude) {
        Parser p = new Parser(src, prelude);
        Expr root = p.parseExp();
        if (root == null) throw p.error();
        int afterExp = p.pos;
        p.ws();
        if (p.pos < p.n) {
            // The program's expression ended early. The deepest failure usually tells what was meant.
            if (p.farPos > afterExp) throw p.error();
            if (p.s.charAt(p.pos) == ';')
                throw new DuetException(
                        "a comment cannot end the program: a comment must be followed by an "
                                + "expression (move it before the program's last expression)",
                        src,
                        p.pos);
            throw new DuetException(
                    "unexpected text after the end of the program (a program is one expression; "
                            + "definitions are written (def name value) followed by the rest)",
                    src,
                    p.pos);
        }
        return new Program(src, root, prelude);
    }

    // ---------------------------------------------------------------------------------------------- errors

    private void expect(String what) {
        if (pos > farPos) {
            farPos = pos;
            expected.clear();
        }
        if (pos == farPos) expected.add(what);
    }

    private DuetException error() {
        int at = Math.max(farPos, 0);
        if (at >= n) {
            int open = Brackets.unclosed(s);
            if (open >= 0) {
                char c = s.charAt(open);
                return new DuetException(
                        "parse error: this '" + c + "' is never closed: the program ends (at " + src.position(n)
                                + ") before its '" + (c == '(' ? ')' : ']') + "'",
                        src,
                        open);
            }
        }
        String found = at >= n ? "end of the program" : describe(s.charAt(at));
        StringBuilder msg = new StringBuilder("parse error: unexpected ").append(found);
        if (!expected.isEmpty()) {
            msg.append(", expected ");
            List<String> ex = new ArrayList<>(expected);
            for (int i = 0; i < ex.size(); i++) {
                if (i > 0) msg.append(i == ex.size() - 1 ? " or " : ", ");
                msg.append(ex.get(i));
            }
        }
        String hint = hint(at);
        if (hint != null) msg.append(" (").append(hint).append(')');
        return new DuetException(msg.toString(), src, at);
    }

    private String hint(int at) {
        // What precedes the failure point, ignoring white space?
        int i = at - 1;
        while (i >= 0 && isWs(s.charAt(i))) i--;
        int lineStart = s.lastIndexOf('\n', Math.max(i, 0));
        String prevLine =
                s.substring(lineStart + 1, Math.max(i + 1, lineStart + 1)).trim();
        if (prevLine.startsWith(";") && at < n && (s.charAt(at) == ')' || s.charAt(at) == ']'))
            return "a comment must be followed by an expression; move it before an element or definition";
        if (at >= n && prevLine.startsWith(";"))
            return "a comment must be followed by an expression and cannot end the program";
        if (at >= n && i >= 0 && s.charAt(i) == ')' && lastDefOpen(i))
            return "a definition (def …) must be followed by the expression it scopes over";
        if (at < n && s.charAt(at) == '{') return "a slider range is written 5{0-10}, right after the number";
        if (at < n && s.charAt(at) == ';')
            return "a comment must be followed by an expression, so it cannot stand where an expression may not "
                    + "start, e.g. right before ')' or ']'";
        return null;
    }

    private boolean lastDefOpen(int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == ')') depth++;
            else if (c == '(') {
                depth--;
                if (depth == 0) {
                    int j = i + 1;
                    while (j < n && isWs(s.charAt(j))) j++;
                    return s.startsWith("def", j);
                }
            }
        }
        return false;
    }

    private static String describe(char c) {
        if (c == '\n') return "end of line";
        if (c == '\t') return "a tab";
        if (c == '\r') return "a carriage return";
        if (c < 32 || c == 127) return String.format("character U+%04X", (int) c);
        return "'" + c + "'";
    }

    private void enter() {
        if (++depth > MAX_DEPTH)
            throw new DuetException("expression nested too deeply (more than " + MAX_DEPTH + " levels)", src, pos);
    }

    // ---------------------------------------------------------------------------------------------- characters

    static boolean isWs(char c) {
        return c == ' ' || c == '\t' || c == '\n';
    }

    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentChar(char c) {
        return isLetter(c) || isDigit(c) || c == '_' || c == '\'';
    }

    static boolean isDelimiter(char c) {
        return c == '[' || c == ']' || c == '{' || c == '}' || c == '(' || c == ')' || c == '|';
    }

    static boolean isSymbolChar(char c) {
        return !isLetter(c) && !isDigit(c) && !isWs(c) && !isDelimiter(c);
    }

    private void ws() {
        while (pos < n && isWs(s.charAt(pos))) pos++;
    }

    private boolean lit(String t) {
        if (s.startsWith(t, pos)) {
            pos += t.length();
            return true;
        }
        expect("'" + t + "'");
        return false;
    }

    private boolean peekWs1() {
        return pos < n && isWs(s.charAt(pos));
    }

    private boolean peekNonSym() {
        return pos < n && !isSymbolChar(s.charAt(pos));
    }

    private boolean peekNonId() {
        return pos < n && !isIdentChar(s.charAt(pos));
    }

    /** ws then c. */
    private boolean tok(char c) {
        ws();
        if (pos < n && s.charAt(pos) == c) {
            pos++;
            return true;
        }
        expect("'" + c + "'");
        return false;
    }

    /** ws "(" ws WORD guard — keyword right after an opening parenthesis. Leaves pos after the word. */
    private boolean keyword(String word, int guard) {
        ws();
        if (!s.startsWith(word, pos)) return false;
        pos += word.length();
        boolean ok = guard == WS1 ? peekWs1() : guard == NONSYM ? peekNonSym() : peekNonId();
        if (!ok) expect(guard == WS1 ? "white space after '" + word + "'" : "a separator after '" + word + "'");
        return ok;
    }

    private static final int WS1 = 0, NONSYM = 1, NONID = 2;

    private String ident() {
        if (pos < n && isLetter(s.charAt(pos))) {
            int st = pos++;
            while (pos < n && isIdentChar(s.charAt(pos))) pos++;
            return s.substring(st, pos);
        }
        expect("a name");
        return null;
    }

    // ---------------------------------------------------------------------------------------------- expressions

    Expr parseExp() {
        int start = pos;
        Object m = memo.get(start);
        if (m != null) {
            if (m == FAIL) return null;
            Expr e = (Expr) m;
            pos = e.end;
            return e;
        }
        enter();
        Expr e = parseExpUncached();
        depth--;
        if (e == null) {
            pos = start;
            memo.put(start, FAIL);
        } else {
            memo.put(start, e);
        }
        return e;
    }

    private Expr parseExpUncached() {
        int start = pos;
        ws();
        if (pos >= n) {
            expect("an expression");
            pos = start;
            return null;
        }
        char c = s.charAt(pos);
        Expr e;
        switch (c) {
            case '(':
                return parenForm(start);
            case '[':
                e = listExpr();
                if (e != null) return e;
                break;
            case ';':
                e = comment();
                if (e != null) return e;
                break;
            case '#':
                e = option();
                if (e != null) return e;
                break;
            case '\'':
            case '"': {
                int st = pos;
                String str = string();
                if (str != null) return new Expr.Str(str, st, pos);
                break;
            }
            default:
                if (c == '-' || isDigit(c)) {
                    e = number();
                    if (e != null) return e;
                } else if (isLetter(c)) {
                    int st = pos;
                    if (s.startsWith("true", pos)) {
                        pos += 4;
                        return new Expr.Bool(true, st, pos);
                    }
                    if (s.startsWith("false", pos)) {
                        pos += 5;
                        return new Expr.Bool(false, st, pos);
                    }
                    if (s.startsWith("null", pos)) {
                        pos += 4;
                        return new Expr.Null(st, pos);
                    }
                    String name = ident();
                    return new Expr.Var(name, st, pos);
                }
        }
        expect("an expression");
        pos = start;
        return null;
    }

    private Expr number() {
        int st = pos;
        int numStart = pos;
        if (s.charAt(pos) == '-') pos++;
        if (!(pos < n && isDigit(s.charAt(pos)))) {
            expect("a digit");
            pos = st;
            return null;
        }
        while (pos < n && isDigit(s.charAt(pos))) pos++;
        if (pos + 1 < n && s.charAt(pos) == '.' && isDigit(s.charAt(pos + 1))) {
            pos++;
            while (pos < n && isDigit(s.charAt(pos))) pos++;
        }
        int numEnd = pos;
        double value = Double.parseDouble(s.substring(numStart, numEnd));
        Loc.Annotation ann = annotation();
        Loc.Range range = null;
        if (pos < n && s.charAt(pos) == '{') {
            int save = pos;
            range = range();
            if (range == null) pos = save;
        }
        Loc loc = new Loc(0, value, prelude, ann, range, numStart, numEnd);
        return new Expr.Num(loc, st, pos);
    }

    private Loc.Annotation annotation() {
        if (pos < n) {
            char a = s.charAt(pos);
            if (a == '!') {
                pos++;
                return Loc.Annotation.FROZEN;
            }
            if (a == '?') {
                pos++;
                return Loc.Annotation.THAWED;
            }
            if (a == '~') {
                pos++;
                return Loc.Annotation.ASSIGN_ONCE;
            }
        }
        return Loc.Annotation.NONE;
    }

    /** A bare NUMBER (sign, digits, fraction, annotation), or NaN if none. */
    private double rawNumber() {
        int st = pos;
        if (pos < n && s.charAt(pos) == '-') pos++;
        if (!(pos < n && isDigit(s.charAt(pos)))) {
            expect("a number");
            pos = st;
            return Double.NaN;
        }
        while (pos < n && isDigit(s.charAt(pos))) pos++;
        if (pos + 1 < n && s.charAt(pos) == '.' && isDigit(s.charAt(pos + 1))) {
            pos++;
            while (pos < n && isDigit(s.charAt(pos))) pos++;
        }
        double v = Double.parseDouble(s.substring(st, pos));
        annotation();
        return v;
    }

    private Loc.Range range() {
        pos++; // {
        ws();
        double lo = rawNumber();
        if (Double.isNaN(lo)) return null;
        ws();
        if (!lit("-")) return null;
        ws();
        double hi = rawNumber();
        if (Double.isNaN(hi)) return null;
        ws();
        if (!lit("}")) return null;
        return new Loc.Range(lo, hi);
    }

    private String string() {
        char q = s.charAt(pos);
        int st = pos;
        pos++;
        StringBuilder sb = null;
        int chunk = pos;
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == q) {
                String r = sb == null
                        ? s.substring(chunk, pos)
                        : sb.append(s, chunk, pos).toString();
                pos++;
                return r;
            }
            if (c == '\\') {
                if (pos + 1 >= n) break;
                if (sb == null) sb = new StringBuilder();
                sb.append(s, chunk, pos).append(s.charAt(pos + 1));
                pos += 2;
                chunk = pos;
                continue;
            }
            pos++;
        }
        expect("the closing " + q + " of the string that starts at " + src.position(st));
        pos = st;
        return null;
    }

    private Expr comment() {
        int st = pos;
        pos++;
        int eol = s.indexOf('\n', pos);
        if (eol < 0) {
            pos = n;
            expect("a new line after the comment");
            pos = st;
            return null;
        }
        String text = s.substring(st + 1, eol);
        pos = eol + 1;
        Expr body = parseExp();
        if (body == null) {
            pos = st;
            return null;
        }
        return new Expr.Comment(text, body, st, body.end);
    }

    private Expr option() {
        int st = pos;
        pos++;
        ws();
        String key = word();
        if (key != null) {
            ws();
            if (lit(":")) {
                ws();
                String value = word();
                if (value != null) {
                    while (pos < n && s.charAt(pos) == ' ') pos++;
                    if (lit("\n")) {
                        Expr body = parseExp();
                        if (body != null) return new Expr.Option(key, value, body, st, body.end);
                    }
                }
            }
        }
        pos = st;
        return null;
    }

    private String word() {
        int st = pos;
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == '\n' || c == ' ' || c == ':') break;
            pos++;
        }
        if (pos == st) {
            expect("an option word");
            return null;
        }
        return s.substring(st, pos);
    }

    private Expr listExpr() {
        int st = pos;
        pos++;
        List<Expr> elems = new ArrayList<>();
        while (true) {
            Expr e = parseExp();
            if (e == null) break;
            elems.add(e);
        }
        if (tok(']')) return new Expr.ListExpr(elems, null, st, pos);
        // [e1 … en | tail]: the elements parsed above are exactly those of the second alternative
        if (!elems.isEmpty()) {
            int afterElems = elems.get(elems.size() - 1).end;
            pos = afterElems;
            if (tok('|')) {
                Expr tail = parseExp();
                if (tail != null && tok(']')) return new Expr.ListExpr(elems, tail, st, pos);
            }
        }
        pos = st;
        return null;
    }

    /** Everything that starts with '(' — alternatives in the exact order of the grammar. */
    private Expr parenForm(int start) {
        int open = pos; // at '('
        Expr e;
        if ((e = colonAnn(open)) != null) return e;
        if ((e = fun(open)) != null) return e;
        if ((e = nullary(open)) != null) return e;
        if ((e = unary(open)) != null) return e;
        if ((e = binary(open)) != null) return e;
        if ((e = ternary(open)) != null) return e;
        if ((e = ifExpr(open)) != null) return e;
        if ((e = caseExpr(open)) != null) return e;
        if ((e = typeCase(open)) != null) return e;
        if ((e = let(open)) != null) return e;
        if ((e = typeAlias(open)) != null) return e;
        if ((e = def(open)) != null) return e;
        if ((e = typ(open)) != null) return e;
        if ((e = app(open)) != null) return e;
        pos = start;
        return null;
    }

    private <T> T fail(int open) {
        pos = open;
        return null;
    }

    private Expr colonAnn(int open) {
        pos = open + 1;
        Expr e = parseExp();
        if (e == null || !tok(':')) return fail(open);
        Type t = parseType();
        if (t == null || !tok(')')) return fail(open);
        return new Expr.Annot(e, t, open, pos);
    }

    private Expr fun(int open) {
        pos = open + 1;
        if (!lit("\\")) return fail(open);
        List<Pat> params = new ArrayList<>();
        boolean parens = false;
        Pat p = parsePat();
        if (p != null) {
            params.add(p);
        } else {
            ws();
            if (!lit("(")) return fail(open);
            parens = true;
            while (true) {
                Pat q = parsePat();
                if (q == null) break;
                params.add(q);
            }
            if (!tok(')')) return fail(open);
        }
        Expr body = parseExp();
        if (body == null || !tok(')')) return fail(open);
        return new Expr.Fun(params, parens, body, open, pos);
    }

    private Expr nullary(int open) {
        pos = open + 1;
        ws();
        int opStart = pos;
        Op op;
        if (s.startsWith("pi", pos)) {
            op = Op.PI;
            pos += 2;
        } else if (s.startsWith("empty", pos)) {
            op = Op.EMPTY;
            pos += 5;
        } else return fail(open);
        if (!peekNonId() || !tok(')')) return fail(open);
        return new Expr.OpApp(op, List.of(), opStart, open, pos);
    }

    private Expr unary(int open) {
        pos = open + 1;
        ws();
        int opStart = pos;
        Op op = null;
        for (Op o : Op.UNARY)
            if (s.startsWith(o.word, pos)) {
                op = o;
                break;
            }
        if (op == null) return fail(open);
        pos += op.word.length();
        if (!peekWs1()) {
            expect("white space after '" + op.word + "'");
            return fail(open);
        }
        Expr a = parseExp();
        if (a == null || !tok(')')) return fail(open);
        return new Expr.OpApp(op, List.of(a), opStart, open, pos);
    }

    private Expr binary(int open) {
        pos = open + 1;
        ws();
        int opStart = pos;
        Op op = null;
        for (Op o : Op.SYMBOLIC)
            if (s.startsWith(o.word, pos)) {
                op = o;
                break;
            }
        if (op != null) {
            pos += op.word.length();
            if (!peekNonSym()) op = null;
        }
        if (op == null) {
            pos = opStart;
            for (Op o : Op.WORD)
                if (s.startsWith(o.word, pos)) {
                    op = o;
                    break;
                }
            if (op == null) return fail(open);
            pos += op.word.length();
            if (!peekWs1()) {
                expect("white space after '" + op.word + "'");
                return fail(open);
            }
        }
        Expr a = parseExp();
        if (a == null) return fail(open);
        Expr b = parseExp();
        if (b == null || !tok(')')) return fail(open);
        return new Expr.OpApp(op, List.of(a, b), opStart, open, pos);
    }

    private Expr ternary(int open) {
        pos = open + 1;
        ws();
        int opStart = pos;
        if (!s.startsWith("insert", pos)) return fail(open);
        pos += 6;
        if (!peekNonSym()) return fail(open);
        Expr a = parseExp(), b = a == null ? null : parseExp(), c = b == null ? null : parseExp();
        if (c == null || !tok(')')) return fail(open);
        return new Expr.OpApp(Op.INSERT, List.of(a, b, c), opStart, open, pos);
    }

    private Expr ifExpr(int open) {
        pos = open + 1;
        if (!keyword("if", WS1)) return fail(open);
        Expr c = parseExp(), a = c == null ? null : parseExp(), b = a == null ? null : parseExp();
        if (b == null || !tok(')')) return fail(open);
        return new Expr.If(c, a, b, open, pos);
    }

    private Expr caseExpr(int open) {
        pos = open + 1;
        if (!keyword("case", WS1)) return fail(open);
        Expr scrut = parseExp();
        if (scrut == null) return fail(open);
        List<Expr.Branch> branches = new ArrayList<>();
        while (true) {
            int save = pos;
            if (!tok('(')) {
                pos = save;
                break;
            }
            Pat p = parsePat();
            Expr body = p == null ? null : parseExp();
            if (body == null || !tok(')')) {
                pos = save;
                break;
            }
            branches.add(new Expr.Branch(p, body));
        }
        if (branches.isEmpty() || !tok(')')) return fail(open);
        return new Expr.Case(scrut, branches, open, pos);
    }

    private Expr typeCase(int open) {
        pos = open + 1;
        if (!keyword("typecase", WS1)) return fail(open);
        ws();
        List<Expr.Var> vars = new ArrayList<>();
        boolean list = false;
        int st = pos;
        String id = pos < n && isLetter(s.charAt(pos)) ? ident() : null;
        if (id != null) {
            vars.add(new Expr.Var(id, st, pos));
        } else {
            if (!lit("[")) return fail(open);
            list = true;
            while (true) {
                int save = pos;
                ws();
                int vs = pos;
                if (!(pos < n && isLetter(s.charAt(pos)))) {
                    pos = save;
                    break;
                }
                String v = ident();
                vars.add(new Expr.Var(v, vs, pos));
            }
            if (!tok(']')) return fail(open);
        }
        List<Expr.TypeBranch> branches = new ArrayList<>();
        while (true) {
            int save = pos;
            if (!tok('(')) {
                pos = save;
                break;
            }
            Type t = parseType();
            Expr body = t == null ? null : parseExp();
            if (body == null || !tok(')')) {
                pos = save;
                break;
            }
            branches.add(new Expr.TypeBranch(t, body));
        }
        if (branches.isEmpty() || !tok(')')) return fail(open);
        return new Expr.TypeCase(vars, list, branches, open, pos);
    }

    private Expr let(int open) {
        pos = open + 1;
        ws();
        boolean rec;
        if (s.startsWith("letrec", pos)) {
            rec = true;
            pos += 6;
        } else if (s.startsWith("let", pos)) {
            rec = false;
            pos += 3;
        } else return fail(open);
        if (!peekWs1()) return fail(open);
        Pat p = parsePat();
        Expr v = p == null ? null : parseExp();
        Expr b = v == null ? null : parseExp();
        if (b == null || !tok(')')) return fail(open);
        return new Expr.Let(rec, false, p, v, b, -1, open, pos);
    }

    private Expr typeAlias(int open) {
        pos = open + 1;
        if (!keyword("def", WS1)) return fail(open);
        ws();
        int hs = pos;
        Type head;
        if (pos < n && s.charAt(pos) >= 'A' && s.charAt(pos) <= 'Z') {
            String name = ident();
            head = new Type(Type.Kind.NAMED, List.of(), null, name, hs, pos);
        } else if (pos < n && s.charAt(pos) == '[') {
            pos++;
            List<Type> names = new ArrayList<>();
            while (true) {
                int save = pos;
                ws();
                int ns = pos;
                if (!(pos < n && s.charAt(pos) >= 'A' && s.charAt(pos) <= 'Z')) {
                    pos = save;
                    break;
                }
                String name = ident();
                names.add(new Type(Type.Kind.NAMED, List.of(), null, name, ns, pos));
            }
            if (!tok(']')) return fail(open);
            head = new Type(Type.Kind.TUPLE, names, null, null, hs, pos);
        } else {
            return fail(open);
        }
        Type t = parseType();
        if (t == null || !tok(')')) return fail(open);
        int close = pos;
        Expr body = parseExp();
        if (body == null) return fail(open);
        return new Expr.TypeDecl(true, head, t, body, open, body.end);
    }

    private Expr def(int open) {
        pos = open + 1;
        ws();
        boolean rec;
        if (s.startsWith("defrec", pos)) {
            rec = true;
            pos += 6;
        } else if (s.startsWith("def", pos)) {
            rec = false;
            pos += 3;
        } else return fail(open);
        if (!peekWs1()) return fail(open);
        Pat p = parsePat();
        Expr v = p == null ? null : parseExp();
        if (v == null || !tok(')')) return fail(open);
        int close = pos;
        Expr body = parseExp();
        if (body == null) return fail(open);
        return new Expr.Let(rec, true, p, v, body, close, open, body.end);
    }

    private Expr typ(int open) {
        pos = open + 1;
        if (!keyword("typ", WS1)) return fail(open);
        Pat p = parsePat();
        Type t = p == null ? null : parseType();
        if (t == null || !tok(')')) return fail(open);
        Expr body = parseExp();
        if (body == null) return fail(open);
        return new Expr.TypeDecl(false, p, t, body, open, body.end);
    }

    private Expr app(int open) {
        pos = open + 1;
        Expr f = parseExp();
        if (f == null) return fail(open);
        List<Expr> args = new ArrayList<>();
        while (true) {
            Expr a = parseExp();
            if (a == null) break;
            args.add(a);
        }
        if (!tok(')')) return fail(open);
        return new Expr.App(f, args, open, pos);
    }

    // ---------------------------------------------------------------------------------------------- patterns

    Pat parsePat() {
        int start = pos;
        enter();
        try {
            ws();
            if (pos >= n) {
                expect("a pattern");
                pos = start;
                return null;
            }
            char c = s.charAt(pos);
            int st = pos;
            if (isLetter(c)) {
                String name = ident();
                int afterName = pos;
                ws();
                if (pos < n && s.charAt(pos) == '@') {
                    pos++;
                    Pat inner = parsePat();
                    if (inner != null) return new Pat.PAs(name, inner, st, inner.end);
                }
                pos = afterName;
                return new Pat.PVar(name, st, pos);
            }
            if (c == '-' || isDigit(c)) {
                double v = rawNumber();
                if (!Double.isNaN(v)) return new Pat.PNum(v, st, pos);
                pos = start;
                return null;
            }
            if (c == '\'' || c == '"') {
                String str = string();
                if (str != null) return new Pat.PStr(str, st, pos);
                pos = start;
                return null;
            }
            if (c == '_') {
                pos++;
                return new Pat.PVar("_", st, pos);
            }
            if (c == '[') {
                pos++;
                List<Pat> elems = new ArrayList<>();
                while (true) {
                    Pat p = parsePat();
                    if (p == null) break;
                    elems.add(p);
                }
                if (tok(']')) return new Pat.PList(elems, null, st, pos);
                if (!elems.isEmpty() && tok('|')) {
                    Pat tail = parsePat();
                    if (tail != null && tok(']')) return new Pat.PList(elems, tail, st, pos);
                }
                pos = start;
                return null;
            }
            expect("a pattern");
            pos = start;
            return null;
        } finally {
            depth--;
        }
    }

    // ---------------------------------------------------------------------------------------------- types

    Type parseType() {
        int start = pos;
        enter();
        try {
            Type t = simpleType();
            if (t == null) t = arrow();
            if (t == null) t = forall();
            if (t == null) {
                pos = start;
                ws();
                expect("a type");
                pos = start;
            }
            return t;
        } finally {
            depth--;
        }
    }

    private Type simpleType() {
        int start = pos;
        ws();
        int st = pos;
        if (pos >= n) {
            pos = start;
            return null;
        }
        for (String b : new String[] {"Num", "Bool", "String", "Null"}) {
            if (s.startsWith(b, pos)) {
                pos += b.length();
                if (peekNonId()) {
                    Type.Kind k = b.equals("Num")
                            ? Type.Kind.NUM
                            : b.equals("Bool")
                                    ? Type.Kind.BOOL
                                    : b.equals("String") ? Type.Kind.STRING : Type.Kind.NULL;
                    return new Type(k, List.of(), null, b, st, pos);
                }
                pos = st;
                break;
            }
        }
        char c = s.charAt(pos);
        if (c == '(') {
            // List / Dict / union
            pos++;
            ws();
            if (s.startsWith("List", pos)) {
                pos += 4;
                if (peekWs1()) {
                    Type t = parseType();
                    if (t != null && tok(')')) return new Type(Type.Kind.LIST, List.of(t), null, null, st, pos);
                }
            }
            pos = st + 1;
            ws();
            if (s.startsWith("Dict", pos)) {
                pos += 4;
                if (peekWs1()) {
                    Type k = parseType(), v = k == null ? null : parseType();
                    if (v != null && tok(')')) return new Type(Type.Kind.DICT, List.of(k, v), null, null, st, pos);
                }
            }
            pos = st + 1;
            ws();
            if (s.startsWith("union", pos)) {
                pos += 5;
                if (peekWs1()) {
                    List<Type> ts = new ArrayList<>();
                    while (true) {
                        Type t = simpleType();
                        if (t == null) break;
                        ts.add(t);
                    }
                    if (tok(')')) return new Type(Type.Kind.UNION, ts, null, null, st, pos);
                }
            }
            pos = start;
            return null;
        }
        if (c == '[') {
            pos++;
            List<Type> ts = new ArrayList<>();
            while (true) {
                Type t = parseType();
                if (t == null) break;
                ts.add(t);
            }
            if (tok(']')) return new Type(Type.Kind.TUPLE, ts, null, null, st, pos);
            if (!ts.isEmpty() && tok('|')) {
                Type r = parseType();
                if (r != null && tok(']')) return new Type(Type.Kind.TUPLE, ts, r, null, st, pos);
            }
            pos = start;
            return null;
        }
        if (c >= 'A' && c <= 'Z') {
            String name = ident();
            return new Type(Type.Kind.NAMED, List.of(), null, name, st, pos);
        }
        if (c >= 'a' && c <= 'z') {
            String name = ident();
            return new Type(Type.Kind.VAR, List.of(), null, name, st, pos);
        }
        if (c == '_') {
            pos++;
            if (peekWs1()) return new Type(Type.Kind.WILD, List.of(), null, "_", st, pos);
        }
        pos = start;
        return null;
    }

    private Type arrow() {
        int start = pos;
        if (!tok('(')) {
            pos = start;
            return null;
        }
        int st = pos - 1;
        ws();
        if (!s.startsWith("->", pos)) {
            pos = start;
            return null;
        }
        pos += 2;
        if (!peekWs1()) {
            pos = start;
            return null;
        }
        List<Type> ts = new ArrayList<>();
        while (true) {
            Type t = parseType();
            if (t == null) break;
            ts.add(t);
        }
        if (!tok(')')) {
            pos = start;
            return null;
        }
        return new Type(Type.Kind.ARROW, ts, null, null, st, pos);
    }

    private Type forall() {
        int start = pos;
        if (!tok('(')) {
            pos = start;
            return null;
        }
        int st = pos - 1;
        ws();
        if (!s.startsWith("forall", pos)) {
            pos = start;
            return null;
        }
        pos += 6;
        if (!peekWs1()) {
            pos = start;
            return null;
        }
        ws();
        StringBuilder vars = new StringBuilder();
        if (pos < n && s.charAt(pos) >= 'a' && s.charAt(pos) <= 'z') {
            vars.append(ident());
        } else if (pos < n && s.charAt(pos) == '(') {
            pos++;
            int count = 0;
            while (true) {
                int save = pos;
                ws();
                if (!(pos < n && s.charAt(pos) >= 'a' && s.charAt(pos) <= 'z')) {
                    pos = save;
                    break;
                }
                if (count++ > 0) vars.append(' ');
                vars.append(ident());
            }
            if (count < 2 || !tok(')')) {
                pos = start;
                return null;
            }
        } else {
            pos = start;
            return null;
        }
        Type body = parseType();
        if (body == null || !tok(')')) {
            pos = start;
            return null;
        }
        return new Type(Type.Kind.FORALL, List.of(body), null, vars.toString(), st, pos);
    }
}
