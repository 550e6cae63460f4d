package org.duet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.duet.svg.Renderer;
import org.duet.svg.SvgElement;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;

/**
 * Client-side prediction of drags: the dragged shape, the shapes that depend on the changed numbers and the numbers
 * in the code pane change within the pointer move's own event (so before any answer of the server could arrive), and
 * after pointer-up the code and the drawing are the server's.
 */
class DragPredictionIT extends CanvasTest {
    /** Hovers a shape until the browser has the prediction of its Interior zone. */
    private void hoverUntilPredicted(int shape) {
        new Actions(browser.driver)
                .moveToElement(browser.driver.findElement(
                        By.cssSelector("duet-canvas .duet-stage > svg [data-duet-i='" + shape + "']")))
                .pause(Duration.ofMillis(200))
                .perform();
        browser.until(
                "the prediction of shape " + shape,
                b -> Boolean.TRUE.equals(b.js(
                        "return document.querySelector('duet-canvas').predictions.has(arguments[0] + '/Interior')",
                        shape)));
    }

    /**
     * Presses on a shape and moves the pointer by (dx, dy) in `steps` moves; right after each move event (in the same
     * task, so no message from the server can have been handled) reads the given attributes, and the code on the
     * next frame (the server does not set the code during a predicted drag).
     * Returns [[attribute values…, code] per move]. The pointer stays pressed.
     */
    @SuppressWarnings("unchecked")
    private List<List<String>> pressAndMove(int shape, double dx, double dy, int steps, List<String> read) {
        return (List<List<String>>) browser.driver.executeAsyncScript(
                String.join(
                        "\n",
                        "const [shape, dx, dy, steps, read, done] = arguments;",
                        "const canvas = document.querySelector('duet-canvas');",
                        "const vp = canvas.querySelector('.duet-viewport');",
                        "const at = i => canvas.querySelector(`.duet-stage > svg [data-duet-i='${i}']`);",
                        "const b = at(shape).getBoundingClientRect();",
                        "let x = b.left + b.width / 2, y = b.top + b.height / 2; // the interior, away from the handles",
                        "const target = document.elementFromPoint(x, y);",
                        "const fire = (type, px, py, on) => (on || vp).dispatchEvent(new PointerEvent(type, {clientX: px, clientY: py,",
                        "    pointerId: 9, pointerType: 'mouse', button: 0, buttons: 1, bubbles: true, composed: true}));",
                        "fire('pointerdown', x, y, target);",
                        "const z = canvas.zoom, out = [];",
                        "(async () => {",
                        "  for (let i = 1; i <= steps; i++) {",
                        "    fire('pointermove', x + dx * z * i / steps, y + dy * z * i / steps);",
                        "    const row = read.map(r => { const [i, n] = r.split('.'); return at(Number(i)).getAttribute(n); });",
                        // the code pane follows before the next frame is drawn (the server leaves it to the prediction)
                        "    await new Promise(r => requestAnimationFrame(() => r()));",
                        "    row.push(document.querySelector('duet-code-editor').text);",
                        "    out.push(row);",
                        "  }",
                        "  window.__duetPointer = [x + dx * z, y + dy * z];",
                        "  done(out);",
                        "})();"),
                shape,
                dx,
                dy,
                steps,
                read);
    }

    private void release() {
        browser.js("const [x, y] = window.__duetPointer; document.querySelector('duet-canvas .duet-viewport')"
                + ".dispatchEvent(new PointerEvent('pointerup', {clientX: x, clientY: y, pointerId: 9, pointerType: 'mouse',"
                + " button: 0, buttons: 0, bubbles: true, composed: true}));");
    }

    /** The drawing shown equals the server's rendering of the saved program (every attribute of every shape). */
    private void assertDrawingIsTheServers(String doc) {
        String saved = server.readDocument(doc);
        assertThat(browser.code()).isEqualTo(saved);
        List<SvgElement> els = Renderer.render(doc, saved).canvas.elements();
        for (SvgElement el : els) {
            for (org.duet.svg.Attr a : el.attrs) {
                if (a.name.equals("HIDDEN") || a.name.equals("ZONES") || el.attr(a.name) != a) continue;
                assertThat(attr(el.index(), a.name))
                        .as("shape %d %s", el.index(), a.name)
                        .isEqualTo(a.text);
            }
        }
    }

    static final String BOXES = "(def [x0 y0 w h sep] [40 28 60 130 110])\n"
            + "(def boxi (\\i (rect 'lightblue' (+ x0 (mult i sep)) y0 w h)))\n"
            + "(svg (map boxi [0! 1! 2!]))\n";

