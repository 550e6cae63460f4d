package org.duet.svg;

import java.util.ArrayList;
import java.util.List;
import org.duet.eval.Limits;
import org.duet.eval.Value;
import org.duet.lang.DuetException;
import org.duet.lang.JsNumber;
import org.duet.lang.Loc;
import org.duet.lang.Op;
import org.duet.lang.OpTrace;
import org.duet.lang.Program;

/**
 * Turns a program's value into the drawing model: checks that it is an SVG node, encodes every attribute value,
 * desugars BOX and OVAL, and refuses what is unsafe or what v0.5.2's live editor could not show.
 */
final class Converter {
    private final Program program;
    private final Limits limits;
    private int count;
    /** Characters of attribute values and text contents converted so far (see {@link Limits#maxDrawingChars}). */
    private long chars;
    /** Attribute lists already converted, by identity: programs share sub-drawings, which are converted once. */
    private final java.util.IdentityHashMap<Value.ListV, List<Attr>> attrCache = new java.util.IdentityHashMap<>();
    /** Printed numbers, by value (the same coordinates recur throughout a drawing). */
    private final java.util.HashMap<Double, String> numCache = new java.util.HashMap<>();
    /** Style attributes read, by text (the prelude's text shapes all have the same one). */
    private final java.util.HashMap<String, Css.Style> styles = new java.util.HashMap<>();

    private String js(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return JsNumber.toString(v);
        return numCache.computeIfAbsent(v, JsNumber::toString);
    }

    Converter(Program program, Limits limits) {
        this.program = program;
        this.limits = limits;
    }

    private DuetException error(String message, String builtFrom) {
        int at = builtFrom == null ? -1 : program.findString(builtFrom);
        if (at >= 0) return new DuetException(message, program.source(), at);
        return new DuetException(message);
    }

    private static DuetException error(String message) {
        return new DuetException(message);
    }

    /** An error about a value: placed at the literal that made it, when the program wrote it (a number or string). */
    private DuetException error(String message, Value culprit) {
        if (culprit instanceof Value.Num && ((Value.Num) culprit).trace instanceof Loc) {
            Loc loc = (Loc) ((Value.Num) culprit).trace;
            if (!loc.prelude && loc.numStart >= 0 && program.locs().contains(loc))
                return new DuetException(message, program.source(), loc.numStart);
        }
        if (culprit instanceof Value.Str) return error(message, ((Value.Str) culprit).v);
        return new DuetException(message);
    }

    static String shortDisplay(Value v) {
        return v.brief(100);
    }

    /**
     * The drawing's root: an element. A text node alone ({@code ['TEXT' s]}) is no SVG document (a browser shows
     * nothing of it), so it is an error that says how to draw text.
     */
    SvgNode convertRoot(Value v) {
        SvgNode root = convert(v);
        if (root instanceof SvgText)
            throw error(
                    "the program's value is a text node ['TEXT' …], not a drawing: a drawing is an SVG element, "
                            + "e.g. (svg [(text 20 40 'some text')])",
                    ((Value.ListV) v).tail.head);
        return root;
    }

    SvgNode convert(Value v) {
        if (v instanceof Value.ListV) {
            Value.ListV l = (Value.ListV) v;
            if (l.size == 2
                    && l.head instanceof Value.Str
                    && l.tail.head instanceof Value.Str
                    && ((Value.Str) l.head).v.equals("TEXT")) {
                String text = ((Value.Str) l.tail.head).v;
                addChars(text.length());
                return new SvgText(text);
            }
            if (l.size == 3
                    && l.head instanceof Value.Str
                    && l.tail.head instanceof Value.ListV
                    && l.tail.tail.head instanceof Value.ListV)
                return element(((Value.Str) l.head).v, (Value.ListV) l.tail.head, (Value.ListV) l.tail.tail.head);
        }
        throw error(
                "expected an SVG node, but got: " + shortDisplay(v)
                        + " (a node is [kind attributes children] or ['TEXT' string])",
                v);
    }

