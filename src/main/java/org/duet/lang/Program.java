package org.duet.lang;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed program: its source, its expression, its locations in source order (ids 1, 2, … within this program)
 * and the options of its leading option lines.
 */
public final class Program {
    private final Source source;
    private final Expr root;
    private final boolean prelude;
    private final List<Loc> locs;
    private final Map<String, String> options;

    Program(Source source, Expr root, boolean prelude) {
        this.source = source;
        this.root = root;
        this.prelude = prelude;
        List<Loc> found = new ArrayList<>();
        collect(root, found);
        this.locs = Collections.unmodifiableList(found);
        this.options = Collections.unmodifiableMap(leadingOptions(root));
        nameLocations(root);
    }

    public Source source() {
        return source;
    }

    public Expr root() {
        return root;
    }

    public boolean isPrelude() {
        return prelude;
    }
    /** Every numeric literal of the program in source order; {@code locs().get(i).id == i + 1}. */
    public List<Loc> locs() {
        return locs;
    }

    public Map<String, String> options() {
        return options;
    }

    public Loc loc(int id) {
        return id >= 1 && id <= locs.size() ? locs.get(id - 1) : null;
    }

    /** True if {@code # unannotated-numbers: n!} freezes unannotated literals. */
    public boolean unannotatedFrozen() {
        return "n!".equals(options.get("unannotated-numbers"));
    }

    /** Walks the tree in source order, numbering literals. Iterative, so deep trees cannot overflow the stack. */
    private void collect(Expr rootExpr, List<Loc> out) {
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        stack.push(rootExpr);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            node.source = source;
            if (node instanceof Expr.Num) {
                Loc loc = ((Expr.Num) node).loc;
                loc.id = out.size() + 1;
                out.add(loc);
                continue;
            }
            List<Node> ch = node.children();
            for (int i = ch.size() - 1; i >= 0; i--) stack.push(ch.get(i));
        }
    }

    private static Map<String, String> leadingOptions(Expr e) {
        Map<String, String> out = new LinkedHashMap<>();
        while (true) {
            if (e instanceof Expr.Option) {
                Expr.Option o = (Expr.Option) e;
                out.put(o.key, o.value);
                e = o.body;
            } else if (e instanceof Expr.Comment) {
                e = ((Expr.Comment) e).body;
            } else {
                return out;
            }
        }
    }

    /** Gives each literal bound directly by a let/def pattern the variable's name. */
    private static void nameLocations(Expr rootExpr) {
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        stack.push(rootExpr);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (node instanceof Expr.Let) {
                Expr.Let let = (Expr.Let) node;
                bind(let.pat, let.value);
            }
            for (Node c : node.children()) stack.push(c);
        }
    }

    private static void bind(Pat p, Expr e) {
        while (true) {
            if (e instanceof Expr.Annot) e = ((Expr.Annot) e).exp;
            else if (e instanceof Expr.Comment) e = ((Expr.Comment) e).body;
            else break;
        }
        while (p instanceof Pat.PAs) p = ((Pat.PAs) p).pat;
        if (p instanceof Pat.PVar && e instanceof Expr.Num) {
            String name = ((Pat.PVar) p).name;
            if (!name.equals("_")) ((Expr.Num) e).loc.name = name;
        } else if (p instanceof Pat.PList && e instanceof Expr.ListExpr) {
            Pat.PList pl = (Pat.PList) p;
            Expr.ListExpr el = (Expr.ListExpr) e;
            if (pl.tail == null && el.tail == null && pl.elems.size() == el.elems.size())
                for (int i = 0; i < pl.elems.size(); i++) bind(pl.elems.get(i), el.elems.get(i));
        }
    }

    /** Position of the first string literal with this exact value, or -1 (for messages about program strings). */
    public int findString(String value) {
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        int best = -1;
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (node instanceof Expr.Str && ((Expr.Str) node).value.equals(value)) {
                if (best < 0 || node.start < best) best = node.start;
            }
            for (Node c : node.children()) stack.push(c);
        }
        return best;
    }
}
