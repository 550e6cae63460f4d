package org.duet.svg;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * When two SVG texts are "the same", by the rules of the conformance corpus (shared/tools/svgcmp.py): the same
 * element tree and child order, the same attribute set in any order, numbers inside values equal within 1e-6
 * relative (1e-9 absolute), the text between numbers equal after collapsing white space and commas, element text
 * equal after trimming and collapsing white space; comments ignored.
 */
public final class SvgCompare {
    private SvgCompare() {}

    private static final Pattern NUM = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");

    /** null if the same, else a description of the first difference. */
    public static String difference(String expected, String actual) {
        Element a, b;
        try {
            a = parse(expected);
        } catch (Exception e) {
            return "expected SVG unreadable: " + e.getMessage();
        }
        try {
            b = parse(actual);
        } catch (Exception e) {
            return "actual SVG is not well-formed XML: " + e.getMessage();
        }
        return compare(a, b, "");
    }

    private static Element parse(String s) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setExpandEntityReferences(false);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
        return d.getDocumentElement();
    }

    private static String local(Node n) {
        String l = n.getLocalName();
        return l != null ? l : n.getNodeName();
    }

    private static Map<String, String> attrs(Element e) {
        Map<String, String> m = new TreeMap<>();
        NamedNodeMap nm = e.getAttributes();
        for (int i = 0; i < nm.getLength(); i++) {
            Node a = nm.item(i);
            if ("http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                // svgcmp (ElementTree) does not see namespace declarations as attributes
                continue;
            }
            m.put(local(a), a.getNodeValue());
        }
        return m;
    }

    private static String text(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE) break;
            if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE)
                sb.append(c.getNodeValue());
        }
        return sb.toString().strip().replaceAll("\\s+", " ");
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        NodeList nl = e.getChildNodes();
        for (int i = 0; i < nl.getLength(); i++) if (nl.item(i) instanceof Element) out.add((Element) nl.item(i));
        return out;
    }

    private static String compare(Element a, Element b, String path) {
        if (!local(a).equals(local(b))) return path + ": element <" + local(a) + "> expected, <" + local(b) + "> found";
        String here = path + "/" + local(a);
        Map<String, String> av = attrs(a), bv = attrs(b);
        if (!av.keySet().equals(bv.keySet()))
            return here + ": attributes differ: expected " + av.keySet() + ", found " + bv.keySet();
        for (String k : av.keySet())
            if (!sameValue(av.get(k), bv.get(k)))
                return here + "@" + k + ": expected '" + av.get(k) + "', found '" + bv.get(k) + "'";
        if (!sameValue(text(a), text(b))) return here + ": text expected '" + text(a) + "', found '" + text(b) + "'";
        List<Element> ca = children(a), cb = children(b);
        if (ca.size() != cb.size()) return here + ": " + ca.size() + " children expected, " + cb.size() + " found";
        for (int i = 0; i < ca.size(); i++) {
            String d = compare(ca.get(i), cb.get(i), here + "[" + i + "]");
            if (d != null) return d;
        }
        return null;
    }

    private static List<Object> tokens(String value) {
        String v = value.strip().replaceAll("[\\s,]+", " ");
        List<Object> out = new ArrayList<>();
        Matcher m = NUM.matcher(v);
        int pos = 0;
        while (m.find()) {
            if (m.start() > pos) out.add(v.substring(pos, m.start()));
            out.add(Double.parseDouble(m.group()));
            pos = m.end();
        }
        if (pos < v.length()) out.add(v.substring(pos));
        return out;
    }

    static boolean sameValue(String a, String b) {
        List<Object> ta = tokens(a), tb = tokens(b);
        if (ta.size() != tb.size()) return false;
        for (int i = 0; i < ta.size(); i++) {
            Object x = ta.get(i), y = tb.get(i);
            if (x instanceof Double != y instanceof Double) return false;
            if (x instanceof String) {
                if (!((String) x).strip().equals(((String) y).strip())) return false;
            } else {
                double p = (Double) x, q = (Double) y;
                if (Math.abs(p - q) > Math.max(1e-9, 1e-6 * Math.max(Math.abs(p), Math.abs(q)))) return false;
            }
        }
        return true;
    }
}
