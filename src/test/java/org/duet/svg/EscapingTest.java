package org.duet.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.duet.lang.DuetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Duet's output is always well-formed, safe SVG (spec §0): program text is escaped wherever it lands, unsafe
 * element kinds, event handlers and script/data/external URLs are refused with an error that says where the
 * program built them, and the clean export has no ghosts and no editor attributes.
 */
class EscapingTest {

    // ------------------------------------------------------------------------------------------------ helpers

    static Renderer.Result render(String program) {
        return Renderer.render("esc.little", program);
    }

    /** The XML parse shared with the fuzzing harness's checks ({@link org.duet.fuzz.SvgChecks}). */
    static Document parseXml(String xml) throws Exception {
        return org.duet.fuzz.SvgChecks.parseXml(xml);
    }

    static DuetException refused(String program) {
        Throwable t = catchThrowable(() -> render(program));
        assertThat(t).as("%s must be refused", program).isInstanceOf(DuetException.class);
        return (DuetException) t;
    }

    static final String NASTY = "<script>alert(\"x\")</script> & 'quoted' <b>bold</b> > done";
    /** NASTY written as a little string literal (single-quoted, backslash escapes). */
    static final String NASTY_LITERAL = "'" + NASTY.replace("'", "\\'") + "'";

    // ------------------------------------------------------------------------------------------------ escaping

    @Test
    void textContentIsEscapedAndShownAsWritten() throws Exception {
        Renderer.Result r = render("(svg [(text 10 20 " + NASTY_LITERAL + ")])");
        for (boolean ghosts : new boolean[] {true, false}) {
            String svg = r.canvas.toSvg(ghosts);
            assertThat(svg).doesNotContain("<script").doesNotContain("<b>");
            Document d = parseXml(svg);
            NodeList texts = d.getElementsByTagName("text");
            assertThat(texts.getLength()).isEqualTo(1);
            assertThat(texts.item(0).getTextContent().strip()).isEqualTo(NASTY);
            assertThat(d.getElementsByTagName("script").getLength()).isZero();
        }
    }

    @Test
    void attributeValuesAreEscapedAndReadBackAsWritten() throws Exception {
        String program = "['svg' [] [['rect' [['x' 1] ['y' 2] ['width' 3] ['height' 4] ['class' " + NASTY_LITERAL
                + "] ['id' '\"/><script>alert(1)</script>'] ['fill' 'a\\'b&c<d>e\"f']] []]]]";
        String svg = render(program).canvas.toSvg(true);
        assertThat(svg).doesNotContain("<script");
        Document d = parseXml(svg);
        Element rect = (Element) d.getElementsByTagName("rect").item(0);
        assertThat(rect.getAttribute("class")).isEqualTo(NASTY);
        assertThat(rect.getAttribute("id")).isEqualTo("\"/><script>alert(1)</script>");
        assertThat(rect.getAttribute("fill")).isEqualTo("a'b&c<d>e\"f");
        assertThat(d.getElementsByTagName("script").getLength()).isZero();
        assertThat(d.getDocumentElement().getChildNodes().getLength()).isEqualTo(3); // LF, rect, LF
    }

    @Test
    void singleQuotesInAttributesCannotCloseTheValue() throws Exception {
        String svg = render("['svg' [] [['g' [['class' 'x\\' onload=\\'alert(1)']] []]]]")
                .canvas
                .toSvg(true);
        Document d = parseXml(svg);
        Element g = (Element) d.getElementsByTagName("g").item(0);
        assertThat(g.hasAttribute("onload")).isFalse();
        assertThat(g.getAttribute("class")).isEqualTo("x' onload='alert(1)");
    }

    @Test
    void textInANonSvgRootIsEscapedToo() {
        // (a text node alone is no drawing: CssTest.aTextRootIsAClearError)
        assertThat(render("['g' [] [['TEXT' 'a<b & c>d']]]").canvas.toSvg(true))
                .isEqualTo("<g>\n  a&lt;b &amp; c&gt;d\n</g>");
    }

