package org.duet.synth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duet.lang.Expr;
import org.duet.lang.Loc;
import org.duet.lang.Program;
import org.duet.lang.Source;

/**
 * Writes a {@link Plan} as program text, changing nothing else: each rewritten literal is replaced in place by its
 * expression; an expression refers to a literal by the variable bound to it when that variable is visible there, and
 * otherwise the literal is <em>named</em>: a new top-level definition {@code (def NAME literal)} (fresh, readable name:
 * the literal's own name, the parameter it is passed as, …) is added and the literal replaced by NAME. New definitions
 * go, one per line, just before the top-level form that contains the first changed literal (the common scope of a
 * program of top-level definitions, interaction.md §8.1). Unnamed frozen literals are copied as frozen numbers.
 */
final class ProgramEdit {
    private final Scope scope;
    private final Program p;
    private final Plan plan;
    private final Set<String> taken = new HashSet<>();
    /** Per base name, the next suffix to try (see {@link Scope#fresh(String, Set, Map)}). */
    private final Map<String, Integer> nextSuffix = new HashMap<>();

    private final Map<Integer, String> named = new HashMap<>();
    private final List<String> defs = new ArrayList<>();
    private final Map<Integer, String> inPlace = new LinkedHashMap<>();
    private int ip;
    private final boolean failed = false;

    private ProgramEdit(Scope scope, Plan plan) {
        this.scope = scope;
        this.p = scope.program;
        this.plan = plan;
    }

    /** The new text and the names given to the plan's new variables (by id). */
    record Written(String text, Map<Integer, String> names, int nodeDelta) {}

