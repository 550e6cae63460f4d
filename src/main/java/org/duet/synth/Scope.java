package org.duet.synth;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duet.eval.Prelude;
import org.duet.lang.Expr;
import org.duet.lang.Node;
import org.duet.lang.Pat;
import org.duet.lang.Program;

/**
 * What a program edit needs to know about names: which binder a name refers to at a position of the text, which
 * variable binds each literal, the literal nodes, every identifier in use (for fresh names), the parameter names of
 * the functions a literal is passed to (for readable names), and the top-level definitions (where new definitions go).
 */
final class Scope {
    private record Entry(String name, Node binder, int from, int to) {}

    final Program program;
    private final List<Entry> entries = new ArrayList<>();
    /** Literal id → its node. */
    final Map<Integer, Expr.Num> nums = new HashMap<>();
    /** Literal id → the pattern variable that binds it directly. */
    private final Map<Integer, Node> binderOf = new HashMap<>();
    /** Literal id → a readable base name from its context (the parameter it is passed as, x/y in a pair). */
    private final Map<Integer, String> contextName = new HashMap<>();
    /**
     * Every identifier of the program. A new top-level name may shadow a prelude definition the program does not use
     * (such as the prelude's {@code x}): the prelude's own functions are unaffected.
     */
    final Set<String> names = new HashSet<>();
    /** Top-level forms: chain nodes (options, comments, defs, then the main expression). */
    private final List<Expr> chain = new ArrayList<>();

    private static volatile Map<String, List<String>> preludeParams;

    Scope(Program program) {
        this.program = program;
        loadPrelude();
        Map<String, List<String>> params = new HashMap<>(preludeParams);
        collectFunctions(program.root(), params);
        walk(program.root(), params);
        Expr e = program.root();
        while (true) {
            chain.add(e);
            if (e instanceof Expr.Option) e = ((Expr.Option) e).body;
            else if (e instanceof Expr.Comment) e = ((Expr.Comment) e).body;
            else if (e instanceof Expr.Let && ((Expr.Let) e).def) e = ((Expr.Let) e).body;
            else if (e instanceof Expr.TypeDecl) e = ((Expr.TypeDecl) e).body;
            else break;
        }
    }

    private static void loadPrelude() {
        if (preludeParams != null) return;
        synchronized (Scope.class) {
            if (preludeParams != null) return;
            Map<String, List<String>> params = new HashMap<>();
            Program p = Prelude.get().program();
            collectFunctions(p.root(), params);
            preludeParams = params;
        }
    }

