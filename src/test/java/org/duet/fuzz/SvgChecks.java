package org.duet.fuzz;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Set;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The checks every SVG text Duet writes must pass, independent of Duet's own allow-lists (so that they can catch
 * those lists' gaps): well-formed namespace-aware XML without a DOCTYPE, and nothing that runs script or loads
 * content from outside the document — no script/foreign/animation/link elements, no event handlers, no
 * {@code javascript:} or external references (in {@code href}, and in {@code url(…)} after CSS escapes and comments
 * are decoded, as a browser would), no CSS {@code expression()}/{@code @import}, no namespace rebinding. Shared by
 * {@code EscapingTest} and the fuzzing harness.
 */
public final class SvgChecks {
    private SvgChecks() {}

    public static final String SVG_NS = "http://www.w3.org/2000/svg";
    public static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    static final String XMLNS_NS = "http://www.w3.org/2000/xmlns/";

    /** Element kinds that run or load content (compared in lower case). */
    static final Set<String> UNSAFE_ELEMENTS = Set.of(
            "script",
            "foreignobject",
            "iframe",
            "image",
            "feimage",
            "a",
            "style",
            "animate",
            "animatemotion",
            "animatetransform",
            "animatecolor",
            "set",
            "handler",
            "listener",
            "object",
            "embed",
            "video",
            "audio",
            "link",
            "meta",
            "base",
            "discard");

    /** Attributes of Duet's editor, which a clean export never has. */
    static final Set<String> EDITOR_ATTRIBUTES =
            Set.of("HIDDEN", "ZONES", "BLOB", "BOUNDS", "SELECTED", "LEFT", "TOP", "RIGHT", "BOT");

    /** An SVG text that is not well-formed or not safe: {@link #rule} names the check, for grouping findings. */
    public static final class Unsafe extends AssertionError {
        public final String rule;

        Unsafe(String rule, String message) {
            super(message);
            this.rule = rule;
        }
    }

    /** Parses XML as a browser's XML parser would, refusing a DOCTYPE (entities); throws on malformed text. */
    public static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(() -> {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    /**
     * Checks a drawing as the editor's canvas or the command line prints it: well-formed, and safe.
     * Throws {@link Unsafe} naming the broken rule.
     */
    public static Document checkDrawing(String svg) {
        return check(svg, false);
    }

    /**
     * Checks a clean export: as {@link #checkDrawing}, and the root is an {@code svg} element in the SVG namespace,
     * every element is in the SVG namespace and no editor attribute is left.
     */
    public static Document checkExport(String svg) {
        return check(svg, true);
    }

    private static Document check(String svg, boolean export) {
        if (!svg.startsWith("<")) throw new Unsafe("not-a-document", "not an XML document: " + excerpt(svg));
        Document d;
        try {
            DocumentBuilder b = BUILDER.get();
            b.reset();
            d = b.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new Unsafe("malformed", "not well-formed XML: " + e.getMessage() + "\n" + excerpt(svg));
        }
        Element root = d.getDocumentElement();
        if (export && !("svg".equals(root.getLocalName()) && SVG_NS.equals(root.getNamespaceURI())))
            throw new Unsafe(
                    "export-root",
                    "the export's root is <" + root.getTagName() + "> in namespace " + root.getNamespaceURI()
                            + ", not an SVG document");
        ArrayDeque<Element> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Element e = stack.pop();
            checkElement(e, export);
            for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling())
                if (c instanceof Element) stack.push((Element) c);
        }
        return d;
    }

