package org.duet.svg;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.htmlunit.cssparser.dom.CSSValueImpl;
import org.htmlunit.cssparser.parser.CSSErrorHandler;
import org.htmlunit.cssparser.parser.CSSParseException;
import org.htmlunit.cssparser.parser.HandlerBase;
import org.htmlunit.cssparser.parser.InputSource;
import org.htmlunit.cssparser.parser.LexicalUnit;
import org.htmlunit.cssparser.parser.Locator;
import org.htmlunit.cssparser.parser.javacc.CSS3Parser;

/**
 * CSS in a drawing: a {@code style} attribute and the presentation attributes (whose values a browser reads as CSS)
 * are judged as CSS reads them — escapes ({@code \75 rl(} is {@code url(}) and comments decoded — never as the
 * raw text. A value that would load something from outside the drawing ({@code url(…)} other than
 * {@code url(#id)}, {@code image-set(…)}, {@code src(…)} …) or run something ({@code expression(…)},
 * {@code javascript:}, {@code behavior}, {@code -moz-binding}, {@code @import}) is refused.
 *
 * <p>A style attribute is read with a real CSS parser (HtmlUnit's CSS3 parser) and written anew from the
 * declarations it read: only properties of SVG drawings are kept (others, custom properties, declarations it could
 * not read and values with functions Duet does not know are left out), each written {@code name:value}, joined by
 * {@code ;}. So what a browser reads is exactly what was judged, whatever its own parser makes of the original
 * text. The text is judged twice more: decoded by the rules of CSS Syntax Level 3 (the browser's tokenizer),
 * before parsing, and the written result, so a difference between the two parsers cannot let anything through.
 */
public final class Css {
    private Css() {}

    /** Presentation attributes: their values are CSS values (and the properties a style attribute may set). */
    public static final Set<String> PRESENTATION = Set.of(
            "fill",
            "fill-opacity",
            "fill-rule",
            "stroke",
            "stroke-width",
            "stroke-opacity",
            "stroke-linecap",
            "stroke-linejoin",
            "stroke-miterlimit",
            "stroke-dasharray",
            "stroke-dashoffset",
            "opacity",
            "color",
            "visibility",
            "display",
            "font-family",
            "font-size",
            "font-weight",
            "font-style",
            "font-variant",
            "font-stretch",
            "font-size-adjust",
            "text-anchor",
            "dominant-baseline",
            "alignment-baseline",
            "baseline-shift",
            "letter-spacing",
            "word-spacing",
            "text-decoration",
            "writing-mode",
            "direction",
            "unicode-bidi",
            "clip-path",
            "clip-rule",
            "mask",
            "filter",
            "marker-start",
            "marker-mid",
            "marker-end",
            "stop-color",
            "stop-opacity",
            "color-interpolation",
            "color-interpolation-filters",
            "shape-rendering",
            "text-rendering",
            "image-rendering",
            "vector-effect",
            "paint-order",
            "mix-blend-mode",
            "isolation",
            "flood-color",
            "flood-opacity",
            "lighting-color",
            "overflow",
            "pointer-events",
            "cursor",
            "transform-origin",
            "transform-box",
            "clip",
            "transform");

    /** Properties a style attribute may set besides the presentation attributes. */
    static final Set<String> OTHER_PROPERTIES = Set.of(
            "font",
            "font-kerning",
            "line-height",
            "white-space",
            "text-transform",
            "marker",
            "mask-type",
            "x",
            "y",
            "cx",
            "cy",
            "r",
            "rx",
            "ry",
            "width",
            "height",
            "user-select",
            "touch-action");

