package org.duet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.duet.lang.DuetException;
import org.duet.svg.Renderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Issue 8, defect 3, in a browser: style and presentation values that hide an outside URL behind CSS escapes or
 * comments ({@code fill:\75 rl(http://…)}) made Chromium fetch it from a drawing Duet wrote. A tiny HTTP server on
 * 127.0.0.1 counts the requests for its resources; Duet's clean export and canvas form of each program (when Duet
 * draws it at all) are served by it as standalone SVG documents and opened in headless Chromium, and no request may
 * reach the counter. As a control, the same values written into an SVG without Duet must make the counter go up —
 * so the test cannot pass because nothing could have been fetched.
 */
class CssFetchIT extends BrowserTest {
    /** The properties of the issue: each was fetched by Chromium. */
    static final List<String> PROPERTIES = List.of("fill", "mask", "filter", "clip-path", "cursor");

    HttpServer http;
    String base;
    /** Requests that reached the counted resources, by path. */
    final List<String> hits = new CopyOnWriteArrayList<>();

    final AtomicInteger docs = new AtomicInteger();
    final Map<String, String> served = new ConcurrentHashMap<>();

    @BeforeAll
    void startCounter() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // the documents under test (not counted)
        http.createContext("/doc/", ex -> {
            String body = served.get(ex.getRequestURI().getPath());
            respond(ex, body == null ? 404 : 200, "image/svg+xml", body == null ? "" : body);
        });
        // what a drawing must never load: counted
        http.createContext("/r/", ex -> {
            hits.add(ex.getRequestURI().getPath());
            respond(
                    ex,
                    200,
                    "image/svg+xml",
                    "<svg xmlns='http://www.w3.org/2000/svg'><linearGradient id='a'/>"
                            + "<mask id='a'><rect width='100' height='100' fill='white'/></mask><filter id='a'/>"
                            + "<clipPath id='a'><rect width='100' height='100'/></clipPath></svg>");
        });
        http.start();
        base = "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @AfterAll
    void stopCounter() {
        if (http != null) http.stop(0);
    }

    @BeforeEach
    void noHitsYet() {
        hits.clear();
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) ex.getResponseBody().write(b);
        ex.close();
    }

    /** The vectors for a property, each pointing at its own counted resource. */
    List<String> vectors(String property) {
        String r = base + "/r/" + property;
        String tail = property.equals("cursor") ? ", auto" : "";
        return List.of(
                "\\75 rl(" + r + "-hex.svg#a)" + tail,
                "\\55 RL(" + r + "-upper.svg#a)" + tail,
                "u\\rl(" + r + "-char.svg#a)" + tail,
                "u/**/rl(" + r + "-comment.svg#a)" + tail,
                "\\75 rl('" + r + "-quoted.svg#a')" + tail,
                "\\75 rl(j\\61 vascript:window.__pwned=1)" + tail,
                "e\\78pression(window.__pwned=1)");
    }

    /** A program with one rect carrying the value, as a presentation attribute or in a style. */
    static String program(String property, String value, boolean style) {
        String v = style ? property + ":" + value : value;
        return "(svg [(rect 'white' 0 0 300 300) (addAttr (rect 'blue' 20 20 200 200) ['" + (style ? "style" : property)
                + "' '" + v.replace("\\", "\\\\").replace("'", "\\'") + "'])])";
    }

    /** Serves an SVG document, opens it, moves the pointer over its shapes and gives it time to load anything. */
    void open(String svg) {
        String path = "/doc/" + docs.incrementAndGet() + ".svg";
        served.put(path, svg);
        browser.driver.get(base + path);
        browser.until("the document to load", b -> "complete".equals(b.js("return document.readyState")));
        // the cursor image is loaded when the pointer is over the shape
        for (WebElement e : browser.driver.findElements(By.cssSelector("rect"))) {
            try {
                new Actions(browser.driver).moveToElement(e).perform();
            } catch (RuntimeException ignored) {
                // a shape that cannot be pointed at (zero size, masked away): nothing to hover
            }
        }
        // resources are requested as the document is laid out and painted: two frames, then a pause for the network
        browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 700)))");
    }

    /** The unsanitised drawing: the values as Duet's old filter let them through, written by hand. */
    static String unsanitised(List<String[]> shapes) {
        StringBuilder sb = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' width='400' height='400'>");
        for (String[] s : shapes)
            sb.append("<rect x='20' y='20' width='200' height='200' ")
                    .append(s[0].equals("fill") ? "" : "fill='blue' ")
                    .append(s[0])
                    .append("='")
                    .append(s[1].replace("&", "&amp;").replace("'", "&apos;").replace("<", "&lt;"))
                    .append("'/>");
        return sb.append("</svg>").toString();
    }

    @Test
    void theVectorsUnsanitisedFetchTheirUrls() {
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        for (String property : PROPERTIES) {
            hits.clear();
            List<String[]> shapes = new ArrayList<>();
            for (String v : vectors(property)) {
                shapes.add(new String[] {property, v});
                shapes.add(new String[] {"style", property + ":" + v});
            }
            open(unsanitised(shapes));
            browser.until("a request for the " + property + " URL", b -> !hits.isEmpty());
            assertThat(hits)
                    .as("requests made by the unsanitised drawing")
                    .isNotEmpty()
                    .allMatch(h -> h.startsWith("/r/" + property + "-"));
        }
    }

    @Test
    void duetsExportAndCanvasOfTheVectorsFetchNothing() {
        int refused = 0, opened = 0;
        for (String property : PROPERTIES)
            for (String v : vectors(property))
                for (boolean style : new boolean[] {false, true}) {
                    String program = program(property, v, style);
                    Renderer.Result r;
                    try {
                        r = Renderer.render("css.little", program);
                    } catch (DuetException e) {
                        refused++;
                        assertThat(e.line())
                                .as("the refusal of %s names its place", program)
                                .isPositive();
                        continue;
                    }
                    for (String svg : new String[] {r.canvas.toExportSvg(), r.canvas.toCanvasSvg(false)}) {
                        open(svg);
                        opened++;
                        assertThat(hits)
                                .as("requests made by Duet's drawing of %s", program)
                                .isEmpty();
                    }
                }
        assertThat(refused + opened).isPositive();
        assertThat(browser.js("return typeof window.__pwned")).isEqualTo("undefined");

        // the harness sees what it would have to see: the control, in the same browser, right after
        open(unsanitised(List.<String[]>of(new String[] {"fill", vectors("fill").get(0)})));
        browser.until("the control's request", b -> !hits.isEmpty());
    }

    @Test
    void escapedLocalReferencesStillWork() {
        // Duet keeps what is safe: an escaped url(#id) and an escaped colour name, read by Chromium as CSS
        String program = "['svg' [['width' 300] ['height' 300]] [\n"
                + "  ['defs' [] [['linearGradient' [['id' 'grad']] [['stop' [['offset' 0] ['stop-color' 'red']] []]]]]]\n"
                + "  ['rect' [['x' 0] ['y' 0] ['width' 100] ['height' 100] ['fill' '\\\\75 rl(#grad)']] []]\n"
                + "  ['rect' [['x' 100] ['y' 0] ['width' 100] ['height' 100] ['style' 'fill: \\\\72 ed /* c */; "
                + "foo: bar']] []]]]";
        Renderer.Result r = Renderer.render("css.little", program);
        String export = r.canvas.toExportSvg();
        assertThat(export).contains("style=\"fill:red\"");
        open(export);
        assertThat(browser.js("return getComputedStyle(document.querySelectorAll('rect')[0]).fill"))
                .asString()
                .contains("#grad");
        assertThat(browser.js("return getComputedStyle(document.querySelectorAll('rect')[1]).fill"))
                .isEqualTo("rgb(255, 0, 0)");
        assertThat(hits).isEmpty();
    }

    @Test
    void theEditorRefusesTheVectorsAndShowsNoneOfThem() {
        browser.openEditor(server.url());
        browser.waitForEditor();
        browser.replaceProgram("(svg [(rect 'green' 0 0 100 100)])");
        browser.waitForGoodRun();
        boolean style = false;
        for (String property : PROPERTIES) {
            String v = vectors(property).get(0);
            browser.replaceProgram(program(property, v, style = !style));
            String status = browser.waitForStatus(
                    "a refusal of the escaped url in " + property,
                    s -> s.startsWith("Line ") && s.contains("outside the drawing"));
            assertThat(status).contains("escapes");
            browser.until("the drawing to be dimmed", Browser::dimmed);
            assertThat(browser.svg()).doesNotContain("rl(").doesNotContain("127.0.0.1");
        }
        assertThat(hits).isEmpty();
        assertThat(browser.js("return typeof window.__pwned")).isEqualTo("undefined");
    }
}
