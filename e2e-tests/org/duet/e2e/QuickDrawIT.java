package org.duet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.interactions.Actions;

/**
 * Issue 9, defect 1: shapes drawn quickly, one after the other, each pressed right where the pointer arrives (no hover,
 * no pause), while the previous shape's code is still on its way: every gesture must give its shape (code and canvas)
 * or say in the status line why it did not.
 */
class QuickDrawIT extends BrowserTest {
    /** A blank drawing whose run takes a while (fib 25: a few hundred milliseconds), so that runs end mid-gesture. */
    static final String SLOWISH = "(defrec fib (\\n (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))))\n"
            + "(def pad (fib 25))\n\n(blobs [\n])\n";

    private int docs;

    private void open(String program) {
        String doc = "quick" + (++docs);
        server.writeDocument(doc, program);
        browser.openEditor(server.url("doc/" + doc));
        browser.waitForGoodRun();
    }

    private void key(CharSequence k) {
        browser.js("document.activeElement && document.activeElement.blur()");
        new Actions(browser.driver).sendKeys(k).perform();
    }

    private String activeTool() {
        return (String) browser.js("const b = document.querySelector('#tools .duet-tool-active:not(#tool-stretchy)');"
                + " return b ? b.id : null");
    }

    /** The page position of a point of the drawing. */
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

    /**
     * A quick drag: the pointer jumps to the start and presses at once (no pause there, no hover first), moves in
     * three zero-duration steps and releases at once; the tool's key first if {@code key} is not null (in the same
     * burst of input: no round trip to the browser between the key and the press).
     */
    private void flick(String key, double x1, double y1, double x2, double y2) {
        int[] a = screen(x1, y1), b = screen(x2, y2);
        if (key != null) browser.js("document.activeElement && document.activeElement.blur()");
        Actions act = new Actions(browser.driver, Duration.ZERO);
        if (key != null) act = act.sendKeys(key);
        act = act.moveToLocation(a[0], a[1]).clickAndHold();
        for (int i = 1; i <= 3; i++)
            act = act.moveToLocation(a[0] + (b[0] - a[0]) * i / 3, a[1] + (b[1] - a[1]) * i / 3);
        act.release().perform();
    }

    private void flick(double x1, double y1, double x2, double y2) {
        flick(null, x1, y1, x2, y2);
    }

    private long count(String tag) {
        return (Long) browser.js(
                "return [...document.querySelectorAll('duet-canvas .duet-stage > svg:not(.duet-overlay) '"
                        + " + arguments[0])].filter(e => !e.closest('.duet-draw-preview')).length",
                tag);
    }

