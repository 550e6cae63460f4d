package org.duet.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.duet.Corpus;
import org.duet.app.Main;
import org.duet.lang.DuetException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.svg.SVGDocument;

/**
 * The clean export fitted to its content, its validity for other SVG tools (Batik's parser and renderer), the PNG
 * export and the command line's --png.
 */
class ExportTest {
    private static final String RED_RECT = "(svg [(rect 'red' 10 10 50 40)])";
    private static final int RED = 0xffff0000;

    private static Canvas canvas(String program) {
        return Renderer.render("test", program).canvas;
    }

    private static BufferedImage image(byte[] png) throws IOException {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static int alpha(int argb) {
        return argb >>> 24;
    }

    // ------------------------------------------------------------------------------------------------ SVG export

    @Test
    void theExportIsFittedToTheDrawing() {
        String svg = canvas(RED_RECT).toExportSvg();
        assertThat(svg)
                .contains("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"70\" height=\"60\" "
                        + "viewBox=\"0 0 70 60\">");
        SvgImport.validate(svg);
        // the older form is unchanged
        assertThat(canvas(RED_RECT).toExportSvg(null)).contains("<svg xmlns=\"http://www.w3.org/2000/svg\">");
    }

    @Test
    void aViewBoxOrSizeOfTheProgramIsKept() {
        // its own viewBox, and a size from it
        String own = canvas("(svgViewBox 300 200 [(rect 'red' 10 10 50 40)])").toExportSvg();
        assertThat(own)
                .contains("viewBox=\"0 0 300 200\"")
                .contains("width=\"300\" height=\"200\"")
                .doesNotContain("0 0 70 60");
        // its own size, and a fitted viewBox
        String sized = canvas("['svg' [['width' 140] ['height' 120]] [(rect 'red' 10 10 50 40)]]")
                .toExportSvg();
        assertThat(sized)
                .contains("viewBox=\"0 0 70 60\"")
                .contains("width=\"140\"")
                .contains("height=\"120\"")
                .doesNotContain("width=\"70\"");
        // nothing to fit
        assertThat(canvas("(svg [])").toExportSvg()).doesNotContain("viewBox").doesNotContain("width");
        String ghost = canvas("(ghost (svgViewBox 300 200 [(rect 'red' 10 10 50 40)]))")
                .toExportSvg();
        assertThat(ghost).doesNotContain("viewBox").doesNotContain("width").doesNotContain("rect");
        SvgImport.validate(ghost);
        // a root that is not an svg is wrapped in one
        String wrapped = canvas("(rect 'red' 10 10 50 40)").toExportSvg();
        assertThat(wrapped).contains("width=\"70\" height=\"60\" viewBox=\"0 0 70 60\"");
        SvgImport.validate(wrapped);
    }

    static List<Path> examplesAndCorpus() throws IOException {
        List<Path> out = new ArrayList<>(Corpus.examples());
        out.addAll(Corpus.programs());
        return out;
    }

    /** The drawing of a program, or null when it does not render (the corpus holds programs v0.5.2 failed on). */
    private static Canvas renders(Path p) throws IOException {
        try {
            return Renderer.render(p.toString(), Files.readString(p)).canvas;
        } catch (DuetException e) {
            assertThat(p.toString()).as("Duet's own examples all render").doesNotContain("little-lang");
            return null;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExportIsAnSvgDocumentWithAViewBox() throws IOException {
        List<Path> programs = examplesAndCorpus();
        assertThat(programs).hasSizeGreaterThan(80);
        return programs.stream()
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                    Canvas c = renders(p);
                    if (c == null) return;
                    String svg = c.toExportSvg();
                    SvgImport.validate(svg);
                    Element root = SvgImport.parse(svg).getRootElement();
                    if (Bounds.of(c) == null && !svg.contains("viewBox=")) return; // nothing drawn: nothing to fit
                    assertThat(root.getAttribute("viewBox")).as("viewBox").isNotEmpty();
                    assertThat(root.getAttribute("width")).as("width").isNotEmpty();
                    assertThat(root.getAttribute("height")).as("height").isNotEmpty();
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyExportDrawsWithBatik() throws IOException {
        return examplesAndCorpus().stream()
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                    Canvas c = renders(p);
                    if (c == null) return;
                    byte[] png;
                    try {
                        png = PngExport.pngWidth(c, 48);
                    } catch (DuetException e) {
                        // only a drawing with nothing in it and no size has nothing to draw
                        assertThat(e.getMessage()).contains("empty");
                        assertThat(Bounds.of(c)).isNull();
                        return;
                    }
                    assertThat(image(png).getWidth()).isEqualTo(48);
                }));
    }

    // ------------------------------------------------------------------------------------------------ PNG

    @Test
    void pngAtNaturalSizeDoubleSizeAndAGivenWidth() throws IOException {
        Canvas c = canvas(RED_RECT);
        BufferedImage one = image(PngExport.png(c, 1));
        assertThat(one.getWidth()).isEqualTo(70);
        assertThat(one.getHeight()).isEqualTo(60);
        assertThat(one.getRGB(35, 30)).isEqualTo(RED);
        assertThat(one.getRGB(11, 11)).isEqualTo(RED);
        assertThat(alpha(one.getRGB(2, 2))).isZero();
        assertThat(alpha(one.getRGB(65, 55))).isZero();

        BufferedImage two = image(PngExport.png(c, 2));
        assertThat(two.getWidth()).isEqualTo(140);
        assertThat(two.getHeight()).isEqualTo(120);
        assertThat(two.getRGB(21, 21)).isEqualTo(RED);
        assertThat(two.getRGB(118, 98)).isEqualTo(RED);
        assertThat(alpha(two.getRGB(18, 18))).isZero();
        assertThat(alpha(two.getRGB(122, 102))).isZero();

        BufferedImage narrow = image(PngExport.pngWidth(c, 35));
        assertThat(narrow.getWidth()).isEqualTo(35);
        assertThat(narrow.getHeight()).isEqualTo(30);
        assertThat(narrow.getRGB(17, 15)).isEqualTo(RED);
        assertThat(alpha(narrow.getRGB(1, 1))).isZero();

        assertThat(PngExport.naturalSize(c)).containsExactly(70, 60);
    }

    @Test
    void pngOnWhite() throws IOException {
        BufferedImage img = image(PngExport.png(canvas(RED_RECT), 1, PngExport.Background.WHITE));
        assertThat(img.getRGB(2, 2)).isEqualTo(0xffffffff);
        assertThat(img.getRGB(35, 30)).isEqualTo(RED);
    }

    @Test
    void pngOfAProgramWithItsOwnViewBox() throws IOException {
        BufferedImage img = image(PngExport.png(canvas("(svgViewBox 300 200 [(rect 'red' 10 10 50 40)])"), 1));
        assertThat(img.getWidth()).isEqualTo(300);
        assertThat(img.getHeight()).isEqualTo(200);
        assertThat(img.getRGB(30, 30)).isEqualTo(RED);
        assertThat(alpha(img.getRGB(100, 100))).isZero();
    }

    @Test
    void sketchNSketchColoursDrawInThePng() throws IOException {
        // Duet prints these as rgba(…), which Batik (SVG 1.1) does not read: they must still come out right
        BufferedImage img = image(PngExport.png(
                canvas("(svg [(rect [0 0 255 0.5] 0 0 10 10) (rect 0 10 0 10 10) (rect [240 1] 20 0 10 10)"
                        + " (rect 'transparent' 30 0 10 10) (rect 'hsl(120, 100%, 25%)' 40 0 10 10)])"),
                1));
        int half = img.getRGB(15, 15); // the fitted viewBox starts at -10
        assertThat(alpha(half)).isCloseTo(128, within(2));
        assertThat(half & 0xff).isEqualTo(255);
        assertThat(img.getRGB(25, 15)).isEqualTo(0xffc83737); // colour number 0
        assertThat(alpha(img.getRGB(45, 15))).isZero();
        assertThat(img.getRGB(55, 15)).isEqualTo(0xff008000);
    }

    @Test
    void colourRewritingForSvg11() {
        assertThat(Svg11.colour("rgba(200, 55, 55, 0.5)")).containsExactly(200, 55, 55, 0.5);
        assertThat(Svg11.colour("rgb(12.5 0 300 / 50%)")).containsExactly(12.5, 0, 300, 0.5);
        assertThat(Svg11.colour("transparent")).containsExactly(0, 0, 0, 0);
        assertThat(Svg11.colour("#f008")).containsExactly(255, 0, 0, 0x88 / 255.0);
        assertThat(Svg11.colour("hsla(240, 100%, 50%, 1)")).containsExactly(0, 0, 255, 1);
        assertThat(Svg11.colour("rgba(1, 2, 3, 100)")).containsExactly(1, 2, 3, 1);
        assertThat(Svg11.colour("rgba(NaN, 2, 3, 1)")).isSameAs(Svg11.INVALID);
        assertThat(Svg11.colour("lightred")).isSameAs(Svg11.INVALID);
        assertThat(Svg11.colour("rebeccapurple")).containsExactly(102, 51, 153, 1);
        for (String kept : new String[] {"red", "LightBlue", "#ff0000", "#f00", "none", "url(#g)", "currentColor"})
            assertThat(Svg11.colour(kept)).as(kept).isNull();

        SVGDocument doc = SvgImport.parse("<svg xmlns='http://www.w3.org/2000/svg'>"
                + "<rect fill='rgba(255, 0, 0, 0.5)' fill-opacity='0.5' stroke='rgba(0,0,0,0.25)'/>"
                + "<rect style='fill: rgba(0, 0, 255, 0.5); stroke: red' fill='rgba(1,1,1,0.1)'/>"
                + "<stop stop-color='transparent'/><rect fill='rgba(NaN, 0, 0, 1)'/></svg>");
        Svg11.adapt(doc);
        Element a = (Element) doc.getRootElement().getChildNodes().item(0);
        assertThat(a.getAttribute("fill")).isEqualTo("#ff0000");
        assertThat(a.getAttribute("fill-opacity")).isEqualTo("0.25");
        assertThat(a.getAttribute("stroke")).isEqualTo("#000000");
        assertThat(a.getAttribute("stroke-opacity")).isEqualTo("0.25");
        Element b = (Element) doc.getRootElement().getChildNodes().item(1);
        assertThat(b.getAttribute("style")).isEqualTo("fill: #0000ff; stroke: red; fill-opacity: 0.5");
        assertThat(b.getAttribute("fill")).isEqualTo("#010101");
        assertThat(b.hasAttribute("fill-opacity")).isFalse();
        Element stop = (Element) doc.getRootElement().getChildNodes().item(2);
        assertThat(stop.getAttribute("stop-opacity")).isEqualTo("0");
        Element bad = (Element) doc.getRootElement().getChildNodes().item(3);
        assertThat(bad.hasAttribute("fill")).isFalse();
    }

    @Test
    void referencesDrawAsInBrowsers() throws IOException {
        // SVG 2's href (Batik reads only xlink:href); the use is moved by x, so the blue square starts at x = 5
        BufferedImage used = image(PngExport.png(
                canvas("(svg [['defs' [] [['rect' [['id' 'r'] ['x' 0] ['y' 0] "
                        + "['width' 10] ['height' 10] ['fill' 'blue']] []]]] ['use' [['href' '#r'] ['x' 5]] []]])"),
                1));
        assertThat(used.getWidth()).isEqualTo(30);
        assertThat(used.getRGB(16, 16)).isEqualTo(0xff0000ff);
        // a use of nothing draws nothing; a missing paint server falls back to its colour, or none
        BufferedImage dangling =
                image(PngExport.png(canvas("(svg [(rect 'red' 0 0 10 10) ['use' [['xlink:href' '#a']] []]])"), 1));
        assertThat(dangling.getRGB(16, 16)).isEqualTo(RED);
        BufferedImage fallback = image(PngExport.png(
                canvas("(svg [['rect' [['x' 0] ['y' 0] ['width' 10] "
                        + "['height' 10] ['style' 'fill: url(#nope) red']] []] ['rect' [['x' 20] ['y' 0] ['width' 10] "
                        + "['height' 10] ['fill' 'url(#nope)'] ['clip-path' 'url(#nothing)']] []]])"),
                1));
        assertThat(fallback.getRGB(16, 16)).isEqualTo(RED);
        assertThat(alpha(fallback.getRGB(36, 16))).isZero();
    }

    @Test
    void pngSizesAreChecked() {
        Canvas c = canvas(RED_RECT);
        assertThatThrownBy(() -> PngExport.png(c, 0))
                .isInstanceOf(DuetException.class)
                .hasMessageContaining("scale");
        assertThatThrownBy(() -> PngExport.png(c, -2))
                .isInstanceOf(DuetException.class)
                .hasMessageContaining("scale");
        assertThatThrownBy(() -> PngExport.png(c, Double.NaN))
                .isInstanceOf(DuetException.class)
                .hasMessageContaining("scale");
        assertThatThrownBy(() -> PngExport.png(c, Double.POSITIVE_INFINITY)).isInstanceOf(DuetException.class);
        assertThatThrownBy(() -> PngExport.png(c, 1000))
                .isInstanceOf(DuetException.class)
                .hasMessageContaining("70000 × 60000")
                .hasMessageContaining("8000");
        assertThatThrownBy(() -> PngExport.pngWidth(c, 0))
                .isInstanceOf(DuetException.class)
                .hasMessageContaining("at least 1 pixel");
        assertThatThrownBy(() -> PngExport.pngWidth(c, 8001))
                .isInstanceOf(DuetException.class)
                .hasMessageContaining("8000");
        // the height follows the proportions, and is checked too
        Canvas tall = canvas("(svg [(rect 'red' 0 0 10 1000)])");
        assertThatThrownBy(() -> PngExport.pngWidth(tall, 8000))
                .isInstanceOf(DuetException.class)
                .hasMessageContaining("8000");
        assertThatThrownBy(() -> PngExport.png(canvas("(svg [])"), 1))
                .isInstanceOf(DuetException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void warmUpIsHarmlessAndQuickTheSecondTime() {
        PngExport.warmUp();
        long t0 = System.nanoTime();
        PngExport.warmUp();
        assertThat((System.nanoTime() - t0) / 1e6).isLessThan(50);
    }

    // ------------------------------------------------------------------------------------------------ SVG import

    @Test
    void importRefusesWhatIsNotSvgWithAClearMessage() {
        assertThatThrownBy(() -> SvgImport.validate("<svg xmlns='http://www.w3.org/2000/svg'><rect></svg>"))
                .isInstanceOf(DuetException.class)
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> SvgImport.validate("")).isInstanceOf(DuetException.class);
        assertThatThrownBy(() -> SvgImport.validate("not xml")).isInstanceOf(DuetException.class);
        SvgImport.validate("<svg xmlns='http://www.w3.org/2000/svg'><rect width='1' height='1'/></svg>");
    }

    @Test
    void importNeverReadsExternalEntities(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String svg = "<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]>"
                + "<svg xmlns='http://www.w3.org/2000/svg'><text>&x;</text></svg>";
        try {
            SVGDocument doc = SvgImport.parse(svg);
            assertThat(doc.getRootElement().getTextContent()).doesNotContain("TOP-SECRET");
        } catch (DuetException e) {
            assertThat(e.getMessage()).doesNotContain("TOP-SECRET");
        }
    }

    // ------------------------------------------------------------------------------------------------ command line

    /** Runs the command line, capturing what it prints: {exit code, stdout, stderr}. */
    private static Object[] cli(String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Object[] {code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void cliWritesPngs(@TempDir Path dir) throws IOException {
        Path program = dir.resolve("red.little");
        Files.writeString(program, RED_RECT);
        Path out = dir.resolve("red.png");

        Object[] r = cli("render", "--png", out.toString(), program.toString());
        assertThat(r[0]).as("exit code; stderr: " + r[2]).isEqualTo(0);
        assertThat((String) r[1]).isEmpty();
        BufferedImage img = ImageIO.read(out.toFile());
        assertThat(img.getWidth()).isEqualTo(70);
        assertThat(img.getHeight()).isEqualTo(60);
        assertThat(img.getRGB(35, 30)).isEqualTo(RED);
        assertThat(alpha(img.getRGB(2, 2))).isZero();

        assertThat(cli("render", "--png", out.toString(), "--scale", "2", program.toString())[0])
                .isEqualTo(0);
        assertThat(ImageIO.read(out.toFile()).getWidth()).isEqualTo(140);
        assertThat(cli("render", "--png", out.toString(), "--width", "35", "--white", program.toString())[0])
                .isEqualTo(0);
        img = ImageIO.read(out.toFile());
        assertThat(img.getWidth()).isEqualTo(35);
        assertThat(img.getHeight()).isEqualTo(30);
        assertThat(img.getRGB(1, 1)).isEqualTo(0xffffffff);
    }

    @Test
    void cliRefusesBadPngValues(@TempDir Path dir) throws IOException {
        Path program = dir.resolve("red.little");
        Files.writeString(program, RED_RECT);
        String out = dir.resolve("red.png").toString();
        for (String[] bad : new String[][] {
            {"--width", "0"},
            {"--width", "999999"},
            {"--scale", "0"},
            {"--scale", "-1"},
            {"--scale", "NaN"},
            {"--scale", "500"},
            {"--scale", "2", "--width", "10"}
        }) {
            List<String> args = new ArrayList<>(List.of("render", "--png", out));
            args.addAll(List.of(bad));
            args.add(program.toString());
            Object[] r = cli(args.toArray(new String[0]));
            assertThat(r[0]).as(String.join(" ", bad)).isEqualTo(1);
            assertThat((String) r[2])
                    .as(String.join(" ", bad))
                    .isNotBlank()
                    .doesNotContain("\tat ")
                    .doesNotContain("Exception");
            assertThat((String) r[1]).isEmpty();
        }
        assertThat(Files.exists(Path.of(out))).isFalse();
        // PNG options without --png, an output folder that does not exist, a program that fails
        assertThat(cli("render", "--width", "10", program.toString())[0]).isEqualTo(1);
        Object[] noDir = cli("render", "--png", dir.resolve("no/such/dir.png").toString(), program.toString());
        assertThat(noDir[0]).isEqualTo(1);
        assertThat((String) noDir[2]).contains("cannot write");
        Path broken = dir.resolve("broken.little");
        Files.writeString(broken, "(svg [(rect 'red' 10 10 50)])");
        Object[] failed = cli("render", "--png", out, broken.toString());
        assertThat(failed[0]).isEqualTo(1);
        assertThat((String) failed[2]).startsWith(broken.toString() + ":");
        Object[] empty =
                cli("render", "--png", out, dir.resolve("missing.little").toString());
        assertThat(empty[0]).isEqualTo(1);
    }

    @Test
    void cliCleanUsesTheFittedViewBox(@TempDir Path dir) throws IOException {
        Path program = dir.resolve("red.little");
        Files.writeString(program, RED_RECT);
        Object[] r = cli("render", "--clean", program.toString());
        assertThat(r[0]).isEqualTo(0);
        assertThat((String) r[1]).contains("viewBox=\"0 0 70 60\"").contains("width=\"70\"");
        SvgImport.validate((String) r[1]);
    }
}
