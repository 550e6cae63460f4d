package org.duet.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.duet.fuzz.SvgChecks;
import org.duet.lang.DuetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Issue 8, defect 3: CSS escapes and comments must not hide a URL, a script URL or {@code expression()} from the
 * filter — in a style attribute or in a presentation attribute (both are CSS to a browser); a style is written anew
 * from the declarations a real CSS parser read; {@code xmlns:*} cannot rebind a prefix; and (the "Also") a
 * drawing is always an SVG document or a clear error.
 */
class CssTest {

    static Renderer.Result render(String program) {
        return Renderer.render("css.little", program);
    }

    /** A little string literal for s (single quotes, backslashes doubled). */
    static String lit(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static DuetException refused(String program) {
        Throwable t = catchThrowable(() -> render(program));
        assertThat(t).as("%s must be refused", program).isInstanceOf(DuetException.class);
        return (DuetException) t;
    }

    /** A rect on the second line whose attribute {@code name} is the literal, at column 3 of line 2. */
    static String rectWith(String name, String value) {
        return "['svg' [] [['rect' [['x' 1] ['y' 2] ['width' 3] ['height' 4] ['" + name + "'\n  " + lit(value)
                + "]] []]]]";
    }

    /** The vectors of the issue, as CSS values: each would load or run something in a browser. */
    static final List<String> VALUES = List.of(
            "\\75 rl(http://e.x/a)", // url( written with a hex escape
            "\\75rl(http://e.x/a)",
            "\\000075rl(http://e.x/a)",
            "\\55 RL(http://e.x/a)",
            "u\\rl(http://e.x/a)", // a single-character escape
            "u/**/rl(http://e.x/a)", // a comment splitting the name
            "\\75 rl(j\\61 vascript:alert(1))", // a script URL, both parts escaped
            "\\75 rl('http://e.x/a')",
            "e\\78pression(alert(1))", // IE's expression()
            "\\69 mage-set('http://e.x/a' 1x)");

    static List<String[]> presentationVectors() {
        List<String[]> out = new ArrayList<>();
        for (String attr : new String[] {"fill", "stroke", "mask", "filter", "clip-path", "cursor", "marker-start"})
            for (String v : VALUES) out.add(new String[] {attr, attr.equals("cursor") ? v + ", auto" : v});
        return out;
    }

    static List<String[]> styleVectors() {
        List<String[]> out = new ArrayList<>();
        for (String prop : new String[] {"fill", "mask", "filter", "clip-path", "cursor", "background-image", "width"})
            for (String v : VALUES) out.add(new String[] {prop, prop + ":" + v});
        // the fuzz regressions' forms: a whole declaration as the value, an expression alone
        out.add(new String[] {"fill", "fill:red; stroke:\\75 rl(http://e.x/a)"});
        out.add(new String[] {"-", "e\\78pression(alert(1))"});
        out.add(new String[] {"-", "\\66 ill:\\75 rl(http://e.x/a)"});
        out.add(new String[] {"-", "fill:red;\\62 ehavior:url(#x)"});
        return out;
    }

    @ParameterizedTest(name = "{0}=''{1}''")
    @MethodSource("presentationVectors")
    void escapedUrlsAndExpressionsInPresentationAttributesAreRefused(String attr, String value) {
        DuetException e = refused(rectWith(attr, value));
        assertThat(e.bareMessage()).contains("'" + attr + "'");
        assertThat(e.line()).as("line of the string literal").isEqualTo(2);
        assertThat(e.column()).isEqualTo(3);
    }

    @ParameterizedTest(name = "style=''{1}''")
    @MethodSource("styleVectors")
    void escapedUrlsAndExpressionsInStylesAreRefused(String property, String value) {
        DuetException e = refused(rectWith("style", value));
        assertThat(e.bareMessage()).contains("style");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(3);
    }

    @Test
    void aPlainUrlWithAnEscapedAddressIsRefusedAsBefore() {
        for (String v : new String[] {"url(\\68 ttp://e.x/a)", "url(j\\61 vascript:alert(1))"}) {
            refused(rectWith("fill", v));
            refused(rectWith("style", "fill:" + v));
        }
    }

    @Test
    void theMessageSaysTheEscapesWereDecoded() {
        assertThat(refused(rectWith("fill", "\\75 rl(http://e.x/a)")).bareMessage())
                .contains("outside the drawing")
                .contains("escapes");
        assertThat(refused(rectWith("style", "fill:\\75 rl(j\\61 vascript:alert(1))"))
                        .bareMessage())
                .contains("script URL");
        assertThat(refused(rectWith("style", "e\\78pression(alert(1))")).bareMessage())
                .contains("expression");
    }

    @Test
    void theFuzzRegressionsAreRefused() {
        // svg-css-escape-url: a presentation attribute holding a whole escaped declaration
        refused("(svg [(rect 'fill:\\\\75 rl(http://e.x/a)' 0 0 10 10)])");
        // svg-css-escape-script-url
        refused("(svg [(line 'fill:\\\\75 rl(j\\\\61 vascript:alert(1))' 5 93 178 0 206)])");
        // svg-css-escape-style-css
        refused("['svg' [['x' 1] ['y' 2] ['width' 3] ['height' 4] ['style' 'e\\\\78pression(alert(1))']] []]");
    }

    // ------------------------------------------------------------------------------------------------ kept values

    @Test
    void escapedLocalReferencesAndPlainValuesAreKept() throws Exception {
        String program = "['svg' [] [['defs' [] [['linearGradient' [['id' 'g']] []]]]\n"
                + "  ['rect' [['x' 1] ['y' 2] ['width' 3] ['height' 4] ['fill' " + lit("\\75 rl(#g)") + "] "
                + "['stroke' " + lit("r\\65 d") + "] ['mask' " + lit("url(#g) /* a comment */") + "]] []]]]";
        Renderer.Result r = render(program);
        String svg = r.canvas.toSvg(true);
        Document d = SvgChecks.checkDrawing(svg);
        Element rect = (Element) d.getElementsByTagName("rect").item(0);
        // presentation attributes are judged, and written as the program wrote them
        assertThat(rect.getAttribute("fill")).isEqualTo("\\75 rl(#g)");
        assertThat(rect.getAttribute("stroke")).isEqualTo("r\\65 d");
        SvgChecks.checkExport(r.canvas.toExportSvg());
    }

    @Test
    void aStyleIsWrittenAnewFromTheDeclarationsTheParserRead() {
        assertThat(Css.style("fill:black").text).isEqualTo("fill:black");
        assertThat(Css.style("fill: black; stroke:red;").text).isEqualTo("fill:black;stroke:red");
        assertThat(Css.style("font-family: Tahoma, sans-serif; font-size: 12px").text)
                .isEqualTo("font-family:Tahoma, sans-serif;font-size:12px");
        assertThat(Css.style("fill: \\72 ed /* comment */").text).isEqualTo("fill:red");
        assertThat(Css.style("transform: rotate(45deg) translate(1px, 2px)").text)
                .isEqualTo("transform:rotate(45deg) translate(1px, 2px)");
        assertThat(Css.style("fill:url(#g); stroke: red !important").text)
                .isEqualTo("fill:url(\"#g\");stroke:red !important");
        // not a property of SVG drawings, custom properties, unknown functions: left out
        Css.Style s = Css.style("foo: bar; --x: red; fill: paint(x); stroke: blue");
        assertThat(s.problem).isNull();
        assertThat(s.text).isEqualTo("stroke:blue");
        assertThat(s.dropped).containsExactly("foo:bar", "--x:red", "fill:paint(x)");
    }

    @Test
    void theWrittenStyleIsWhatTheDrawingCarries() throws Exception {
        Renderer.Result r = render(rectWith("style", "fill: \\72 ed; foo: bar"));
        assertThat(r.canvas.toSvg(true)).contains("style='fill:red'");
        assertThat(r.canvas.toExportSvg()).contains("style=\"fill:red\"");
    }

    @Test
    void thePreludesTextStyleIsUnchanged() {
        assertThat(render("(svg [(text 1 2 'hi')])").canvas.toSvg(true))
                .contains("<text x='1' y='2' style='fill:black' font-family='Tahoma, sans-serif'>");
    }

    @Test
    void overlongCssIsAClearErrorNotASlowParse() {
        String huge = "fill:\"" + "x".repeat(Css.MAX_PARSED);
        long start = System.nanoTime();
        assertThat(Css.style(huge).problem).contains("characters long");
        assertThat(Css.attributeProblem("fill", "\\" + huge)).contains("characters long");
        assertThat((System.nanoTime() - start) / 1e9).as("seconds").isLessThan(2);
        // up to the limit, a style is read
        assertThat(Css.style("fill:red;" + " ".repeat(Css.MAX_PARSED - 9)).text).isEqualTo("fill:red");
    }

    // ------------------------------------------------------------------------------------------------ namespaces

    @ParameterizedTest
    @ValueSource(strings = {"", "<!--", "http://www.w3.org/2000/svg", "http://evil.example/ns", "5"})
    void xmlnsXlinkMayOnlyBindTheXlinkNamespace(String ns) {
        for (String kind : new String[] {"svg", "g", "text"}) {
            DuetException e = refused("['svg' [] [['" + kind + "' [['xmlns:xlink'\n  " + lit(ns) + "]] []]]]");
            assertThat(e.bareMessage()).contains("xmlns:xlink");
            assertThat(e.line()).isEqualTo(2);
        }
        // the fuzz regressions: an empty binding (malformed XML), a comment opener, at the root
        refused("['g' [['x' 1] ['y' 2] ['width' 3] ['height' 4] ['xmlns:xlink' " + lit(ns) + "]] []]");
    }

    @Test
    void xmlnsMayOnlyBeTheSvgNamespace() {
        assertThat(refused("['svg' [] [['g' [['xmlns' 'http://www.w3.org/1999/xhtml']] []]]]")
                        .bareMessage())
                .contains("xmlns");
        refused("['svg' [] [['g' [['xmlns' '']] []]]]");
        refused("['svg' [] [['g' [['xmlns' 7]] []]]]");
        refused("['svg' [] [['g' [['xmlns:xlink' 7]] []]]]");
        // any other prefix is not declared by a drawing at all
        assertThat(refused("['svg' [] [['g' [['xmlns:svg' 'http://www.w3.org/2000/svg']] []]]]")
                        .bareMessage())
                .contains("xmlns:svg");
    }

    @Test
    void theRightNamespacesAreFine() throws Exception {
        Renderer.Result r = render("['svg' [['xmlns' 'http://www.w3.org/2000/svg'] "
                + "['xmlns:xlink' 'http://www.w3.org/1999/xlink']] [['use' [['xlink:href' '#a']] []]]]");
        SvgChecks.checkDrawing(r.canvas.toSvg(true));
        SvgChecks.checkDrawing(r.canvas.toCanvasSvg(false));
        SvgChecks.checkExport(r.canvas.toExportSvg());
    }

    // ------------------------------------------------------------------------------------------------ documents

    @Test
    void aTextRootIsAClearError() {
        DuetException e = refused("(def t 'just text')\n['TEXT'\n  t]");
        assertThat(e.bareMessage())
                .contains("text node")
                .contains("not a drawing")
                .contains("(svg [");
        assertThat(e.line()).as("the string that made it").isEqualTo(1);
        // the fuzz regression
        refused("['TEXT' '\\uD800']");
    }

    @Test
    void aGhostRootIsAnEmptySvgDocumentInEveryForm() throws Exception {
        Renderer.Result r = render("['rect' [['x' 1] ['y' 2] ['width' 3] ['height' 4] ['HIDDEN' '\\\\']] []]");
        for (String svg : new String[] {r.canvas.toSvg(false), r.canvas.toCanvasSvg(false)}) {
            assertThat(svg).isEqualTo("<svg xmlns='http://www.w3.org/2000/svg'></svg>");
            SvgChecks.checkDrawing(svg);
        }
        SvgChecks.checkExport(r.canvas.toExportSvg());
        // ghosts shown: the ghost itself
        assertThat(r.canvas.toSvg(true)).startsWith("<rect x='1'");
        assertThat(render("(ghost (svg [(rect 'red' 0 0 1 1)]))").canvas.toSvg(false))
                .isEqualTo("<svg xmlns='http://www.w3.org/2000/svg'></svg>");
    }
}
