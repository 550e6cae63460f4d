package org.duet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Selecting shapes as a person does: click, the selected shape's colour/opacity/width/rotation handles, dragging a
 * colour handle, "Why is it here?", Esc; and the code pane's number menu (freeze, pin) and asking a zone for its
 * other ways (key A).
 */
class SelectionIT extends CanvasTest {
    static final String COLOURS = "(def [x0 y0 w h sep] [40 108 60 130 110])\n"
            + "(def boxi (\\i\n  (let xi (+ x0 (* i sep))\n  (rect 200 xi y0 w h))))\n"
            + "(def tilted (rawRect [120 0.7] 30 4 420 120 90 60 20))\n"
            + "(svg (append (map boxi [0! 1! 2!]) [tilted]))\n";

    /** A token of the code pane by its text (numbers are their own highlighted tokens). */
    private WebElement codeToken(String text) {
        return browser.until(
                "the code token " + text,
                b -> b.codeShadow().findElements(By.cssSelector(".cm-line span")).stream()
                        .filter(e -> e.getText().equals(text))
                        .findFirst()
                        .orElse(null));
    }

    @Test
    void clickingAShapeSelectsItAndDraggingItsColourHandleChangesTheColourNumber() {
        open(COLOURS);
        String before = browser.code();
        select(1);
        browser.until(
                "the inspector",
                b -> b.byId("inspector").isDisplayed()
                        && b.byId("inspector").getText().contains("rect 2"));
        browser.screenshot(java.nio.file.Path.of("/tmp/e2e-selection-inspector.png"));

        overlay("[data-zone='FillBall'][data-shape='1']");
        assertThat(browser.present(By.cssSelector("duet-canvas .duet-overlay [data-zone='StrokeBall']")))
                .isFalse();
        dragOverlay("[data-zone='FillBall'][data-shape='1']", 20, 0); // n' = n + 2·dx
        browser.until("the colour number to grow", b -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(rect (\\d+) xi y0 w h\\)")
                    .matcher(b.code());
            return m.find() && Integer.parseInt(m.group(1)) > 220;
        });
        browser.until(
                "the boxes to change colour",
                b -> !shape(0).getAttribute("fill").equals("rgba(55, 152, 200, 1)")
                        && shape(0).getAttribute("fill").equals(shape(2).getAttribute("fill")));
        overlay("[data-selected='1']"); // still selected after the drag
        browser.clickToolbar("undo");
        browser.until("undo to restore the colour", b -> b.code().equals(before));
    }

    @Test
    void aRotatedShapeShowsItsWidgetsAndTheRotationHandleTurnsIt() {
        open(COLOURS);
        select(3);
        overlay("[data-zone='FillOpacityBall'][data-shape='3']");
        overlay("[data-zone='StrokeBall'][data-shape='3']");
        overlay("[data-zone='StrokeWidthBall'][data-shape='3']");
        dragOverlay("[data-zone='RotateBall'][data-shape='3']", 40, 30);
        browser.until("the angle to change", b -> !b.code().contains("420 120 90 60 20))"));
        browser.until("the shape to turn", b -> {
            String t = shape(3).getAttribute("transform");
            return t.startsWith("rotate(") && !t.startsWith("rotate(20 ");
        });
        dragOverlay("[data-zone='FillOpacityBall'][data-shape='3']", -6, 0); // o' = o + dx/20 = 0.7 − 0.3
        browser.until("the opacity to change", b -> b.code().contains("[120 0.4]"));
    }

    @Test
    void whyIsItHereShowsTheTraceAndLinksToTheCode() {
        open(COLOURS);
        select(2);
        WebElement x = browser.until(
                "the x row",
                b -> b.driver.findElements(By.cssSelector("#inspector .duet-number[data-key='x']")).stream()
                        .findFirst()
                        .orElse(null));
        assertThat(x.getText()).contains("260");
        x.click();
        browser.until("the provenance", b -> b.byId("why").getText().contains("function boxi"));
        String why = browser.byId("why").getText();
        assertThat(why).contains("x0").contains("sep").contains("= 220");
        WebElement x0 = browser.driver.findElements(By.cssSelector("#why .duet-why-linked")).stream()
                .filter(e -> e.getText().startsWith("x0"))
                .findFirst()
                .orElseThrow();
        x0.click();
        browser.until(
                "the constant marked in the code",
                b -> b.codeShadow().findElements(By.cssSelector(".duet-mark-drives")).stream()
                        .anyMatch(e -> e.getText().equals("40")));
        // Esc (with the focus outside the code) clears the selection
        new Actions(browser.driver).moveToElement(shape(0)).perform();
        browser.js("document.activeElement && document.activeElement.blur()");
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.until(
                "the selection to clear",
                b -> !b.present(By.cssSelector("duet-canvas .duet-overlay [data-selected]"))
                        && !b.byId("inspector").isDisplayed());
    }

    @Test
    void theCodePaneFreezesAndPinsNumbers() {
        open(COLOURS);
        new Actions(browser.driver).contextClick(codeToken("110")).perform();
        WebElement freeze = browser.until(
                "the number menu",
                b -> b.codeShadow().findElements(By.cssSelector(".duet-number-menu [data-action='freeze']")).stream()
                        .findFirst()
                        .orElse(null));
        freeze.click();
        browser.until("110 frozen", b -> b.code().startsWith("(def [x0 y0 w h sep] [40 108 60 130 110!])"));
        // sep is frozen: a drag of the middle box now changes x0
        new Actions(browser.driver)
                .moveToElement(shape(1))
                .pause(Duration.ofMillis(300))
                .perform();
        browser.until("the caption", b -> caption().contains("x0 (40)"));
        // pin x0 and the menu offers to unpin it
        new Actions(browser.driver).contextClick(codeToken("40")).perform();
        browser.until(
                        "the pin item",
                        b ->
                                b
                                        .codeShadow()
                                        .findElements(By.cssSelector(".duet-number-menu [data-action='pin']"))
                                        .stream()
                                        .findFirst()
                                        .orElse(null))
                .click();
        browser.until("the pinned message", b -> b.status().contains("Pinned"));
        new Actions(browser.driver).contextClick(codeToken("40")).perform();
        WebElement unpin = browser.until(
                "the unpin item",
                b -> b.codeShadow().findElements(By.cssSelector(".duet-number-menu [data-action='unpin']")).stream()
                        .findFirst()
                        .orElse(null));
        assertThat(unpin.getText()).isEqualTo("Unpin");
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.until(
                "the menu to close",
                b -> b.codeShadow()
                        .findElements(By.cssSelector(".duet-number-menu"))
                        .isEmpty());
    }

    @Test
    void keyAListsTheWaysToDragAZoneAndClickingOnePinsIt() {
        open(COLOURS);
        new Actions(browser.driver)
                .moveToElement(shape(1))
                .pause(Duration.ofMillis(300))
                .perform();
        browser.until("the caption", b -> caption().contains("sep (110)"));
        new Actions(browser.driver).sendKeys("a").perform();
        WebElement viaX0 = browser.until(
                "the ways to drag",
                b -> b.driver.findElements(By.cssSelector("#alternatives .duet-alternative")).stream()
                        .filter(e -> e.getText().startsWith("change x0"))
                        .findFirst()
                        .orElse(null));
        assertThat(browser.byId("alternatives").getText()).contains("Ways to drag rect 2 Interior");
        String before = browser.code();
        new Actions(browser.driver)
                .moveToElement(viaX0)
                .pause(Duration.ofMillis(300))
                .perform();
        browser.until("a preview in the code", b -> b.code().startsWith("(def [x0 y0 w h sep] [60 "));
        viaX0.click();
        browser.until("the pin", b -> b.status().contains("Pinned") && b.code().equals(before));
        new Actions(browser.driver)
                .moveToElement(shape(0))
                .pause(Duration.ofMillis(200))
                .moveToElement(shape(1))
                .pause(Duration.ofMillis(300))
                .perform();
        browser.until(
                "the pinned caption",
                b -> b.driver
                        .findElement(By.cssSelector("duet-canvas .duet-caption"))
                        .getText()
                        .contains("x0 (40)"));
    }

    @Test
    void aPointWidgetIsDrawnAndDragsItsPair() {
        open("(def [cx cy] ([100 200] : Point))\n(svg [(circle 'red' cx cy 20) (circle 'blue' (+ cx 60) cy 10)])\n");
        dragOverlay(".duet-point-widget[data-zone='PointSlider1']", 20, 10);
        browser.until("the pair to move", b -> b.code().startsWith("(def [cx cy] ([120 210] : Point))"));
        browser.until("the circles to follow", b -> "180".equals(shape(1).getAttribute("cx")));
        overlay(".duet-point-widget[data-zone='PointSlider1']");
    }

    @Test
    void aSelectedShapeStillDragsFromItsMiddleWhereItsFeaturesAreDrawn() {
        open(COLOURS);
        String before = browser.code();
        select(1);
        overlay(".duet-feature-dot[data-point='1|C']");
        drag(shape(1), 30, 0); // pressed on the centre point's dot and the width and height lines
        browser.until(
                "the boxes to move",
                b -> !b.code().equals(before) && b.code().startsWith("(def [x0 y0 w h sep] [40 108 60 130 140])"));
        overlay("[data-selected='1']");
    }
}