    private static int defs(String code, String prefix) {
        Matcher m = Pattern.compile("\\(def " + prefix + "\\d+\\n").matcher(code);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    /** Waits until the code has {@code n} definitions of the prefix and the canvas {@code n} of the tag. */
    private void expect(String what, String prefix, String tag, int n) {
        try {
            browser.until(what, Duration.ofSeconds(15), b -> defs(b.code(), prefix) == n && count(tag) == n);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(
                    what + ": " + defs(browser.code(), prefix) + " definitions of " + prefix
                            + "… in the code and " + count(tag) + " " + tag + " on the canvas, not " + n
                            + "; tool " + activeTool() + "; status '" + browser.status() + "'; "
                            + browser.js("return JSON.stringify(window.__log || [])"),
                    e);
        }
    }

    @Test
    void everyQuickRectangleIsDrawn() {
        open(DrawIT.BLANK);
        key("r");
        browser.until("the rect tool", b -> "tool-rect".equals(activeTool()));
        int n = 10;
        for (int i = 0; i < n; i++) {
            double x = 20 + 70 * (i % 5), y = 20 + 70 * (i / 5);
            flick(x, y, x + 45, y + 40);
        }
        expect("ten quick rectangles", "rect", "rect", n);
        assertThat(activeTool()).as("the tool stays chosen").isEqualTo("tool-rect");
        assertThat(browser.status()).doesNotContain("nothing drawn");
    }

    @Test
    void everyQuickRectangleIsDrawnWhileTheRunsOfTheEarlierOnesEnd() {
        open(SLOWISH);
        key("r");
        browser.until("the rect tool", b -> "tool-rect".equals(activeTool()));
        int n = 10;
        for (int i = 0; i < n; i++) {
            double x = 20 + 70 * (i % 5), y = 20 + 70 * (i / 5);
            flick(x, y, x + 45, y + 40);
        }
        expect("ten quick rectangles", "rect", "rect", n);
        assertThat(activeTool()).as("the tool stays chosen").isEqualTo("tool-rect");
    }

    @Test
    void aTextBoxDrawnRightAfterALineAppearsWhileTheRunsEnd() {
        open(SLOWISH);
        for (int round = 0; round < 3; round++) {
            double y = 20 + 80 * round;
            flick("l", 20, y, 120, y + 30);
            flick("t", 160, y, 300, y + 40);
        }
        expect("three lines", "line", "line", 3);
        expect("three text boxes", "text", "text", 3);
    }

    /** A drawing of many shapes: each new version takes the server a while to show (it holds the session meanwhile). */
    static final String LARGE =
            "(def dots (map (\\i (circle 'gray' (* 0.2 i) (* 0.2 i) 1)) (zeroTo 2000)))\n\n" + "(blobs [\n  dots\n])\n";

    @Test
    void everyQuickRectangleIsDrawnInALargeDrawing() {
        open(LARGE);
        browser.js(
                "window.__log = []; const c = () => document.querySelector('duet-canvas');"
                        + " for (const t of ['duet-draw', 'pointerdown', 'pointerup', 'pointercancel', 'duet-tool'])"
                        + " document.addEventListener(t, e => window.__log.push(t + (e.detail ? JSON.stringify(e.detail) : '')"
                        + " + ' ' + c().tools.tool + ' press ' + JSON.stringify(c().tools.press) + ' at '"
                        + " + JSON.stringify(e.clientX === undefined ? null : c().toDrawing(e.clientX, e.clientY))), true);"
                        + " window.addEventListener('pointerdown', e => window.__log.push('after down ' + JSON.stringify(c().tools.press)));");
        key("r");
        browser.until("the rect tool", b -> "tool-rect".equals(activeTool()));
        int n = 10;
        for (int i = 0; i < n; i++) {
            double x = 20 + 70 * (i % 5), y = 20 + 70 * (i / 5);
            flick(x, y, x + 45, y + 40);
        }
        expect("ten quick rectangles", "rect", "rect", n);
        assertThat(activeTool()).as("the tool stays chosen").isEqualTo("tool-rect");
    }

    @Test
    void aTextBoxDrawnRightAfterALineAppearsInALargeDrawing() {
        open(LARGE);
        for (int round = 0; round < 3; round++) {
            double y = 20 + 80 * round;
            flick("l", 20, y, 120, y + 30);
            flick("t", 160, y, 300, y + 40);
        }
        expect("three lines", "line", "line", 3);
        expect("three text boxes", "text", "text", 3);
    }

    @Test
    void aShapeDrawnRightAfterItsToolIsChosenIsDrawnWithThatTool() {
        open(DrawIT.BLANK);
        // the tool's key, then at once the drag (the tool's button answers through the server)
        int n = 4;
        for (int i = 0; i < n; i++) {
            double x = 20 + 70 * i;
            flick("r", x, 20, x + 45, 60);
            flick("e", x, 120, x + 45, 160);
        }
        expect("four rectangles", "rect", "rect", n);
        expect("four ellipses", "ellipse", "ellipse", n);
    }

    @Test
    void aTextBoxDrawnRightAfterALineAppears() {
        open(DrawIT.BLANK);
        for (int round = 0; round < 3; round++) {
            double y = 20 + 80 * round;
            flick("l", 20, y, 120, y + 30);
            flick("t", 160, y, 300, y + 40);
        }
        expect("three lines", "line", "line", 3);
        expect("three text boxes", "text", "text", 3);
    }

    @Test
    void aToolChosenDuringADragTakesOverWhenTheDragEndsAndTheDragIsDrawn() {
        open(DrawIT.BLANK);
        key("l");
        browser.until("the line tool", b -> "tool-line".equals(activeTool()));
        int[] a = screen(20, 20), b = screen(120, 60);
        // T while the line is being dragged (long enough for the server to answer), then the release
        new Actions(browser.driver, Duration.ZERO)
                .moveToLocation(a[0], a[1])
                .clickAndHold()
                .moveToLocation((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
                .sendKeys("t")
                .pause(Duration.ofMillis(500))
                .moveToLocation(b[0], b[1])
                .release()
                .perform();
        expect("the line", "line", "line", 1);
        browser.until("the text tool", x -> "tool-text".equals(activeTool()));
        flick(160, 20, 300, 60);
        expect("the text box", "text", "text", 1);
    }

    @Test
    void theCanvasTakesTheChosenToolAtTheKeyItselfBeforeTheServerAnswers() {
        open(DrawIT.BLANK);
        browser.js("document.activeElement && document.activeElement.blur()");
        // the key and the canvas's tool in one script: no answer from the server can come between them
        Object tool = browser.js("document.body.dispatchEvent(new KeyboardEvent('keydown', {key: 'e', code: 'KeyE',"
                + " bubbles: true}));"
                + " return document.querySelector('duet-canvas').getAttribute('data-tool')");
        assertThat(tool).isEqualTo("ellipse");
        browser.until("the ellipse tool", x -> "tool-ellipse".equals(activeTool()));
    }

    private void mouse(String type, int x, int y, int buttons) {
        browser.driver.executeCdpCommand(
                "Input.dispatchMouseEvent",
                java.util.Map.of(
                        "type",
                        type,
                        "x",
                        x,
                        "y",
                        y,
                        "button",
                        buttons == 0 && type.equals("mouseMoved") ? "none" : "left",
                        "buttons",
                        buttons,
                        "clickCount",
                        1));
    }

    @Test
    void rectanglesPressedWhereNoPointerMoveWentFirstAreDrawn() {
        open(DrawIT.BLANK);
        key("r");
        browser.until("the rect tool", b -> "tool-rect".equals(activeTool()));
        int n = 8;
        for (int i = 0; i < n; i++) {
            double x = 20 + 70 * (i % 4), y = 20 + 70 * (i / 4);
            int[] a = screen(x, y), b = screen(x + 45, y + 40);
            // the press comes first at the new place (no pointermove there before it), one move, the release
            mouse("mousePressed", a[0], a[1], 1);
            mouse("mouseMoved", b[0], b[1], 1);
            mouse("mouseReleased", b[0], b[1], 0);
        }
        expect("eight rectangles pressed without a move first", "rect", "rect", n);
    }
}
