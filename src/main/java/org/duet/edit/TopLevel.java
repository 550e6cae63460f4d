package org.duet.edit;

import java.util.ArrayList;
import java.util.List;
import org.duet.lang.Expr;
import org.duet.lang.Node;
import org.duet.lang.Program;

/**
 * The top-level layout of a program: its option and comment lines (trivia), its chain of top-level declarations
 * ({@code def}, {@code defrec}, type declarations) and its main expression, and the form of that main expression.
 * Comments are trivia: a comment before the main expression does not make it something else.
 */
final class TopLevel {
    /** What the main expression is. */
    enum Form {
        /** {@code (blobs [ … ])}: each list element is a blob (a list of shapes). */
        BLOBS,
        /** {@code (svg (concat [ … ]))}: each list element is a list of shapes. */
        CONCAT,
        /** {@code (svg [ … ])}: each list element is one shape. */
        SVG_LIST,
        /** {@code (addBlob shapes drawing)}. */
        ADD_BLOB,
        /** Anything else. */
        OTHER
    }

    final Program program;
    final String text;
    /** Top-level declarations in order (Let with def, or TypeDecl). */
    final List<Expr> decls = new ArrayList<>();
    /** Comment and option nodes between the last declaration (or the start) and the main expression. */
    final List<Expr> trivia = new ArrayList<>();

    final Expr main;
    final Form form;
    /** The element list of BLOBS, CONCAT and SVG_LIST. */
    final Expr.ListExpr list;
    /** The first argument of ADD_BLOB. */
    final Expr addBlobShapes;

    private TopLevel(Program program) {
        this.program = program;
        this.text = program.source().text();
        Expr e = program.root();
        while (true) {
            if (e instanceof Expr.Option o) {
                trivia.add(o);
                e = o.body;
            } else if (e instanceof Expr.Comment c) {
                trivia.add(c);
                e = c.body;
            } else if (e instanceof Expr.Let l && l.def) {
                decls.add(l);
                trivia.clear();
                e = l.body;
            } else if (e instanceof Expr.TypeDecl t) {
                decls.add(t);
                trivia.clear();
                e = t.body;
            } else {
                break;
            }
        }
        this.main = e;
        Form f = Form.OTHER;
        Expr.ListExpr l = null;
        Expr shapes = null;
        if (call(e, "blobs", 1) && e1(e) instanceof Expr.ListExpr le && le.tail == null) {
            f = Form.BLOBS;
            l = le;
        } else if (call(e, "svg", 1)
                && call(e1(e), "concat", 1)
                && e1(e1(e)) instanceof Expr.ListExpr le
                && le.tail == null) {
            f = Form.CONCAT;
            l = le;
        } else if (call(e, "svg", 1) && e1(e) instanceof Expr.ListExpr le && le.tail == null) {
            f = Form.SVG_LIST;
            l = le;
        } else if (call(e, "addBlob", 2)) {
            f = Form.ADD_BLOB;
            shapes = ((Expr.App) e).args.get(0);
        }
        this.form = f;
        this.list = l;
        this.addBlobShapes = shapes;
    }

    static TopLevel of(Program p) {
        return new TopLevel(p);
    }

    /** True if e is {@code (name a1 … an)} with exactly n arguments. */
    static boolean call(Expr e, String name, int n) {
        return e instanceof Expr.App a && a.fn instanceof Expr.Var v && v.name.equals(name) && a.args.size() == n;
    }

    private static Expr e1(Expr e) {
        return ((Expr.App) e).args.get(0);
    }

    /** The main expression's form in words (for messages). */
    String describeMain() {
        String s = text.substring(main.start, main.end).strip();
        int nl = s.indexOf('\n');
        if (nl >= 0) s = s.substring(0, nl).strip() + " …";
        if (s.length() > 60) s = s.substring(0, 60) + " …";
        return s;
    }

    /** Position just after the declaration's closing parenthesis. */
    int declEnd(Expr d) {
        if (d instanceof Expr.Let l) return l.defClose;
        Expr body = ((Expr.TypeDecl) d).body;
        int p = body.start;
        while (p > 0 && Character.isWhitespace(text.charAt(p - 1))) p--;
        return p;
    }

    /**
     * Where a new top-level definition goes, and whether it goes after the declarations (then it is written
     * {@code separator + def}) or before the main expression (then {@code def + separator}). After declarations the
     * separator follows the program's spacing of definitions (the line breaks after the last-but-one declaration, or
     * after the last one if it is the only one; a blank line if they are on one line).
     */
    record DefPlace(int at, boolean afterDecls, String separator) {}

