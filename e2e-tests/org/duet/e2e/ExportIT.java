package org.duet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** The Export menu: SVG (the same file as {@code duet render --clean}), PNG 1×, 2× and at a width, the program. */
class ExportIT extends BrowserTest {
    static final String SVG_NS = "http://www.w3.org/2000/svg";
    /** A red rectangle on an otherwise empty drawing: its export is 220 × 120 (10 units of padding around). */
    static final String RED = "(svg [(rect 'red' 0 0 200 100)])";

    @BeforeEach
    void freshPage() {
        browser.openEditor(server.url());
    }

    private Path downloadsFor(TestInfo info) {
        Path d = E2e.testDir("ExportIT", info.getTestMethod().orElseThrow().getName());
        browser.downloadTo(d);
        return d;
    }

    private void newDocumentWith(String program) {
        String before = browser.docName();
        browser.menu("menu-document", "menu-new");
        browser.until("the new document to open", b -> !b.docName().equals(before));
        browser.waitForGoodRun();
        browser.replaceProgram(program);
        browser.waitForGoodRun();
        String doc = browser.docName();
        browser.until("the program to be saved", b -> server.readDocument(doc).equals(program));
    }

    @Test
    void svgExportIsTheCommandLinesCleanSvg(TestInfo info) throws Exception {
        Path dir = downloadsFor(info);
        browser.menu("menu-document", "menu-examples");
        browser.waitDialogOpen("examples-dialog");
        browser.until("the basicShapes card", b -> {
            var es = b.driver.findElements(By.cssSelector(".duet-example[data-example='basicShapes']"));
            return es.isEmpty() || !es.get(0).isDisplayed() ? null : es.get(0);
        });
        browser.click(
                "the basicShapes card",
                () -> browser.driver.findElement(By.cssSelector(".duet-example[data-example='basicShapes']")));
        browser.until("the example to open", b -> b.docName().startsWith("basicShapes"));
        browser.waitForGoodRun();
        browser.waitForSvg("the example's drawing", s -> s.contains("tomato"));

        Path svg = browser.download("the SVG export", () -> browser.menu("menu-export", "export-svg"));
        assertThat(svg.getFileName().toString()).isEqualTo(browser.docName().replace(' ', '-') + ".svg");
        String exported = Files.readString(svg, StandardCharsets.UTF_8);

        Document doc = parse(exported);
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo(SVG_NS);
        assertThat(exported).contains("xmlns=\"" + SVG_NS + "\"");
        assertThat(root.getAttribute("viewBox")).matches("-?[\\d.]+ -?[\\d.]+ [\\d.]+ [\\d.]+");
        assertThat(doc.getElementsByTagNameNS(SVG_NS, "polyline").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagNameNS(SVG_NS, "text").getLength()).isEqualTo(6);
        // no editor attributes in a clean file
        assertThat(exported).doesNotContain("ZONES").doesNotContain("HIDDEN").doesNotContain("BLOB");

        // the command line, on the same program text
        Path program = dir.resolve("program.little");
        Files.writeString(program, browser.code(), StandardCharsets.UTF_8);
        String cli = duet("render", "--clean", program.toString());
        assertThat(tree(parse(exported).getDocumentElement()))
                .isEqualTo(tree(parse(cli).getDocumentElement()));
    }

    @Test
    void pngExportsAtOneAndTwoTimes(TestInfo info) throws Exception {
        downloadsFor(info);
        newDocumentWith(RED);
        browser.waitForSvg("the red rect", s -> "200".equals(browser.svgAttr("rect", "width")));

        Path p1 = browser.download("PNG 1×", () -> browser.menu("menu-export", "export-png1"));
        assertThat(p1.getFileName().toString()).endsWith(".png").doesNotContain("@");
        Path p2 = browser.download("PNG 2×", () -> browser.menu("menu-export", "export-png2"));
        assertThat(p2.getFileName().toString()).endsWith("@2x.png");

        BufferedImage one = png(p1), two = png(p2);
        assertThat(one.getWidth()).isEqualTo(220);
        assertThat(one.getHeight()).isEqualTo(120);
        assertThat(two.getWidth()).isEqualTo(2 * one.getWidth());
        assertThat(two.getHeight()).isEqualTo(2 * one.getHeight());

        // inside the rect: red; in the padding around it: transparent
        assertRed(one, 110, 60);
        assertRed(one, 12, 12);
        assertRed(one, 208, 108);
        assertTransparent(one, 3, 3);
        assertTransparent(one, 216, 116);
        assertRed(two, 220, 120);
        assertRed(two, 24, 24);
        assertTransparent(two, 6, 6);
        assertTransparent(two, 434, 234);
    }