    private SvgElement element(String kind, Value.ListV attrValues, Value.ListV childValues) {
        if (++count > limits.maxShapes)
            throw new org.duet.eval.Evaluator.Stopped(
                    "the drawing has more than " + limits.maxShapes + " shapes, Duet's limit");
        List<SvgNode> children = new ArrayList<>(childValues.size);
        for (Value c : childValues) children.add(convert(c));
        List<Attr> attrs = attrCache.get(attrValues);
        if (attrs == null) {
            attrs = new ArrayList<>(attrValues.size);
            for (Value a : attrValues) attrs.add(attribute(a));
            attrCache.put(attrValues, attrs);
        }
        // BOX / OVAL: the first LEFT, RIGHT, TOP, BOT become x y width height / cx cy rx ry
        String printedKind = kind;
        if (kind.equals("BOX") || kind.equals("OVAL")) {
            int li = first(attrs, "LEFT"),
                    ri = first(attrs, "RIGHT"),
                    ti = first(attrs, "TOP"),
                    bi = first(attrs, "BOT");
            if (li >= 0 && ri >= 0 && ti >= 0 && bi >= 0 && numeric(attrs, li, ri, ti, bi)) {
                Value.Num l = (Value.Num) attrs.get(li).value, r = (Value.Num) attrs.get(ri).value;
                Value.Num t = (Value.Num) attrs.get(ti).value, b = (Value.Num) attrs.get(bi).value;
                List<Attr> rest = new ArrayList<>();
                for (int i = 0; i < attrs.size(); i++)
                    if (i != li && i != ri && i != ti && i != bi) rest.add(attrs.get(i));
                List<Attr> out = new ArrayList<>();
                Value.Num w = op(Op.MINUS, r.v - l.v, r, l), h = op(Op.MINUS, b.v - t.v, b, t);
                if (kind.equals("BOX")) {
                    printedKind = "rect";
                    out.add(numAttr("x", l));
                    out.add(numAttr("y", t));
                    out.add(numAttr("width", w));
                    out.add(numAttr("height", h));
                } else {
                    printedKind = "ellipse";
                    Value.Num two = new Value.Num(2, Loc.constant(2));
                    Value.Num rx = op(Op.DIV, w.v / 2, w, two), ry = op(Op.DIV, h.v / 2, h, two);
                    out.add(numAttr("cx", op(Op.PLUS, l.v + rx.v, l, rx)));
                    out.add(numAttr("cy", op(Op.PLUS, t.v + ry.v, t, ry)));
                    out.add(numAttr("rx", rx));
                    out.add(numAttr("ry", ry));
                }
                out.addAll(rest);
                attrs = out;
            }
        }
        String refused = Safety.checkElement(printedKind);
        if (refused != null && !(printedKind.equals("BOX") || printedKind.equals("OVAL"))) throw error(refused, kind);
        for (Attr a : attrs) {
            String why = Safety.checkAttribute(a.name, null);
            if (why != null) throw error(why, a.name);
            // a style was judged (and written anew) when it was converted; namespace declarations are judged
            // whatever their kind (a number would be printed as a namespace too)
            if ((a.kind == Attr.Kind.STRING && !a.name.equals("style") || a.name.startsWith("xmlns"))
                    && (why = Safety.checkAttribute(a.name, a.text)) != null) throw error(why, a.value);
        }
        checkLive(printedKind, attrs);
        for (Attr a : attrs) addChars(a.name.length() + (a.text == null ? 0 : a.text.length()));
        return new SvgElement(printedKind, kind, attrs, children);
    }

    private void addChars(long n) {
        chars += n;
        if (chars > limits.maxDrawingChars)
            throw new org.duet.eval.Evaluator.Stopped("the drawing has more than " + limits.maxDrawingChars
                    + " characters of text in its attributes and texts, Duet's limit");
    }

    private static Value.Num op(Op op, double v, Value.Num a, Value.Num b) {
        return new Value.Num(v, new OpTrace(op, a.trace, b.trace));
    }

    private Attr numAttr(String name, Value.Num v) {
        return new Attr(name, v, Attr.Kind.NUMBER, js(v.v));
    }

    private static int first(List<Attr> attrs, String name) {
        for (int i = 0; i < attrs.size(); i++) if (attrs.get(i).name.equals(name)) return i;
        return -1;
    }

    private static boolean numeric(List<Attr> attrs, int... idx) {
        for (int i : idx) if (attrs.get(i).kind != Attr.Kind.NUMBER) return false;
        return true;
    }