    @Test
    void aPlainDrawingIsUnchanged() throws Exception {
        String svg = render("(svg [(rect 'red' 10 20 30 40) (text 1 2 'hi')])")
                .canvas
                .toSvg(true);
        assertThat(svg)
                .isEqualTo("<svg xmlns='http://www.w3.org/2000/svg'>\n"
                        + "  <rect x='10' y='20' width='30' height='40' fill='red'></rect>\n"
                        + "  <text x='1' y='2' style='fill:black' font-family='Tahoma, sans-serif'>\n"
                        + "    hi\n"
                        + "  </text>\n"
                        + "</svg>");
        parseXml(svg);
    }

    @Test
    void invalidXmlCharactersNeverReachTheOutput() throws Exception {
        String svg = render("(svg [(text 1 2 (+ 'bell' (+ '\u0007' (+ '\u0000' 'x'))))])")
                .canvas
                .toSvg(true);
        parseXml(svg);
    }

    @Test
    void duplicateAttributesDoNotMakeTheXmlInvalid() throws Exception {
        String svg = render("(svg [(rotate (rotate (rect 'red' 0 0 10 10) 1 2 3) 4 5 6)])")
                .canvas
                .toSvg(true);
        Document d = parseXml(svg);
        assertThat(((Element) d.getElementsByTagName("rect").item(0)).getAttribute("transform"))
                .isEqualTo("rotate(4 5 6)");
    }

    // ------------------------------------------------------------------------------------------------ refusals

