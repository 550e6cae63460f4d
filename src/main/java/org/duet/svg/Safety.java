package org.duet.svg;

import java.util.Locale;
import java.util.Set;

/**
 * What may appear in a Duet drawing: SVG drawing elements and their attributes, never script, event handlers,
 * foreign content or references that leave the document ({@code javascript:}, {@code data:}, external URLs).
 */
public final class Safety {
    private Safety() {}

    public static final Set<String> ELEMENTS = Set.of(
            "svg",
            "g",
            "defs",
            "symbol",
            "use",
            "title",
            "desc",
            "rect",
            "circle",
            "ellipse",
            "line",
            "polyline",
            "polygon",
            "path",
            "text",
            "tspan",
            "textPath",
            "linearGradient",
            "radialGradient",
            "stop",
            "pattern",
            "clipPath",
            "mask",
            "marker",
            "filter",
            "feBlend",
            "feColorMatrix",
            "feComponentTransfer",
            "feComposite",
            "feConvolveMatrix",
            "feDiffuseLighting",
            "feDisplacementMap",
            "feDistantLight",
            "feDropShadow",
            "feFlood",
            "feFuncA",
            "feFuncB",
            "feFuncG",
            "feFuncR",
            "feGaussianBlur",
            "feMerge",
            "feMergeNode",
            "feMorphology",
            "feOffset",
            "fePointLight",
            "feSpecularLighting",
            "feSpotLight",
            "feTile",
            "feTurbulence");

    /** Attributes Duet's editor uses; kept in the conformance format, dropped from clean exports. */
    public static final Set<String> EDITOR_ATTRIBUTES =
            Set.of("HIDDEN", "ZONES", "BLOB", "BOUNDS", "SELECTED", "LEFT", "TOP", "RIGHT", "BOT");

    private static Set<String> withPresentation(Set<String> others) {
        Set<String> all = new java.util.HashSet<>(others);
        all.addAll(Css.PRESENTATION);
        return Set.copyOf(all);
    }

    public static final Set<String> ATTRIBUTES = withPresentation(Set.of(
            // core and structure
            "id",
            "class",
            "style",
            "lang",
            "xml:lang",
            "xml:space",
            "xmlns",
            "xmlns:xlink",
            "version",
            "viewBox",
            "preserveAspectRatio",
            "href",
            "xlink:href",
            "x",
            "y",
            "width",
            "height",
            // geometry
            "cx",
            "cy",
            "r",
            "rx",
            "ry",
            "x1",
            "y1",
            "x2",
            "y2",
            "points",
            "d",
            "pathLength",
            "transform",
            "fx",
            "fy",
            "fr",
            "dx",
            "dy",
            "rotate",
            "textLength",
            "lengthAdjust",
            "startOffset",
            "method",
            "spacing",
            "side",
            "offset",
            "gradientUnits",
            "gradientTransform",
            "spreadMethod",
            "patternUnits",
            "patternContentUnits",
            "patternTransform",
            "clipPathUnits",
            "maskUnits",
            "maskContentUnits",
            "markerUnits",
            "markerWidth",
            "markerHeight",
            "refX",
            "refY",
            "orient",
            // the presentation attributes (Css.PRESENTATION) are added below
            // filter primitives
            "in",
            "in2",
            "result",
            "stdDeviation",
            "mode",
            "operator",
            "k1",
            "k2",
            "k3",
            "k4",
            "type",
            "values",
            "tableValues",
            "slope",
            "intercept",
            "amplitude",
            "exponent",
            "kernelMatrix",
            "order",
            "divisor",
            "bias",
            "targetX",
            "targetY",
            "edgeMode",
            "preserveAlpha",
            "scale",
            "xChannelSelector",
            "yChannelSelector",
            "baseFrequency",
            "numOctaves",
            "seed",
            "stitchTiles",
            "radius",
            "surfaceScale",
            "diffuseConstant",
            "specularConstant",
            "specularExponent",
            "azimuth",
            "elevation",
            "z",
            "pointsAtX",
            "pointsAtY",
            "pointsAtZ",
            "limitingConeAngle",
            "kernelUnitLength",
            "filterUnits",
            "primitiveUnits"));

    /** Why an element kind is refused, or null if it is allowed. */
    public static String checkElement(String kind) {
        if (ELEMENTS.contains(kind)) return null;
        String k = kind.toLowerCase(Locale.ROOT);
        if (k.equals("script")) return "script elements are never allowed in a drawing";
        if (k.equals("foreignobject")) return "foreignObject (HTML inside SVG) is not allowed in a drawing";
        if (k.equals("image")
                || k.equals("a")
                || k.equals("iframe")
                || k.equals("style")
                || k.startsWith("animate")
                || k.equals("set"))
            return "the element '" + kind + "' is not allowed in a Duet drawing (it can load or run content)";
        return "'" + kind + "' is not an SVG drawing element Duet allows";
    }

    /** Why an attribute is refused, or null if it is allowed. */
    public static String checkAttribute(String name, String value) {
        if (name.regionMatches(true, 0, "on", 0, 2))
            return "event-handler attributes such as '" + name + "' are never allowed in a drawing";
        if (!ATTRIBUTES.contains(name) && !EDITOR_ATTRIBUTES.contains(name) && !isDataAttribute(name))
            return "'" + name + "' is not an SVG attribute Duet allows";
        if (value == null) return null;
        if (name.equals("xmlns") && !value.equals(SvgWriter.XMLNS))
            return "the attribute 'xmlns' may only be the SVG namespace " + SvgWriter.XMLNS + ", not '" + shorten(value)
                    + "' (it would move the element out of SVG)";
        if (name.equals("xmlns:xlink") && !value.equals(SvgWriter.XLINK))
            return "the attribute 'xmlns:xlink' may only bind xlink to " + SvgWriter.XLINK + ", not to '"
                    + shorten(value) + "'";
        if (name.equals("href") || name.equals("xlink:href")) {
            String v = squeeze(value);
            if (Css.hasScriptScheme(v))
                return "the attribute '" + name + "' holds a script URL, which is never allowed";
            if (!v.startsWith("#"))
                return "the attribute '" + name + "' may only refer to an element of the drawing " + "(#id), not to '"
                        + shorten(value) + "'";
        }
        if (name.equals("style")) return Css.style(value).problem;
        return Css.attributeProblem(name, value);
    }

    private static boolean isDataAttribute(String name) {
        if (!name.startsWith("data-") || name.length() == 5) return false;
        for (int i = 5; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
        }
        return true;
    }

    /** Lower case, with white space and control characters removed (browsers ignore them inside URLs). */
    static String squeeze(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7f) continue;
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "…" : s;
    }
}
