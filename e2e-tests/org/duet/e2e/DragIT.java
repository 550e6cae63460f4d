package org.duet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Live synchronisation as a person uses it: hover a shape, drag it or its handles, move a slider, undo. */
class DragIT extends CanvasTest {
    static final String BOXES = "(def [x0 y0 w h sep] [40 28 60 130 110])\n"
            + "(def boxi (\\i (rect 'lightblue' (+ x0 (mult i sep)) y0 w h)))\n"
            + "(svg (map boxi [0! 1! 2!]))\n";

    static final String SHAPES = "(def [cx cy r] [300 200 50])\n"
            + "(def size 20{5-60})\n"
            + "(svg [(circle 'orange' cx cy r)\n"
            + "      (polygon 'green' 'black' 2 [[100 300] [160 300] [130 250]])\n"
            + "      (rect 'navy' 400 100 size size)])\n";

    /** Presses on an element, moves in small steps (waiting a frame between), releases; waits for the server's run. */
    @Override
    void drag(WebElement from, int dx, int dy) {
        // the browser shows its prediction of the drag at once; the server's run after the release replaces the drawing
        WebElement drawing = browser.driver.findElement(By.cssSelector("duet-canvas .duet-stage > svg"));
        Actions a = new Actions(browser.driver)
                .moveToElement(from)
                .pause(Duration.ofMillis(300))
                .clickAndHold();
        int steps = 10;
        for (int i = 0; i < steps; i++)
            a = a.moveByOffset(dx / steps, dy / steps).pause(Duration.ofMillis(20));
        a.pause(Duration.ofMillis(300)).release().perform();
        browser.waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(drawing));
    }

    @Test
    void hoverShowsCaptionHandlesAndHighlights() {
        open(BOXES);
        new Actions(browser.driver)
                .moveToElement(shape(1))
                .pause(Duration.ofMillis(300))
                .perform();
        browser.until("the zone caption", b -> caption().contains("rect 2 Interior — drag changes"));
        assertThat(caption()).contains("sep (110)").contains("y0 (28)").doesNotContain("ACTIVE");
        browser.screenshot(java.nio.file.Path.of("/tmp/e2e-drag-caption.png"));
        browser.until(
                "handles on the hovered rect",
                b -> b.present(By.cssSelector("duet-canvas .duet-overlay .duet-handle")));
        List<WebElement> marks = browser.codeShadow().findElements(By.cssSelector(".duet-mark-drives"));
        assertThat(marks).extracting(WebElement::getText).contains("110", "28");
    }

    @Test
    void draggingARectInteriorChangesTheNumbersAndUndoRestoresThem() {
        String doc = open(BOXES);
        String before = browser.code();
        drag(shape(1), 30, 20);
        browser.until("the dragged program", b -> b.code().contains("[40 48 60 130 140]"));
        browser.until("the rect to follow", b -> "180".equals(attr(1, "x")) && "48".equals(attr(1, "y")));
        browser.until("the third box to move with sep", b -> "320".equals(attr(2, "x")));
        browser.until("the drag to be saved", b -> server.readDocument(doc).contains("[40 48 60 130 140]"));
        browser.clickToolbar("undo");
        browser.until("undo to restore the program", b -> b.code().equals(before));
        browser.until("the rect back in place", b -> "150".equals(attr(1, "x")));
    }

    @Test
    void draggingACornerResizes() {
        open(BOXES);
        new Actions(browser.driver)
                .moveToElement(shape(0))
                .pause(Duration.ofMillis(300))
                .perform();
        withOverlay("[data-zone='BotRight']", corner -> drag(corner, 20, 10));
        browser.until("w and h to change", b -> b.code().contains("[40 28 80 140 110]"));
        // (re-read each time: the drawing is replaced when the program runs after the drag)
        browser.until("the rect to resize", b -> "80".equals(attr(0, "width")) && "140".equals(attr(0, "height")));
    }

    @Test
    void circleEdgeAndPolygonPoint() {
        open(SHAPES);
        new Actions(browser.driver)
                .moveToElement(shape(0))
                .pause(Duration.ofMillis(300))
                .perform();
        withOverlay("[data-zone='RightEdge']", edge -> drag(edge, 20, 0));
        browser.until("the radius to grow", b -> b.code().contains("[300 200 70]"));
        new Actions(browser.driver)
                .moveToElement(shape(1))
                .pause(Duration.ofMillis(300))
                .perform();
        withOverlay("[data-zone='Point3']", point -> drag(point, 10, -20));
        browser.until("the point to move", b -> b.code().contains("[140 230]"));
    }

    @Test
    void anAlternativeCanBePreviewedAndChosenAndUndoneInOneStep() {
        String doc = open(BOXES);
        String before = browser.code();
        drag(shape(1), 30, 0);
        browser.until("the drag", b -> b.code().contains("[40 28 60 130 140]"));
        WebElement other = browser.until(
                "the alternatives panel",
                b -> b.driver.findElements(By.cssSelector("#alternatives .duet-alternative")).stream()
                        .filter(e -> e.getText().contains("x0"))
                        .findFirst()
                        .orElse(null));
        new Actions(browser.driver)
                .moveToElement(other)
                .pause(Duration.ofMillis(300))
                .perform();
        browser.until("the preview of moving x0", b -> b.code().contains("[70 28 60 130 110]"));
        assertThat(server.readDocument(doc)).contains("[40 28 60 130 140]"); // a preview is not saved
        other.click();
        browser.until(
                "the chosen alternative saved", b -> server.readDocument(doc).contains("[70 28 60 130 110]"));
        browser.until("the rect where the drag put it", b -> "180".equals(attr(1, "x")));
        browser.clickToolbar("undo");
        browser.until("one undo back to before the drag", b -> b.code().equals(before));
    }

    @Test
    void aSliderDragsLive() {
        open(SHAPES);
        WebElement slider = browser.until(
                "the slider panel",
                b -> b.driver.findElements(By.cssSelector("duet-canvas .duet-sliders input[type=range]")).stream()
                        .findFirst()
                        .orElse(null));
        browser.js(
                "const s = arguments[0]; s.value = '40'; s.dispatchEvent(new Event('input', {bubbles: true}));"
                        + "s.dispatchEvent(new Event('change', {bubbles: true}));",
                slider);
        browser.until("the slider's number to change", b -> b.code().contains("(def size 40{5-60})"));
        browser.until("the rect to follow", b -> "40".equals(attr(2, "width")));
    }
}