    @Test
    void pngAtAChosenWidth(TestInfo info) throws Exception {
        downloadsFor(info);
        newDocumentWith(RED);
        browser.menu("menu-export", "export-pngw");
        browser.waitDialogOpen("png-dialog");
        browser.waitVisible("png-width");
        // type the width and go straight to the download button, as a person would
        browser.typeInField("png-width", "330");
        browser.waitVisible("png-download");
        Path p = browser.download("PNG at 330 px", () -> browser.clickId("png-download"));
        BufferedImage img = png(p);
        // (the link carries the width the field showed, whatever the order the server hears of them)
        assertThat(browser.byId("png-download").getAttribute("href")).contains("width=330");
        assertThat(p.getFileName().toString()).endsWith("-330px.png");
        assertThat(img.getWidth()).isEqualTo(330);
        assertThat(img.getHeight()).isEqualTo(180); // 330 × 120 / 220
        assertRed(img, 165, 90);
        assertTransparent(img, 4, 4);

        // a width out of range is refused in the dialog
        browser.typeInField("png-width", "0");
        browser.byId("png-width").findElement(By.cssSelector("input")).sendKeys("\t");
        browser.until(
                "the width to be marked invalid",
                b -> !b.fieldError("png-width").isEmpty());
        browser.until(
                "the download to be disabled",
                b -> b.byId("png-download").getAttribute("disabled") != null
                        || b.byId("png-download").getAttribute("href") == null);
        browser.type(org.openqa.selenium.Keys.ESCAPE);
        browser.waitDialogClosed("png-dialog");
    }

    @Test
    void programDownloadIsThePanesText(TestInfo info) throws Exception {
        downloadsFor(info);
        String program = "; café, naïve — ✓\n(svg [(rect 'red' 0 0 200 100)])\n";
        newDocumentWith(program);
        Path p = browser.download("the program", () -> browser.menu("menu-export", "export-little"));
        assertThat(p.getFileName().toString()).endsWith(".little");
        assertThat(Files.readString(p, StandardCharsets.UTF_8))
                .isEqualTo(browser.code())
                .isEqualTo(program);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static BufferedImage png(Path p) throws Exception {
        byte[] bytes = Files.readAllBytes(p);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(img).as("a readable PNG image").isNotNull();
        return img;
    }

    static void assertRed(BufferedImage img, int x, int y) {
        int argb = img.getRGB(x, y);
        assertThat(String.format("%08x", argb)).as("pixel (%d, %d)", x, y).isEqualTo("ffff0000");
    }

    static void assertTransparent(BufferedImage img, int x, int y) {
        int alpha = img.getRGB(x, y) >>> 24;
        assertThat(alpha).as("alpha of pixel (%d, %d)", x, y).isZero();
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** An element tree as text: names, sorted attributes and non-blank text, one node per line. */
    static String tree(Element e) {
        StringBuilder sb = new StringBuilder();
        tree(e, 0, sb);
        return sb.toString();
    }

    private static void tree(Node n, int depth, StringBuilder sb) {
        if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
            String t = n.getNodeValue().strip();
            if (!t.isEmpty())
                sb.append("  ".repeat(depth)).append("\"").append(t).append("\"\n");
            return;
        }
        if (n.getNodeType() != Node.ELEMENT_NODE) return;
        Map<String, String> attrs = new TreeMap<>();
        NamedNodeMap m = n.getAttributes();
        for (int i = 0; i < m.getLength(); i++)
            attrs.put(m.item(i).getNodeName(), m.item(i).getNodeValue());
        sb.append("  ".repeat(depth))
                .append('{')
                .append(n.getNamespaceURI())
                .append('}')
                .append(n.getLocalName())
                .append(' ')
                .append(attrs)
                .append('\n');
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) tree(c, depth + 1, sb);
    }

    /** Runs the ./duet launcher; returns its standard output (fails on a non-zero exit). */
    static String duet(String... args) throws Exception {
        Path dir = DuetServer.projectDir();
        String[] cmd = new String[args.length + 2];
        cmd[0] = "bash";
        cmd[1] = dir.resolve("duet").toString();
        System.arraycopy(args, 0, cmd, 2, args.length);
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as("exit status of duet " + String.join(" ", args))
                .isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
