package org.duet.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duet.eval.Runner;
import org.duet.lang.DuetException;
import org.duet.lang.Expr;
import org.duet.lang.Node;
import org.duet.lang.Op;
import org.duet.lang.Parser;
import org.duet.lang.Program;
import org.duet.lang.Source;

/**
 * Structure-aware mutation of little programs. A program is parsed into its syntax tree and changed at the tree
 * level — subtrees replaced by others (of the same or another seed program), numbers made odd, operators and prelude
 * names swapped, list elements duplicated or deleted, subtrees wrapped in let/if/lambda, annotations added, strings
 * with markup/CSS/escapes inserted, deep nesting and recursion — each edit made on the subtree's span of the source
 * text, so the result is mostly a program again. A byte-level mode changes the text itself.
 */
final class Mutator {
    /** Programs longer than this are not grown any further. */
    static final int MAX_LENGTH = 200_000;

    private final Seeds seeds;

    Mutator(Seeds seeds) {
        this.seeds = seeds;
    }

    /** What a mutation step made and how (for the regression file). */
    record Mutant(String text, String base, List<String> steps) {}

    Mutant mutant(Choices c) {
        List<String> steps = new ArrayList<>();
        String baseName;
        String text;
        Program program;
        int b = c.oneIn(3) ? seeds.all.size() : c.pick(seeds.all.size());
        if (b >= seeds.all.size()) {
            baseName = "generated";
            text = new DrawingGenerator(c).program();
            program = parse(text);
        } else {
            Seeds.Seed s = seeds.all.get(b);
            baseName = s.name();
            text = s.text();
            program = s.program();
        }
        int mode = c.pick(10);
        int n = mode == 0 ? 0 : 1 + c.pick(4);
        for (int i = 0; i < n; i++) {
            boolean bytes = program == null || mode == 9 || (mode == 8 && c.oneIn(2));
            String next = bytes ? byteLevel(text, c, steps) : treeLevel(text, program, c, steps);
            if (next == null || next.length() > MAX_LENGTH) continue;
            text = next;
            program = parse(text);
        }
        return new Mutant(text, baseName, steps);
    }

    static Program parse(String text) {
        try {
            return Runner.call(() -> Parser.parse(new Source("mutant", text)));
        } catch (DuetException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------------ tree level

    /** Every expression of the program that has a place in its text, in source order. */
    static List<Expr> exprs(Program p) {
        List<Expr> out = new ArrayList<>();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(p.root());
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n instanceof Expr && n.start >= 0 && n.end >= n.start) out.add((Expr) n);
            List<Node> ch = n.children();
            for (int i = ch.size() - 1; i >= 0; i--) stack.push(ch.get(i));
        }
        return out;
    }

    static <T extends Expr> List<T> ofKind(List<Expr> es, Class<T> k) {
        List<T> out = new ArrayList<>();
        for (Expr e : es) if (k.isInstance(e)) out.add(k.cast(e));
        return out;
    }

    static String splice(String text, int start, int end, String with) {
        return text.substring(0, start) + with + text.substring(end);
    }

    static final String[] NUMERALS = {
        "0",
        "-0",
        "0.0",
        "1",
        "-1",
        "-50",
        "-0.5",
        "0.000001",
        "1e3",
        "1" + "0".repeat(400),
        "0." + "0".repeat(400) + "1",
        "100000000000000000000",
        "9007199254740993",
        "-179769313486231570" + "0".repeat(291),
        "123456789.123456789",
        "-100000000",
        "2147483648",
        "0.1"
    };

    static final String[] ODD_NUMBERS = {
        "(/ 0 0)",
        "(sqrt -1)",
        "(/ 1 0)",
        "(- 0 (/ 1 0))",
        "(arccos 2)",
        "(pow -8 (/ 1 3))",
        "(mod 5 0)",
        "(* 1e308 10)",
        "(pow 10 400)",
        "(- 0 0)",
        "(pi)"
    };

    static final String[] ANNOTATIONS = {
        "!",
        "?",
        "~",
        "{0-100}",
        "{-5-5}",
        "{10-1}",
        "{0-0}",
        "!{1-2}",
        "{0.5-0.25}",
        "{1-" + "9".repeat(30) + "}",
        "~{0-1}"
    };