    /** Functions a kept value may use (besides {@code url(#id)}, colours, {@code calc()} and {@code rect()}). */
    static final Set<String> FUNCTIONS = Set.of(
            "min",
            "max",
            "clamp",
            "var",
            "env",
            "rotate",
            "rotatex",
            "rotatey",
            "rotatez",
            "rotate3d",
            "translate",
            "translatex",
            "translatey",
            "translatez",
            "translate3d",
            "scale",
            "scalex",
            "scaley",
            "scalez",
            "scale3d",
            "skew",
            "skewx",
            "skewy",
            "matrix",
            "matrix3d",
            "perspective",
            "blur",
            "brightness",
            "contrast",
            "drop-shadow",
            "grayscale",
            "hue-rotate",
            "invert",
            "opacity",
            "saturate",
            "sepia",
            "inset",
            "circle",
            "ellipse",
            "polygon",
            "path",
            "color-mix");

    /** Functions that load a resource or run code: a value using one is refused. */
    static final Set<String> LOADING_FUNCTIONS = Set.of(
            "expression",
            "image-set",
            "-webkit-image-set",
            "image",
            "-webkit-image",
            "cross-fade",
            "-webkit-cross-fade",
            "element",
            "-moz-element",
            "src");

    /** The same as text, in a decoded and squeezed value (see {@link #readingProblem}). */
    private static final String[] LOADING_CALLS = {
        "expression(", "image-set(", "image(", "cross-fade(", "element(", "src("
    };

    private static final String[] SCRIPT_SCHEMES = {"javascript:", "vbscript:", "livescript:"};

    /**
     * The longest CSS text read with the parser (a style, or a presentation value with escapes or comments): its
     * error recovery slows down on long broken input (an unterminated string of 200 000 characters takes seconds).
     */
    public static final int MAX_PARSED = 64 * 1024;

    static String tooLong(String name, String value) {
        return "the attribute '" + name + "' is " + value.length() + " characters long; Duet reads CSS values of up to "
                + MAX_PARSED + " characters";
    }

    /** A style attribute as Duet keeps it. */
    public static final class Style {
        /** Why the style is refused, or null. */
        public final String problem;
        /** The kept declarations, written anew ({@code name:value;name:value}); null when refused. */
        public final String text;
        /** Declarations left out (not a property of SVG drawings, or not readable), as the parser read them. */
        public final List<String> dropped;

        Style(String problem, String text, List<String> dropped) {
            this.problem = problem;
            this.text = text;
            this.dropped = dropped;
        }
    }

    // ------------------------------------------------------------------------------------------------ judging

    /**
     * Why a value of the attribute {@code name} is refused, or null. Every attribute value is judged both as written
     * and decoded as CSS (so an escape cannot hide a URL); the values of presentation attributes are also read with
     * the CSS parser, and any function that loads or runs something is refused.
     */
    public static String attributeProblem(String name, String value) {
        String p = readingProblem(name, value);
        if (p != null) return p;
        if (PRESENTATION.contains(name) && needsParser(value)) {
            if (value.length() > MAX_PARSED) return tooLong(name, value);
            LexicalUnit lu = parseValue(value);
            if (lu != null) {
                Verdict v = new Verdict();
                walk(lu, v);
                if (v.problem != null) return "the attribute '" + name + "' " + v.problem;
            }
        }
        return null;
    }

