package org.duet.svg;

import java.io.IOException;
import java.io.StringReader;
import org.apache.batik.anim.dom.SAXSVGDocumentFactory;
import org.apache.batik.util.XMLResourceDescriptor;
import org.duet.lang.DuetException;
import org.w3c.dom.svg.SVGDocument;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads SVG text with Batik's SVG DOM (SAXSVGDocumentFactory): to check that exports are documents other tools
 * accept, and as the first step of importing drawings. External entities are never fetched.
 */
public final class SvgImport {
    private SvgImport() {}

    /** Throws a DuetException saying what is wrong (with line and column) unless {@code svg} is an SVG document. */
    public static void validate(String svg) {
        parse(svg);
    }

    /** The SVG document, or a DuetException saying what is wrong (with line and column). */
    public static SVGDocument parse(String svg) {
        return parse(svg, "file:/duet-import.svg");
    }

    /** The same, with {@code uri} as the document's address (a base for references; nothing is loaded from it). */
    static SVGDocument parse(String svg, String uri) {
        if (svg == null || svg.isBlank()) throw new DuetException("not an SVG file: it is empty");
        try {
            return new Factory().createSVGDocument(uri, new StringReader(svg));
        } catch (IOException e) {
            throw new DuetException("not a valid SVG file: " + reason(e));
        } catch (RuntimeException e) {
            // Batik's DOM reports some errors (a root element outside the SVG namespace, …) unchecked
            throw new DuetException("not a valid SVG file: " + reason(e));
        }
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SAXParseException) {
                SAXParseException p = (SAXParseException) t;
                return "line " + p.getLineNumber() + ", column " + p.getColumnNumber() + ": " + p.getMessage();
            }
            if (t.getCause() == t) break;
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
    }

    /** Batik's factory, except that entities it does not know (anything but SVG's own DTDs) resolve to nothing. */
    private static final class Factory extends SAXSVGDocumentFactory {
        Factory() {
            super(XMLResourceDescriptor.getXMLParserClassName());
        }

        @Override
        public InputSource resolveEntity(String publicId, String systemId) throws SAXException {
            InputSource known = super.resolveEntity(publicId, systemId);
            return known != null ? known : new InputSource(new StringReader(""));
        }
    }
}