    /** Strings written as little literals: markup, script, CSS escapes, CDATA ends, quotes. */
    static final String[] NASTY = {
        "'<script>alert(1)</script>'",
        "'javascript:alert(1)'",
        "'JaVaScRiPt:alert(1)'",
        "'fill:\\\\75 rl(http://e.x/a)'",
        "'fill:\\\\75 rl(j\\\\61 vascript:alert(1))'",
        "'e\\\\78pression(alert(1))'",
        "']]>'",
        "'<![CDATA['",
        "'\"/><script>alert(1)</script>'",
        "'\\' onload=\\'alert(1)'",
        "'url(http://evil.example/x)'",
        "'url(#a) url(//e.x/b)'",
        "'fill:u/**/rl(http://e.x)'",
        "'&lt;&amp;&#x3c;'",
        "'\\u0000\\u0007'",
        "'a\\nb\\r\\nc'",
        "'data:image/svg+xml,<svg/>'",
        "'#'",
        "''",
        "'\\\\'",
        "'%3Cscript%3E'",
        "'<!--'",
        "'-->'",
        "'<?xml?>'",
        "'@import \"//e.x\"'",
        "'behavior:url(x.htc)'",
        "'\ud83d\ude00'",
        "'\\uD800'"
    };

    static final String[] ATTRIBUTES = {
        "style",
        "fill",
        "stroke",
        "href",
        "xlink:href",
        "onload",
        "onclick",
        "class",
        "filter",
        "mask",
        "clip-path",
        "cursor",
        "xmlns:xlink",
        "xmlns",
        "transform",
        "font-family",
        "id",
        "points",
        "d",
        "marker-start",
        "BLOB",
        "ZONES",
        "HIDDEN",
        "viewBox"
    };

    static final String[] KINDS = {
        "rect",
        "g",
        "svg",
        "use",
        "text",
        "script",
        "style",
        "a",
        "image",
        "foreignObject",
        "TEXT",
        "BOX",
        "tspan",
        "linearGradient",
        "defs",
        "animate",
        "set",
        "polygon",
        "path",
        "circle",
        "line"
    };

    static final String[] WRAPPERS = {
        "(let wrapped %s wrapped)",
        "(if true %s 0)",
        "(if false 0 %s)",
        "((\\w %s) 1)",
        "(let [w1 w2] [%s %s] w1)",
        "(case %s (x x))",
        "[%s]",
        "(concat [[%s]])",
        "(let f (\\x %s) (f 0))",
        "(%s : Num)",
        "; c\n%s",
        "(letrec loop (\\n (if (< n 1) %s (loop (- n 1)))) (loop 100))"
    };

    static final String[] DEEP_OPEN = {
        "[", "(+ 0 ", "(let a ", "(if true ", "['g' [] [", "(\\x ", "(ghost ", "((\\x x) "
    };
    static final String[] DEEP_CLOSE = {"]", ")", " a)", " 0)", "]]", ")", ")", ")"};

    static final String[] RECURSIONS = {
        "(letrec f (\\n (f n)) (f 0))",
        "(letrec f (\\n (+ 1 (f n))) (f 0))",
        "(letrec f (\\n [(f n) (f n)]) (f 0))",
        "(letrec t (\\n (if (< n 1) 'ab' (let s (t (- n 1)) (+ s s)))) (t 40))",
        "(letrec t (\\n (if (< n 1) [1] (let s (t (- n 1)) [s s]))) (toString (t 18)))",
        "(letrec t (\\n (if (< n 1) 'x' (let s (t (- n 1)) (+ s (+ s s))))) (t 30))",
        "(map (\\i (rect 'red' i i 1 1)) (range 0 1000000))",
        "(letrec f (\\(a b) (f b a)) (f 1 2))",
        "(letrec f (\\n (if (< n 1) [] [(rect 'red' n n n n) | (f (- n 1))])) (f 200000))",
        "(letrec f (\\n (if (< n 1) (rect 'red' 0 0 1 1) ['g' [] [(f (- n 1))]])) (svg [(f 100000)]))",
        "(explode (toString (range 0 100000)))",
        "(letrec f (\\n (if (< n 1) 'a' (+ (f (- n 1)) (toString n)))) (f 100000))"
    };

    private List<String> preludeNames;