    /** A style attribute read, judged and written anew. */
    public static Style style(String text) {
        String p = readingProblem("style", text);
        if (p != null) return new Style(p, null, List.of());
        if (text.length() > MAX_PARSED) return new Style(tooLong("style", text), null, List.of());
        List<String> kept = new ArrayList<>(), dropped = new ArrayList<>();
        String[] problem = {null};
        CSS3Parser parser = new CSS3Parser();
        parser.setErrorHandler(QUIET);
        parser.setDocumentHandler(new HandlerBase() {
            @Override
            public void property(String property, LexicalUnit value, boolean important, Locator locator) {
                String name = property.toLowerCase(Locale.ROOT);
                String written = value == null ? "" : new CSSValueImpl(value).getCssText();
                String declaration = name + ":" + written + (important ? " !important" : "");
                Verdict v = new Verdict();
                if (value != null) walk(value, v);
                if (v.problem != null) {
                    if (problem[0] == null) problem[0] = "the style attribute's '" + name + "' " + v.problem;
                    return;
                }
                if (name.equals("behavior") || name.equals("-moz-binding")) {
                    if (problem[0] == null)
                        problem[0] = "the style attribute holds CSS that can load or run content ('" + name
                                + "'), which is not allowed";
                    return;
                }
                if (value == null || v.drop || !(PRESENTATION.contains(name) || OTHER_PROPERTIES.contains(name)))
                    dropped.add(declaration);
                else kept.add(declaration);
            }
        });
        try {
            parser.parseStyleDeclaration(new InputSource(new StringReader(text)));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        } catch (RuntimeException e) {
            // the parser gave up: nothing of it is kept but what it had read before
            dropped.add(text);
        }
        if (problem[0] != null) return new Style(problem[0], null, List.of());
        String out = String.join(";", kept);
        // what is written is judged again, so that the parser's writing cannot make something a browser reads anew
        p = readingProblem("style", out);
        if (p != null) return new Style(p, null, List.of());
        return new Style(null, out, List.copyOf(dropped));
    }

    /** True if the parser can read something the plain text check did not see: escapes or comments. */
    private static boolean needsParser(String value) {
        return value.indexOf('\\') >= 0 || value.contains("/*");
    }

    private static final CSSErrorHandler QUIET = new CSSErrorHandler() {
        @Override
        public void warning(CSSParseException e) {}

        @Override
        public void error(CSSParseException e) {}

        @Override
        public void fatalError(CSSParseException e) {}
    };