    private static void checkElement(Element e, boolean export) {
        String name = e.getLocalName() != null ? e.getLocalName() : e.getTagName();
        if (UNSAFE_ELEMENTS.contains(name.toLowerCase(Locale.ROOT)))
            throw new Unsafe("element:" + name.toLowerCase(Locale.ROOT), "unsafe element <" + e.getTagName() + ">");
        NamedNodeMap attrs = e.getAttributes();
        // namespace declarations first: a rebound prefix is the cause of what follows
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (XMLNS_NS.equals(a.getNamespaceURI())) checkAttribute(e, a, export);
        }
        String ns = e.getNamespaceURI();
        if (ns != null && !ns.equals(SVG_NS) || export && ns == null)
            throw new Unsafe("element-namespace", "element <" + e.getTagName() + "> in namespace " + ns);
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (!XMLNS_NS.equals(a.getNamespaceURI())) checkAttribute(e, a, export);
        }
    }

    private static void checkAttribute(Element e, Attr a, boolean export) {
        String qname = a.getName();
        String local = a.getLocalName() != null ? a.getLocalName() : qname;
        String value = a.getValue();
        String where = "<" + e.getTagName() + " " + qname + "='" + shorten(value) + "'>";
        if (XMLNS_NS.equals(a.getNamespaceURI())) {
            if (qname.equals("xmlns") ? !value.equals(SVG_NS) : !(local.equals("xlink") && value.equals(XLINK_NS)))
                throw new Unsafe("xmlns", "namespace declaration " + where);
            return;
        }
        if (a.getNamespaceURI() != null && !a.getNamespaceURI().equals(XLINK_NS))
            throw new Unsafe("attribute-namespace", "attribute in namespace " + a.getNamespaceURI() + " " + where);
        if (local.regionMatches(true, 0, "on", 0, 2)) throw new Unsafe("event-handler", "event handler " + where);
        if (export && (EDITOR_ATTRIBUTES.contains(qname) || qname.startsWith("data-duet")))
            throw new Unsafe("editor-attribute", "editor attribute in the export " + where);
        // judged twice: as written, and as CSS reads it (escapes and comments decoded) — a problem seen only in
        // the second is hidden by CSS escapes
        String raw = squeeze(value), decoded = squeeze(cssDecode(value));
        String problem = problem(local, raw);
        if (problem != null) throw new Unsafe(problem, problem + " " + where);
        problem = problem(local, decoded);
        if (problem != null) throw new Unsafe("css-escape:" + problem, problem + " behind CSS escapes " + where);
    }

    /** What is wrong with a squeezed attribute value, or null. */
    private static String problem(String local, String v) {
        for (String scheme : new String[] {"javascript:", "vbscript:", "livescript:"})
            if (v.contains(scheme)) return "script-url";
        if (local.equals("href") && !v.startsWith("#")) return "href";
        int u = v.indexOf("url(");
        while (u >= 0) {
            int s = u + 4;
            if (s < v.length() && (v.charAt(s) == '\'' || v.charAt(s) == '"')) s++;
            if (s >= v.length() || v.charAt(s) != '#') return "url";
            u = v.indexOf("url(", s);
        }
        if (local.equals("style"))
            for (String css :
                    new String[] {"expression(", "@import", "behavior:", "-moz-binding", "image-set(", "src("})
                if (v.contains(css)) return "style-css";
        return null;
    }

    /** The value as CSS reads it: comments removed, backslash escapes (hex or single characters) decoded. */
    static String cssDecode(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int close = s.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                continue;
            }
            if (c == '\\' && i + 1 < n) {
                int j = i + 1, cp = 0, digits = 0;
                while (j < n && digits < 6 && Character.digit(s.charAt(j), 16) >= 0) {
                    cp = cp * 16 + Character.digit(s.charAt(j), 16);
                    j++;
                    digits++;
                }
                if (digits > 0) {
                    if (j < n
                            && (s.charAt(j) == ' '
                                    || s.charAt(j) == '\t'
                                    || s.charAt(j) == '\n'
                                    || s.charAt(j) == '\f')) j++;
                    else if (j + 1 < n && s.charAt(j) == '\r' && s.charAt(j + 1) == '\n') j += 2;
                    sb.appendCodePoint(cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? 0xFFFD : cp);
                    i = j;
                } else if (s.charAt(i + 1) == '\n') {
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

    /** Lower case, without white space and control characters (which browsers skip inside URLs). */
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
        return s.length() > 80 ? s.substring(0, 77) + "…" : s;
    }

    static String excerpt(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
