package org.duet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Relating features as a person does: select points' coordinates, Make equal with a preview, align shapes, undo. */
class RelateIT extends CanvasTest {
    static final String RECTS = "(def [x1 y1 w1 h1] [50 100 80 60])\n"
            + "(def [x2 y2 w2 h2] [200 80 100 90])\n"
            + "(svg [(rect 'salmon' x1 y1 w1 h1) (rect 'steelblue' x2 y2 w2 h2) (rect 'gold' 360 130 70 50)])\n";

    private List<String> chips() {
        return browser.driver.findElements(By.cssSelector("#selected-features .duet-chip")).stream()
                .map(e -> e.getAttribute("data-ref"))
                .toList();
    }

    private WebElement candidate(int rank) {
        return browser.until(
                "candidate " + rank,
                b -> b
                        .driver
                        .findElements(By.cssSelector("#relate-results .duet-candidate[data-rank='" + rank + "']"))
                        .stream()
                        .findFirst()
                        .orElse(null));
    }

    @Test
    void makeEqualFromTwoPointsWithAPreviewThenUndo() {
        open(RECTS);
        String before = browser.code();
        select(0);
        // a click (no drag) on a corner handle selects the point's x and y
        withOverlay("[data-zone='TopRight'][data-shape='0']", e -> click(e));
        browser.until("rect 0's top-right point", b -> chips().equals(List.of("0.rectTRX", "0.rectTRY")));
        click(shape(1), true);
        withOverlay("[data-zone='TopLeft'][data-shape='1']", e -> click(e));
        browser.until("four features", b -> chips().size() == 4);
        overlay(".duet-hair.duet-on");
        browser.byId("tool-make-equal").click();
        WebElement first = candidate(1);
        assertThat(first.getText()).contains("make 1.rectTLX equal 0.rectTRX");
        // hovering previews code and drawing, leaving restores them
        new Actions(browser.driver)
                .moveToElement(first)
                .pause(Duration.ofMillis(400))
                .perform();
        browser.until("the preview in the code", b -> b.code().contains("(+ x1 w1)"));
        browser.until("the preview on the canvas", b -> "130".equals(shape(1).getAttribute("x")));
        new Actions(browser.driver)
                .moveToElement(browser.byId("doc-name"))
                .pause(Duration.ofMillis(400))
                .perform();
        browser.until("the preview to end", b -> b.code().equals(before) && "200".equals(shape(1).getAttribute("x")));
        new Actions(browser.driver)
                .moveToElement(candidate(1))
                .pause(Duration.ofMillis(300))
                .click()
                .perform();
        browser.until(
                "the edit", b -> b.code().contains("(+ x1 w1)") && !b.code().equals(before));
        browser.until(
                "rect 1 to move to rect 0's corner",
                b -> "130".equals(shape(1).getAttribute("x")) && "100".equals(shape(1).getAttribute("y")));
        browser.until("the features to be cleared", b -> chips().isEmpty());
        browser.clickToolbar("undo");
        browser.until("undo", b -> b.code().equals(before));
    }

    @Test
    void alignThreeShapesThenUndo() {
        open(RECTS);
        String before = browser.code();
        select(0);
        click(shape(1), true);
        click(shape(2), true);
        overlay("[data-selected='2']");
        new Actions(browser.driver)
                .moveToElement(browser.byId("align"))
                .pause(Duration.ofMillis(200))
                .click()
                .perform();
        WebElement top = browser.until(
                "the align menu",
                b -> b.driver.findElements(By.id("align-top")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
        top.click();
        WebElement first = candidate(1);
        new Actions(browser.driver)
                .moveToElement(first)
                .pause(Duration.ofMillis(300))
                .click()
                .perform();
        browser.until("the three tops to be equal", b -> {
            String y0 = shape(0).getAttribute("y");
            return y0.equals(shape(1).getAttribute("y")) && y0.equals(shape(2).getAttribute("y"));
        });
        assertThat(browser.code()).isNotEqualTo(before);
        browser.clickToolbar("undo");
        browser.until("undo", b -> b.code().equals(before));
        browser.until(
                "the tops back",
                b -> "100".equals(shape(0).getAttribute("y")) && "80".equals(shape(1).getAttribute("y")));
    }

    @Test
    void aDistanceLineSelectsAWidthAndEscClearsEverything() {
        open(RECTS);
        select(2);
        // off its middle, where the centre point's dot is
        withOverlay(
                ".duet-feature-distance[data-feature='2.rectWidth']",
                w -> new Actions(browser.driver)
                        .moveToElement(w, -20, 0)
                        .pause(Duration.ofMillis(250))
                        .click()
                        .perform());
        browser.until("the width selected", b -> chips().equals(List.of("2.rectWidth")));
        browser.js("document.activeElement && document.activeElement.blur()");
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.until(
                "nothing selected",
                b -> !b.byId("inspector").isDisplayed()
                        && !b.present(By.cssSelector("duet-canvas .duet-overlay .duet-feature-distance")));
    }

    @Test
    void aSliderValueCanBeRelatedToAWidth() {
        open(
                "(def size 30{5-60})\n(def [x y w] [50 60 80])\n(svg [(rect 'red' x y w 40) (circle 'blue' 200 100 size)])\n");
        select(0);
        click(browser.driver.findElement(By.cssSelector("duet-canvas .duet-slider-name[data-feature='slider1']")));
        withOverlay(
                ".duet-feature-distance[data-feature='0.rectWidth']",
                w -> new Actions(browser.driver)
                        .moveToElement(w, -20, 0)
                        .pause(Duration.ofMillis(250))
                        .click()
                        .perform());
        browser.until("the slider's value and the width", b -> chips().equals(List.of("slider1", "0.rectWidth")));
        assertThat(browser.byId("selected-features").getText()).contains("slider1 (size)");
        browser.byId("tool-make-equal").click();
        new Actions(browser.driver)
                .moveToElement(candidate(1))
                .pause(Duration.ofMillis(300))
                .click()
                .perform();
        browser.until("the width to follow the slider", b -> b.code().contains("(def [x y w] [50 60 size])"));
        browser.until("the rect as wide as the slider says", b -> "30".equals(attr(0, "width")));
    }
}