    private List<String> preludeNames() {
        if (preludeNames == null) {
            List<String> out = new ArrayList<>();
            try (InputStream in = Mutator.class.getResourceAsStream("/org/duet/prelude.little")) {
                if (in == null) throw new IllegalStateException("the prelude is not on the class path");
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Matcher m = Pattern.compile("\\((?:def|defrec)\\s+([A-Za-z_][A-Za-z0-9_']*)")
                        .matcher(text);
                while (m.find()) out.add(m.group(1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            preludeNames = out;
        }
        return preludeNames;
    }

    private String treeLevel(String original, Program p, Choices c, List<String> steps) {
        String text = p.source().text(); // node offsets index the parsed text (CR LF read as LF)
        List<Expr> es = exprs(p);
        if (es.isEmpty()) return null;
        // weights: the costly kinds (deep nesting, recursion) are rarer, so that a run makes many inputs a second
        int op = c.pick(30);
        if (op <= 5) op = 0;
        else if (op <= 9) op = 2;
        else if (op <= 11) op = 3;
        else if (op <= 13) op = 4;
        else if (op <= 16) op = 5;
        else if (op <= 18) op = 6;
        else if (op <= 20) op = 7;
        else if (op <= 22) op = 8;
        else if (op <= 24) op = 9;
        else if (op == 25) op = 10;
        else if (op == 26) op = 11;
        else op = 12;
        switch (op) {
            case 0:
            case 1: { // a subtree replaced by another, of this or another program
                Expr target = c.of(es);
                Seeds.Seed donor = c.oneIn(2) ? null : c.of(seeds.all);
                Program dp = donor == null || donor.program() == null ? p : donor.program();
                String dtext = donor == null || donor.program() == null
                        ? text
                        : donor.program().source().text();
                List<Expr> des = dp == p ? es : exprs(dp);
                Expr d = c.of(des);
                if (d.end - d.start > 20_000) return null;
                steps.add("replace " + target.kind + "@" + target.start + " by " + d.kind + "@" + d.start
                        + (donor == null ? "" : " of " + donor.name()));
                return splice(text, target.start, target.end, dtext.substring(d.start, d.end));
            }
            case 2: { // numbers
                List<Expr.Num> nums = ofKind(es, Expr.Num.class);
                if (nums.isEmpty()) return null;
                Expr.Num n = c.of(nums);
                if (c.oneIn(3)) {
                    String odd = c.of(ODD_NUMBERS);
                    steps.add("number@" + n.start + " := " + odd);
                    return splice(text, n.start, n.end, odd);
                }
                String numeral = c.of(NUMERALS);
                steps.add("numeral@" + n.loc.numStart + " := "
                        + (numeral.length() > 40
                                ? numeral.substring(0, 20) + "…(" + numeral.length() + " chars)"
                                : numeral));
                return splice(text, n.loc.numStart, n.loc.numEnd, numeral);
            }
            case 3: { // operators
                List<Expr.OpApp> ops = ofKind(es, Expr.OpApp.class);
                if (ops.isEmpty()) return null;
                Expr.OpApp o = c.of(ops);
                Op[] all = Op.values();
                Op other = all[c.pick(all.length)];
                if (!c.oneIn(4)) { // mostly keep the arity, so the result still parses
                    for (int k = 0; k < all.length && other.arity != o.op.arity; k++)
                        other = all[(other.ordinal() + 1) % all.length];
                }
                if (o.opStart < 0 || !text.startsWith(o.op.word, o.opStart)) return null;
                steps.add("operator@" + o.opStart + " " + o.op.word + " := " + other.word);
                return splice(text, o.opStart, o.opStart + o.op.word.length(), other.word);
            }
            case 4: { // prelude names
                List<Expr.Var> vs = ofKind(es, Expr.Var.class);
                if (vs.isEmpty()) return null;
                Expr.Var v = c.of(vs);
                String name = c.of(preludeNames());
                steps.add("name@" + v.start + " " + v.name + " := " + name);
                return splice(text, v.start, v.end, name);
            }
            case 5: { // list elements duplicated or deleted
                List<Expr.ListExpr> ls = ofKind(es, Expr.ListExpr.class);
                ls.removeIf(l -> l.elems.isEmpty());
                if (ls.isEmpty()) return null;
                Expr.ListExpr l = c.of(ls);
                Expr e = c.of(l.elems);
                if (c.oneIn(2)) {
                    int times = c.oneIn(4) ? 1 + c.pick(64) : 1;
                    String copy = (" " + text.substring(e.start, e.end)).repeat(times);
                    steps.add("duplicate element@" + e.start + " ×" + times);
                    return splice(text, e.end, e.end, copy);
                }
                steps.add("delete element@" + e.start);
                return splice(text, e.start, e.end, "");
            }
            case 6: { // wrapped in let/if/lambda/…
                Expr e = c.of(es);
                String w = c.of(WRAPPERS);
                String sub = text.substring(e.start, e.end);
                steps.add("wrap@" + e.start + " in " + w);
                return splice(text, e.start, e.end, w.replace("%s", sub));
            }
            case 7: { // annotations
                List<Expr.Num> nums = ofKind(es, Expr.Num.class);
                if (nums.isEmpty()) return null;
                Expr.Num n = c.of(nums);
                String a = c.of(ANNOTATIONS);
                boolean replace = c.oneIn(2);
                steps.add((replace ? "annotation@" : "add annotation@") + n.loc.numEnd + " " + a);
                return splice(text, n.loc.numEnd, replace ? n.end : n.loc.numEnd, a);
            }
            case 8: { // strings with markup, CSS and escapes
                List<Expr.Str> ss = ofKind(es, Expr.Str.class);
                Expr target = !ss.isEmpty() && !c.oneIn(3) ? c.of(ss) : c.of(es);
                String s = c.of(NASTY);
                steps.add("string@" + target.start + " := " + s);
                return splice(text, target.start, target.end, s);
            }
            case 9: { // a raw element with a chosen kind, attribute and nasty value
                Expr target = c.of(es);
                String kind = c.of(KINDS), attr = c.of(ATTRIBUTES), value = c.of(NASTY);
                String el = kind.equals("TEXT")
                        ? "['TEXT' " + value + "]"
                        : "['" + kind + "' [['x' 1] ['y' 2] ['width' 3] ['height' 4] ['" + attr + "' " + value
                                + "]] []]";
                if (c.oneIn(2)) el = "(svg [" + el + "])";
                steps.add("element@" + target.start + " := " + el);
                return splice(text, target.start, target.end, el);
            }
            case 10: { // deep nesting
                Expr e = c.of(es);
                int w = c.pick(DEEP_OPEN.length);
                int depth = new int[] {10, 200, 3000, 9990, 10_001, 40_000}[c.pick(6)];
                if (text.length() + depth * (DEEP_OPEN[w].length() + DEEP_CLOSE[w].length()) > MAX_LENGTH) return null;
                steps.add("nest@" + e.start + " " + depth + "× " + DEEP_OPEN[w] + "…" + DEEP_CLOSE[w]);
                return text.substring(0, e.start)
                        + DEEP_OPEN[w].repeat(depth)
                        + text.substring(e.start, e.end)
                        + DEEP_CLOSE[w].repeat(depth)
                        + text.substring(e.end);
            }
            case 11: { // recursion
                Expr e = c.of(es);
                String r = c.of(RECURSIONS);
                steps.add("recursion@" + e.start + " := " + r);
                return splice(text, e.start, e.end, r);
            }
            default: { // a subtree swapped with another of the same program
                Expr a = c.of(es), b = c.of(es);
                if (a.end <= b.start) {
                    steps.add("swap@" + a.start + "," + b.start);
                    return text.substring(0, a.start)
                            + text.substring(b.start, b.end)
                            + text.substring(a.end, b.start)
                            + text.substring(a.start, a.end)
                            + text.substring(b.end);
                }
                return null;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ byte level

    static final String[] TOKENS = {
        "(",
        ")",
        "[",
        "]",
        "'",
        "\"",
        "\\",
        "!",
        "?",
        "~",
        "{",
        "}",
        "-",
        "|",
        ";",
        "#",
        "\n",
        "\r",
        "\r\n",
        "\t",
        "\u0000",
        "\uD800",
        "\uDC00",
        "0",
        "9",
        ".",
        "let ",
        "def ",
        "letrec ",
        "case ",
        "if ",
        "typecase ",
        "\\x ",
        " : ",
        "Num",
        "String",
        "_",
        "@",
        "# unannotated-numbers: n!\n",
        "; comment\n",
        "e",
        "€"
    };

    private String byteLevel(String text, Choices c, List<String> steps) {
        int len = text.length();
        int at = c.pick(len + 1);
        switch (c.pick(7)) {
            case 0: {
                String t = c.of(TOKENS);
                steps.add("insert@" + at + " " + escape(t));
                return splice(text, at, at, t);
            }
            case 1: {
                String s = c.anyString(12);
                steps.add("insert@" + at + " " + escape(s));
                return splice(text, at, at, s);
            }
            case 2: {
                if (len == 0) return null;
                int end = Math.min(len, at + 1 + c.pick(16));
                steps.add("delete@" + at + "-" + end);
                return splice(text, Math.min(at, len), end, "");
            }
            case 3: {
                if (at >= len) return null;
                String t = c.of(TOKENS);
                steps.add("overwrite@" + at + " " + escape(t));
                return splice(text, at, at + 1, t);
            }
            case 4: {
                int end = Math.min(len, at + c.pick(200));
                int to = c.pick(len + 1);
                steps.add("copy@" + at + "-" + end + " to " + to);
                return splice(text, to, to, text.substring(at, end));
            }
            case 5: {
                steps.add("truncate@" + at);
                return text.substring(0, at);
            }
            default: {
                if (at >= len) return null;
                char ch = (char) (text.charAt(at) ^ (1 << c.pick(16)));
                steps.add("flip@" + at + " " + escape(String.valueOf(ch)));
                return splice(text, at, at + 1, String.valueOf(ch));
            }
        }
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + ")" : s;
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch < 32 || ch >= 127) sb.append(String.format("\\u%04x", (int) ch));
            else sb.append(ch);
        }
        return sb.toString();
    }
}
