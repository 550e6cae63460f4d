package org.duet.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates little programs that draw: named constants (with annotations and slider ranges), shapes of every kind of
 * the prelude and as raw {@code ['kind' attrs children]} lists, maps over lists, groups, rotations, ghosts, point
 * widgets, text with markup — so that zones, drags and relate requests have something to work on.
 */
final class DrawingGenerator {
    private final Choices c;
    private final List<String> vars = new ArrayList<>();
    private int depth;

    DrawingGenerator(Choices c) {
        this.c = c;
    }

    private static final String[] COLOURS = {
        "'red'",
        "'blue'",
        "'#0a0'",
        "'rgba(1,2,3,0.5)'",
        "'none'",
        "100",
        "0",
        "'lightblue'",
        "'url(#g)'",
        "[255 0 0 1]"
    };

    String numeral() {
        StringBuilder sb = new StringBuilder();
        if (c.oneIn(6)) sb.append('-');
        sb.append(c.pick(c.oneIn(3) ? 10 : 400));
        if (c.oneIn(3)) sb.append('.').append(c.pick(100));
        switch (c.pick(8)) {
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
        if (c.oneIn(6))
            sb.append('{')
                    .append(c.pick(50))
                    .append('-')
                    .append(50 + c.pick(400))
                    .append('}');
        return sb.toString();
    }

    /** A number: a literal, a variable, or arithmetic on them. */
    String num() {
        depth++;
        try {
            int k = depth > 3 ? c.pick(2) : c.pick(6);
            switch (k) {
                case 0:
                    return numeral();
                case 1:
                    return vars.isEmpty() ? numeral() : c.of(vars);
                case 2:
                    return "(" + c.of(new String[] {"+", "-", "*", "/"}) + " " + num() + " " + num() + ")";
                case 3:
                    return "(" + c.of(new String[] {"sin", "cos", "floor", "round", "sqrt"}) + " " + num() + ")";
                case 4:
                    return "(if (< " + num() + " " + num() + ") " + num() + " " + num() + ")";
                default:
                    return "(" + c.of(new String[] {"min", "max", "plus"}) + " " + num() + " " + num() + ")";
            }
        } finally {
            depth--;
        }
    }

    String string() {
        String[] parts = {
            "hello",
            "<b>",
            "&amp;",
            "]]>",
            "\\'",
            "\"",
            "\\\\",
            "é",
            "\u2603",
            "javascript:x",
            "<script>alert(1)</script>",
            "url(#a)",
            "\\n"
        };
        StringBuilder sb = new StringBuilder("'");
        int n = c.pick(4);
        for (int i = 0; i < n; i++) sb.append(c.of(parts));
        return sb.append("'").toString();
    }

    String shape() {
        depth++;
        try {
            int k = depth > 2 ? c.pick(8) : c.pick(13);
            String fill = c.of(COLOURS);
            switch (k) {
                case 0:
                    return "(rect " + fill + " " + num() + " " + num() + " " + num() + " " + num() + ")";
                case 1:
                    return "(circle " + fill + " " + num() + " " + num() + " " + num() + ")";
                case 2:
                    return "(ellipse " + fill + " " + num() + " " + num() + " " + num() + " " + num() + ")";
                case 3:
                    return "(line " + fill + " " + num() + " " + num() + " " + num() + " " + num() + " " + num() + ")";
                case 4:
                    return "(polygon " + fill + " 'black' " + num() + " " + points() + ")";
                case 5:
                    return "(path " + fill + " 'black' " + num() + " ['M' " + num() + " " + num() + " 'L' " + num()
                            + " " + num() + " 'Q' " + num() + " " + num() + " " + num() + " " + num() + " 'Z'])";
                case 6:
                    return "(text " + num() + " " + num() + " " + string() + ")";
                case 7:
                    return "(square " + fill + " " + num() + " " + num() + " " + num() + ")";
                case 8:
                    return "(rotate " + shape() + " " + num() + " " + num() + " " + num() + ")";
                case 9:
                    return "(ghost " + shape() + ")";
                case 10:
                    return "['g' [['fill' " + fill + "]] [" + shape() + " " + shape() + "]]";
                case 11:
                    return "(addAttr " + shape() + " ['"
                            + c.of(new String[] {"opacity", "stroke", "stroke-width", "class", "style", "transform"})
                            + "' " + (c.oneIn(2) ? num() : string()) + "])";
                default:
                    return "['rect' [['x' " + num() + "] ['y' " + num() + "] ['width' " + num() + "] ['height' " + num()
                            + "] ['style' 'fill:" + c.of(new String[] {"red", "blue", "#123"}) + "']] []]";
            }
        } finally {
            depth--;
        }
    }

    private String points() {
        StringBuilder sb = new StringBuilder("[");
        int n = 1 + c.pick(5);
        for (int i = 0; i < n; i++)
            sb.append(i > 0 ? " " : "")
                    .append('[')
                    .append(num())
                    .append(' ')
                    .append(num())
                    .append(']');
        return sb.append(']').toString();
    }

    /** A list of shapes: literal, mapped over a range, or concatenated. */
    String shapes() {
        switch (c.pick(4)) {
            case 0:
                return "(map (\\i " + shape().replaceFirst(" [^ ()\\[\\]]+\\)", " (* i " + numeral() + "))")
                        + ") (range 0! " + c.pick(6) + "))";
            case 1:
                return "(concat [" + shapes() + " [" + shape() + "]])";
            default: {
                StringBuilder sb = new StringBuilder("[");
                int n = 1 + c.pick(4);
                for (int i = 0; i < n; i++) sb.append(i > 0 ? "\n  " : "").append(shape());
                return sb.append(']').toString();
            }
        }
    }

    String program() {
        StringBuilder sb = new StringBuilder();
        if (c.oneIn(6)) sb.append("# unannotated-numbers: n!\n");
        int defs = c.pick(5);
        for (int i = 0; i < defs; i++) {
            String name = "v" + i;
            if (c.oneIn(4)) {
                sb.append("(def [")
                        .append(name)
                        .append(" ")
                        .append(name)
                        .append("b] [")
                        .append(num())
                        .append(' ')
                        .append(num())
                        .append("])\n");
                vars.add(name + "b");
            } else if (c.oneIn(5)) {
                sb.append("(def ")
                        .append(name)
                        .append(" ([")
                        .append(num())
                        .append(' ')
                        .append(num())
                        .append("] : Point))\n");
                vars.add("(fst " + name + ")");
                continue;
            } else {
                sb.append("(def ").append(name).append(' ').append(num()).append(")\n");
            }
            vars.add(name);
        }
        switch (c.pick(4)) {
            case 0:
                sb.append("(blobs [[")
                        .append(shape())
                        .append("] [")
                        .append(shape())
                        .append("]])");
                break;
            case 1:
                sb.append("(svgViewBox 400 300 ").append(shapes()).append(")");
                break;
            default:
                sb.append("(svg ").append(shapes()).append(")");
        }
        return sb.append('\n').toString();
    }
}
