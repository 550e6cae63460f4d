package org.duet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The drawing tools as a person uses them: choose a tool (button or key), draw on the canvas, see the shape's code in
 * the code pane and the shape on the canvas; drag the new shape; undo each step; Delete; Esc.
 */
class DrawIT extends BrowserTest {
    static final String BLANK = "(blobs [\n])\n";

    static final String TWO_RECTS = "(def rect1\n  (let [x y w h] [40 40 100 60]\n"
            + "  (let [fill stroke strokeWidth] [100 100 0]\n  (let rot 0\n"
            + "    [ (rawRect fill stroke strokeWidth x y w h rot) ]))))\n\n"
            + "(def rect2\n  (let [x y w h] [200 40 80 80]\n"
            + "  (let [fill stroke strokeWidth] [300 300 0]\n  (let rot 0\n"
            + "    [ (rawRect fill stroke strokeWidth x y w h rot) ]))))\n\n"
            + "(blobs [\n  rect1\n  rect2\n])\n";

    private int docs;

    private String open(String program) {
        String doc = "draw" + (++docs);
        server.writeDocument(doc, program);
        browser.openEditor(server.url("doc/" + doc));
        browser.waitForGoodRun();
        return doc;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A key pressed with the focus outside the code pane and the fields. */
    private void key(CharSequence k) {
        browser.js("document.activeElement && document.activeElement.blur()");
        new Actions(browser.driver).sendKeys(k).perform();
    }

    /** The page position (CSS pixels) of a point of the drawing, rounded. */
    private int[] screen(double x, double y) {
        @SuppressWarnings("unchecked")
        List<Number> r = (List<Number>) browser.js(
                "const s = document.querySelector('duet-canvas .duet-stage > svg');"
                        + "const p = new DOMPoint(arguments[0], arguments[1]).matrixTransform(s.getScreenCTM());"
                        + "return [Math.round(p.x), Math.round(p.y)]",
                x,
                y);
        return new int[] {r.get(0).intValue(), r.get(1).intValue()};
    }

    /** The drawing's point under a page position, rounded as the tools round it. */
    private long[] at(int[] s) {
        @SuppressWarnings("unchecked")
        List<Number> r = (List<Number>) browser.js(
                "const p = document.querySelector('duet-canvas')"
                        + ".toDrawing(arguments[0], arguments[1]); return [Math.round(p.x), Math.round(p.y)]",
                s[0],
                s[1]);
        return new long[] {r.get(0).longValue(), r.get(1).longValue()};
    }

    /** Presses at a point of the drawing, moves in steps to another, releases (with Shift held if asked). */
    private void dragOn(double x1, double y1, double x2, double y2, boolean shift) {
        int[] a = screen(x1, y1), b = screen(x2, y2);
        Actions act = new Actions(browser.driver).moveToLocation(a[0], a[1]).pause(Duration.ofMillis(100));
        if (shift) act = act.keyDown(Keys.SHIFT);
        act = act.clickAndHold();
        for (int i = 1; i <= 5; i++)
            act = act.moveToLocation(a[0] + (b[0] - a[0]) * i / 5, a[1] + (b[1] - a[1]) * i / 5)
                    .pause(Duration.ofMillis(30));
        act = act.pause(Duration.ofMillis(100)).release();
        if (shift) act = act.keyUp(Keys.SHIFT);
        act.perform();
    }

    /** Clicks at points of the drawing, one after the other (slower than a double click). */
    private void clickOn(double x, double y) {
        int[] s = screen(x, y);
        new Actions(browser.driver)
                .moveToLocation(s[0], s[1])
                .pause(Duration.ofMillis(100))
                .click()
                .pause(Duration.ofMillis(500))
                .perform();
    }

    private String activeTool() {
        return (String) browser.js("const b = document.querySelector('#tools .duet-tool-active:not(#tool-stretchy)');"
                + " return b ? b.id : null");
    }

    private long count(String tag) {
        // the drawing's own elements: not the handles (another svg) nor a preview left from the gesture
        return (Long) browser.js(
                "return [...document.querySelectorAll('duet-canvas .duet-stage > svg:not(.duet-overlay) '"
                        + " + arguments[0])].filter(e => !e.closest('.duet-draw-preview')).length",
                tag);
    }

    private boolean previewShown() {
        return browser.present(By.cssSelector("duet-canvas .duet-stage > svg .duet-draw-preview .duet-draw-shape"));
    }

    /** Waits for the code pane to hold text that contains every one of the parts; returns the text. */
    private String codeWith(String what, String... parts) {
        return browser.until(what, b -> {
            String c = b.code();
            for (String p : parts) if (!c.contains(p)) return null;
            return c;
        });
    }

    private WebElement shape(int i) {
        return browser.driver.findElement(By.cssSelector("duet-canvas .duet-stage > svg [data-duet-i='" + i + "']"));
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    void aNewDocumentIsAnEmptyBlobListAndEachToolAddsItsShapeAndUndoTakesThemBackOneByOne() {
        browser.openEditor(server.url());
        String before = browser.docName();
        browser.menu("menu-document", "menu-new");
        browser.until(
                "the new document",
                b -> !b.docName().equals(before) && b.docName().startsWith("untitled"));
        browser.waitForGoodRun();
        String blank = browser.code();
        assertThat(blank).startsWith("; A new drawing").endsWith("\n(blobs [\n])\n");
        List<String> steps = new ArrayList<>();
        steps.add(blank);

        // Rect (key R): a drag from (40, 40) by (100, 60)
        key("r");
        browser.until("the rect tool", b -> "tool-rect".equals(activeTool()));
        long[] p = at(screen(40, 40)), q = at(screen(140, 100));
        dragOn(40, 40, 140, 100, false);
        String code = codeWith(
                "the rect's code",
                "(def rect1\n  (let [x y w h] [" + p[0] + " " + p[1] + " " + (q[0] - p[0]) + " " + (q[1] - p[1])
                        + "]\n  (let [fill stroke strokeWidth] [137 137 0]",
                "(rawRect fill stroke strokeWidth x y w h rot)",
                "(blobs [\n  rect1\n])");
        // the blank's comment stays first, the definition follows it
        assertThat(code).startsWith(blank.substring(0, blank.indexOf("(blobs")) + "(def rect1");
        browser.waitForSvg("the rect", s -> count("rect") == 1);
        browser.waitForGoodRun();
        assertThat(activeTool()).as("the tool stays chosen").isEqualTo("tool-rect");
        steps.add(code);

        // Ellipse with Shift: a circle
        browser.clickId("tool-ellipse");
        browser.until("the ellipse tool", b -> "tool-ellipse".equals(activeTool()));
        dragOn(200, 40, 280, 100, true);
        code = codeWith(
                "the circle's code",
                "(def circle2\n  (let [cx cy r] [",
                "(rawCircle color 360 0 cx cy r)",
                "  rect1\n  circle2\n])");
        browser.waitForSvg("the circle", s -> count("circle") == 1);
        steps.add(code);

        // Line (key L)
        key("l");
        browser.until("the line tool", b -> "tool-line".equals(activeTool()));
        p = at(screen(40, 150));
        q = at(screen(140, 190));
        dragOn(40, 150, 140, 190, false);
        code = codeWith(
                "the line's code",
                "(def line3\n  (let [x1 y1 x2 y2] [" + p[0] + " " + p[1] + " " + q[0] + " " + q[1] + "]",
                "(line color width x1 y1 x2 y2)",
                "  circle2\n  line3\n])");
        browser.waitForSvg("the line", s -> count("line") == 1);
        steps.add(code);

        // Polygon (key P): three clicks, then a click on the first point closes it
        key("p");
        browser.until("the polygon tool", b -> "tool-polygon".equals(activeTool()));
        long[] a = at(screen(200, 150)), bb = at(screen(280, 160)), c = at(screen(240, 220));
        clickOn(200, 150);
        clickOn(280, 160);
        browser.until("the polygon's preview", b -> previewShown());
        clickOn(240, 220);
        clickOn(202, 151);
        code = codeWith(
                "the polygon's code",
                "(def polygon4\n  (let pts [[" + a[0] + " " + a[1] + "] [" + bb[0] + " " + bb[1] + "] [" + c[0] + " "
                        + c[1] + "]]",
                "(rawPolygon color strokeColor strokeWidth pts 0)",
                "  line3\n  polygon4\n])");
        browser.waitForSvg("the polygon", s -> count("polygon") == 1);
        steps.add(code);

        // Path (key H): a click, a click with Q held (control point), an end point, a click on it again finishes
        key("h");
        browser.until("the path tool", b -> "tool-path".equals(activeTool()));
        a = at(screen(320, 60));
        bb = at(screen(360, 20));
        c = at(screen(400, 60));
        clickOn(320, 60);
        int[] s = screen(360, 20);
        new Actions(browser.driver)
                .keyDown("q")
                .moveToLocation(s[0], s[1])
                .pause(Duration.ofMillis(100))
                .click()
                .keyUp("q")
                .pause(Duration.ofMillis(500))
                .perform();
        clickOn(400, 60);
        clickOn(401, 61);
        code = codeWith(
                "the path's code",
                "(def path5\n",
                "(let d ['M' " + a[0] + " " + a[1] + " 'Q' " + bb[0] + " " + bb[1] + " " + c[0] + " " + c[1] + "]",
                "(rawPath color strokeColor strokeWidth d 0)",
                "  polygon4\n  path5\n])");
        browser.waitForSvg("the path", s2 -> count("path") == 1);
        steps.add(code);

        // Text (key T)
        key("t");
        browser.until("the text tool", b -> "tool-text".equals(activeTool()));
        dragOn(320, 120, 420, 150, false);
        code = codeWith(
                "the text's code",
                "(def text6\n",
                "(simpleText 'Tahoma, sans-serif' 'black' fontSize",
                "'Text']",
                "  path5\n  text6\n])");
        browser.until(
                "the text",
                b -> Boolean.TRUE.equals(
                        b.js(
                                "return [...document.querySelectorAll("
                                        + "'duet-canvas .duet-stage > svg:not(.duet-overlay) text')].some(t => t.textContent.trim() === 'Text')")));
        steps.add(code);

        // Rect, stretchy (key B): its bounding-box variant
        key("b");
        browser.until(
                "stretchy on",
                b -> b.byId("tool-stretchy").getAttribute("class").contains("duet-tool-active"));
        browser.clickId("tool-rect");
        p = at(screen(320, 180));
        q = at(screen(400, 230));
        dragOn(320, 180, 400, 230, false);
        code = codeWith(
                "the stretchy rect's code",
                "(def rect7\n  (let bounds @ [left top right bot] [" + p[0] + " " + p[1] + " " + q[0] + " " + q[1]
                        + "]",
                "(rectangle color 360 0 0 bounds)",
                "  text6\n  rect7\n])");
        browser.waitForSvg("the second rect", s2 -> count("rect") == 2);
        steps.add(code);

        // λ: an instance of the prelude's star in the dragged box
        browser.clickId("tool-lambda");
        browser.until(
                "the λ tool and its function list",
                b -> "tool-lambda".equals(activeTool())
                        && b.byId("tool-function").isDisplayed());
        p = at(screen(440, 40));
        q = at(screen(520, 120));
        long polygons = count("polygon");
        dragOn(440, 40, 520, 120, false);
        code = codeWith(
                "the λ blob", "  rect7\n  (withBounds [" + p[0] + " " + p[1] + " " + q[0] + " " + q[1] + "] star)\n])");
        browser.waitForSvg("the star", s2 -> count("polygon") == polygons + 1);
        steps.add(code);
        browser.waitForGoodRun();

        // undo, one drawing at a time, back to the blank
        for (int i = steps.size() - 2; i >= 0; i--) {
            String expected = steps.get(i);
            browser.clickToolbar("undo");
            browser.until("undo back to step " + i, b -> b.code().equals(expected));
        }
        browser.waitForSvg("an empty drawing", s2 -> count("[data-duet-i]") == 0);
    }

    @Test
    void theNewShapeCanBeDraggedAtOnceWithTheCursorTool() {
        String doc = open(BLANK);
        key("r");
        long[] p = at(screen(60, 60)), q = at(screen(160, 120));
        dragOn(60, 60, 160, 120, false);
        String drawn = codeWith("the rect", "[" + p[0] + " " + p[1] + " " + (q[0] - p[0]) + " " + (q[1] - p[1]) + "]");
        browser.waitForSvg("the rect", s -> count("rect") == 1);
        browser.waitForGoodRun();
        key("v");
        browser.until("the cursor tool", b -> "tool-cursor".equals(activeTool()));
        Actions a = new Actions(browser.driver)
                .moveToElement(shape(0))
                .pause(Duration.ofMillis(300))
                .clickAndHold();
        for (int i = 0; i < 10; i++) a = a.moveByOffset(3, 2).pause(Duration.ofMillis(20));
        a.pause(Duration.ofMillis(300)).release().perform();
        String moved = "[" + (p[0] + 30) + " " + (p[1] + 20) + " " + (q[0] - p[0]) + " " + (q[1] - p[1]) + "]";
        codeWith("the dragged rect", moved);
        browser.until("the rect to follow", b -> String.valueOf(p[0] + 30).equals(shape(0).getAttribute("x")));
        browser.until("the drag saved", b -> server.readDocument(doc).contains(moved));
        browser.clickToolbar("undo");
        browser.until("undo of the drag", b -> b.code().equals(drawn));
        browser.clickToolbar("undo");
        browser.until("undo of the drawing", b -> b.code().equals(BLANK));
    }

    @Test
    void deleteRemovesTheSelectedBlobInOneUndoStep() {
        String doc = open(TWO_RECTS);
        browser.waitForSvg("two rects", s -> count("rect") == 2);
        new Actions(browser.driver)
                .moveToElement(shape(0))
                .pause(Duration.ofMillis(200))
                .click()
                .perform();
        browser.until(
                "rect1 selected", b -> b.present(By.cssSelector("duet-canvas .duet-overlay [data-selected='0']")));
        key(Keys.DELETE);
        String after = TWO_RECTS.replace("(blobs [\n  rect1\n  rect2\n])", "(blobs [\n  rect2\n])");
        browser.until(
                "rect1 out of the list (its definition stays)", b -> b.code().equals(after));
        browser.waitForSvg("one rect", s -> count("rect") == 1 && "200".equals(shape(0).getAttribute("x")));
        browser.until("the deletion saved", b -> server.readDocument(doc).equals(after));
        assertThat(browser.present(By.cssSelector("duet-canvas .duet-overlay [data-selected]")))
                .isFalse();
        browser.clickToolbar("undo");
        browser.until("undo to bring it back", b -> b.code().equals(TWO_RECTS));
        browser.waitForSvg("two rects again", s -> count("rect") == 2);
        // Backspace too, with both selected
        new Actions(browser.driver)
                .moveToElement(shape(0))
                .pause(Duration.ofMillis(200))
                .click()
                .moveToElement(shape(1))
                .pause(Duration.ofMillis(200))
                .keyDown(Keys.SHIFT)
                .click()
                .keyUp(Keys.SHIFT)
                .perform();
        browser.until(
                "both selected",
                b -> b.present(By.cssSelector("duet-canvas .duet-overlay [data-selected='1']"))
                        && b.present(By.cssSelector("duet-canvas .duet-overlay [data-selected='0']")));
        key(Keys.BACK_SPACE);
        browser.until("both out of the list", b -> b.code().endsWith("(blobs [\n])\n"));
    }

    @Test
    void deleteSaysWhyWhenAShapeIsNotABlob() {
        String program = "(svg (map (\\x (rect 'red' x 20 30 30)) [20 70]))\n";
        open(program);
        browser.waitForSvg("two rects", s -> count("rect") == 2);
        new Actions(browser.driver)
                .moveToElement(shape(1))
                .pause(Duration.ofMillis(200))
                .click()
                .perform();
        browser.until("selected", b -> b.present(By.cssSelector("duet-canvas .duet-overlay [data-selected='1']")));
        key(Keys.DELETE);
        String status = browser.waitForStatus("the reason", s -> s.startsWith("Cannot delete"));
        assertThat(status).contains("main expression");
        assertThat(browser.code()).isEqualTo(program);
    }

    @Test
    void escCancelsAPolygonInProgressThenGoesBackToTheCursor() {
        String doc = open(TWO_RECTS);
        key("p");
        browser.until("the polygon tool", b -> "tool-polygon".equals(activeTool()));
        clickOn(60, 200);
        clickOn(160, 210);
        browser.until("the preview", b -> previewShown());
        key(Keys.ESCAPE);
        browser.until("the preview to go", b -> !previewShown());
        assertThat(activeTool()).as("Esc while drawing keeps the tool").isEqualTo("tool-polygon");
        // a new polygon starts afresh: two clicks and the first point again cancel it (too few points)
        clickOn(60, 200);
        clickOn(160, 210);
        clickOn(61, 201);
        browser.until("the preview to go", b -> !previewShown());
        key(Keys.ESCAPE);
        browser.until("the cursor", b -> "tool-cursor".equals(activeTool()));
        assertThat(browser.code()).isEqualTo(TWO_RECTS);
        assertThat(server.readDocument(doc)).isEqualTo(TWO_RECTS);
    }

    @Test
    void aDoubleClickFinishesAPolygonAndShiftKeepsALineAt45Degrees() {
        open(BLANK);
        key("p");
        long[] a = at(screen(40, 40)), b = at(screen(140, 50)), c = at(screen(100, 120));
        clickOn(40, 40);
        clickOn(140, 50);
        int[] s = screen(100, 120);
        new Actions(browser.driver)
                .moveToLocation(s[0], s[1])
                .pause(Duration.ofMillis(100))
                .doubleClick()
                .perform();
        codeWith(
                "the polygon",
                "(let pts [[" + a[0] + " " + a[1] + "] [" + b[0] + " " + b[1] + "] [" + c[0] + " " + c[1] + "]]");
        browser.waitForSvg("the polygon", x -> count("polygon") == 1);
        // a line dragged a little off the horizontal, with Shift: horizontal, as long as the drag
        key("l");
        long[] p = at(screen(40, 200)), q = at(screen(140, 215));
        long len = Math.round(Math.hypot(q[0] - p[0], q[1] - p[1]));
        dragOn(40, 200, 140, 215, true);
        codeWith(
                "the horizontal line",
                "(let [x1 y1 x2 y2] [" + p[0] + " " + p[1] + " " + (p[0] + len) + " " + p[1] + "]");
        browser.waitForSvg("the line", x -> count("line") == 1);
    }

    @Test
    void aPressWithoutMovingGoesBackToTheCursorAndAFlatBoxSaysWhyNothingWasDrawn() {
        open(TWO_RECTS);
        browser.clickId("tool-rect");
        browser.until("the rect tool", b -> "tool-rect".equals(activeTool()));
        clickOn(300, 200);
        browser.until("the cursor", b -> "tool-cursor".equals(activeTool()));
        assertThat(browser.code()).isEqualTo(TWO_RECTS);
        key("r");
        browser.until("the rect tool", b -> "tool-rect".equals(activeTool()));
        dragOn(300, 200, 300, 260, false);
        String status = browser.waitForStatus("why nothing was drawn", s -> s.contains("needs a width"));
        assertThat(browser.byId("status").getAttribute("class")).contains("duet-error");
        assertThat(browser.code()).isEqualTo(TWO_RECTS);
        assertThat(status).contains("nothing drawn");
    }

    @Test
    void toolKeysTypedInTheCodePaneAreText() {
        open(TWO_RECTS);
        browser.caretAt(TWO_RECTS.length() - 1);
        browser.type("r");
        browser.until(
                "the r in the code", b -> b.code().equals(TWO_RECTS.substring(0, TWO_RECTS.length() - 1) + "r\n"));
        assertThat(activeTool()).isEqualTo("tool-cursor");
    }

    @Test
    void theLambdaToolOffersTheProgramsFunctionsOfBounds() {
        String program = "(def box (\\bounds @ [left top right bot]\n"
                + "  [(rect 'orange' left top (- right left) (- bot top))]))\n\n"
                + "(blobs [\n])\n";
        open(program);
        browser.clickId("tool-lambda");
        WebElement select = browser.until(
                "the function list", b -> b.byId("tool-function").isDisplayed() ? b.byId("tool-function") : null);
        select.click();
        WebElement item = browser.until(
                "the box entry",
                b -> b.driver.findElements(By.cssSelector("vaadin-select-item")).stream()
                        .filter(e -> e.getText().equals("bounds. box"))
                        .findFirst()
                        .orElse(null));
        item.click();
        browser.until("box chosen", b -> b.byId("tool-function").getText().contains("bounds. box"));
        long[] p = at(screen(50, 50)), q = at(screen(150, 110));
        dragOn(50, 50, 150, 110, false);
        codeWith(
                "the box blob",
                "(blobs [\n  (withBounds [" + p[0] + " " + p[1] + " " + q[0] + " " + q[1] + "] box)\n])");
        browser.waitForSvg(
                "the orange box",
                s -> count("rect") == 1 && String.valueOf(q[0] - p[0]).equals(shape(0).getAttribute("width")));
    }
}