    @ParameterizedTest
    @ValueSource(
            strings = {
                "script",
                "foreignObject",
                "SCRIPT",
                "foreignobject",
                "iframe",
                "image",
                "a",
                "style",
                "animate",
                "set"
            })
    void unsafeElementKindsAreRefusedByName(String kind) {
        DuetException e = refused("['svg' [] [\n  ['" + kind + "' [] []]]]");
        assertThat(e.bareMessage()).containsIgnoringCase(kind);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).as("column of the kind string").isEqualTo(4);
    }

    @Test
    void aScriptAsTheRootIsRefused() {
        DuetException e = refused("['script' [] [['TEXT' 'alert(1)']]]");
        assertThat(e.bareMessage()).contains("script");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(2);
    }

    @Test
    void aGhostScriptIsRefusedToo() {
        assertThat(refused("(svg [(ghost ['script' [] []])])").bareMessage()).contains("script");
    }

    @ParameterizedTest
    @ValueSource(strings = {"onclick", "onload", "ONMOUSEOVER", "onMouseOver", "onfocusin", "onbegin"})
    void eventHandlerAttributesAreRefused(String name) {
        DuetException e = refused(
                "['svg' [] [['rect' [['x' 1] ['y' 2] ['width' 3] ['height' 4]\n  ['" + name + "' 'alert(1)']] []]]]");
        assertThat(e.bareMessage()).contains(name);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(4);
    }

    @Test
    void eventHandlersAddedByPreludeHelpersAreRefused() {
        DuetException e = refused("(svg [(addAttr (rect 'red' 1 2 3 4) ['onclick' 'alert(1)'])])");
        assertThat(e.bareMessage()).contains("onclick");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(38);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "JavaScript:alert(1)",
                "JAVASCRIPT:alert(1)",
                "java\tscript:alert(1)",
                "java\nscript:alert(1)",
                " javascript:alert(1)",
                "\tjava script:alert(1)",
                "jav\u0000ascript:alert(1)",
                "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
                "DATA:text/html,<script>alert(1)</script>",
                "http://example.com/x.svg#a",
                "vbscript:msgbox(1)"
            })
    void unsafeHrefsAreRefused(String url) {
        String literal = "'" + url.replace("\\", "\\\\").replace("'", "\\'") + "'";
        for (String attr : new String[] {"href", "xlink:href"}) {
            DuetException e = refused("['svg' [] [['use' [\n   ['" + attr + "' " + literal + "]] []]]]");
            assertThat(e.bareMessage()).as(url).contains(attr);
            assertThat(e.source()).isNotNull();
            assertThat(e.line()).as("line of the string literal that built it").isEqualTo(2);
            assertThat(e.column())
                    .as("column of the string literal that built it")
                    .isEqualTo(5 + attr.length() + 3);
        }
    }

    @Test
    void localHrefsAreFine() throws Exception {
        String svg = render("['svg' [] [['defs' [] [['circle' [['id' 'dot'] ['cx' 0] ['cy' 0] ['r' 2]] []]]] "
                        + "['use' [['href' '#dot'] ['x' 5]] []] ['use' [['xlink:href' '#dot']] []]]]")
                .canvas
                .toSvg(true);
        assertThat(svg).contains("<use href='#dot' x='5'></use>").contains("<use xlink:href='#dot'></use>");
        parseXml(svg);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "url(javascript:alert(1))",
                "url('javascript:alert(1)')",
                "url(http://evil.example/x.svg#g)",
                "url(\"https://evil.example/g\")",
                "url(data:image/png;base64,AAAA)",
                "URL(JAVASCRIPT:alert(1))",
                "red url(//evil.example/x)"
            })
    void unsafeUrlsInPaintAreRefused(String value) {
        String literal = "'" + value.replace("'", "\\'") + "'";
        for (String attr : new String[] {"fill", "stroke", "filter", "style"}) {
            String v = attr.equals("style") ? "'fill: " + value.replace("'", "\\'") + "'" : literal;
            DuetException e = refused("['svg' [] [['g' [['" + attr + "'\n " + v + "]] []]]]");
            assertThat(e.bareMessage()).as(attr + " " + value).contains(attr);
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(2);
        }
    }

    @Test
    void localUrlReferencesAreFine() throws Exception {
        String svg = render(
                        "['svg' [] [['defs' [] [['linearGradient' [['id' 'grad']] []]]] "
                                + "['rect' [['x' 0] ['y' 0] ['width' 1] ['height' 1] ['fill' 'url(#grad)'] ['stroke' \"url('#grad')\"]] []]]]")
                .canvas
                .toSvg(true);
        assertThat(svg).contains("fill='url(#grad)'");
        parseXml(svg);
    }

    @Test
    void unknownAttributesAreRefused() {
        DuetException e = refused("['svg' [] [['g' [['formaction' 'x']] []]]]");
        assertThat(e.bareMessage()).contains("formaction");
        assertThat(e.column()).isEqualTo(19);
    }

    @Test
    void editorAttributesAreAllowedInTheConformanceFormat() {
        assertThat(render("['svg' [] [['g' [['BLOB' '1'] ['SELECTED' 'true'] ['BOUNDS' [1 2 3 4]]] []]]]")
                        .canvas
                        .toSvg(true))
                .contains("<g BLOB='1' SELECTED='true' BOUNDS='1 2 3 4'></g>");
    }

    // ------------------------------------------------------------------------------------------------ export

    @Test
    void theCleanExportHasNoGhostsNoEditorAttributesAndIsWellFormed() throws Exception {
        String program = "['svg' [['viewBox' '0 0 100 100']] [\n"
                + "  ['g' [['BLOB' '1'] ['SELECTED' 'x'] ['BOUNDS' [1 2 3 4]] ['ZONES' 'none']]\n"
                + "     [(ghost (circle 0 5 5 2)) ['TEXT' 'a<b']]]\n"
                + "  (ghost (rect 'red' 0 0 10 10))\n"
                + "  ['BOX' [['LEFT' 1] ['TOP' 2] ['RIGHT' 11] ['BOT' 12] ['fill' 'blue'] ['LEFT' 99]] []]\n"
                + "  (text 1 2 " + NASTY_LITERAL + ")\n"
                + "  (rect 'green' 1 2 3 4)]]";
        Renderer.Result r = render(program);
        String export = r.canvas.toExportSvg(null);
        assertThat(export)
                .doesNotContain("HIDDEN")
                .doesNotContain("ZONES")
                .doesNotContain("BLOB")
                .doesNotContain("BOUNDS")
                .doesNotContain("SELECTED")
                .doesNotContain("LEFT")
                .doesNotContain("<circle")
                .doesNotContain("fill=\"red\"")
                .doesNotContain("<script");
        Document d = parseXml(export);
        Element root = d.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 100 100");
        assertThat(d.getElementsByTagName("rect").getLength()).isEqualTo(2); // the BOX and the green rect
        assertThat(d.getElementsByTagName("circle").getLength()).isZero();
        assertThat(d.getElementsByTagName("text").item(0).getTextContent().strip())
                .isEqualTo(NASTY);
        assertThat(d.getElementsByTagName("g").item(0).getTextContent().strip()).isEqualTo("a<b");
        // the conformance form keeps ghosts and editor attributes
        assertThat(r.canvas.toSvg(true)).contains("BLOB='1'").contains("<circle ");
    }

    @Test
    void theCleanExportOfANonSvgRootIsWrappedInAnSvgElement() throws Exception {
        String export =
                render("['g' [['fill' 'red']] [(rect 'blue' 1 2 3 4)]]").canvas.toExportSvg(null);
        Document d = parseXml(export);
        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(d.getElementsByTagName("g").getLength()).isEqualTo(1);
    }

    @Test
    void theCleanExportOfAGhostOnlyDrawingIsStillADocument() throws Exception {
        String export = render("(svg [(ghost (rect 'red' 0 0 10 10))])").canvas.toExportSvg(null);
        Document d = parseXml(export);
        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(d.getElementsByTagName("rect").getLength()).isZero();
    }

    @Test
    void theCleanExportOfAGhostRootIsAnEmptyDocument() throws Exception {
        String export = render("(ghost (svg [(rect 'red' 0 0 10 10)]))").canvas.toExportSvg(null);
        Document d = parseXml(export);
        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(d.getElementsByTagName("rect").getLength()).isZero();
    }

    @Test
    void xlinkAttributesGetTheirNamespaceDeclared() throws Exception {
        String program = "['svg' [] [['defs' [] [['circle' [['id' 'dot'] ['cx' 0] ['cy' 0] ['r' 2]] []]]] "
                + "['use' [['xlink:href' '#dot']] []]]]";
        Renderer.Result r = render(program);
        for (String text : new String[] {r.canvas.toSvg(true), r.canvas.toSvg(false), r.canvas.toExportSvg(null)}) {
            Document d = parseXml(text);
            Element use = (Element) d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "use")
                    .item(0);
            assertThat(use.getAttributeNS("http://www.w3.org/1999/xlink", "href"))
                    .isEqualTo("#dot");
        }
        assertThat(r.canvas.toSvg(true))
                .startsWith("<svg xmlns='http://www.w3.org/2000/svg' " + "xmlns:xlink='http://www.w3.org/1999/xlink'>");
        // a drawing without xlink attributes is printed exactly as v0.5.2 would
        assertThat(render("(svg [])").canvas.toSvg(true)).isEqualTo("<svg xmlns='http://www.w3.org/2000/svg'></svg>");
        // a declaration written by the program is not repeated
        String own = render("['svg' [['xmlns:xlink' 'http://www.w3.org/1999/xlink']] "
                        + "[['use' [['xlink:href' '#a']] []]]]")
                .canvas
                .toSvg(true);
        assertThat(own).containsOnlyOnce("xmlns:xlink");
        parseXml(own);
        // in a non-svg root
        parseXml(render("['g' [] [['use' [['xlink:href' '#a']] []]]]").canvas.toSvg(true));
        parseXml(render("['g' [] [['use' [['xlink:href' '#a']] []]]]").canvas.toExportSvg(null));
    }

    @Test
    void theCleanExportOfNestedSvgsHasXmlnsOnEach() throws Exception {
        String export = render("['svg' [] [['svg' [['x' 1]] [(rect 'red' 0 0 1 1)]]]]")
                .canvas
                .toExportSvg(null);
        Document d = parseXml(export);
        NodeList svgs = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        assertThat(svgs.getLength()).isEqualTo(2);
    }
}
