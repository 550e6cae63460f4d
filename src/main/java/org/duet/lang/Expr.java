package org.duet.lang;

import java.util.ArrayList;
import java.util.List;

/** Expressions of little. Each kind is a nested class with a distinct {@link #kind} for fast dispatch. */
public abstract class Expr extends Node {
    public enum Kind {
        NUM,
        STR,
        BOOL,
        NULL,
        VAR,
        FUN,
        APP,
        OP,
        IF,
        CASE,
        TYPECASE,
        LIST,
        LET,
        TYPEDECL,
        COMMENT,
        OPTION,
        ANNOT
    }

    public final Kind kind;

    protected Expr(Kind kind, int start, int end) {
        super(start, end);
        this.kind = kind;
    }

    static List<Node> list(Object... parts) {
        List<Node> out = new ArrayList<>();
        for (Object p : parts) {
            if (p == null) continue;
            if (p instanceof Node) out.add((Node) p);
            else for (Object q : (List<?>) p) if (q != null) out.add((Node) q);
        }
        return out;
    }

    /** A number literal; its location carries id, annotation, range and name. */
    public static final class Num extends Expr {
        public final Loc loc;
        /** The literal's run-time value (shared: literals allocate nothing when evaluated). */
        public Object cached;

        public Num(Loc loc, int start, int end) {
            super(Kind.NUM, start, end);
            this.loc = loc;
        }

        @Override
        public List<Node> children() {
            return List.of();
        }
    }

    public static final class Str extends Expr {
        public final String value;
        public Object cached;

        public Str(String value, int start, int end) {
            super(Kind.STR, start, end);
            this.value = value;
        }

        @Override
        public List<Node> children() {
            return List.of();
        }
    }

    public static final class Bool extends Expr {
        public final boolean value;

        public Bool(boolean value, int start, int end) {
            super(Kind.BOOL, start, end);
            this.value = value;
        }

        @Override
        public List<Node> children() {
            return List.of();
        }
    }

    public static final class Null extends Expr {
        public Null(int start, int end) {
            super(Kind.NULL, start, end);
        }

        @Override
        public List<Node> children() {
            return List.of();
        }
    }

    public static final class Var extends Expr {
        /** Interned. */
        public final String name;

        public Var(String name, int start, int end) {
            super(Kind.VAR, start, end);
            this.name = name.intern();
        }

        @Override
        public List<Node> children() {
            return List.of();
        }
    }

    /** {@code (\p e)} or {@code (\(p1 … pn) e)}; the latter is curried. */
    public static final class Fun extends Expr {
        public final List<Pat> params;
        public final boolean parenthesised;
        public final Expr body;

        public Fun(List<Pat> params, boolean parenthesised, Expr body, int start, int end) {
            super(Kind.FUN, start, end);
            this.params = params;
            this.parenthesised = parenthesised;
            this.body = body;
        }

        @Override
        public List<Node> children() {
            return list(params, body);
        }
    }

    /** {@code (f a1 … an)}, applied one argument at a time. */
    public static final class App extends Expr {
        public final Expr fn;
        public final List<Expr> args;

        public App(Expr fn, List<Expr> args, int start, int end) {
            super(Kind.APP, start, end);
            this.fn = fn;
            this.args = args;
        }

        @Override
        public List<Node> children() {
            return list(fn, args);
        }
    }

    /** A built-in operator with its operands. {@link #opStart} is the position of the operator word. */
    public static final class OpApp extends Expr {
        public final Op op;
        public final List<Expr> args;
        public final int opStart;

        public OpApp(Op op, List<Expr> args, int opStart, int start, int end) {
            super(Kind.OP, start, end);
            this.op = op;
            this.args = args;
            this.opStart = opStart;
        }

        @Override
        public List<Node> children() {
            return list(args);
        }
    }

    public static final class If extends Expr {
        public final Expr cond, then, otherwise;

        public If(Expr cond, Expr then, Expr otherwise, int start, int end) {
            super(Kind.IF, start, end);
            this.cond = cond;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        public List<Node> children() {
            return list(cond, then, otherwise);
        }
    }

    public static final class Branch {
        public final Pat pat;
        public final Expr body;

        public Branch(Pat pat, Expr body) {
            this.pat = pat;
            this.body = body;
        }
    }

    public static final class Case extends Expr {
        public final Expr scrutinee;
        public final List<Branch> branches;