    @Test
    void theDraggedAndTheDependentShapesAndTheCodeMoveBeforeTheServerAnswers() {
        String doc = open(BOXES);
        hoverUntilPredicted(1);
        List<List<String>> rows = pressAndMove(1, 30, 20, 3, List.of("1.x", "1.y", "2.x", "0.y"));
        // moves of 10, 20, 30 px right and 6.67, 13.33, 20 px down: sep and y0 change, box 2 follows sep, box 0 y0
        assertThat(rows.get(0).subList(0, 4)).containsExactly("160", "34.67", "280", "34.67");
        assertThat(rows.get(0).get(4)).contains("[40 34.67 60 130 120]");
        assertThat(rows.get(2).subList(0, 4)).containsExactly("180", "48", "320", "48");
        assertThat(rows.get(2).get(4)).contains("[40 48 60 130 140]");
        release();
        browser.until("the drag to be saved", b -> server.readDocument(doc).contains("[40 48 60 130 140]"));
        browser.until("the server's drawing", b -> b.code().equals(server.readDocument(doc)));
        assertDrawingIsTheServers(doc);
    }

    @Test
    void afterPointerUpTheServersDrawingWinsWhereControlFlowChanged() {
        // the blue rect's x is chosen by a branch on x0: its trace does not contain x0, so the browser cannot predict
        // it; the server's answers (and the final run) must set it
        String doc = open("(def x0 100)\n"
                + "(svg [(rect 'red' x0 20 50 50) (rect 'blue' (if (< x0 130) 10! 300!) 100 30 30)])\n");
        hoverUntilPredicted(0);
        List<List<String>> rows = pressAndMove(0, 50, 0, 1, List.of("0.x", "1.x"));
        assertThat(rows.get(0).get(0)).isEqualTo("150");
        assertThat(rows.get(0).get(1)).isEqualTo("10"); // not predictable: still the old value in the move's event
        release();
        browser.until("the drag to be saved", b -> server.readDocument(doc).contains("(def x0 150)"));
        browser.until("the blue rect moved by the server", b -> "300".equals(attr(1, "x")));
        browser.until("the code pane", b -> b.code().equals(server.readDocument(doc)));
        assertDrawingIsTheServers(doc);
    }

    @Test
    void aNumberSharedByTwoAttributesMovesBoth() {
        // x = w − 60 and width = w: dragging the interior changes w, which moves x and widens the rect
        String doc = open("(def w 100)\n(svg [(rect 'red' (- w 60!) 10 w 50)])\n");
        hoverUntilPredicted(0);
        List<List<String>> rows = pressAndMove(0, 20, 0, 2, List.of("0.x", "0.width"));
        assertThat(rows.get(1).subList(0, 2)).containsExactly("60", "120");
        assertThat(rows.get(1).get(2)).contains("(def w 120)");
        release();
        browser.until("the drag to be saved", b -> server.readDocument(doc).contains("(def w 120)"));
        browser.until("the code pane", b -> b.code().equals(server.readDocument(doc)));
        assertDrawingIsTheServers(doc);
    }

    @Test
    void aPredictionTheServerFindsWrongIsDroppedAndTheServersDrawingShown() {
        // (div w 2) is the prelude's recursive integer division: its trace is a sum of constant 1s, so the blue rect's
        // x = w + (div w 2) looks like w + 50 to the traces; the server's re-run shows x = w + w/2
        String doc = open("(def w 100)\n(svg [(rect 'red' w 10 40 40) (rect 'blue' (+ w (div w 2!)) 100 30 30)])\n");
        hoverUntilPredicted(0);
        List<List<String>> rows = pressAndMove(0, 20, 0, 1, List.of("0.x", "1.x"));
        assertThat(rows.get(0).subList(0, 2)).containsExactly("120", "170"); // the prediction, wrong for the blue rect
        browser.until("the server's answer during the drag", b -> "180".equals(attr(1, "x")));
        assertThat(browser.js("return document.querySelector('duet-canvas').drag.pred === null"))
                .isEqualTo(true);
        // the rest of the gesture goes by the server
        browser.js(
                "const [x, y] = window.__duetPointer; window.__duetPointer = [x + 10 * document.querySelector('duet-canvas').zoom, y];"
                        + "document.querySelector('duet-canvas .duet-viewport').dispatchEvent(new PointerEvent('pointermove',"
                        + " {clientX: window.__duetPointer[0], clientY: y, pointerId: 9, pointerType: 'mouse', button: 0, buttons: 1,"
                        + " bubbles: true, composed: true}));");
        browser.until(
                "the server's drawing of the next move", b -> "130".equals(attr(0, "x")) && "195".equals(attr(1, "x")));
        release();
        browser.until("the drag to be saved", b -> server.readDocument(doc).contains("(def w 130)"));
        browser.until("the code pane", b -> b.code().equals(server.readDocument(doc)));
        assertDrawingIsTheServers(doc);
    }
}
