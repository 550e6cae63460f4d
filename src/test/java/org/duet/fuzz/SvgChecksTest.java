package org.duet.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.duet.svg.Renderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fuzzer's SVG checks fail on each kind of unsafe or malformed text, and pass on Duet's ordinary output. */
class SvgChecksTest {
    static final String OPEN = "<svg xmlns='http://www.w3.org/2000/svg'>";

    static String rule(String svg, boolean export) {
        SvgChecks.Unsafe u = catchThrowableOfType(SvgChecks.Unsafe.class, () -> {
            if (export) SvgChecks.checkExport(svg);
            else SvgChecks.checkDrawing(svg);
        });
        assertThat(u).as("%s must fail the checks", svg).isNotNull();
        return u.rule;
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "<rect></svg>|malformed",
                "a&lt;b|not-a-document",
                "<script>alert(1)</script>|element:script",
                "<SCRIPT/>|element:script",
                "<foreignObject/>|element:foreignobject",
                "<image href='#a'/>|element:image",
                "<animate attributeName='href'/>|element:animate",
                "<set/>|element:set",
                "<a/>|element:a",
                "<rect onload='alert(1)'/>|event-handler",
                "<rect ONCLICK='x'/>|event-handler",
                "<use href='http://e.x/a.svg#b'/>|href",
                "<use href=' java&#9;script:alert(1)'/>|script-url",
                "<rect fill='url(http://e.x/a)'/>|url",
                "<rect fill=\"url('//e.x/a')\"/>|url",
                "<rect fill='url(#a) url(data:x)'/>|url",
                "<rect style='fill:\\75 rl(http://e.x/a)'/>|css-escape:url",
                "<rect mask='\\000075rl(http://e.x/a)'/>|css-escape:url",
                "<rect style='fill:u/**/rl(http://e.x)'/>|css-escape:url",
                "<rect style='fill:\\75 rl(j\\61 vascript:alert(1))'/>|css-escape:script-url",
                "<rect style='width:e\\78pression(alert(1))'/>|css-escape:style-css",
                "<rect style='@import \"x.css\"'/>|style-css",
                "<rect xmlns:xlink='http://e.x/other' xlink:href='#a'/>|xmlns",
                "<h:p xmlns:h='http://www.w3.org/1999/xhtml'/>|xmlns",
            })
    void unsafeOrMalformedTextFails(String inner, String rule) {
        String svg = inner.startsWith("<") ? OPEN + inner + "</svg>" : inner;
        assertThat(rule(svg, false)).isEqualTo(rule);
    }

    @Test
    void theExportMustBeAnSvgDocumentWithoutEditorAttributes() {
        assertThat(rule("<g xmlns='http://www.w3.org/2000/svg'></g>", true)).isEqualTo("export-root");
        assertThat(rule(OPEN + "<rect BLOB='1'/></svg>", true)).isEqualTo("editor-attribute");
        assertThat(rule(OPEN + "<rect data-duet-i='1'/></svg>", true)).isEqualTo("editor-attribute");
        assertThat(rule("<svg><rect/></svg>", true)).isEqualTo("export-root");
    }

    @Test
    void duetsOrdinaryOutputPasses() {
        Renderer.Result r = Renderer.render(
                "ok.little",
                "(svg [(rect 'red' 10 20 30 40) (text 1 2 '<b>&x') "
                        + "['use' [['xlink:href' '#a']] []] ['rect' [['x' 1] ['y' 2] ['width' 3] ['height' 4] ['fill' 'url(#g)'] ['style' 'fill: url(\"#g\")']] []] "
                        + "(ghost (circle 'blue' 1 2 3))])");
        SvgChecks.checkDrawing(r.canvas.toCanvasSvg(true));
        SvgChecks.checkDrawing(r.canvas.toSvg(false));
        SvgChecks.checkExport(r.canvas.toExportSvg());
    }

    @Test
    void cssDecodingReadsEscapesAndCommentsAsABrowserDoes() {
        assertThat(SvgChecks.cssDecode("\\75 rl(x)")).isEqualTo("url(x)");
        assertThat(SvgChecks.cssDecode("\\000075rl")).isEqualTo("url");
        assertThat(SvgChecks.cssDecode("u\\rl")).isEqualTo("url");
        assertThat(SvgChecks.cssDecode("u/* c */rl")).isEqualTo("url");
        assertThat(SvgChecks.cssDecode("a\\\\b")).isEqualTo("a\\b");
    }
}