    private static LexicalUnit parseValue(String value) {
        CSS3Parser parser = new CSS3Parser();
        parser.setErrorHandler(QUIET);
        try {
            return parser.parsePropertyValue(new InputSource(new StringReader(value)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return null; // not readable as a value: judged by its decoded text alone
        }
    }

    private static final class Verdict {
        String problem;
        boolean drop;
    }

    /** Judges a chain of lexical units (and their parameters): a loading function is a problem, an unknown one a drop. */
    private static void walk(LexicalUnit first, Verdict v) {
        java.util.ArrayDeque<LexicalUnit> todo = new java.util.ArrayDeque<>();
        todo.push(first);
        while (!todo.isEmpty() && v.problem == null) {
            for (LexicalUnit u = todo.pop(); u != null && v.problem == null; u = u.getNextLexicalUnit()) {
                switch (u.getLexicalUnitType()) {
                    case URI:
                        if (!isLocal(u.getStringValue()))
                            v.problem = "refers to something outside the drawing (url(" + shorten(u.getStringValue())
                                    + ")); only url(#id) references are allowed";
                        break;
                    case STRING_VALUE:
                    case IDENT:
                        if (hasScriptScheme(squeeze(u.getStringValue())))
                            v.problem = "holds a script URL, which is never allowed";
                        break;
                    case FUNCTION: {
                        String f = u.getFunctionName() == null
                                ? ""
                                : u.getFunctionName().toLowerCase(Locale.ROOT);
                        if (f.equals("url")) {
                            // url("…") read as a function (an escaped name): a string argument is the address;
                            // anything else is not a reference a browser follows, and is left out
                            LexicalUnit arg = u.getParameters();
                            if (arg != null
                                    && arg.getLexicalUnitType() == LexicalUnit.LexicalUnitType.STRING_VALUE
                                    && !isLocal(arg.getStringValue()))
                                v.problem = "refers to something outside the drawing (url("
                                        + shorten(arg.getStringValue()) + ")); only url(#id) references are allowed";
                            else v.drop = true;
                        } else if (LOADING_FUNCTIONS.contains(f)) {
                            v.problem = "uses the CSS function " + f + "(), which can load or run content";
                        } else if (!FUNCTIONS.contains(f)) {
                            v.drop = true;
                        }
                        if (u.getParameters() != null) todo.push(u.getParameters());
                        break;
                    }
                    case ATTR:
                    case COUNTER_FUNCTION:
                    case COUNTERS_FUNCTION:
                        v.drop = true;
                        break;
                    default:
                        if (u.getParameters() != null) todo.push(u.getParameters());
                        if (u.getSubValues() != null) todo.push(u.getSubValues());
                }
            }
        }
    }

    private static boolean isLocal(String address) {
        return address != null && squeeze(address).startsWith("#");
    }

    /**
     * What is wrong with a value read as text, both as written and as CSS decodes it (escapes, comments), or null.
     * The decoded reading removes comments and escapes more eagerly than a browser (which never joins tokens across
     * a comment), so it sees at least every {@code url(} a browser sees.
     */
    static String readingProblem(String name, String value) {
        String raw = squeeze(value);
        String p = textProblem(name, raw, value, false);
        if (p != null) return p;
        if (!needsParser(value)) return null;
        return textProblem(name, squeeze(decode(value)), value, true);
    }

    private static String textProblem(String name, String v, String value, boolean decoded) {
        String how = decoded ? " (read as CSS, with its escapes and comments decoded)" : "";
        if (hasScriptScheme(v))
            return "the attribute '" + name + "' holds a script URL" + how + ", which is never allowed";
        int u = v.indexOf("url(");
        while (u >= 0) {
            int s = u + 4;
            if (s < v.length() && (v.charAt(s) == '\'' || v.charAt(s) == '"')) s++;
            if (s >= v.length() || v.charAt(s) != '#')
                return "the attribute '" + name + "' refers to something outside the drawing (" + shorten(value) + ")"
                        + how + "; only url(#id) references are allowed";
            u = v.indexOf("url(", s);
        }
        for (String call : LOADING_CALLS)
            if (v.contains(call))
                return "the attribute '" + name + "' uses the CSS function " + call + "), which can load or run content"
                        + how;
        if (name.equals("style") && (v.contains("@import") || v.contains("behavior:") || v.contains("-moz-binding")))
            return "the style attribute holds CSS that can load or run content" + how + ", which is not allowed";
        return null;
    }

    static boolean hasScriptScheme(String squeezed) {
        for (String s : SCRIPT_SCHEMES) if (squeezed.contains(s)) return true;
        return false;
    }

    /**
     * The text as CSS's tokenizer reads it (CSS Syntax Level 3, 4.3.7): comments removed; a backslash followed by
     * one to six hex digits (and one optional white-space character) is that code point (0, surrogates and values
     * past U+10FFFF are U+FFFD), followed by a line break it is nothing, followed by anything else it is that
     * character.
     */
    static String decode(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int close = s.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                continue;
            }
            if (c == '\\') {
                if (i + 1 >= n) {
                    sb.append('\uFFFD');
                    i++;
                    continue;
                }
                int j = i + 1, cp = 0, digits = 0;
                while (j < n && digits < 6 && Character.digit(s.charAt(j), 16) >= 0) {
                    cp = cp * 16 + Character.digit(s.charAt(j), 16);
                    j++;
                    digits++;
                }
                if (digits > 0) {
                    if (j + 1 < n && s.charAt(j) == '\r' && s.charAt(j + 1) == '\n') j += 2;
                    else if (j < n && isCssWhiteSpace(s.charAt(j))) j++;
                    sb.appendCodePoint(cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? 0xFFFD : cp);
                    i = j;
                } else if (s.charAt(i + 1) == '\n' || s.charAt(i + 1) == '\r' || s.charAt(i + 1) == '\f') {
                    i += 2;
                } else {
                    sb.append(s.charAt(i + 1));
                    i += 2;
                }
                continue;
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    private static boolean isCssWhiteSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
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

    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "…" : s;
    }
}
