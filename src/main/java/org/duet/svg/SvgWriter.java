package org.duet.svg;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a drawing as SVG text, in two forms:
 * <ul>
 *   <li>{@link #sns}: the text format of Sketch-n-Sketch v0.5.2 (two-space indentation, single quotes, text on its
 *   own line, then every run of spaces before a line feed deleted with the line feed) — but always well-formed:
 *   values are escaped, a repeated attribute is written once with its last value;</li>
 *   <li>{@link #export}: a clean standalone file for other tools: no ghosts, no editor attributes, double quotes.</li>
 * </ul>
 */
public final class SvgWriter {
    private SvgWriter() {}

    public static final String XMLNS = "http://www.w3.org/2000/svg";

    // ------------------------------------------------------------------------------------------------ v0.5.2 form

    public static String sns(SvgNode root, boolean ghosts) {
        return sns(root, ghosts, false);
    }

    /**
     * The v0.5.2 form; with {@code indexed}, every element below the root also carries {@code data-duet-i}, its
     * index in {@link Canvas#elements()} (the editor's canvas uses it to know which shape is under the pointer).
     */
    public static String sns(SvgNode root, boolean ghosts, boolean indexed) {
        // a ghost root with ghosts hidden leaves nothing: still an SVG document, an empty one (v0.5.2 printed "")
        if (!ghosts && root instanceof SvgElement && ((SvgElement) root).isGhost())
            return "<svg xmlns='" + XMLNS + "'></svg>";
        StringBuilder sb = new StringBuilder();
        sns(root, 0, ghosts, sb, needsXlink(root, !ghosts), indexed);
        return deleteSpaceRunsBeforeNewline(sb);
    }

    private static void sns(
            SvgNode node, int depth, boolean ghosts, StringBuilder sb, boolean declareXlink, boolean indexed) {
        if (node instanceof SvgText) {
            escapeText(((SvgText) node).text, sb);
            return;
        }
        SvgElement e = (SvgElement) node;
        if (!ghosts && e.isGhost()) return;
        sb.append('<').append(e.kind);
        if (e.kind.equals("svg")) sb.append(" xmlns='").append(XMLNS).append('\'');
        if (declareXlink) sb.append(" xmlns:xlink='").append(XLINK).append('\'');
        if (indexed && e.index() >= 0)
            sb.append(" data-duet-i='").append(e.index()).append('\'');
        List<Attr> attrs = e.attrs;
        for (int i = 0; i < attrs.size(); i++) {
            Attr a = attrs.get(i);
            if (a.name.equals("HIDDEN") || a.name.equals("ZONES") || (a.name.equals("xmlns") && e.kind.equals("svg")))
                continue;
            if (seenBefore(attrs, i)) continue;
            sb.append(' ').append(a.name).append("='");
            escapeAttr(lastValue(attrs, i), '\'', sb);
            sb.append('\'');
        }
        sb.append('>');
        if (!e.children.isEmpty()) {
            sb.append('\n');
            boolean first = true;
            for (SvgNode c : e.children) {
                if (!first) sb.append('\n');
                first = false;
                indent(depth + 1, sb);
                sns(c, depth + 1, ghosts, sb, false, indexed);
            }
            sb.append('\n');
            indent(depth, sb);
        }
        sb.append("</").append(e.kind).append('>');
    }

    public static final String XLINK = "http://www.w3.org/1999/xlink";

    /**
     * True if a printed element uses an {@code xlink:} attribute and the root does not declare that prefix: the
     * root then declares it, so that the text is namespace-well-formed XML (as browsers require of SVG).
     */
    private static boolean needsXlink(SvgNode root, boolean skipGhosts) {
        if (!(root instanceof SvgElement)) return false;
        for (Attr a : ((SvgElement) root).attrs) if (a.name.equals("xmlns:xlink")) return false;
        java.util.ArrayDeque<SvgNode> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            SvgNode n = stack.pop();
            if (!(n instanceof SvgElement)) continue;
            SvgElement e = (SvgElement) n;
            if (skipGhosts && e.isGhost()) continue;
            for (Attr a : e.attrs) if (a.name.startsWith("xlink:")) return true;
            for (SvgNode c : e.children) stack.push(c);
        }
        return false;
    }

    private static boolean seenBefore(List<Attr> attrs, int i) {
        String n = attrs.get(i).name;
        for (int j = 0; j < i; j++) if (attrs.get(j).name.equals(n)) return true;
        return false;
    }

    /** The value of the last attribute with the name of attrs[i] (a repeated attribute is written once). */
    private static String lastValue(List<Attr> attrs, int i) {
        String n = attrs.get(i).name;
        String v = attrs.get(i).text;
        for (int j = i + 1; j < attrs.size(); j++) if (attrs.get(j).name.equals(n)) v = attrs.get(j).text;
        return v;
    }

    /** Attributes as printed: HIDDEN and ZONES dropped (and editor attributes, for exports), one per name. */
    private static Map<String, String> printedAttributes(SvgElement e, boolean clean) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Attr a : e.attrs) {
            if (a.name.equals("HIDDEN") || a.name.equals("ZONES")) continue;
            if (clean && (Safety.EDITOR_ATTRIBUTES.contains(a.name) || a.name.equals("xmlns"))) continue;
            if (a.name.equals("xmlns") && e.kind.equals("svg")) continue;
            out.put(a.name, a.text);
        }
        return out;
    }

    private static void indent(int depth, StringBuilder sb) {
        for (int i = 0; i < depth; i++) sb.append("  ");
    }

    /** Deletes every run of spaces that is followed by a line feed, together with the line feed. */
    static String deleteSpaceRunsBeforeNewline(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ') {
                int j = i;
                while (j < n && s.charAt(j) == ' ') j++;
                if (j < n && s.charAt(j) == '\n') {
                    i = j + 1;
                } else {
                    out.append(s, i, j);
                    i = j;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------------ export form

    /**
     * A standalone SVG document: ghosts omitted, editor attributes removed, an XML declaration. If the root is not
     * an svg element it is wrapped in one. {@code viewBox} (may be null) is added to the root when it has none.
     */
    public static String export(SvgNode root, String viewBox) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        boolean wrap = !(root instanceof SvgElement)
                || !((SvgElement) root).kind.equals("svg")
                || ((SvgElement) root).isGhost();
        boolean xlink = needsXlink(root, true);
        if (wrap) {
            sb.append("<svg xmlns=\"").append(XMLNS).append('"');
            if (xlink) sb.append(" xmlns:xlink=\"").append(XLINK).append('"');
            if (viewBox != null) sb.append(" viewBox=\"").append(viewBox).append('"');
            sb.append(">\n");
            export(root, 1, sb, null);
            sb.append("\n</svg>\n");
        } else {
            int rootStart = sb.length();
            export(root, 0, sb, viewBox);
            // the root is <svg xmlns="…": the declaration of xlink goes right after xmlns
            if (xlink)
                sb.insert(rootStart + ("<svg xmlns=\"" + XMLNS + "\"").length(), " xmlns:xlink=\"" + XLINK + "\"");
            sb.append('\n');
        }
        return sb.toString();
    }

    private static boolean export(SvgNode node, int depth, StringBuilder sb, String rootViewBox) {
        if (node instanceof SvgText) {
            indent(depth, sb);
            escapeText(((SvgText) node).text.strip(), sb);
            return true;
        }
        SvgElement e = (SvgElement) node;
        if (e.isGhost()) return false;
        indent(depth, sb);
        sb.append('<').append(e.kind);
        Map<String, String> attrs = printedAttributes(e, true);
        if (e.kind.equals("svg")) sb.append(" xmlns=\"").append(XMLNS).append('"');
        if (rootViewBox != null && !attrs.containsKey("viewBox"))
            sb.append(" viewBox=\"").append(rootViewBox).append('"');
        for (Map.Entry<String, String> a : attrs.entrySet()) {
            sb.append(' ').append(a.getKey()).append("=\"");
            escapeAttr(a.getValue(), '"', sb);
            sb.append('"');
        }
        boolean onlyText = !e.children.isEmpty();
        for (SvgNode c : e.children) if (!(c instanceof SvgText)) onlyText = false;
        if (e.children.isEmpty()) {
            sb.append("/>");
        } else if (onlyText) {
            sb.append('>');
            for (SvgNode c : e.children) escapeText(((SvgText) c).text.strip(), sb);
            sb.append("</").append(e.kind).append('>');
        } else {
            sb.append(">");
            for (SvgNode c : e.children) {
                int mark = sb.length();
                sb.append('\n');
                if (!export(c, depth + 1, sb, null)) sb.setLength(mark);
            }
            sb.append('\n');
            indent(depth, sb);
            sb.append("</").append(e.kind).append('>');
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------------ escaping

    private static boolean validXmlChar(char c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || Character.isSurrogate(c);
    }

    static void escapeText(String s, StringBuilder sb) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&':
                    sb.append("&amp;");
                    break;
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                default:
                    appendValid(s, i, c, sb);
            }
        }
    }

    static void escapeAttr(String s, char quote, StringBuilder sb) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&':
                    sb.append("&amp;");
                    break;
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '\'':
                    if (quote == '\'') sb.append("&apos;");
                    else sb.append(c);
                    break;
                case '"':
                    if (quote == '"') sb.append("&quot;");
                    else sb.append(c);
                    break;
                default:
                    appendValid(s, i, c, sb);
            }
        }
    }

    private static void appendValid(String s, int i, char c, StringBuilder sb) {
        if (Character.isHighSurrogate(c)) {
            if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) sb.append(c);
            else sb.append('\uFFFD');
        } else if (Character.isLowSurrogate(c)) {
            if (i > 0 && Character.isHighSurrogate(s.charAt(i - 1))) sb.append(c);
            else sb.append('\uFFFD');
        } else if (validXmlChar(c)) {
            sb.append(c);
        } else {
            sb.append('\uFFFD');
        }
    }
}