    /**
     * Syntax nodes of generated text: every parenthesised form and every atom, except operator and def keywords
     * (so {@code (+ x0 w)} is 3, {@code (def x 49)} is 3, {@code (clamp a b 5)} is 5).
     */
    static int nodes(String text) {
        int n = 0;
        boolean afterParen = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '(') {
                n++;
                afterParen = true;
                i++;
                continue;
            }
            if (c == ')' || Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int j = i;
            while (j < text.length()
                    && text.charAt(j) != '('
                    && text.charAt(j) != ')'
                    && !Character.isWhitespace(text.charAt(j))) j++;
            String tok = text.substring(i, j);
            boolean keyword = afterParen && (tok.equals("def") || isOp(tok));
            if (!keyword) n++;
            afterParen = false;
            i = j;
        }
        return n;
    }

    private static boolean isOp(String w) {
        for (org.duet.lang.Op op : org.duet.lang.Op.values()) if (op.word.equals(w)) return true;
        return false;
    }

    /** The new program text, or null if the plan cannot be written. */
    static Written write(Scope scope, Plan plan) {
        int first = Integer.MAX_VALUE;
        for (int id : plan.deps.keySet()) first = Math.min(first, scope.nums.get(id).start);
        for (int id : plan.lifts) first = Math.min(first, scope.nums.get(id).start);
        for (int id : plan.clamps.keySet()) first = Math.min(first, scope.nums.get(id).start);
        if (first == Integer.MAX_VALUE) return null;
        for (int attempt = 0; attempt < 4; attempt++) {
            ProgramEdit e = new ProgramEdit(scope, plan);
            e.ip = scope.insertionPoint(first);
            e.run();
            if (e.failed) return null;
            int earliest = e.ip;
            for (int id : e.inPlace.keySet()) earliest = Math.min(earliest, scope.nums.get(id).start);
            int again = scope.insertionPoint(earliest);
            if (again == e.ip) {
                int delta = 0;
                for (String v : e.inPlace.values()) delta += nodes(v) - 1;
                for (String d : e.defs) delta += nodes(d);
                return new Written(e.text(), new HashMap<>(e.named), delta);
            }
            first = earliest;
        }
        return null;
    }

    private void run() {
        for (Map.Entry<Integer, Plan.NewVar> v : plan.newVars.entrySet()) ref(v.getKey(), ip);
        for (int id : plan.lifts) ref(id, -1);
        for (Map.Entry<Integer, Sym> d : plan.deps.entrySet()) {
            int id = d.getKey();
            if (named.containsKey(id)) continue; // written as a definition already
            Expr.Num num = scope.nums.get(id);
            inPlace.put(id, print(d.getValue(), num.start));
        }
        for (Map.Entry<Integer, Sym[]> c : plan.clamps.entrySet()) {
            Expr.Num num = scope.nums.get(c.getKey());
            String lit = p.source().text().substring(num.start, num.end);
            inPlace.put(
                    c.getKey(),
                    "(clamp " + print(c.getValue()[0], num.start) + " " + print(c.getValue()[1], num.start) + " " + lit
                            + ")");
        }
    }

    private String print(Sym s, int site) {
        return s.print(id -> ref(id, site), id -> id < 0 ? Integer.MAX_VALUE : p.loc(id).numStart, plan.freeze);
    }

    /** How to refer to variable {@code id} at text offset {@code site} (-1: force a name). */
    private String ref(int id, int site) {
        String done = named.get(id);
        if (done != null) return done;
        if (id < 0) {
            Plan.NewVar v = plan.newVars.get(id);
            String name = scope.fresh(v.base(), taken, nextSuffix);
            taken.add(name);
            named.put(id, name);
            defs.add("(def " + name + " " + v.value().print(i -> ref(i, ip), i -> i < 0 ? -1 : p.loc(i).numStart, false)
                    + ")");
            return name;
        }
        Loc l = p.loc(id);
        boolean dep = plan.deps.containsKey(id);
        if (site >= 0 && !l.name().isEmpty() && scope.visible(id, site)) return l.name();
        if (site >= 0 && !dep && !plan.lifts.contains(id) && l.name().isEmpty() && l.frozen())
            // a literal too long for a double (Infinity) has no numeral: it is written as it is in the program
            return (Double.isFinite(l.value)
                            ? org.duet.lang.Printer.numeral(l.value)
                            : p.source().text().substring(l.numStart, l.numEnd))
                    + "!";
        // name the literal with a new definition
        String name = scope.fresh(scope.baseName(id), taken, nextSuffix);
        taken.add(name);
        named.put(id, name);
        String value;
        if (dep) {
            value = print(plan.deps.get(id), ip);
        } else {
            Expr.Num num = scope.nums.get(id);
            value = p.source().text().substring(num.start, num.end);
        }
        defs.add("(def " + name + " " + value + ")");
        inPlace.put(id, name);
        return name;
    }

    private String text() {
        Source src = p.source();
        String orig = src.original();
        String nl = orig.contains("\r\n") ? "\r\n" : "\n";
        List<int[]> spans = new ArrayList<>();
        List<String> repl = new ArrayList<>();
        for (Map.Entry<Integer, String> e : inPlace.entrySet()) {
            Expr.Num num = scope.nums.get(e.getKey());
            spans.add(new int[] {num.start, num.end, spans.size()});
            repl.add(e.getValue());
        }
        if (!defs.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            boolean lineStart = ip == 0 || src.text().charAt(ip - 1) == '\n';
            if (!lineStart) sb.append(nl);
            for (String d : defs) sb.append(d).append(nl);
            spans.add(new int[] {ip, ip, spans.size()});
            repl.add(sb.toString());
        }
        spans.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1] - a[0], b[1] - b[0]));
        StringBuilder out = new StringBuilder(orig.length() + 64);
        int at = 0;
        for (int[] s : spans) {
            int os = src.originalOffset(s[0]), oe = src.originalOffset(s[1]);
            out.append(orig, at, os);
            String r = repl.get(s[2]);
            out.append(r);
            at = oe;
        }
        out.append(orig, at, orig.length());
        return out.toString();
    }
}
