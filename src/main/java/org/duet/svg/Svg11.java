package org.duet.svg;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.duet.lang.JsNumber;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Makes a drawing drawable by Batik, an SVG 1.1 engine, the way browsers draw it.
 *
 * <p>References: SVG 2's {@code href} is copied to {@code xlink:href} (the only one Batik reads); a {@code use} of an
 * element that does not exist is removed (browsers draw nothing for it, Batik refuses the drawing), a paint
 * {@code url(#missing)} becomes its fallback colour or none, and other references to missing elements (clip-path,
 * mask, filter, markers, a gradient's href) are dropped.
 *
 * <p>Colours: Duet prints Sketch-n-Sketch's colours as CSS3
 * {@code rgba(…)}, which browsers draw and Batik refuses, as it refuses {@code hsl()}, {@code hsla()},
 * {@code transparent}, {@code #rgba}, {@code #rrggbbaa}, fractional {@code rgb()} and {@code rebeccapurple}. Each such
 * colour becomes {@code #rrggbb} and its alpha moves into the matching opacity property (fill-opacity,
 * stroke-opacity, stop-opacity, flood-opacity), multiplied with the one the element already has. A colour that
 * cannot be read (say {@code rgba(NaN, 0, 0, 1)} or {@code lightred}) is dropped, as browsers drop invalid values,
 * where Batik would refuse the whole drawing.
 *
 * <p>Only the PNG export needs this; the SVG export keeps the program's colours.
 */
final class Svg11 {
    private Svg11() {}

    /** Colour properties and the opacity property each one's alpha goes to (null: the alpha is dropped). */
    private static final String[][] PROPERTIES = {
        {"fill", "fill-opacity"}, {"stroke", "stroke-opacity"}, {"stop-color", "stop-opacity"},
        {"flood-color", "flood-opacity"}, {"lighting-color", null}, {"color", null}
    };

    static final String XLINK = "http://www.w3.org/1999/xlink";

    /** Properties whose url(#id) is a paint (with an optional fallback colour after it). */
    private static final Set<String> PAINTS = Set.of("fill", "stroke");
    /** Other properties that refer to elements. */
    private static final Set<String> REFERENCES =
            Set.of("clip-path", "mask", "filter", "marker", "marker-start", "marker-mid", "marker-end");

    /** Adapts every element of the document (iteratively: drawings can nest deeply). */
    static void adapt(Document doc) {
        List<Element> remove = new ArrayList<>();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        if (doc.getDocumentElement() != null) stack.push(doc.getDocumentElement());
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (!(n instanceof Element)) continue;
            Element e = (Element) n;
            if (!references(doc, e)) {
                remove.add(e);
                continue;
            }
            colours(e);
            for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) stack.push(c);
        }
        for (Element e : remove) e.getParentNode().removeChild(e);
    }

    // ------------------------------------------------------------------------------------------------ references

    /** Fixes the references of e; false when e is a use of nothing, to be removed. */
    private static boolean references(Document doc, Element e) {
        if (e.hasAttribute("href") && !e.hasAttributeNS(XLINK, "href"))
            e.setAttributeNS(XLINK, "xlink:href", e.getAttribute("href"));
        if (e.hasAttributeNS(XLINK, "href") && !exists(doc, e.getAttributeNS(XLINK, "href"))) {
            if ("use".equals(e.getLocalName())) return false;
            e.removeAttributeNS(XLINK, "href");
            e.removeAttribute("href");
        }
        List<String[]> style = declarations(e.getAttribute("style"));
        boolean styleChanged = false;
        for (int i = style.size() - 1; i >= 0; i--) {
            String fixed = reference(doc, style.get(i)[0], style.get(i)[1]);
            if (fixed == null) continue;
            styleChanged = true;
            if (fixed.isEmpty()) style.remove(i);
            else style.get(i)[1] = fixed;
        }
        if (styleChanged) e.setAttribute("style", join(style));
        for (String name : PAINTS) fixAttribute(doc, e, name);
        for (String name : REFERENCES) fixAttribute(doc, e, name);
        return true;
    }

    private static void fixAttribute(Document doc, Element e, String name) {
        if (!e.hasAttribute(name)) return;
        String fixed = reference(doc, name, e.getAttribute(name));
        if (fixed == null) return;
        if (fixed.isEmpty()) e.removeAttribute(name);
        else e.setAttribute(name, fixed);
    }

    /** The replacement of a property value that refers to a missing element ("" to drop it), or null if fine. */
    private static String reference(Document doc, String property, String value) {
        if (!PAINTS.contains(property) && !REFERENCES.contains(property)) return null;
        String v = value.strip();
        if (!v.startsWith("url(")) return null;
        int close = v.indexOf(')');
        if (close < 0) return "";
        String target = v.substring(4, close).strip();
        if (target.length() >= 2 && (target.charAt(0) == '\'' || target.charAt(0) == '"'))
            target = target.substring(1, target.length() - 1);
        if (exists(doc, target)) return null;
        if (!PAINTS.contains(property)) return "";
        String fallback = v.substring(close + 1).strip();
        return fallback.isEmpty() ? "none" : fallback;
    }

    private static boolean exists(Document doc, String ref) {
        String r = ref.strip();
        return r.startsWith("#") && r.length() > 1 && doc.getElementById(r.substring(1)) != null;
    }

    // ------------------------------------------------------------------------------------------------ colours

    private static void colours(Element e) {
        List<String[]> style = declarations(e.getAttribute("style"));
        boolean styleChanged = false;
        for (String[] p : PROPERTIES) {
            String property = p[0], opacity = p[1];
            // the style attribute wins over the presentation attribute, so it is done first
            int si = find(style, property);
            boolean inStyle = si >= 0;
            if (inStyle) {
                String v = style.get(si)[1];
                double[] c = colour(v);
                if (c == INVALID) {
                    style.remove(si);
                    styleChanged = true;
                } else if (c != null) {
                    style.get(si)[1] = hex(c);
                    styleChanged = true;
                    if (c[3] < 1 && opacity != null) {
                        int oi = find(style, opacity);
                        double old = oi >= 0 ? opacity(style.get(oi)[1]) : opacity(e.getAttribute(opacity));
                        if (oi >= 0) style.get(oi)[1] = JsNumber.toString(old * c[3]);
                        else style.add(new String[] {opacity, JsNumber.toString(old * c[3])});
                    }
                }
            }
            if (e.hasAttribute(property)) {
                double[] c = colour(e.getAttribute(property));
                if (c == INVALID) {
                    e.removeAttribute(property);
                } else if (c != null) {
                    e.setAttribute(property, hex(c));
                    // an opacity in the style attribute wins over the attribute, which is then irrelevant
                    if (!inStyle && c[3] < 1 && opacity != null) {
                        int oi = find(style, opacity);
                        if (oi >= 0) {
                            style.get(oi)[1] = JsNumber.toString(opacity(style.get(oi)[1]) * c[3]);
                            styleChanged = true;
                        } else {
                            e.setAttribute(opacity, JsNumber.toString(opacity(e.getAttribute(opacity)) * c[3]));
                        }
                    }
                }
            }
        }
        if (styleChanged) e.setAttribute("style", join(style));
    }

    private static String join(List<String[]> declarations) {
        StringBuilder sb = new StringBuilder();
        for (String[] d : declarations) {
            if (sb.length() > 0) sb.append("; ");
            sb.append(d[0]).append(": ").append(d[1]);
        }
        return sb.toString();
    }

    private static List<String[]> declarations(String style) {
        List<String[]> out = new ArrayList<>();
        if (style == null || style.isEmpty()) return out;
        for (String decl : style.split(";")) {
            int c = decl.indexOf(':');
            if (c < 0) continue;
            out.add(new String[] {
                decl.substring(0, c).strip().toLowerCase(Locale.ROOT),
                decl.substring(c + 1).strip()
            });
        }
        return out;
    }

    private static int find(List<String[]> decls, String property) {
        int found = -1;
        for (int i = 0; i < decls.size(); i++) if (decls.get(i)[0].equals(property)) found = i;
        return found;
    }

    /** An opacity value (a number or a percentage), clamped to 0–1; 1 when absent or unreadable. */
    private static double opacity(String v) {
        if (v == null || v.isBlank()) return 1;
        String t = v.strip();
        double f = 1;
        if (t.endsWith("%")) {
            f = 0.01;
            t = t.substring(0, t.length() - 1);
        }
        try {
            double d = Double.parseDouble(t) * f;
            return Double.isNaN(d) ? 1 : Math.max(0, Math.min(1, d));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Returned for a colour that cannot be read. */
    static final double[] INVALID = new double[0];

    /** SVG 1.1's colour keywords (Batik knows these and no others), and the other keywords colours may be. */
    private static final Set<String> KEYWORDS = Set.of((""
                    + "aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown "
                    + "burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan "
                    + "darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid "
                    + "darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet "
                    + "deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro "
                    + "ghostwhite gold goldenrod gray grey green greenyellow honeydew hotpink indianred indigo ivory khaki "
                    + "lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow "
                    + "lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray "
                    + "lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine "
                    + "mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise "
                    + "mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab "
                    + "orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru "
                    + "pink plum powderblue purple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell "
                    + "sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato "
                    + "turquoise violet wheat white whitesmoke yellow yellowgreen "
                    + "none currentcolor inherit")
            .split(" "));

    /**
     * The colour {r, g, b, a} (0–255, alpha 0–1) of a value Batik cannot read; null for values it reads (SVG 1.1
     * names, #rgb, #rrggbb, rgb(), none, currentColor, url(…), …); {@link #INVALID} for what no one can read.
     */
    static double[] colour(String value) {
        if (value == null) return null;
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("transparent")) return new double[] {0, 0, 0, 0};
        if (v.equals("rebeccapurple")) return new double[] {102, 51, 153, 1};
        if (v.startsWith("#")) return hashColour(v.substring(1));
        if (v.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) return KEYWORDS.contains(v) ? null : INVALID;
        int open = v.indexOf('(');
        if (open < 0) return null;
        String fn = v.substring(0, open).strip();
        if (!(fn.equals("rgb") || fn.equals("rgba") || fn.equals("hsl") || fn.equals("hsla"))) return null;
        if (!v.endsWith(")")) return INVALID;
        String[] args = v.substring(open + 1, v.length() - 1).strip().split("\\s*[,/]\\s*|\\s+");
        if (args.length != 3 && args.length != 4) return INVALID;
        double a = args.length == 4 ? component(args[3], 1) : 1;
        double[] out;
        if (fn.startsWith("rgb")) {
            out = new double[] {component(args[0], 255), component(args[1], 255), component(args[2], 255), a};
        } else {
            String h = args[0].endsWith("deg") ? args[0].substring(0, args[0].length() - 3) : args[0];
            double hue = component(h, Double.NaN), s = percent(args[1]), l = percent(args[2]);
            out = hsl(hue, s, l, a);
        }
        for (double d : out) if (Double.isNaN(d) || Double.isInfinite(d)) return INVALID;
        out[3] = Math.max(0, Math.min(1, out[3]));
        return out;
    }

    /** #rgba and #rrggbbaa (Batik reads #rgb and #rrggbb itself). */
    private static double[] hashColour(String h) {
        if (h.length() != 4 && h.length() != 8) return null;
        for (int i = 0; i < h.length(); i++) if (Character.digit(h.charAt(i), 16) < 0) return null;
        double[] out = new double[4];
        for (int i = 0; i < 4; i++) {
            int d = h.length() == 4
                    ? Character.digit(h.charAt(i), 16) * 17
                    : Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
            out[i] = d;
        }
        out[3] /= 255;
        return out;
    }

    /** A number, or a percentage of {@code full}; NaN if neither. */
    private static double component(String s, double full) {
        try {
            if (s.endsWith("%")) return Double.parseDouble(s.substring(0, s.length() - 1)) / 100 * full;
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double percent(String s) {
        if (!s.endsWith("%")) return Double.NaN;
        return component(s, 1);
    }

    private static double[] hsl(double hue, double s, double l, double a) {
        s = Math.max(0, Math.min(1, s));
        l = Math.max(0, Math.min(1, l));
        double h = ((hue % 360) + 360) % 360 / 360;
        double t2 = l <= 0.5 ? l * (s + 1) : l + s - l * s, t1 = l * 2 - t2;
        return new double[] {255 * hue(t1, t2, h + 1.0 / 3), 255 * hue(t1, t2, h), 255 * hue(t1, t2, h - 1.0 / 3), a};
    }

    private static double hue(double t1, double t2, double h) {
        if (h < 0) h += 1;
        if (h > 1) h -= 1;
        if (h * 6 < 1) return t1 + (t2 - t1) * h * 6;
        if (h * 2 < 1) return t2;
        if (h * 3 < 2) return t1 + (t2 - t1) * (2.0 / 3 - h) * 6;
        return t1;
    }

    private static String hex(double[] c) {
        StringBuilder sb = new StringBuilder("#");
        for (int i = 0; i < 3; i++) {
            long v = Math.round(Math.max(0, Math.min(255, c[i])));
            sb.append(Character.forDigit((int) (v >> 4), 16)).append(Character.forDigit((int) (v & 15), 16));
        }
        return sb.toString();
    }
}