    /** Parameter names of functions defined as {@code (def f (\(a b c) …))}. */
    private static void collectFunctions(Expr root, Map<String, List<String>> out) {
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n instanceof Expr.Let) {
                Expr.Let l = (Expr.Let) n;
                if (l.pat instanceof Pat.PVar && l.value instanceof Expr.Fun) {
                    List<String> ps = new ArrayList<>();
                    Expr body = l.value;
                    while (body instanceof Expr.Fun) {
                        for (Pat p : ((Expr.Fun) body).params)
                            ps.add(p instanceof Pat.PVar ? ((Pat.PVar) p).name : null);
                        body = ((Expr.Fun) body).body;
                    }
                    out.put(((Pat.PVar) l.pat).name, ps);
                }
            }
            for (Node c : n.children()) stack.push(c);
        }
    }

    private void walk(Expr root, Map<String, List<String>> params) {
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n instanceof Expr.Num) {
                Expr.Num num = (Expr.Num) n;
                nums.put(num.loc.id(), num);
            } else if (n instanceof Expr.Var) {
                names.add(((Expr.Var) n).name);
            } else if (n instanceof Pat.PVar) {
                names.add(((Pat.PVar) n).name);
            } else if (n instanceof Pat.PAs) {
                names.add(((Pat.PAs) n).name);
            } else if (n instanceof Expr.Let) {
                Expr.Let l = (Expr.Let) n;
                List<Node> vars = patVars(l.pat);
                for (Node v : vars) {
                    entries.add(new Entry(varName(v), v, l.body.start, l.body.end));
                    if (l.rec) entries.add(new Entry(varName(v), v, l.value.start, l.value.end));
                }
                bind(l.pat, l.value);
            } else if (n instanceof Expr.Fun) {
                Expr.Fun f = (Expr.Fun) n;
                for (Pat p : f.params)
                    for (Node v : patVars(p)) entries.add(new Entry(varName(v), v, f.body.start, f.body.end));
            } else if (n instanceof Expr.Case) {
                for (Expr.Branch b : ((Expr.Case) n).branches)
                    for (Node v : patVars(b.pat)) entries.add(new Entry(varName(v), v, b.body.start, b.body.end));
            } else if (n instanceof Expr.App) {
                Expr.App a = (Expr.App) n;
                if (a.fn instanceof Expr.Var) {
                    List<String> ps = params.get(((Expr.Var) a.fn).name);
                    for (int i = 0; i < a.args.size(); i++) {
                        String pn = ps != null && i < ps.size() ? ps.get(i) : null;
                        if (pn != null && a.args.get(i) instanceof Expr.Num)
                            contextName.putIfAbsent(((Expr.Num) a.args.get(i)).loc.id(), pn);
                    }
                }
            } else if (n instanceof Expr.ListExpr) {
                Expr.ListExpr l = (Expr.ListExpr) n;
                if (l.elems.size() == 2 && l.tail == null) {
                    if (l.elems.get(0) instanceof Expr.Num)
                        contextName.putIfAbsent(((Expr.Num) l.elems.get(0)).loc.id(), "x");
                    if (l.elems.get(1) instanceof Expr.Num)
                        contextName.putIfAbsent(((Expr.Num) l.elems.get(1)).loc.id(), "y");
                }
            }
            for (Node c : n.children()) stack.push(c);
        }
    }

    private static String varName(Node v) {
        return v instanceof Pat.PVar ? ((Pat.PVar) v).name : ((Pat.PAs) v).name;
    }

    private static List<Node> patVars(Pat p) {
        List<Node> out = new ArrayList<>();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(p);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n instanceof Pat.PVar && !((Pat.PVar) n).name.equals("_")) out.add(n);
            if (n instanceof Pat.PAs) out.add(n);
            for (Node c : n.children()) stack.push(c);
        }
        return out;
    }

    private void bind(Pat p, Expr e) {
        while (true) {
            if (e instanceof Expr.Annot) e = ((Expr.Annot) e).exp;
            else if (e instanceof Expr.Comment) e = ((Expr.Comment) e).body;
            else break;
        }
        while (p instanceof Pat.PAs) p = ((Pat.PAs) p).pat;
        if (p instanceof Pat.PVar && e instanceof Expr.Num) {
            if (!((Pat.PVar) p).name.equals("_")) binderOf.put(((Expr.Num) e).loc.id(), p);
        } else if (p instanceof Pat.PList && e instanceof Expr.ListExpr) {
            Pat.PList pl = (Pat.PList) p;
            Expr.ListExpr el = (Expr.ListExpr) e;
            if (pl.tail == null && el.tail == null && pl.elems.size() == el.elems.size())
                for (int i = 0; i < pl.elems.size(); i++) bind(pl.elems.get(i), el.elems.get(i));
        }
    }

    /** True if, at text offset {@code at}, the literal's own name refers to the variable that binds the literal. */
    boolean visible(int locId, int at) {
        Node binder = binderOf.get(locId);
        if (binder == null) return false;
        String name = varName(binder);
        Entry best = null;
        for (Entry e : entries)
            if (e.name.equals(name) && e.from <= at && at < e.to && (best == null || e.from >= best.from)) best = e;
        return best != null && best.binder == binder;
    }

    /** A base for a new name for a literal: its own name, the parameter it is passed as, x/y of a pair, or num. */
    String baseName(int locId) {
        String n = program.loc(locId).name();
        if (!n.isEmpty()) return n;
        String c = contextName.get(locId);
        return c != null && c.matches("[A-Za-z][A-Za-z0-9_]*") ? c : "num";
    }

    /** A name not used anywhere in the program or the prelude, nor in {@code taken}: base, base2, … (x1 → x1_2). */
    String fresh(String base, Set<String> taken) {
        return fresh(base, taken, new java.util.HashMap<>());
    }

    /**
     * As {@link #fresh(String, Set)} for a caller that only adds to {@code taken}: {@code next} remembers, per base,
     * the first suffix not tried yet, so that naming n literals alike takes n steps rather than n².
     */
    String fresh(String base, Set<String> taken, Map<String, Integer> next) {
        if (!names.contains(base) && !taken.contains(base)) return base;
        String sep = Character.isDigit(base.charAt(base.length() - 1)) ? "_" : "";
        for (int k = next.getOrDefault(base, 2); ; k++) {
            String c = base + sep + k;
            if (!names.contains(c) && !taken.contains(c)) {
                next.put(base, k + 1);
                return c;
            }
        }
    }

    /**
     * Where new top-level definitions go so that they precede the top-level form containing {@code offset}: that
     * form's start, or the start of the comments directly above it (unless those open the program).
     */
    int insertionPoint(int offset) {
        int k = 0;
        for (int i = 0; i < chain.size(); i++) if (chain.get(i).start <= offset) k = i;
        int j = k;
        while (j > 0 && chain.get(j - 1) instanceof Expr.Comment) j--;
        if (j > 0 && j < k) return chain.get(j).start; // comments above a definition travel with it
        return chain.get(k).start;
    }
}
