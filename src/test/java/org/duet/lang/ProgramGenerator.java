package org.duet.lang;

import java.util.Random;

/**
 * Generates random, syntactically valid little programs with odd layout (extra spaces, tabs, blank lines, comments,
 * annotations, ranges, strings with escapes), for the printer's property tests.
 */
final class ProgramGenerator {
    private final Random rnd;
    private final boolean crlf;
    private int depth;

    ProgramGenerator(long seed, boolean crlf) {
        this.rnd = new Random(seed);
        this.crlf = crlf;
    }

    private String nl() {
        return crlf ? "\r\n" : "\n";
    }

    /** White space that is at least one character. */
    private String ws1() {
        switch (rnd.nextInt(6)) {
            case 0:
                return "  ";
            case 1:
                return "\t";
            case 2:
                return nl();
            case 3:
                return nl() + nl() + "    ";
            default:
                return " ";
        }
    }

    private String ws0() {
        return rnd.nextInt(3) == 0 ? ws1() : "";
    }

    private String name() {
        String[] names = {"x", "y0", "width", "sep'", "rect_", "k3105", "aBc", "n"};
        return names[rnd.nextInt(names.length)];
    }

    String number() {
        StringBuilder sb = new StringBuilder();
        if (rnd.nextInt(4) == 0) sb.append('-');
        sb.append(rnd.nextInt(rnd.nextBoolean() ? 10 : 1000));
        if (rnd.nextBoolean()) {
            sb.append('.');
            sb.append(rnd.nextInt(100));
        }
        switch (rnd.nextInt(6)) {
            case 0:
                sb.append('!');
                break;
            case 1:
                sb.append('?');
                break;
            case 2:
                sb.append('~');
                break;
            default:
        }
        if (rnd.nextInt(5) == 0)
            sb.append("{")
                    .append(ws0())
                    .append(rnd.nextInt(5))
                    .append(ws0())
                    .append('-')
                    .append(ws0())
                    .append(10 + rnd.nextInt(90))
                    .append(ws0())
                    .append('}');
        return sb.toString();
    }

    private String string() {
        String q = rnd.nextBoolean() ? "'" : "\"";
        String[] parts = {"abc", " ", "\\" + q, "\\\\", "<b>&", "é", "x" + nl() + "y", "\\n"};
        StringBuilder sb = new StringBuilder(q);
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) sb.append(parts[rnd.nextInt(parts.length)]);
        return sb.append(q).toString();
    }

    private String comment() {
        return ";" + (rnd.nextBoolean() ? " a comment (with) [brackets]" : "") + nl();
    }

    String expr() {
        depth++;
        try {
            int choice = depth > 5 ? rnd.nextInt(4) : rnd.nextInt(13);
            switch (choice) {
                case 0:
                case 1:
                    return number();
                case 2:
                    return name();
                case 3:
                    return string();
                case 4:
                    return "(" + ws0() + "+" + ws1() + expr() + ws1() + expr() + ws0() + ")";
                case 5:
                    return "[" + ws0() + list() + ws0() + "]";
                case 6:
                    return "(" + name() + ws1() + expr() + ws1() + expr() + ws0() + ")";
                case 7:
                    return "(\\" + name() + ws1() + expr() + ws0() + ")";
                case 8:
                    return "(\\(" + name() + " " + name() + ")" + ws1() + expr() + ws0() + ")";
                case 9:
                    return "(" + ws0() + "let" + ws1() + pat() + ws1() + expr() + ws1() + expr() + ws0() + ")";
                case 10:
                    return comment() + ws0() + expr();
                case 11:
                    return "(" + ws0() + "if" + ws1() + "(<" + ws1() + expr() + ws1() + expr() + ")" + ws1() + expr()
                            + ws1() + expr() + ")";
                default:
                    return "(" + ws0() + "case" + ws1() + expr() + ws1() + "(" + pat() + ws1() + expr() + ")" + ws0()
                            + "(_" + ws1() + expr() + "))";
            }
        } finally {
            depth--;
        }
    }

    private String list() {
        int n = rnd.nextInt(4);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(ws1());
            sb.append(expr());
        }
        if (n > 0 && rnd.nextInt(4) == 0)
            sb.append(ws0()).append('|').append(ws0()).append("[]");
        return sb.toString();
    }

    private String pat() {
        switch (rnd.nextInt(4)) {
            case 0:
                return "[" + name() + " " + name() + "]";
            case 1:
                return name() + "@[" + name() + " | " + name() + "]";
            default:
                return name();
        }
    }

    /** A whole program: a few definitions, then an expression. */
    String program() {
        StringBuilder sb = new StringBuilder();
        if (rnd.nextInt(3) == 0) sb.append("# unannotated-numbers: n!").append(nl());
        int defs = rnd.nextInt(5);
        for (int i = 0; i < defs; i++) {
            if (rnd.nextBoolean()) sb.append(comment());
            sb.append("(def")
                    .append(ws1())
                    .append(pat())
                    .append(ws1())
                    .append(expr())
                    .append(')')
                    .append(ws1());
        }
        sb.append(ws0()).append(expr());
        if (rnd.nextBoolean()) sb.append(nl());
        return sb.toString();
    }
}