    /** The checks v0.5.2's live editor made on every element: the attributes a shape kind cannot do without. */
    private void checkLive(String kind, List<Attr> attrs) {
        String[] nums;
        switch (kind) {
            case "line":
                nums = new String[] {"x1", "y1", "x2", "y2"};
                break;
            case "rect":
                nums = new String[] {"x", "y", "width", "height"};
                break;
            case "circle":
                nums = new String[] {"cx", "cy", "r"};
                break;
            case "ellipse":
                nums = new String[] {"cx", "cy", "rx", "ry"};
                break;
            case "BOX":
            case "OVAL":
                throw error("a " + kind + " needs the numeric attributes LEFT, TOP, RIGHT and BOT", kind);
            case "polygon":
            case "polyline": {
                int i = first(attrs, "points");
                if (i < 0 || attrs.get(i).kind != Attr.Kind.POINTS)
                    throw error("a " + kind + " needs a 'points' attribute given as a list of [x y] points", kind);
                return;
            }
            case "path": {
                int i = first(attrs, "d");
                if (i < 0 || attrs.get(i).kind != Attr.Kind.PATH)
                    throw error("a path needs a 'd' attribute given as a list of commands and numbers", kind);
                return;
            }
            default:
                return;
        }
        for (String n : nums) {
            int i = first(attrs, n);
            if (i < 0 || attrs.get(i).kind != Attr.Kind.NUMBER)
                throw error(
                        "a " + kind + " needs a number for its '" + n + "' attribute"
                                + (i < 0 ? ", and it has none" : ", not " + shortDisplay(attrs.get(i).value)),
                        kind);
        }
    }

    // ------------------------------------------------------------------------------------------------ attributes

    private Attr attribute(Value a) {
        if (!(a instanceof Value.ListV)
                || ((Value.ListV) a).size != 2
                || !(((Value.ListV) a).head instanceof Value.Str))
            throw error("an attribute must be a list [name value] with a string name, but got: " + shortDisplay(a), a);
        Value.ListV l = (Value.ListV) a;
        String name = ((Value.Str) l.head).v;
        Value v = l.tail.head;
        boolean color = name.equals("fill") || name.equals("stroke");
        if (name.equals("points") && v instanceof Value.ListV) return points(name, (Value.ListV) v);
        if (color && v instanceof Value.ListV && ((Value.ListV) v).size == 4) {
            double[] c = numbers(name, (Value.ListV) v, 4);
            return new Attr(name, v, Attr.Kind.RGBA, rgba(c[0], c[1], c[2], c[3]));
        }
        if (color && v instanceof Value.Num) {
            double[] c = Colors.fromNumber(((Value.Num) v).v);
            return new Attr(name, v, Attr.Kind.COLOR_NUMBER, rgba(c[0], c[1], c[2], 1));
        }
        if (color && v instanceof Value.ListV && ((Value.ListV) v).size == 2) {
            double[] na = numbers(name, (Value.ListV) v, 2);
            double[] c = Colors.fromOpacityPair(na[0]);
            return new Attr(name, v, Attr.Kind.COLOR_OPACITY, rgba(c[0], c[1], c[2], na[1]));
        }
        if (name.equals("d") && v instanceof Value.ListV)
            return new Attr(name, v, Attr.Kind.PATH, path((Value.ListV) v));
        if (name.equals("transform") && v instanceof Value.ListV)
            return new Attr(name, v, Attr.Kind.TRANSFORM, transform((Value.ListV) v));
        if (name.equals("BOUNDS") && v instanceof Value.ListV) {
            double[] b = numbers(name, (Value.ListV) v, 4);
            return new Attr(name, v, Attr.Kind.BOUNDS, js(b[0]) + " " + js(b[1]) + " " + js(b[2]) + " " + js(b[3]));
        }
        if (v instanceof Value.Num) return new Attr(name, v, Attr.Kind.NUMBER, js(((Value.Num) v).v));
        if (v instanceof Value.Str && name.equals("style")) {
            // read as CSS, judged, and written anew from the declarations that are kept (see Css)
            String text = ((Value.Str) v).v;
            Css.Style style = styles.computeIfAbsent(text, Css::style);
            if (style.problem != null) throw error(style.problem, v);
            return new Attr(name, v, Attr.Kind.STRING, style.text);
        }
        if (v instanceof Value.Str) return new Attr(name, v, Attr.Kind.STRING, ((Value.Str) v).v);
        throw error(
                "the attribute '" + name + "' cannot have the value " + shortDisplay(v) + " ("
                        + v.kindName() + ")"
                        + (color && v instanceof Value.ListV
                                ? "; a colour list is [r g b a] or [colourNumber opacity]"
                                : ""),
                name);
    }