    /** The end of a declaration, after a comment on the same line as its closing parenthesis (which belongs to it). */
    private int declEndWithComment(Expr d) {
        int at = declEnd(d);
        int j = at;
        while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) j++;
        if (j < text.length() && text.charAt(j) == ';') {
            int eol = text.indexOf('\n', j);
            at = eol < 0 ? text.length() : eol;
        }
        return at;
    }

    /** The line breaks in the white space after a position (at most 3), or "" if there are none. */
    private String breaksAfter(int at) {
        int n = 0;
        for (int j = at; j < text.length() && Character.isWhitespace(text.charAt(j)); j++)
            if (text.charAt(j) == '\n') n++;
        return "\n".repeat(Math.min(n, 3));
    }

    DefPlace defPlace() {
        if (!decls.isEmpty()) {
            int at = declEndWithComment(decls.get(decls.size() - 1));
            // the program's own spacing of definitions: the line breaks after the one before the last (or the last)
            String sep = breaksAfter(declEndWithComment(decls.get(Math.max(0, decls.size() - 2))));
            return new DefPlace(at, true, sep.isEmpty() ? "\n\n" : sep);
        }
        // no declarations: before the main expression and the comment lines attached to it (no blank line between)
        int cur = main.start;
        for (int i = trivia.size() - 1; i >= 0; i--) {
            if (!(trivia.get(i) instanceof Expr.Comment c)) break;
            int eol = text.indexOf('\n', c.start);
            if (eol < 0 || eol > cur) break;
            int newlines = 0;
            for (int k = eol; k < cur; k++) if (text.charAt(k) == '\n') newlines++;
            if (newlines > 1) break;
            cur = c.start;
        }
        int ls = cur;
        while (ls > 0 && (text.charAt(ls - 1) == ' ' || text.charAt(ls - 1) == '\t')) ls--;
        if (ls == 0 || text.charAt(ls - 1) == '\n') cur = ls;
        return new DefPlace(cur, false, "\n\n");
    }

    /** Leading spaces and tabs of the line containing a position. */
    String indentOfLine(int pos) {
        int ls = text.lastIndexOf('\n', pos - 1) + 1;
        int k = ls;
        while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) k++;
        return text.substring(ls, k);
    }

    boolean sameLine(int a, int b) {
        int lo = Math.min(a, b), hi = Math.max(a, b);
        return text.indexOf('\n', lo) < 0 || text.indexOf('\n', lo) >= hi;
    }

    /** Appends an item to a list, following the list's layout (one item per line, or all on one line). */
    void append(Edits edits, Expr.ListExpr l, String item) {
        int open = l.start, close = l.end - 1;
        if (l.elems.isEmpty()) {
            boolean multiLine = text.substring(open + 1, close).indexOf('\n') >= 0;
            if (multiLine) edits.insert(open + 1, "\n" + indentOfLine(open) + "  " + item);
            else edits.insert(open + 1, item);
            return;
        }
        Expr last = l.elems.get(l.elems.size() - 1);
        if (sameLine(open, last.start)) edits.insert(last.end, " " + item);
        else edits.insert(last.end, "\n" + indentOfLine(last.start) + item);
    }

    /** Adds a list of shapes (a variable or an expression) to the drawing of the main expression. */
    void addToMain(Edits edits, String item) {
        switch (form) {
            case BLOBS, CONCAT -> append(edits, list, item);
            case ADD_BLOB -> {
                if (call(addBlobShapes, "concat", 1)
                        && e1(addBlobShapes) instanceof Expr.ListExpr le
                        && le.tail == null) append(edits, le, item);
                else {
                    edits.insert(addBlobShapes.start, "(concat [");
                    edits.insert(addBlobShapes.end, " " + item + "])");
                }
            }
            default -> {
                edits.insert(main.start, "(addBlob " + item + " ");
                edits.insert(main.end, ")");
            }
        }
    }

    /** Every variable name the program binds or uses. */
    static List<String> names(Program p) {
        List<String> out = new ArrayList<>();
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        stack.push(p.root());
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n instanceof Expr.Var v) out.add(v.name);
            else if (n instanceof org.duet.lang.Pat.PVar v) out.add(v.name);
            else if (n instanceof org.duet.lang.Pat.PAs a) out.add(a.name);
            for (Node c : n.children()) stack.push(c);
        }
        return out;
    }
}