        public Case(Expr scrutinee, List<Branch> branches, int start, int end) {
            super(Kind.CASE, start, end);
            this.scrutinee = scrutinee;
            this.branches = branches;
        }

        @Override
        public List<Node> children() {
            List<Node> out = list(scrutinee);
            for (Branch b : branches) {
                out.add(b.pat);
                out.add(b.body);
            }
            return out;
        }
    }

    public static final class TypeBranch {
        public final Type type;
        public final Expr body;

        public TypeBranch(Type type, Expr body) {
            this.type = type;
            this.body = body;
        }
    }

    /** {@code (typecase x (T e) …)} or with a flat list of variables as scrutinee. */
    public static final class TypeCase extends Expr {
        /** The scrutinee variables; {@link #listScrutinee} tells whether they were written as a list. */
        public final List<Var> vars;

        public final boolean listScrutinee;
        public final List<TypeBranch> branches;

        public TypeCase(List<Var> vars, boolean listScrutinee, List<TypeBranch> branches, int start, int end) {
            super(Kind.TYPECASE, start, end);
            this.vars = vars;
            this.listScrutinee = listScrutinee;
            this.branches = branches;
        }

        @Override
        public List<Node> children() {
            List<Node> out = list(vars);
            for (TypeBranch b : branches) {
                out.add(b.type);
                out.add(b.body);
            }
            return out;
        }
    }

    /** {@code [e1 … en]} or {@code [e1 … en | tail]}. */
    public static final class ListExpr extends Expr {
        public final List<Expr> elems;
        public final Expr tail;

        public ListExpr(List<Expr> elems, Expr tail, int start, int end) {
            super(Kind.LIST, start, end);
            this.elems = elems;
            this.tail = tail;
        }

        @Override
        public List<Node> children() {
            return list(elems, tail);
        }
    }

    /** let, letrec, def, defrec. For def/defrec the body follows the closing parenthesis. */
    public static final class Let extends Expr {
        public final boolean rec, def;
        public final Pat pat;
        public final Expr value, body;
        /** Position just after the ')' that closes a def, or -1 for let. */
        public final int defClose;

        public Let(boolean rec, boolean def, Pat pat, Expr value, Expr body, int defClose, int start, int end) {
            super(Kind.LET, start, end);
            this.rec = rec;
            this.def = def;
            this.pat = pat;
            this.value = value;
            this.body = body;
            this.defClose = defClose;
        }

        public String keyword() {
            return (def ? "def" : "let") + (rec ? "rec" : "");
        }

        @Override
        public List<Node> children() {
            return list(pat, value, body);
        }
    }

    /** {@code (typ p T) e} or a type alias {@code (def Name T) e}: only e matters at run time. */
    public static final class TypeDecl extends Expr {
        public final boolean alias;
        /** The declared names (alias) or the pattern (typ), kept as a node for printing. */
        public final Node head;

        public final Type type;
        public final Expr body;

        public TypeDecl(boolean alias, Node head, Type type, Expr body, int start, int end) {
            super(Kind.TYPEDECL, start, end);
            this.alias = alias;
            this.head = head;
            this.type = type;
            this.body = body;
        }

        @Override
        public List<Node> children() {
            return list(head, type, body);
        }
    }

    /** {@code ; text LF e}. */
    public static final class Comment extends Expr {
        public final String text;
        public final Expr body;

        public Comment(String text, Expr body, int start, int end) {
            super(Kind.COMMENT, start, end);
            this.text = text;
            this.body = body;
        }

        @Override
        public List<Node> children() {
            return list(body);
        }
    }

    /** {@code # key: value LF e}. */
    public static final class Option extends Expr {
        public final String key, value;
        public final Expr body;

        public Option(String key, String value, Expr body, int start, int end) {
            super(Kind.OPTION, start, end);
            this.key = key;
            this.value = value;
            this.body = body;
        }

        @Override
        public List<Node> children() {
            return list(body);
        }
    }

    /** {@code (e : T)}. */
    public static final class Annot extends Expr {
        public final Expr exp;
        public final Type type;

        public Annot(Expr exp, Type type, int start, int end) {
            super(Kind.ANNOT, start, end);
            this.exp = exp;
            this.type = type;
        }

        @Override
        public List<Node> children() {
            return list(exp, type);
        }
    }
}