    private String rgba(double r, double g, double b, double a) {
        return "rgba(" + js(r) + ", " + js(g) + ", " + js(b) + ", " + js(a) + ")";
    }

    private double[] numbers(String name, Value.ListV l, int n) {
        double[] out = new double[n];
        if (l.size != n)
            throw error("the attribute '" + name + "' needs " + n + " numbers, but got " + shortDisplay(l), name);
        int i = 0;
        for (Value v : l) {
            if (!(v instanceof Value.Num))
                throw error("the attribute '" + name + "' needs " + n + " numbers, but got " + shortDisplay(l), name);
            out[i++] = ((Value.Num) v).v;
        }
        return out;
    }

    private Attr points(String name, Value.ListV pts) {
        StringBuilder sb = new StringBuilder();
        for (Value p : pts) {
            if (!(p instanceof Value.ListV)
                    || ((Value.ListV) p).size != 2
                    || !(((Value.ListV) p).head instanceof Value.Num)
                    || !(((Value.ListV) p).tail.head instanceof Value.Num))
                throw error("expected a point [x y], but got: " + shortDisplay(p) + " (in a 'points' attribute)", name);
            if (sb.length() > 0) sb.append(' ');
            sb.append(js(((Value.Num) ((Value.ListV) p).head).v))
                    .append(',')
                    .append(js(((Value.Num) ((Value.ListV) p).tail.head).v));
        }
        return new Attr(name, pts, Attr.Kind.POINTS, sb.toString());
    }

    /** Number of arguments of each path command letter, or -1. */
    static int pathArity(char c) {
        switch (c) {
            case 'Z':
            case 'z':
                return 0;
            case 'H':
            case 'V':
            case 'h':
            case 'v':
                return 1;
            case 'M':
            case 'L':
            case 'T':
            case 'm':
            case 'l':
            case 't':
                return 2;
            case 'S':
            case 'Q':
            case 's':
            case 'q':
                return 4;
            case 'C':
            case 'c':
                return 6;
            case 'A':
            case 'a':
                return 7;
            default:
                return -1;
        }
    }

    private String path(Value.ListV d) {
        StringBuilder sb = new StringBuilder();
        Value.ListV cur = d;
        while (!cur.isEmpty()) {
            Value c = cur.head;
            if (!(c instanceof Value.Str)
                    || ((Value.Str) c).v.length() != 1
                    || pathArity(((Value.Str) c).v.charAt(0)) < 0)
                throw error(
                        "a path command must be one of the letters M L H V C S Q T A Z (or lower case), but got "
                                + shortDisplay(c) + " in the path " + shortDisplay(d),
                        "d");
            char letter = ((Value.Str) c).v.charAt(0);
            int k = pathArity(letter);
            if (sb.length() > 0) sb.append(' ');
            sb.append(letter);
            cur = cur.tail;
            for (int i = 0; i < k; i++) {
                if (cur.isEmpty() || !(cur.head instanceof Value.Num))
                    throw error(
                            "the path command " + letter + " needs " + k + " numbers, in the path " + shortDisplay(d),
                            "d");
                sb.append(' ').append(js(((Value.Num) cur.head).v));
                cur = cur.tail;
            }
        }
        return sb.toString();
    }

    private String transform(Value.ListV cmds) {
        StringBuilder sb = new StringBuilder();
        for (Value c : cmds) {
            String bad =
                    "expected a transform command ['rotate' a x y], ['scale' sx sy] or ['translate' dx dy], but got: "
                            + shortDisplay(c);
            if (!(c instanceof Value.ListV)
                    || ((Value.ListV) c).isEmpty()
                    || !(((Value.ListV) c).head instanceof Value.Str)) throw error(bad, "transform");
            Value.ListV l = (Value.ListV) c;
            String name = ((Value.Str) l.head).v;
            int k = name.equals("rotate") ? 3 : name.equals("scale") || name.equals("translate") ? 2 : -1;
            if (k < 0 || l.size != k + 1) throw error(bad, "transform");
            if (sb.length() > 0) sb.append(' ');
            sb.append(name).append('(');
            int i = 0;
            for (Value v : l.tail) {
                if (!(v instanceof Value.Num)) throw error(bad, "transform");
                if (i++ > 0) sb.append(' ');
                sb.append(js(((Value.Num) v).v));
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
